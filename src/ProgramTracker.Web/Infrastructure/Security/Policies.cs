namespace ProgramTracker.Web.Infrastructure.Security;

/// <summary>
/// Authorization policies by role. They say which kind of user may reach an action; which unit's data the user may
/// touch is then decided per request by <see cref="UnitAccess"/>.
/// </summary>
public static class Policies
{
    /// <summary>Read pages: any of the four roles (scoped further to the user's district).</summary>
    public const string ReadData = nameof(ReadData);

    /// <summary>Enter or change unit data: Admin, district staff, commune officers (each within their units).</summary>
    public const string EditData = nameof(EditData);

    /// <summary>Approve or return submissions: Admin and district staff.</summary>
    public const string Approve = nameof(Approve);

    /// <summary>Units, periods, reorganisations and the catalogue: the national administrator only.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Accounts and unit classifications: the national administrator, and a province administrator within their province (checked per request by <see cref="UnitAccess"/>).</summary>
    public const string AdministerAccounts = nameof(AdministerAccounts);

    public static void Add(AuthorizationOptions options)
    {
        // Every endpoint needs a signed-in user unless it says [AllowAnonymous]. Under /api every endpoint carries its
        // token policy; what falls back here is an address or method no endpoint takes, which answers 404/405 as
        // problem details (ApiSetup), not a redirect to the sign-in page.
        options.FallbackPolicy = new AuthorizationPolicyBuilder()
            .RequireAssertion(c => c.User.Identity?.IsAuthenticated == true
                || (c.Resource is HttpContext http && http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)))
            .Build();
        options.AddPolicy(ReadData, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        options.AddPolicy(EditData, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.DistrictStaff, Roles.CommuneOfficer));
        options.AddPolicy(Approve, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.DistrictStaff));
        options.AddPolicy(Administer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(AdministerAccounts, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.ProvinceAdmin));
    }
}
