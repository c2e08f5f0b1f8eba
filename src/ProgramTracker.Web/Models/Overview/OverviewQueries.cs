using System.Collections.Concurrent;
using ProgramTracker.Core.Periods;

namespace ProgramTracker.Web.Models.Overview;

public sealed record OverviewRow(string Slug, string Name, bool IsSynthetic, int Communes, int WithData, int Achieved, int Approved, double? AverageCriteriaMet);

public sealed record OverviewModel(
    string? UnitSlug,
    string Title,
    string ChildLabel,
    bool ChildrenAreProvinces,
    ReportingPeriod? Period,
    IReadOnlyList<ReportingPeriod> Periods,
    string SetCode,
    string SetName,
    int? DeclaredCriteria,
    IReadOnlyList<(string Code, string Name)> Sets,
    IReadOnlyList<OverviewRow> Rows,
    bool ApprovedOnly);

/// <summary>One row's counts of the attainment summaries (a province's, or a district's within a province).</summary>
public sealed record OverviewPart(int WithData, int Achieved, int Approved, double? Average);

/// <summary>
/// National and provincial overviews: communes grouped by province (or by district within a province), read from the
/// attainment summaries kept current on write. The units, sets and periods come from the catalogue snapshot. The national
/// view of a reader of everything reuses each province's counts while that province's data version stands (<see cref="OverviewCounts"/>),
/// so after a save it reads that province's summary rows only, not the country's 3,321 (issue 24 goal 1); a provincial view
/// or a reader of some units reads the rows of its communes, in one query.
/// </summary>
public sealed class OverviewQueries(ProgramTrackerDbContext db, CurrentCatalogue catalogue, OverviewCounts counts)
{
    public async Task<OverviewModel?> BuildAsync(string? unitSlug, PeriodKey? quarter, string? setCode, bool approvedOnly, ReadScope scope, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        UnitNode? province = null;
        if (!string.IsNullOrEmpty(unitSlug))
        {
            province = snapshot.Unit(unitSlug);
            if (province is not { Kind: UnitKind.Province })
            {
                return null;
            }
        }

        var sets = snapshot.Sets.Where(s => s.Level == UnitLevel.Commune).OrderBy(s => s.SortOrder).ToList();
        var set = setCode is null ? sets.FirstOrDefault(s => s.Code == "ntm-xa-nang-cao") ?? sets.FirstOrDefault() : sets.FirstOrDefault(s => s.Code == setCode);
        if (set is null)
        {
            return null;
        }

        var periods = snapshot.Quarters;
        ReportingPeriod? period;
        if (quarter is not { } named)
        {
            // The latest quarter that has any summary for the set: one probe of the (period, set) index per quarter, latest first.
            var setId = set.Id;
            var latestId = await db.Periods.AsNoTracking()
                .Where(p => p.Quarter != null && db.AttainmentSummaries.Any(s => s.PeriodId == p.Id && s.CriteriaSetId == setId))
                .OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            period = periods.FirstOrDefault(p => p.Id == latestId) ?? (periods.Count > 0 ? periods[0] : null);
            if (period is null)
            {
                return null;
            }
        }
        else
        {
            period = named.StoredIn(periods);
            if (period is null)
            {
                return null;
            }
        }

        // The communes that exist in the period (Ba Chẽ's communes of 2023 and the register's of 2026 are not counted
        // together) and that the reader may read, each under its row: the province (national view; through its district
        // before 01/07/2025) or the district (provincial view; communes directly under the province form its own row).
        var (starts, ends) = (period.StartsOn, period.EndsOn);
        var rowOf = new Dictionary<int, int>();
        var communes = province is null
            ? snapshot.Units.Where(u => AdministrativeUnit.IsCommuneLevelKind(u.Kind) && u.ParentId is not null)
            : snapshot.CommunesUnder(province.Id);
        foreach (var u in communes)
        {
            if (AdministrativeUnit.Overlaps(u.ValidFrom, u.ValidTo, starts, ends) && scope.Includes(u.Id))
            {
                rowOf[u.Id] = province is null ? snapshot.RootOf(u.Id) : u.ParentId!.Value;
            }
        }

        var parts = province is null && scope.All
            ? await ProvincePartsAsync(snapshot, rowOf, period.Id, set.Id, approvedOnly, ct)
            : Aggregate(await SummariesAsync(rowOf.Keys.ToArray(), period.Id, set.Id, approvedOnly, ct), rowOf);
        var rows = rowOf.Values.GroupBy(key => key).OrderBy(g => g.Key).Select(g =>
        {
            var n = snapshot.Unit(g.Key)!;
            var a = parts.GetValueOrDefault(g.Key);
            return new OverviewRow(n.Slug, n.Name, n.IsSynthetic, g.Count(), a?.WithData ?? 0, a?.Achieved ?? 0, a?.Approved ?? 0, a?.Average);
        }).ToList();

        var f = Formats.Current;
        return new OverviewModel(
            province?.Slug,
            province is null ? f["Overview.Country"] : f.UnitName(province.Kind, province.Name),
            province is null ? f["Overview.Provinces"] : f["Overview.Districts"],
            province is null,
            period, periods, set.Code, f.Name(set.Name, set.NameEn), set.DeclaredCriteria,
            sets.Select(s => (s.Code, f.Name(s.Name, s.NameEn))).ToList(), rows, approvedOnly);
    }

