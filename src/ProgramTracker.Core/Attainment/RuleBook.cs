using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Attainment;

/// <summary>A version of a set as the rules need it.</summary>
public sealed record VersionInfo(int Id, int SetId, int Number, DateOnly? EffectiveFrom);

/// <summary>The rules of one set for one unit in one period: the version in force and each indicator's picked threshold.</summary>
public sealed record SetRules(
    int SetId, VersionInfo? Version, IReadOnlyList<int> CriterionIds, IReadOnlyList<IndicatorRule> Indicators, int? DeclaredCriteria, int? DeclaredIndicators)
{
    public bool Defines(int indicatorId) => Indicators.Any(i => i.IndicatorId == indicatorId);
}

/// <summary>
/// The one place where a set's rules are resolved: which version is in force for a period (the latest whose
/// effective date is on or before the period's first day) and which threshold applies to a unit (its region or
/// commune group on that day, see <see cref="ThresholdRules"/>). Loaded once per request for the sets and units a
/// page shows, in four queries, then answered from memory; or once per catalogue version for every set and unit, shared
/// by all requests (<see cref="Data.CatalogueSnapshot"/>).
/// </summary>
public sealed class RuleBook
{
    private sealed record SetInfo(int Id, ThresholdScheme Scheme, int? DeclaredCriteria, int? DeclaredIndicators, List<int> CriterionIds);
    private sealed record Row(int VersionId, int IndicatorId, int CriterionId, ValueKind ValueType, int Sort, ZoneRule Rule);
    private sealed record Classification(int UnitId, DateOnly? From, DateOnly? To, UnitZone Zone);

    private readonly Dictionary<int, SetInfo> _sets;
    private readonly Dictionary<int, List<VersionInfo>> _versions;
    private readonly Dictionary<int, List<Row>> _rows;
    private readonly ILookup<int, Classification> _zones;
    private readonly ConcurrentDictionary<(int VersionId, UnitZone? Zone), IReadOnlyList<IndicatorRule>> _cache = [];

    private RuleBook(Dictionary<int, SetInfo> sets, Dictionary<int, List<VersionInfo>> versions, Dictionary<int, List<Row>> rows, ILookup<int, Classification> zones)
    {
        (_sets, _versions, _rows, _zones) = (sets, versions, rows, zones);
    }

