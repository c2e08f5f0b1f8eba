using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Data;

/// <summary>A unit as every page needs it, without its figures.</summary>
public sealed record UnitNode(
    int Id, string Slug, string Name, UnitKind Kind, int? ParentId, DateOnly? ValidFrom, DateOnly? ValidTo, string? Note, string? StatisticsCode, bool IsSynthetic);

/// <summary>A criteria set with its programme, as lists and dashboards show it.</summary>
public sealed record SetNode(
    int Id, string Code, string Name, UnitLevel Level, CriteriaTier Tier, int? DeclaredCriteria, int? DeclaredIndicators, DateOnly? ValidFrom, DateOnly? ValidTo,
    int SortOrder, string ProgrammeCode, string ProgrammeName, int ProgrammeSort, int DefinedIndicators, string? ProgrammeNameEn = null, string? NameEn = null)
{
    public bool InForce(DateOnly from, DateOnly to) => (ValidFrom is null || ValidFrom <= to) && (ValidTo is null || ValidTo >= from);
}

/// <summary>An indicator's names and kind, with its criterion's number and names (as the entry form groups its rows).</summary>
public sealed record IndicatorNode(int Id, string Code, string Name, string? Unit, ValueKind ValueType, int CriterionId, int SortOrder,
    QuarterCombine Combine = QuarterCombine.Last, string? NameEn = null, int CriterionNumber = 0, string CriterionName = "", string? CriterionNameEn = null,
    string? GroupName = null);

/// <summary>One part of a reorganisation (a predecessor going, whole or in part, into a successor).</summary>
public sealed record ReorganisationLink(
    int? PredecessorId, string PredecessorName, int SuccessorId, bool Whole, string ActNumber, DateOnly EffectiveOn);

/// <summary>
/// What every page reads and only a catalogue change alters (scope 1 of <c>data_version</c>, docs/adr/0008): units,
/// reporting periods, criteria sets with their versions, thresholds and indicators, units' classifications,
/// reorganisations, users' bound units, poverty standards and sources. Built once per catalogue version and shared, read-only, by every request,
/// so a page asks the database only for its figures (docs/adr/0010).
/// </summary>
public sealed class CatalogueSnapshot
{
    private readonly FrozenDictionary<int, UnitNode> _units;
    private readonly FrozenDictionary<string, UnitNode> _bySlug;
    private readonly ILookup<int, UnitNode> _children;
    private readonly FrozenDictionary<string, IReadOnlyList<UnitPlace>> _userUnits;
    private readonly ILookup<int, ReorganisationLink> _bySuccessor;
    private readonly ILookup<int, ReorganisationLink> _byPredecessor;

    private CatalogueSnapshot(long version, List<UnitNode> units, List<ReportingPeriod> periods, List<SetNode> sets, List<IndicatorNode> indicators,
        RuleBook rules, Dictionary<string, IReadOnlyList<UnitPlace>> userUnits, List<ReorganisationLink> links, List<PovertyStandard> standards, List<Source> sources)
    {
        PovertyStandards = standards;
        Sources = sources.ToFrozenDictionary(x => x.Id);
        Version = version;
        _units = units.ToFrozenDictionary(u => u.Id);
        _bySlug = units.ToFrozenDictionary(u => u.Slug, StringComparer.Ordinal);
        _children = units.Where(u => u.ParentId is not null).OrderBy(u => u.Kind).ThenBy(u => u.Id).ToLookup(u => u.ParentId!.Value);
        UpperUnits = units.Where(u => u.Kind is UnitKind.District or UnitKind.Province or UnitKind.City).OrderBy(u => u.IsSynthetic).ThenBy(u => u.Id).ToList();
        Periods = periods;
        Quarters = periods.Where(p => p.Quarter != null).ToList();
        Sets = sets;
        Indicators = indicators.ToFrozenDictionary(i => i.Id);
        Rules = rules;
        _userUnits = userUnits.ToFrozenDictionary(StringComparer.Ordinal);
        _bySuccessor = links.ToLookup(l => l.SuccessorId);
        _byPredecessor = links.Where(l => l.PredecessorId is not null).ToLookup(l => l.PredecessorId!.Value);
    }

    /// <summary>The catalogue version this snapshot was read at.</summary>
    public long Version { get; }

    /// <summary>Every reporting period, the latest first.</summary>
    public IReadOnlyList<ReportingPeriod> Periods { get; }

    /// <summary>The quarters of <see cref="Periods"/> (no half-year nor year), the latest first.</summary>
    public IReadOnlyList<ReportingPeriod> Quarters { get; }

    /// <summary>Every criteria set, by level and sort order.</summary>
    public IReadOnlyList<SetNode> Sets { get; }

    public IReadOnlyDictionary<int, IndicatorNode> Indicators { get; }

    /// <summary>The poverty standards, by sort order (detached rows: read, never change).</summary>
    public IReadOnlyList<PovertyStandard> PovertyStandards { get; }

