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
/// National and provincial overviews: communes grouped by province (or by district within a province),
/// read from the attainment summaries kept current on write. Two aggregate queries whatever the country's size.
/// </summary>
public sealed class OverviewQueries(ProgramTrackerDbContext db)
{
    public async Task<OverviewModel?> BuildAsync(string? unitSlug, PeriodKey? quarter, string? setCode, bool approvedOnly, ReadScope scope, CancellationToken ct)
    {
        AdministrativeUnit? province = null;
        if (!string.IsNullOrEmpty(unitSlug))
        {
            province = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Slug == unitSlug && u.Kind == UnitKind.Province, ct);
            if (province is null)
            {
                return null;
            }
        }

        var sets = await db.CriteriaSets.AsNoTracking().Where(s => s.Level == UnitLevel.Commune).OrderBy(s => s.SortOrder)
            .Select(s => new { s.Id, s.Code, s.Name, s.NameEn, s.DeclaredCriteria }).ToListAsync(ct);
        var set = setCode is null ? sets.FirstOrDefault(s => s.Code == "ntm-xa-nang-cao") ?? sets.FirstOrDefault() : sets.FirstOrDefault(s => s.Code == setCode);
        var periods = await db.Periods.AsNoTracking().Where(p => p.Quarter != null).OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ToListAsync(ct);
        ReportingPeriod? period;
        if (quarter is not { } named)
        {
            // Latest period that has any summary for the set.
            var latestId = set is null ? (int?)null : await db.AttainmentSummaries.Where(s => s.CriteriaSetId == set.Id)
                .OrderByDescending(s => s.Period.Year).ThenByDescending(s => s.Period.Quarter).Select(s => (int?)s.PeriodId).FirstOrDefaultAsync(ct);
            period = periods.FirstOrDefault(p => p.Id == latestId) ?? periods.FirstOrDefault();
        }
        else
        {
            period = named.StoredIn(periods);
            if (period is null)
            {
                return null;
            }
        }

        if (set is null)
        {
            return null;
        }

        var communeKinds = AdministrativeUnit.CommuneLevelKinds;
        // The communes that exist in the period: Ba Chẽ's communes of 2023 and the register's of 2026 are not counted together.
        var (starts, ends) = (period!.StartsOn, period.EndsOn);
        IQueryable<AdministrativeUnit> communes = db.Units.AsNoTracking().Where(u => communeKinds.Contains(u.Kind) && u.Parent != null
            && (u.ValidFrom == null || u.ValidFrom <= ends) && (u.ValidTo == null || u.ValidTo >= starts));
        var provinceKinds = new[] { UnitKind.Province, UnitKind.City };
        if (province is not null)
        {
            // Communes of the province's districts (until 30/06/2025) and communes directly under it (since).
            var pid = province.Id;
            communes = communes.Where(u => u.ParentId == pid || u.Parent!.ParentId == pid);
        }

        // Everyone but administrators sees only the communes they may read.
        var ids = scope.UnitIds;
        if (!scope.All)
        {
            communes = communes.Where(u => ids.Contains(u.Id));
        }

        // Group key: the province (national view: the parent of a commune under a province since 01/07/2025, the grandparent of
        // one under a district before) or the district (provincial view; communes directly under the province form its own row).
        var counts = province is null
            ? await communes.GroupBy(u => provinceKinds.Contains(u.Parent!.Kind) ? u.ParentId : u.Parent!.ParentId).Select(g => new { Key = g.Key, Count = g.Count() }).ToListAsync(ct)
            : await communes.GroupBy(u => (int?)u.ParentId).Select(g => new { Key = g.Key, Count = g.Count() }).ToListAsync(ct);

        var summaries = db.AttainmentSummaries.AsNoTracking()
            .Where(s => s.PeriodId == period!.Id && s.CriteriaSetId == set.Id && communeKinds.Contains(s.Unit.Kind));
        if (!scope.All)
        {
            summaries = summaries.Where(s => ids.Contains(s.UnitId));
        }

        if (approvedOnly)
        {
            summaries = summaries.Where(s => s.Status == SubmissionStatus.Approved);
        }

        if (province is not null)
        {
            var pid = province.Id;
            summaries = summaries.Where(s => s.Unit.ParentId == pid || s.Unit.Parent!.ParentId == pid);
        }

        var aggregates = province is null
            ? await summaries.GroupBy(s => provinceKinds.Contains(s.Unit.Parent!.Kind) ? s.Unit.ParentId : s.Unit.Parent!.ParentId).Select(g => new
                {
                    Key = g.Key, WithData = g.Count(), Achieved = g.Count(x => x.Achieved), Approved = g.Count(x => x.Status == SubmissionStatus.Approved),
                    Average = g.Average(x => (double)x.CriteriaMet),
                }).ToListAsync(ct)
            : await summaries.GroupBy(s => (int?)s.Unit.ParentId).Select(g => new
                {
                    Key = g.Key, WithData = g.Count(), Achieved = g.Count(x => x.Achieved), Approved = g.Count(x => x.Status == SubmissionStatus.Approved),
                    Average = g.Average(x => (double)x.CriteriaMet),
                }).ToListAsync(ct);

        var keys = counts.Select(c => c.Key).ToList();
        var names = await db.Units.AsNoTracking().Where(u => keys.Contains(u.Id)).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Slug, u.Name, u.IsSynthetic }).ToListAsync(ct);
        var byKey = aggregates.ToDictionary(a => a.Key ?? 0);
        var countByKey = counts.ToDictionary(c => c.Key ?? 0, c => c.Count);
        var rows = names.Select(n =>
        {
            byKey.TryGetValue(n.Id, out var a);
            return new OverviewRow(n.Slug, n.Name, n.IsSynthetic, countByKey.GetValueOrDefault(n.Id), a?.WithData ?? 0, a?.Achieved ?? 0, a?.Approved ?? 0, a?.Average);
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
