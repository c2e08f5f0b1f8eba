using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ProgramTracker.Web.Infrastructure.Security;

public static class SecuritySetup
{
    public const string LoginPath = "/account/login";

    public static IServiceCollection AddProgramTrackerSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Configure<IHostEnvironment>((o, env) =>
        {
            var read = SecurityOptions.Read(configuration, env);
            o.RequireTwoFactor = read.RequireTwoFactor;
            o.SignInRateLimit = read.SignInRateLimit;
            o.TrustForwardedHeaders = read.TrustForwardedHeaders;
        });

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                // Length over composition rules (NIST SP 800-63B): a long passphrase of plain words is accepted.
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ProgramTrackerDbContext>()
            .AddUserManager<AppUserManager>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        // Identity's validator refreshes the cookie once a minute (a refresh sets a cookie, which the page cache must not
        // see on every request); StampCheck below compares the stamp on every request without reissuing the cookie.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/error/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Cookie.Name = ".ProgramTracker.Auth";
            // Every request checks the cookie's security stamp against the database (one indexed read): sign-out, disabling
            // an account, a password change or a role change renew the stamp and so end every session of that user at once,
            // including a cookie copied before sign-out.
            var identityValidation = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                try
                {
                    await identityValidation(context);
                    if (context.Principal?.Identity?.IsAuthenticated == true && !await StampCheck.IsCurrentAsync(context.HttpContext, context.Principal))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    }
                }
                catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
                {
                    if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
                    {
                        context.RejectPrincipal(); // the 503 page itself is shown without the person's name
                        return;
                    }

                    // Not "signed out": the database did not answer. DatabaseRetry runs the request again, or answers 503.
                    context.HttpContext.Items[DatabaseRetry.SwallowedFailure] = ex;
                    throw;
                }
            };
            // A signed-in user without the right gets 403 (and the Vietnamese 403 page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, CookieHardening>();
        services.AddSingleton<IPostConfigureOptions<AntiforgeryOptions>, CookieHardening>();

        services.AddAuthorization(Policies.Add);
        services.Configure<MvcOptions>(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));

        // Keys in the database: several instances behind a load balancer read each other's cookies and tokens.
        services.AddDataProtection()
            .SetApplicationName("ProgramTracker")
            .PersistKeysToDbContext<ProgramTrackerDbContext>()
            .AddKeyProtection(configuration);

        // The sign-in limit is counted in the database (SharedSignInLimitAttribute): every process shares it.
        services.AddHttpContextAccessor();
        services.AddScoped<ProgramTracker.Core.Accounts.ICurrentUser, RequestUser>();
        services.AddScoped<UnitAccess>();
        services.AddScoped<UserAdministration>();
        return services;
    }

    /// <summary>
    /// Behind a reverse proxy (Security:TrustForwardedHeaders), the client address and scheme come from X-Forwarded-*;
    /// first in the pipeline so that logs and rate limits see the real client.
    /// </summary>
    public static WebApplication UseTrustedForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.TrustForwardedHeaders)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }

        return app;
    }

    /// <summary>Authentication, authorization, the sign-in rate limit, the two-factor requirement and the first password change, in order (after routing).</summary>
    public static WebApplication UseProgramTrackerSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter(); // the API's limit per token (the sign-in limit is counted in the database, SharedSignInLimit)
        app.UseTwoFactorEnforcement();
        app.UseFirstPasswordEnforcement();
        return app;
    }

    private sealed class CookieHardening(IConfiguration configuration, IHostEnvironment environment)
        : IPostConfigureOptions<CookieAuthenticationOptions>, IPostConfigureOptions<AntiforgeryOptions>
    {
        private CookieSecurePolicy Secure => SecurityOptions.SecureCookies(configuration, environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = Secure;
        }

        public void PostConfigure(string? name, AntiforgeryOptions options)
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = Secure;
        }
    }

    /// <summary>
    /// True when the principal's security stamp is the account's current one and the account is enabled. Runs on every
    /// signed-in request, so it reads the two columns it needs rather than loading and tracking the whole account through
    /// <see cref="UserManager{TUser}"/> (which also built the user manager and its services per request). Not a compiled
    /// query: those are bound to one model, and the tests run both providers in one process.
    /// </summary>
    private static class StampCheck
    {
        public static async Task<bool> IsCurrentAsync(HttpContext http, System.Security.Claims.ClaimsPrincipal principal)
        {
            var identity = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
            var id = principal.FindFirst(identity.UserIdClaimType)?.Value;
            var stamp = principal.FindFirst(identity.SecurityStampClaimType)?.Value;
            if (id is null || stamp is null)
            {
                return false;
            }

            var account = await http.RequestServices.GetRequiredService<ProgramTrackerDbContext>().Users.AsNoTracking()
                .Where(u => u.Id == id).Select(u => new AccountState(u.SecurityStamp, u.IsDisabled))
                .FirstOrDefaultAsync(http.RequestAborted);
            return account is { IsDisabled: false } && string.Equals(stamp, account.SecurityStamp, StringComparison.Ordinal);
        }

        private sealed record AccountState(string? SecurityStamp, bool IsDisabled);
    }
}
