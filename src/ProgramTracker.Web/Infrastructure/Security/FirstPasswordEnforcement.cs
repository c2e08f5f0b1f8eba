namespace ProgramTracker.Web.Infrastructure.Security;

/// <summary>
/// An account made with a one-time password (the bulk import, <c>AppUser.MustChangePassword</c>) is sent to the
/// change-password page before it can do anything else; unsafe requests elsewhere are refused. The session carries the
/// flag as a claim (<see cref="AppClaimsPrincipalFactory.MustChangePasswordClaim"/>), dropped when the cookie is
/// reissued after the change.
/// </summary>
public static class FirstPasswordEnforcement
{
    public const string ChangePath = "/account/password";

    /// <summary>
    /// Sign-in, sign-out, the password and two-factor pages, the language switch, errors and health stay open; not the
    /// rest of /account (an API token made with the one-time password would outlive it).
    /// </summary>
    private static readonly string[] OpenPrefixes =
        ["/account/login", "/account/login-2fa", "/account/logout", ChangePath, TwoFactorEnforcement.SetupPath, "/language", "/error", "/health"];

    public static IApplicationBuilder UseFirstPasswordEnforcement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && context.User.HasClaim(AppClaimsPrincipalFactory.MustChangePasswordClaim, "true")
                && !OpenPrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.Redirect(ChangePath);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                }

                return;
            }

            await next(context);
        });
}
