namespace ProgramTracker.Core.Accounts;

/// <summary>The portal's four roles. A user holds one; the rules in <see cref="AccessRules"/> say what each may do.</summary>
public static class Roles
{
    /// <summary>Quản trị: users, units, periods and the catalogue; reads everything.</summary>
    public const string Admin = "Admin";

    /// <summary>Cán bộ huyện: changes the data of every commune of their district and approves.</summary>
    public const string DistrictStaff = "DistrictStaff";

    /// <summary>Lãnh đạo: reads their district, changes nothing.</summary>
    public const string Leader = "Leader";

    /// <summary>Cán bộ xã: changes only the data of the communes they are bound to.</summary>
    public const string CommuneOfficer = "CommuneOfficer";

    public static IReadOnlyList<string> All { get; } = [Admin, DistrictStaff, Leader, CommuneOfficer];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    /// <summary>Roles whose accounts must use an authenticator app when Security:RequireTwoFactor is on.</summary>
    public static bool NeedsTwoFactor(string role) => role is Admin or DistrictStaff;
}
