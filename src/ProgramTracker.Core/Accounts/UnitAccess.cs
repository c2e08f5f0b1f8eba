using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
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
/// cookie was issued). One instance per request; the user's profile is loaded once.
/// </summary>
public sealed class UnitAccess(ProgramTrackerDbContext db)
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
            var units = await db.UserUnits.AsNoTracking()
                .Where(x => x.UserId == id)
                .Select(x => new UnitPlace(x.Unit.Id, x.Unit.Kind, x.Unit.ParentId, x.Unit.Parent != null ? x.Unit.Parent.ParentId : null))
                .ToListAsync(ct);
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

    /// <summary>May the user change every one of these units (a reviewer's workbook)? One query for all of them.</summary>
    public async Task<bool> CanEditAllAsync(ClaimsPrincipal user, IReadOnlyCollection<int> unitIds, CancellationToken ct = default)
    {
        var ids = unitIds.Distinct().ToList();
        var places = await db.Units.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new UnitPlace(u.Id, u.Kind, u.ParentId, u.Parent != null ? u.Parent.ParentId : null))
            .ToListAsync(ct);
        var profile = await ProfileAsync(user, ct);
        return places.Count == ids.Count && places.All(unit => AccessRules.CanEdit(profile, unit));
    }

    /// <summary>May the user approve or return the unit's submissions for the period (they are bound to its reviewer then)?</summary>
    public async Task<bool> CanApproveAsync(ClaimsPrincipal user, int unitId, ReportingPeriod period, CancellationToken ct = default) =>
        AccessRules.CanApprove(await ProfileAsync(user, ct), (await ReviewerAsync(unitId, period, ct))?.Id);

    /// <summary>The unit that reviews this unit's submissions for the period: the nearest level above that existed then.</summary>
    public async Task<UnitValidity?> ReviewerAsync(int unitId, ReportingPeriod period, CancellationToken ct = default)
    {
        var chain = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new
            {
                P = u.Parent == null ? null : new UnitValidity(u.Parent.Id, u.Parent.Kind, u.Parent.Name, u.Parent.ValidFrom, u.Parent.ValidTo),
                G = u.Parent == null || u.Parent.Parent == null ? null
                    : new UnitValidity(u.Parent.Parent.Id, u.Parent.Parent.Kind, u.Parent.Parent.Name, u.Parent.Parent.ValidFrom, u.Parent.Parent.ValidTo),
            })
            .FirstOrDefaultAsync(ct);
        return chain is null ? null : AccessRules.Reviewer(new[] { chain.P, chain.G }.OfType<UnitValidity>(), period.StartsOn, period.EndsOn);
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
            var roots = AccessRules.ReadRoots(profile).ToArray();
            _scope = roots.Length == 0
                ? ReadScope.Nothing
                : ReadScope.Of(await db.Units.AsNoTracking()
                    .Where(u => roots.Contains(u.Id)
                        || (u.ParentId != null && roots.Contains(u.ParentId.Value))
                        || (u.Parent != null && u.Parent.ParentId != null && roots.Contains(u.Parent.ParentId.Value)))
                    .Select(u => u.Id)
                    .ToListAsync(ct));
        }

        _scopeUser = key;
        return _scope;
    }

    private Task<UnitPlace?> PlaceAsync(int unitId, CancellationToken ct) =>
        db.Units.AsNoTracking()
            .Where(u => u.Id == unitId)
            .Select(u => new UnitPlace(u.Id, u.Kind, u.ParentId, u.Parent != null ? u.Parent.ParentId : null))
            .FirstOrDefaultAsync(ct);
}
