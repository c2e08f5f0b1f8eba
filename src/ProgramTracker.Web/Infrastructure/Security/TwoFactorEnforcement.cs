using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ProgramTracker.Web.Infrastructure.Security;

/// <summary>
/// With Security:RequireTwoFactor on, an Admin or district staff account without an authenticator is sent to set one
/// up before it can do anything else; unsafe requests elsewhere are refused.
/// </summary>
public static class TwoFactorEnforcement
{
    public const string SetupPath = "/account/two-factor";

    private static readonly string[] OpenPrefixes = ["/account", "/error", "/health", "/api/v1"];

    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true
                && context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireTwoFactor
                && Roles.All.Any(r => Roles.NeedsTwoFactor(r) && user.IsInRole(r))
                && !OpenPrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                && !await HasTwoFactorAsync(context, user))
            {
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.Redirect(SetupPath);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                }

                return;
            }

            await next(context);
        });

    private static async Task<bool> HasTwoFactorAsync(HttpContext context, ClaimsPrincipal user)
    {
        // Signed in with a code: Identity marks the session. Otherwise ask the store (the user may have just enabled it).
        if (user.HasClaim("amr", "mfa"))
        {
            return true;
        }

        var users = context.RequestServices.GetRequiredService<UserManager<AppUser>>();
        return await users.GetUserAsync(user) is { } account && await users.GetTwoFactorEnabledAsync(account);
    }
}
