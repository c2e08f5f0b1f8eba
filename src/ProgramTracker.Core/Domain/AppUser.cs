using Microsoft.AspNetCore.Identity;

namespace ProgramTracker.Core.Domain;

/// <summary>A portal account. Commune officers are bound to one or more communes; district staff and leaders to a district
/// or a province; a province administrator to one province; the national administrator to none.</summary>
public class AppUser : IdentityUser
{
    public string? FullName { get; set; }
    public bool IsDisabled { get; set; }

    /// <summary>
    /// Set on accounts made with a one-time password (the bulk import): the first sign-in leads to the change-password
    /// page and nothing else opens until the user has chosen their own password.
    /// </summary>
    public bool MustChangePassword { get; set; }
    public List<UserUnit> Units { get; } = [];
}

public class UserUnit
{
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
}
