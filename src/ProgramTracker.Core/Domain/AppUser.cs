using Microsoft.AspNetCore.Identity;

namespace ProgramTracker.Core.Domain;

/// <summary>A portal account. Commune officers are bound to one or more communes; district staff and leaders to a district.</summary>
public class AppUser : IdentityUser
{
    public string? FullName { get; set; }
    public bool IsDisabled { get; set; }
    public List<UserUnit> Units { get; } = [];
}

public class UserUnit
{
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
}