    /// <summary>Every cited source by id (detached rows: read, never change).</summary>
    public IReadOnlyDictionary<int, Source> Sources { get; }

    /// <summary>The rules of every set for every unit (shared: its resolved rules are cached for all requests).</summary>
    public RuleBook Rules { get; }

    public int UnitCount => _units.Count;

    public UnitNode? Unit(int id) => _units.GetValueOrDefault(id);

    public UnitNode? Unit(string? slug) => slug is null ? null : _bySlug.GetValueOrDefault(slug);

    public IEnumerable<UnitNode> Units => _units.Values;

    /// <summary>The districts, provinces and cities (the units a dashboard shows), real ones first, then by id.</summary>
    public IReadOnlyList<UnitNode> UpperUnits { get; }

    /// <summary>The units directly under a unit, by kind and id.</summary>
    public IEnumerable<UnitNode> ChildrenOf(int id) => _children[id];

    /// <summary>The unit at the top of a unit's chain (a province or a centrally governed city; itself when it has no parent).</summary>
    public int RootOf(int id)
    {
        var unit = _units[id];
        for (var depth = 0; unit.ParentId is { } parent && depth < 16; depth++)
        {
            unit = _units[parent];
        }

        return unit.Id;
    }

    /// <summary>The commune-level units under a unit, directly or through a district (a province before 01/07/2025).</summary>
    public IEnumerable<UnitNode> CommunesUnder(int id) =>
        ChildrenOf(id).SelectMany(c => AdministrativeUnit.IsCommuneLevelKind(c.Kind) ? [c] : ChildrenOf(c.Id).Where(g => AdministrativeUnit.IsCommuneLevelKind(g.Kind)));

    /// <summary>A unit with its parent and grandparent, as the access rules read it.</summary>
    public UnitPlace? Place(int id) =>
        _units.GetValueOrDefault(id) is { } u ? new UnitPlace(u.Id, u.Kind, u.ParentId, u.ParentId is { } p ? _units[p].ParentId : null) : null;

    /// <summary>The units a user is bound to.</summary>
    public IReadOnlyList<UnitPlace> UnitsOf(string userId) => _userUnits.GetValueOrDefault(userId) ?? [];

    /// <summary>The reorganisation parts a unit is the successor of.</summary>
    public IEnumerable<ReorganisationLink> PartsInto(int successorId) => _bySuccessor[successorId];

    /// <summary>The reorganisation parts a unit is a predecessor in.</summary>
    public IEnumerable<ReorganisationLink> PartsFrom(int predecessorId) => _byPredecessor[predecessorId];

    internal static async Task<CatalogueSnapshot> LoadAsync(ProgramTrackerDbContext db, long version, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking()
            .Select(u => new UnitNode(u.Id, u.Slug, u.Name, u.Kind, u.ParentId, u.ValidFrom, u.ValidTo, u.Note, u.StatisticsCode, u.IsSynthetic))
            .ToListAsync(ct);
        var periods = await db.Periods.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ToListAsync(ct);
        var sets = await db.CriteriaSets.AsNoTracking()
            .OrderBy(s => s.Level).ThenBy(s => s.SortOrder)
            .Select(s => new SetNode(s.Id, s.Code, s.Name, s.Level, s.Tier, s.DeclaredCriteria, s.DeclaredIndicators, s.ValidFrom, s.ValidTo, s.SortOrder,
                s.Programme.Code, s.Programme.Name, s.Programme.SortOrder, s.Criteria.Sum(c => c.Indicators.Count), s.Programme.NameEn, s.NameEn))
            .ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking()
            .Select(i => new IndicatorNode(i.Id, i.Code, i.Name, i.Unit, i.ValueType, i.CriterionId, i.SortOrder, i.Combine, i.NameEn,
                i.Criterion.Number, i.Criterion.Name, i.Criterion.NameEn, i.Criterion.GroupName))
            .ToListAsync(ct);
        var rules = await RuleBook.LoadAsync(db, null, null, ct);
        var userUnits = (await db.UserUnits.AsNoTracking().Select(x => new { x.UserId, x.UnitId }).ToListAsync(ct))
            .GroupBy(x => x.UserId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.UnitId).ToList());
        var links = await db.Set<ReorganisationPart>().AsNoTracking()
            .OrderBy(p => p.SuccessorId).ThenBy(p => p.PredecessorName)
            .Select(p => new ReorganisationLink(p.PredecessorId, p.PredecessorName, p.SuccessorId, p.Whole, p.Reorganisation.ActNumber, p.Reorganisation.EffectiveOn))
            .ToListAsync(ct);

        var standards = await db.PovertyStandards.AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(ct);
        var sources = await db.Sources.AsNoTracking().ToListAsync(ct);

