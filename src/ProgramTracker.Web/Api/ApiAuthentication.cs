using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ProgramTracker.Web.Api;

/// <summary>
/// `Authorization: Bearer pt_…` for /api only. Each request looks the token up by its hash and loads the owner's roles
/// as they are now, so a token carries exactly its user's rights, and a revoked token or a disabled user stops at once.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokens tokens, UserManager<AppUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "api_token_id";
    public const string TokenNameClaim = "api_token_name";
    public const string WriteClaim = "api_write";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.FindActiveAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("Unknown, expired or revoked token, or its account is disabled.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, token.UserId),
            new(ClaimTypes.Name, token.User.UserName ?? token.UserId),
            new(TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(TokenNameClaim, token.Name),
        };
        if (token.CanWrite)
        {
            claims.Add(new Claim(WriteClaim, "true"));
        }

        claims.AddRange((await users.GetRolesAsync(token.User)).Select(r => new Claim(ClaimTypes.Role, r)));
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, Formats.Current["Api.Unauthorized"],
            Formats.Current.Format("Api.UnauthorizedDetail", "/account/tokens"));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, Formats.Current["Api.Forbidden"], Formats.Current["Api.ForbiddenDetail"]);
}
