using System.Security.Claims;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Accounts;

/// <summary>The units a user may read: everything, or exactly the listed ids.</summary>
public sealed class ReadScope
{
    private readonly HashSet<int> _ids;

    private ReadScope(bool all, IEnumerable<int> ids)
    {
        All = all;
        _ids = [.. ids];
        UnitIds = [.. _ids.Order()];
    }

    public static ReadScope Everything { get; } = new(true, []);

    public static ReadScope Nothing { get; } = new(false, []);

    public static ReadScope Of(IEnumerable<int> unitIds) => new(false, unitIds);

    public bool All { get; }

    /// <summary>The readable unit ids when <see cref="All"/> is false; an array so that EF sends it as one parameter.</summary>
    public int[] UnitIds { get; }

    public bool Includes(int unitId) => All || _ids.Contains(unitId);
}

/// <summary>
/// Answers CanRead / CanEdit for the signed-in user against the database, as it is now (not as it was when the
/// cookie was issued): the units and the user's bound units come from the catalogue snapshot at the version this
/// request read (<see cref="CurrentCatalogue"/>), so a check asks the database nothing more. One instance per request.
/// </summary>
public sealed class UnitAccess(CurrentCatalogue catalogue)
{
    private readonly Dictionary<string, AccessProfile> _profiles = [];
    private ReadScope? _scope;
    private string? _scopeUser;

    public async Task<AccessProfile> ProfileAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (id is null)
        {
            return AccessProfile.Nobody;
        }

        if (!_profiles.TryGetValue(id, out var profile))
        {
            var units = (await catalogue.GetAsync(ct)).UnitsOf(id);
            var roles = Roles.All.Where(user.IsInRole).ToList();
            profile = new AccessProfile(roles, units);
            _profiles[id] = profile;
        }

        return profile;
    }

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, int unitId, CancellationToken ct = default) =>
        await PlaceAsync(unitId, ct) is { } unit && AccessRules.CanRead(await ProfileAsync(user, ct), unit);

    public async Task<bool> CanEditAsync(ClaimsPrincipal user, int unitId, CancellationToken ct = default) =>
        await PlaceAsync(unitId, ct) is { } unit && AccessRules.CanEdit(await ProfileAsync(user, ct), unit);

    /// <summary>May the user administer the unit (its classifications, its accounts)? See <see cref="AccessRules.CanAdminister"/>.</summary>
    public async Task<bool> CanAdministerAsync(ClaimsPrincipal user, int unitId, CancellationToken ct = default) =>
        await PlaceAsync(unitId, ct) is { } unit && AccessRules.CanAdminister(await ProfileAsync(user, ct), unit);

    /// <summary>May the user see and change this account? See <see cref="AccessRules.CanManageAccount"/>.</summary>
    public async Task<bool> CanManageAccountAsync(ClaimsPrincipal user, string accountId, string? accountRole, CancellationToken ct = default)
    {
        var units = (await catalogue.GetAsync(ct)).UnitsOf(accountId);
        return AccessRules.CanManageAccount(await ProfileAsync(user, ct), accountRole, units);
    }

    /// <summary>May the user give these settings (a role and its units) to an account?</summary>
    public async Task<bool> CanGrantAsync(ClaimsPrincipal user, string role, IReadOnlyCollection<int> unitIds, CancellationToken ct = default)
    {
        var profile = await ProfileAsync(user, ct);
        if (profile.IsAdmin)
        {
            return true;
        }

        var snapshot = await catalogue.GetAsync(ct);
        var places = unitIds.Distinct().Select(snapshot.Place).ToList();
        return AccessRules.CanGrant(profile, role) && places.Count > 0 && places.All(p => p is not null && AccessRules.CanAdminister(profile, p));
    }

    /// <summary>May the user change every one of these units (a reviewer's workbook)?</summary>
    public async Task<bool> CanEditAllAsync(ClaimsPrincipal user, IReadOnlyCollection<int> unitIds, CancellationToken ct = default)
    {
        var ids = unitIds.Distinct().ToList();
        var snapshot = await catalogue.GetAsync(ct);
        var places = ids.Select(snapshot.Place).OfType<UnitPlace>().ToList();
        var profile = await ProfileAsync(user, ct);
        return places.Count == ids.Count && places.All(unit => AccessRules.CanEdit(profile, unit));
    }

    /// <summary>May the user approve or return the unit's submissions for the period (they are bound to its reviewer then)?</summary>
    public async Task<bool> CanApproveAsync(ClaimsPrincipal user, int unitId, ReportingPeriod period, CancellationToken ct = default) =>
        AccessRules.CanApprove(await ProfileAsync(user, ct), (await ReviewerAsync(unitId, period, ct))?.Id);

    /// <summary>The unit that reviews this unit's submissions for the period: the nearest level above that existed then.</summary>
    public async Task<UnitValidity?> ReviewerAsync(int unitId, ReportingPeriod period, CancellationToken ct = default)
    {
        var snapshot = await catalogue.GetAsync(ct);
        if (snapshot.Unit(unitId) is not { } unit)
        {
            return null;
        }

        var parent = unit.ParentId is { } p ? snapshot.Unit(p) : null;
        var grandparent = parent?.ParentId is { } g ? snapshot.Unit(g) : null;
        var chain = new[] { parent, grandparent }.OfType<UnitNode>().Select(u => new UnitValidity(u.Id, u.Kind, u.Name, u.ValidFrom, u.ValidTo));
        return AccessRules.Reviewer(chain, period.StartsOn, period.EndsOn);
    }

    /// <summary>The units the user may read, for filtering lists and figures in queries.</summary>
    public async Task<ReadScope> ReadScopeAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var profile = await ProfileAsync(user, ct);
        var key = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (_scope is not null && _scopeUser == key)
        {
            return _scope;
        }

        if (AccessRules.ReadsEverything(profile))
        {
            _scope = ReadScope.Everything;
        }
        else
        {
            // A root, its children and its grandchildren (the levels below a province or a district).
            var roots = AccessRules.ReadRoots(profile).ToArray();
            var snapshot = await catalogue.GetAsync(ct);
            var children = roots.SelectMany(snapshot.ChildrenOf).ToList();
            _scope = roots.Length == 0
                ? ReadScope.Nothing
                : ReadScope.Of(roots.Where(r => snapshot.Unit(r) is not null)
                    .Concat(children.Select(c => c.Id))
                    .Concat(children.SelectMany(c => snapshot.ChildrenOf(c.Id)).Select(g => g.Id)));
        }

        _scopeUser = key;
        return _scope;
    }

    private async Task<UnitPlace?> PlaceAsync(int unitId, CancellationToken ct) => (await catalogue.GetAsync(ct)).Place(unitId);
}