    /// <param name="setIds">The sets to load; null for every set (the shared book of <see cref="Data.CatalogueSnapshot"/>).</param>
    /// <param name="unitIds">The units whose classifications to load; null for every unit.</param>
    public static async Task<RuleBook> LoadAsync(ProgramTrackerDbContext db, IReadOnlyCollection<int>? setIds, IReadOnlyCollection<int>? unitIds, CancellationToken ct)
    {
        var all = setIds is null;
        var ids = setIds?.Distinct().ToArray() ?? [];
        var sets = (await db.CriteriaSets.AsNoTracking().Where(s => all || ids.Contains(s.Id))
                .Select(s => new { s.Id, s.ThresholdScheme, s.DeclaredCriteria, s.DeclaredIndicators, Criteria = s.Criteria.OrderBy(c => c.Number).Select(c => c.Id).ToList() })
                .ToListAsync(ct))
            .ToDictionary(s => s.Id, s => new SetInfo(s.Id, s.ThresholdScheme, s.DeclaredCriteria, s.DeclaredIndicators, s.Criteria));
        var versions = (await db.Set<CriteriaSetVersion>().AsNoTracking().Where(v => all || ids.Contains(v.CriteriaSetId))
                .Select(v => new VersionInfo(v.Id, v.CriteriaSetId, v.Number, v.EffectiveFrom))
                .ToListAsync(ct))
            .GroupBy(v => v.SetId)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.Number).ToList());
        var rows = (await db.Set<IndicatorThreshold>().AsNoTracking().Where(t => all || ids.Contains(t.Version.CriteriaSetId))
                .Select(t => new
                {
                    t.VersionId, t.IndicatorId, t.Indicator.CriterionId, t.Indicator.ValueType, Sort = t.Indicator.Criterion.Number * 1000 + t.Indicator.SortOrder,
                    t.Zone, t.Comparator, t.Value, t.Text,
                })
                .ToListAsync(ct))
            .Select(t => new Row(t.VersionId, t.IndicatorId, t.CriterionId, t.ValueType, t.Sort, new ZoneRule(t.Zone, t.Comparator, t.Value, t.Text)))
            .GroupBy(r => r.VersionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Sort).ThenBy(r => r.IndicatorId).ToList());
        var allUnits = unitIds is null;
        var units = unitIds?.Distinct().ToArray() ?? [];
        var zones = !allUnits && units.Length == 0
            ? Array.Empty<Classification>().ToLookup(c => c.UnitId)
            : (await db.Set<UnitClassification>().AsNoTracking().Where(c => allUnits || units.Contains(c.UnitId))
                    .Select(c => new { c.UnitId, c.ValidFrom, c.ValidTo, c.Region, c.CommuneGroup, c.EspeciallyDisadvantaged })
                    .ToListAsync(ct))
                .Select(c => new Classification(c.UnitId, c.ValidFrom, c.ValidTo, new UnitZone(c.Region, c.CommuneGroup, c.EspeciallyDisadvantaged)))
                .ToLookup(c => c.UnitId);
        return new RuleBook(sets, versions, rows, zones);
    }

    /// <summary>The version of a set in force on <paramref name="day"/>: the latest that took effect on or before it.</summary>
    public VersionInfo? VersionAt(int setId, DateOnly day) =>
        _versions.TryGetValue(setId, out var list)
            ? list.LastOrDefault(v => v.EffectiveFrom is null || v.EffectiveFrom <= day) ?? list.FirstOrDefault()
            : null;

    public IReadOnlyList<VersionInfo> Versions(int setId) => _versions.TryGetValue(setId, out var list) ? list : [];

    /// <summary>The unit's region, group and Điều 1 flag on <paramref name="day"/>, or null when not recorded.</summary>
    public UnitZone? ZoneAt(int unitId, DateOnly day) =>
        _zones[unitId].LastOrDefault(c => (c.From is null || c.From <= day) && (c.To is null || c.To >= day))?.Zone;

    public ThresholdScheme SchemeOf(int setId) => _sets.TryGetValue(setId, out var s) ? s.Scheme : ThresholdScheme.Common;

    /// <summary>The rules of a set for a unit in the period that starts on <paramref name="periodStart"/>.</summary>
    public SetRules For(int setId, int unitId, DateOnly periodStart)
    {
        var set = _sets[setId];
        var version = VersionAt(setId, periodStart);
        var zone = set.Scheme == ThresholdScheme.Common ? null : ZoneAt(unitId, periodStart);
        return new SetRules(setId, version, set.CriterionIds, version is null ? [] : Resolve(set, version.Id, zone), set.DeclaredCriteria, set.DeclaredIndicators);
    }

    /// <summary>Every zone's rule of an indicator in a version, for pages that list thresholds by zone.</summary>
    public IReadOnlyList<ZoneRule> ZoneRules(int versionId, int indicatorId) =>
        _rows.TryGetValue(versionId, out var rows) ? rows.Where(r => r.IndicatorId == indicatorId).Select(r => r.Rule).ToList() : [];

    private IReadOnlyList<IndicatorRule> Resolve(SetInfo set, int versionId, UnitZone? zone) =>
        _cache.GetOrAdd((versionId, zone), static (key, state) => state.Book.Build(state.Set, key.VersionId, key.Zone), (Book: this, Set: set));

    private IReadOnlyList<IndicatorRule> Build(SetInfo set, int versionId, UnitZone? zone)
    {
        var rows = _rows.GetValueOrDefault(versionId) ?? [];
        var rules = rows.GroupBy(r => r.IndicatorId)
            .Where(g => g.Any(r => r.Rule.Zone == Zones.Common))
            .Select(g =>
            {
                var first = g.First();
                var picked = ThresholdRules.Pick(set.Scheme, zone, g.Select(r => r.Rule).ToList());
                return new IndicatorRule(first.IndicatorId, first.CriterionId, first.ValueType, picked.Comparator, picked.Value, picked.Zone, picked.Text, picked.Why);
            })
            .ToList();
        return rules;
    }
}
