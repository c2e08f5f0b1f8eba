using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ProgramTracker.Web.Infrastructure.Security;

/// <summary>Claims the layout shows: the display name and a link to each unit the user is bound to. Access decisions never use them.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    ProgramTrackerDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "pt:display_name";

    /// <summary>Value "{kind}|{slug}|{name}", e.g. "Commune|nam-son|Nam Sơn": the layout builds the address and the label in the reader's language.</summary>
    public const string UnitLinkClaim = "pt:unit";

    /// <summary>"true" while the account still has its one-time password (<see cref="FirstPasswordEnforcement"/>).</summary>
    public const string MustChangePasswordClaim = "pt:must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.FullName ?? user.UserName ?? ""));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }

        var units = await db.UserUnits.AsNoTracking().Where(x => x.UserId == user.Id)
            .OrderBy(x => x.Unit.Kind).ThenBy(x => x.UnitId)
            .Select(x => new { x.Unit.Slug, x.Unit.Kind, x.Unit.Name })
            .ToListAsync();
        foreach (var u in units)
        {
            identity.AddClaim(new Claim(UnitLinkClaim, $"{u.Kind}|{u.Slug}|{u.Name}"));
        }

        return identity;
    }
}
