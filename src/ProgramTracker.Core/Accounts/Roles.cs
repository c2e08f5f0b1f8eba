namespace ProgramTracker.Core.Accounts;

/// <summary>The portal's five roles. A user holds one; the rules in <see cref="AccessRules"/> say what each may do.</summary>
public static class Roles
{
    /// <summary>Quản trị: users, units, periods and the catalogue; reads everything.</summary>
    public const string Admin = "Admin";

    /// <summary>
    /// Quản trị tỉnh: bound to one province, manages the accounts and the units' classifications of that province only;
    /// reads the province, enters no data (docs/adr/accounts-and-access.md). A role of its own, not Admin with a unit,
    /// so that every door written for <see cref="Admin"/> stays national without being revisited.
    /// </summary>
    public const string ProvinceAdmin = "ProvinceAdmin";

    /// <summary>
    /// Staff of the level above the communes (cán bộ huyện until 30/06/2025, cán bộ tỉnh since): bound to a district
    /// or a province, changes the data of every unit below it and reviews the submissions it is the reviewer of.
    /// The stored name stays "DistrictStaff" so existing accounts keep their role.
    /// </summary>
    public const string DistrictStaff = "DistrictStaff";

    /// <summary>Lãnh đạo: reads their district, changes nothing.</summary>
    public const string Leader = "Leader";

    /// <summary>Cán bộ xã: changes only the data of the communes they are bound to.</summary>
    public const string CommuneOfficer = "CommuneOfficer";

    public static IReadOnlyList<string> All { get; } = [Admin, ProvinceAdmin, DistrictStaff, Leader, CommuneOfficer];

    /// <summary>The roles that administer accounts (the national one everything, a province's its province).</summary>
    public static bool Administers(string? role) => role is Admin or ProvinceAdmin;

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    /// <summary>Roles whose accounts must use an authenticator app when Security:RequireTwoFactor is on.</summary>
    public static bool NeedsTwoFactor(string role) => role is Admin or ProvinceAdmin or DistrictStaff;
}
