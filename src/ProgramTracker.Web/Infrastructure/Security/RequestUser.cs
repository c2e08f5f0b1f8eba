namespace ProgramTracker.Web.Infrastructure.Security;

/// <summary>The current user of a request: the signed-in person (cookie or API token), "?" when nobody is signed in.</summary>
public sealed class RequestUser(IHttpContextAccessor http) : ICurrentUser
{
    public string Name => http.HttpContext?.User.Identity?.Name is { Length: > 0 } name ? name : NamedUser.Unknown.Name;
}
