using System.ComponentModel;
using ProgramTracker.Core.Periods;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Api;

/// <summary>
/// The attainment of a half-year or a year (issue 26.5, branch periods2), as the unit pages and the dashboard compute it:
/// each indicator's quarters combined by its rule, judged by the rules in force in the window's last open quarter.
/// "basis" is always "combined".
/// </summary>
public sealed record CombinedAttainmentDto(
    [property: Description("Always `combined`: computed from the window's quarters' values combined per indicator.")] string Basis,
    string Unit,
    string Set,
    [property: Description("The window: a half-year (2026-H1) or a year (2026).")] string Period,
    [property: Description("Criteria met by the combined values; null when no indicator of the set has a combined value.")] int? CriteriaMet,
    [property: Description("Indicators met by the combined values; null when no indicator of the set has a combined value.")] int? IndicatorsMet,
    [property: Description("Indicators of the set's rules with a combined value.")] int IndicatorsWithValue,
    int? DeclaredCriteria,
    int? DeclaredIndicators,
    bool Achieved,
    [property: Description("The window's quarters the portal has opened (1–4).")] IReadOnlyList<int> QuartersOpen,
    [property: Description("The quarters in which the unit has a value of the set.")] IReadOnlyList<int> QuartersWithValues,
    [property: Description("The quarters of the window without any value of the set: never counted as zero.")] IReadOnlyList<int> QuartersMissing,
    [property: Description("True when the values are the stored whole year's, not combined from quarters.")] bool FromStoredYear,
    [property: Description("Each indicator's combined value, with its rule and the quarters used and missing.")] IReadOnlyList<CombinedValueDto> Values);

/// <summary>One indicator's value of a window.</summary>
public sealed record CombinedValueDto(
    string Indicator,
    [property: Description("How its quarters combine: `last` (the latest value in the window), `sum` or `mean`.")] QuarterCombine Combine,
    [property: Description("The combined value; null when there is none (no quarter, or a sum with a quarter missing).")] decimal? Value,
    IReadOnlyList<int> QuartersUsed,
    IReadOnlyList<int> QuartersMissing);

public sealed class ApiWindowQueries(ProgramTrackerDbContext db, CurrentCatalogue catalogue)
{
    /// <summary>Null when no quarter of the window is open (the caller answers 404).</summary>
    public async Task<Page<CombinedAttainmentDto>?> CombinedAsync(ApiListQuery q, PeriodKey key, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        var stored = snapshot.Periods.Select(p => new DashPeriod(p.Id, p.Year, p.Quarter)).OrderBy(p => p.SortKey).ToList();
        if (UnitWindowScope.Of(key, stored) is not { } window)
        {
            return null;
        }

        var (units, setId, periodIds) = (q.Units, q.Set, window.PeriodIds);
        var (u0, s0) = q.After is { } a ? ((int)a[0], (int)a[1]) : (0, 0);
        // The page's unit × set pairs first (keyset on them), then only their values.
        var pairs = await db.IndicatorValues.AsNoTracking()
            .Where(v => periodIds.Contains(v.PeriodId) && (units == null || units.Contains(v.UnitId)) && (setId == null || v.Indicator.Criterion.CriteriaSetId == setId))
            .Select(v => new { v.UnitId, SetId = v.Indicator.Criterion.CriteriaSetId })
            .Distinct()
            .Where(p => p.UnitId > u0 || (p.UnitId == u0 && p.SetId > s0))
            .OrderBy(p => p.UnitId).ThenBy(p => p.SetId).Take(q.Take + 1)
            .ToListAsync(ct);
        var pageUnits = pairs.Select(p => p.UnitId).Distinct().ToList();
        var pageSets = pairs.Select(p => p.SetId).Distinct().ToList();
        var raw = await db.IndicatorValues.AsNoTracking()
            .Where(v => periodIds.Contains(v.PeriodId) && pageUnits.Contains(v.UnitId) && pageSets.Contains(v.Indicator.Criterion.CriteriaSetId))
            .Select(v => new { v.UnitId, v.PeriodId, v.IndicatorId, SetId = v.Indicator.Criterion.CriteriaSetId, v.Value })
            .ToListAsync(ct);

        var rows = pairs.Select(p =>
        {
            var set = snapshot.Sets.First(s => s.Id == p.SetId);
            var values = window.Combine(p.SetId, raw.Where(r => r.UnitId == p.UnitId).Select(r => new WindowRawValue(r.PeriodId, r.IndicatorId, r.SetId, r.Value)),
                id => snapshot.Indicators.TryGetValue(id, out var node) ? node.Combine : QuarterCombine.Last);
            var rules = snapshot.Rules.For(p.SetId, p.UnitId, window.RuleDay);
            var judged = rules.Indicators.Count > 0 ? UnitWindowScope.Judge(rules, values, set.DeclaredCriteria, set.DeclaredIndicators) : null;
            var withValues = window.Key.Quarters.Except(values.MissingQuarters).Where(quarter => values.FromStoredYear || window.QuarterOf.ContainsValue(quarter)).ToList();
            var dto = new CombinedAttainmentDto("combined", snapshot.Unit(p.UnitId)!.Slug, set.Code, window.Period.Code, judged?.Attainment.CriteriaMet,
                judged?.Attainment.IndicatorsMet, judged?.WithValue ?? 0, set.DeclaredCriteria, set.DeclaredIndicators, judged?.Attainment.Achieved ?? false,
                window.Quarters.Select(x => x.Quarter!.Value).ToList(), withValues, values.MissingQuarters, values.FromStoredYear,
                values.Values.Where(v => snapshot.Indicators.ContainsKey(v.Key)).OrderBy(v => snapshot.Indicators[v.Key].Code, StringComparer.Ordinal)
                    .Select(v => new CombinedValueDto(snapshot.Indicators[v.Key].Code, snapshot.Indicators[v.Key].Combine, v.Value.Value, v.Value.UsedQuarters, v.Value.MissingQuarters))
                    .ToList());
            return (p.UnitId, p.SetId, Dto: dto);
        }).ToList();
        var page = Cursor.Cut(rows, q.Take, r => [r.UnitId, r.SetId]);
        return new Page<CombinedAttainmentDto>(page.Items.Select(r => r.Dto).ToList(), page.Next);
    }
}
