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

/// <summary>
/// National and provincial overviews: communes grouped by province (or by district within a province), read from the
/// attainment summaries kept current on write. The units, sets and periods come from the catalogue snapshot; the database
/// answers one query for the quarter's summary rows (two when the quarter is not named), whatever the country's size.
/// </summary>
public sealed class OverviewQueries(ProgramTrackerDbContext db, CurrentCatalogue catalogue)
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

        var periods = snapshot.Periods.Where(p => p.Quarter != null).ToList();  // the snapshot's order: the latest first
        ReportingPeriod? period;
        if (quarter is not { } named)
        {
            // The latest quarter that has any summary for the set: one probe of the (period, set) index per quarter, latest first.
            var setId = set.Id;
            var latestId = await db.Periods.AsNoTracking()
                .Where(p => p.Quarter != null && db.AttainmentSummaries.Any(s => s.PeriodId == p.Id && s.CriteriaSetId == setId))
                .OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            period = periods.FirstOrDefault(p => p.Id == latestId) ?? periods.FirstOrDefault();
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
            if ((u.ValidFrom is null || u.ValidFrom <= ends) && (u.ValidTo is null || u.ValidTo >= starts) && scope.Includes(u.Id))
            {
                rowOf[u.Id] = province is null ? snapshot.RootOf(u.Id) : u.ParentId!.Value;
            }
        }

        var (periodId, setKey) = (period.Id, set.Id);
        var summaries = await db.AttainmentSummaries.AsNoTracking()
            .Where(s => s.PeriodId == periodId && s.CriteriaSetId == setKey && (!approvedOnly || s.Status == SubmissionStatus.Approved))
            .Select(s => new { s.UnitId, s.Achieved, s.Status, s.CriteriaMet })
            .ToListAsync(ct);
        var aggregates = summaries.Where(s => rowOf.ContainsKey(s.UnitId)).GroupBy(s => rowOf[s.UnitId]).ToDictionary(g => g.Key, g => new
        {
            WithData = g.Count(), Achieved = g.Count(x => x.Achieved), Approved = g.Count(x => x.Status == SubmissionStatus.Approved),
            Average = g.Average(x => (double)x.CriteriaMet),
        });

        var rows = rowOf.Values.GroupBy(key => key).OrderBy(g => g.Key).Select(g =>
        {
            var n = snapshot.Unit(g.Key)!;
            var a = aggregates.GetValueOrDefault(g.Key);
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
}
