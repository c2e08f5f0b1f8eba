using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Accounts;

/// <summary>Where a unit sits in the tree: enough to decide access without loading the tree.</summary>
public sealed record UnitPlace(int Id, UnitKind Kind, int? ParentId, int? GrandparentId)
{
    public bool IsCommuneLevel => AdministrativeUnit.IsCommuneLevelKind(Kind);

    /// <summary>True when this unit is <paramref name="rootId"/> or lies below it.</summary>
    public bool IsWithin(int rootId) => Id == rootId || ParentId == rootId || GrandparentId == rootId;
}

/// <summary>A unit with its dates, for finding who reviews at a date.</summary>
public sealed record UnitValidity(int Id, UnitKind Kind, string Name, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public string FullName => Domain.AdministrativeUnit.FullNameOf(Kind, Name);
}

/// <summary>What access decisions need to know of a user: their roles and the units they are bound to.</summary>
public sealed record AccessProfile(IReadOnlyCollection<string> Roles, IReadOnlyList<UnitPlace> Units)
{
    public static AccessProfile Nobody { get; } = new([], []);

    /// <summary>The national administrator (an unbound Admin): everything.</summary>
    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);

    /// <summary>A province administrator: the accounts and classifications of the provinces they are bound to.</summary>
    public bool IsProvinceAdmin => !IsAdmin && Roles.Contains(Accounts.Roles.ProvinceAdmin);

    public bool Has(string role) => Roles.Contains(role);
}

/// <summary>
/// Who may read and change the data of which unit. Pure rules, so they are unit-tested on their own;
/// <see cref="UnitAccess"/> feeds them from the database for the signed-in user.
/// </summary>
public static class AccessRules
{
    /// <summary>
    /// The units whose subtree a user reads: for a user bound to a district, that district; for a commune officer
    /// (or anyone bound to a commune), the commune's district, so that they see their neighbours and the district.
    /// </summary>
    public static IReadOnlyList<int> ReadRoots(AccessProfile profile)
    {
        if (!profile.Roles.Any(Roles.IsKnown))
        {
            return [];
        }

        return profile.Units.Select(u => u.IsCommuneLevel && u.ParentId is { } district ? district : u.Id).Distinct().ToList();
    }

    public static bool ReadsEverything(AccessProfile profile) => profile.IsAdmin;

    public static bool CanRead(AccessProfile profile, UnitPlace unit) =>
        ReadsEverything(profile) || ReadRoots(profile).Any(unit.IsWithin);

    /// <summary>
    /// Admin corrects anything; district staff change their district and every commune in it; a commune officer
    /// changes only the communes they are bound to; leaders change nothing.
    /// </summary>
    public static bool CanEdit(AccessProfile profile, UnitPlace unit)
    {
        if (profile.IsAdmin)
        {
            return true;
        }

        // A province administrator sets up the province (accounts, classifications) and enters no data.
        if (profile.Has(Roles.DistrictStaff) && profile.Units.Any(b => unit.IsWithin(b.Id)))
        {
            return true;
        }

        return profile.Has(Roles.CommuneOfficer) && unit.IsCommuneLevel && profile.Units.Any(b => b.Id == unit.Id);
    }

    /// <summary>
    /// Approving or returning a submission: the staff bound to the unit's reviewer in that period (the nearest level
    /// above that existed then: the district until 30/06/2025, the province since), and Admin. No reviewer: nobody.
    /// </summary>
    public static bool CanApprove(AccessProfile profile, int? reviewerUnitId) =>
        profile.IsAdmin || (reviewerUnitId is { } reviewer && profile.Has(Roles.DistrictStaff) && profile.Units.Any(b => b.Id == reviewer));

    /// <summary>
    /// The reviewer of a unit's submissions for a period: the nearest ancestor that existed during the period.
    /// <paramref name="ancestors"/> lists parent, grandparent… with their validity.
    /// </summary>
    public static UnitValidity? Reviewer(IEnumerable<UnitValidity> ancestors, DateOnly periodStart, DateOnly periodEnd) =>
        ancestors.FirstOrDefault(a => Domain.AdministrativeUnit.Overlaps(a.ValidFrom, a.ValidTo, periodStart, periodEnd));

    /// <summary>
    /// May the user administer this unit (its classifications, the accounts bound to it)? The national administrator:
    /// every unit; a province administrator: their province and the units below it; nobody else.
    /// </summary>
    public static bool CanAdminister(AccessProfile profile, UnitPlace unit) =>
        profile.IsAdmin || (profile.IsProvinceAdmin && profile.Units.Any(b => unit.IsWithin(b.Id)));

    /// <summary>Administers every unit and the national settings (periods, catalogue, reorganisations): the national administrator.</summary>
    public static bool AdministersAll(AccessProfile profile) => profile.IsAdmin;

    /// <summary>
    /// May the user give an account this role? The national administrator: any; a province administrator: the roles
    /// that work inside a province (staff, leader, commune officer), never an administrator's.
    /// </summary>
    public static bool CanGrant(AccessProfile profile, string role) =>
        Roles.IsKnown(role) && (profile.IsAdmin || (profile.IsProvinceAdmin && !Roles.Administers(role)));

    /// <summary>
    /// May the user see and change an account, given its role and the units it is bound to? The national
    /// administrator: every account; a province administrator: accounts of a role they may grant whose every unit is
    /// in their province (an account with no unit, or one unit elsewhere, is not theirs).
    /// </summary>
    public static bool CanManageAccount(AccessProfile profile, string? role, IReadOnlyCollection<UnitPlace> units) =>
        profile.IsAdmin
        || (profile.IsProvinceAdmin && role is not null && CanGrant(profile, role) && units.Count > 0 && units.All(u => CanAdminister(profile, u)));
}