    /// <summary>
    /// Each province's counts at its data version: those read since the province's last change are reused, the others read
    /// in one query (a province's communes are at most 168; the whole country only on the first view) and kept.
    /// </summary>
    private async Task<Dictionary<int, OverviewPart>> ProvincePartsAsync(CatalogueSnapshot snapshot, Dictionary<int, int> rowOf, int periodId, int setId,
        bool approvedOnly, CancellationToken ct)
    {
        // The versions are read before the rows: a part is kept under a version no newer than the rows it counts.
        var versions = await catalogue.VersionsAsync(ct);
        var kept = counts.For(snapshot.Version, periodId, setId, approvedOnly);
        var parts = new Dictionary<int, OverviewPart>();
        var missing = new HashSet<int>();
        foreach (var root in rowOf.Values.Distinct())
        {
            if (kept.TryGetValue(root, out var k) && k.Version == versions.GetValueOrDefault(DataScopes.OfRoot(root)))
            {
                parts[root] = k.Part;
            }
            else
            {
                missing.Add(root);
            }
        }

        if (missing.Count > 0)
        {
            var communes = rowOf.Where(r => missing.Contains(r.Value)).Select(r => r.Key).ToArray();
            var read = Aggregate(await SummariesAsync(communes, periodId, setId, approvedOnly, ct), rowOf);
            foreach (var root in missing)
            {
                // A province without any summary row is kept too, as no data.
                var part = read.GetValueOrDefault(root) ?? new OverviewPart(0, 0, 0, null);
                kept[root] = (versions.GetValueOrDefault(DataScopes.OfRoot(root)), part);
                parts[root] = part;
            }
        }

        return parts;
    }

    private async Task<List<(int UnitId, bool Achieved, SubmissionStatus Status, int CriteriaMet)>> SummariesAsync(int[] unitIds, int periodId, int setId,
        bool approvedOnly, CancellationToken ct) =>
        (await db.AttainmentSummaries.AsNoTracking()
            .Where(s => s.PeriodId == periodId && s.CriteriaSetId == setId && unitIds.Contains(s.UnitId) && (!approvedOnly || s.Status == SubmissionStatus.Approved))
            .Select(s => new { s.UnitId, s.Achieved, s.Status, s.CriteriaMet })
            .ToListAsync(ct))
        .Select(s => (s.UnitId, s.Achieved, s.Status, s.CriteriaMet)).ToList();

    private static Dictionary<int, OverviewPart> Aggregate(List<(int UnitId, bool Achieved, SubmissionStatus Status, int CriteriaMet)> summaries, Dictionary<int, int> rowOf) =>
        summaries.Where(s => rowOf.ContainsKey(s.UnitId)).GroupBy(s => rowOf[s.UnitId]).ToDictionary(g => g.Key, g => new OverviewPart(
            g.Count(), g.Count(x => x.Achieved), g.Count(x => x.Status == SubmissionStatus.Approved), g.Average(x => (double)x.CriteriaMet)));
}

/// <summary>
/// The national overview's counts per province, each with the province's data version it was read at (a singleton: one
/// copy for the process, for the current catalogue version only; at most the quarters × sets × 2 views × 34 provinces).
/// </summary>
public sealed class OverviewCounts
{
    private readonly ConcurrentDictionary<(long Catalogue, int Period, int Set, bool ApprovedOnly), ConcurrentDictionary<int, (long Version, OverviewPart Part)>> _kept = new();

    public ConcurrentDictionary<int, (long Version, OverviewPart Part)> For(long catalogueVersion, int periodId, int setId, bool approvedOnly)
    {
        foreach (var old in _kept.Keys.Where(k => k.Catalogue != catalogueVersion))
        {
            _kept.TryRemove(old, out _);
        }

        return _kept.GetOrAdd((catalogueVersion, periodId, setId, approvedOnly), _ => new());
    }
}