        var byId = units.ToDictionary(u => u.Id);
        UnitPlace PlaceOf(int id)
        {
            var u = byId[id];
            return new UnitPlace(u.Id, u.Kind, u.ParentId, u.ParentId is { } p ? byId[p].ParentId : null);
        }

        return new CatalogueSnapshot(version, units, periods, sets, indicators, rules,
            userUnits.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<UnitPlace>)kv.Value.Select(PlaceOf).ToList()), links, standards, sources);
    }
}

/// <summary>
/// Holds the current <see cref="CatalogueSnapshot"/> for the process (a singleton). A request reads the version rows
/// once (<see cref="CurrentCatalogue"/>); when the catalogue's version differs from the snapshot's, one request reloads
/// it and the others wait for that load. Several instances stay correct because each compares with the database.
/// </summary>
public sealed class CatalogueCache : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile CatalogueSnapshot? _current;

    /// <summary>The snapshot last loaded (null before the first): a guess of a slug's unit before this request's versions are read.</summary>
    public CatalogueSnapshot? Current => _current;

    public async Task<CatalogueSnapshot> GetAsync(ProgramTrackerDbContext db, long version, CancellationToken ct)
    {
        if (_current is { } hit && hit.Version == version)
        {
            return hit;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (_current is { } loaded && loaded.Version == version)
            {
                return loaded;
            }

            // Versions only grow: a request that read an older version than the snapshot's is served the snapshot it
            // read (from its own load), without replacing the newer one.
            var snapshot = await CatalogueSnapshot.LoadAsync(db, version, ct);
            if (_current is null || _current.Version < version)
            {
                _current = snapshot;
            }

            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();
}

/// <summary>
/// The data versions and the catalogue as one request sees them: the version rows are read once per request (one
/// query), and the catalogue comes from <see cref="CatalogueCache"/> at that version. Read paths only: a request that
/// changes the catalogue sees its change from the next request on.
/// </summary>
public sealed class CurrentCatalogue(ProgramTrackerDbContext db, CatalogueCache cache)
{
    private IReadOnlyDictionary<int, long>? _versions;
    private CatalogueSnapshot? _snapshot;
    private readonly HashSet<int> _unitScopesWanted = [];
    private readonly Dictionary<int, long> _unitVersions = [];

    /// <summary>
    /// Every scope's version (a scope without a row reads as 0), the rows of single units left out
    /// (<see cref="DataScopes.UnitScopeBase"/>): those are read by <see cref="UnitVersionAsync"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, long>> VersionsAsync(CancellationToken ct)
    {
        if (_versions is null)
        {
            // One query: the catalogue's and the roots' rows, and the rows of the units asked for beforehand (AlsoReadUnit).
            var wanted = _unitScopesWanted.ToArray();
            // A root's stripes summed in the query (DataScopes.ReaderScope): one row a root, whatever the number of stripes.
            var rows = await db.DataVersions.AsNoTracking()
                .Where(v => v.Id > DataScopes.UnitScopeBase || wanted.Contains(v.Id))
                .GroupBy(DataScopes.ReaderScope)
                .Select(g => new { Id = g.Key, Value = g.Sum(v => v.Value) })
                .ToListAsync(ct);
            foreach (var scope in wanted)
            {
                _unitVersions[scope] = 0;
            }

            foreach (var row in rows.Where(r => r.Id <= DataScopes.UnitScopeBase))
            {
                _unitVersions[row.Id] = row.Value;
            }

            _versions = rows.Where(r => r.Id > DataScopes.UnitScopeBase).ToDictionary(r => r.Id, r => r.Value);
        }

        return _versions;
    }

    /// <summary>Asks the request's first read of the versions to bring this unit's own row too (no query of its own).</summary>
    public void AlsoReadUnit(int unitId)
    {
        if (_versions is null)
        {
            _unitScopesWanted.Add(DataScopes.OfUnit(unitId));
        }
    }

    /// <summary>
    /// The version of one unit's own figures (docs/adr/0022): raised by every commit that changes them. Read with the other
    /// rows when <see cref="AlsoReadUnit"/> came first, else by a query of its own.
    /// </summary>
    public async Task<long> UnitVersionAsync(int unitId, CancellationToken ct)
    {
        await VersionsAsync(ct);
        var scope = DataScopes.OfUnit(unitId);
        if (!_unitVersions.TryGetValue(scope, out var value))
        {
            value = await db.DataVersions.AsNoTracking().Where(v => v.Id == scope).Select(v => v.Value).FirstOrDefaultAsync(ct);
            _unitVersions[scope] = value;
        }

        return value;
    }

    public async Task<CatalogueSnapshot> GetAsync(CancellationToken ct)
    {
        if (_snapshot is null)
        {
            var versions = await VersionsAsync(ct);
            _snapshot = await cache.GetAsync(db, versions.GetValueOrDefault(DataScopes.Catalogue), ct);
        }

        return _snapshot;
    }
}
