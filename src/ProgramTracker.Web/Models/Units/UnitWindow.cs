using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Periods;
using ProgramTracker.Web.Models.Dashboard;

namespace ProgramTracker.Web.Models.Units;

/// <summary>
/// A half-year or a year on a unit's page and in its export (issue 26.1): the window, the stored quarters of it the portal
/// has opened, and the stored whole year where there is one. Its values are combined from the quarters' as the dashboard
/// combines them (<see cref="WindowCombination.CombineSet"/>), judged by the rules in force in its last open quarter.
/// </summary>
public sealed record UnitWindowScope(DashPeriod Period, IReadOnlyList<DashPeriod> Quarters, DashPeriod? StoredYear)
{
    public PeriodKey Key => Period.Key;

    /// <summary>The day whose rule version judges the window: the start of its last open quarter (as the dashboard's).</summary>
    public DateOnly RuleDay => Quarters.Count > 0 ? Quarters[^1].StartsOn : Period.StartsOn;

    public Dictionary<int, int> QuarterOf { get; } = Quarters.ToDictionary(p => p.Id, p => p.Quarter!.Value);

    /// <summary>The stored periods whose values the window reads: its open quarters and the stored whole year.</summary>
    public List<int> PeriodIds { get; } = Quarters.Select(p => p.Id).Concat(StoredYear is { } y ? [y.Id] : []).ToList();

    /// <summary>
    /// The window named by <paramref name="key"/> (a half-year or a year) over the stored <paramref name="periods"/>; null when
    /// the portal has opened none of its quarters (a year stored only as a whole year is then that stored period, not a window).
    /// </summary>
    public static UnitWindowScope? Of(PeriodKey key, IReadOnlyList<DashPeriod> periods)
    {
        var quarters = periods.Where(p => p.Quarter is { } q && key.Covers(p.Year, q)).OrderBy(p => p.SortKey).ToList();
        if (key.Span == PeriodSpan.Quarter || quarters.Count == 0)
        {
            return null;
        }

        var storedYear = key.Span == PeriodSpan.Year ? periods.FirstOrDefault(p => p.Year == key.Year && p.Quarter is null) : null;
        return new UnitWindowScope(new DashPeriod(storedYear?.Id ?? -key.SortKey, key.Year, null, key.Span == PeriodSpan.Half ? key.Part : 0),
            quarters, storedYear);
    }

    /// <summary>
    /// One set's combined values of a unit: from the stored whole year when the unit has values stored for it in this set
    /// (the dashboard's rule too), else from the quarters by each indicator's rule.
    /// </summary>
    public SetWindowValues Combine(int setId, IEnumerable<WindowRawValue> unitValues, Func<int, QuarterCombine> ruleOf)
    {
        var ofSet = unitValues.Where(v => v.SetId == setId).ToList();
        if (StoredYear is { } year && ofSet.Any(v => v.PeriodId == year.Id))
        {
            var stored = ofSet.Where(v => v.PeriodId == year.Id)
                .ToDictionary(v => v.IndicatorId, v => new CombinedValue(v.Value, v.Value is null ? [] : Key.Quarters, v.Value is null ? Key.Quarters : []));
            return new SetWindowValues(stored, [], FromStoredYear: true);
        }

        var (values, missing) = WindowCombination.CombineSet(Key, ofSet.Where(v => QuarterOf.ContainsKey(v.PeriodId)).Select(v => (QuarterOf[v.PeriodId], v.IndicatorId, v.Value)), ruleOf);
        return new SetWindowValues(values, missing, FromStoredYear: false);
    }

    /// <summary>The attainment the combined values give, judged as a quarter's are; null when no indicator of the rules has a value.</summary>
    public static (SetAttainment Attainment, int WithValue)? Judge(SetRules rules, SetWindowValues values, int? declaredCriteria, int? declaredIndicators)
    {
        var judged = values.Values.Where(v => rules.Defines(v.Key)).ToDictionary(v => v.Key, v => v.Value.Value);
        var withValue = judged.Count(v => v.Value is not null);
        return withValue == 0
            ? null
            : (AttainmentRules.Evaluate(rules.CriterionIds, rules.Indicators, judged, declaredCriteria, declaredIndicators), withValue);
    }
}

/// <summary>A stored value of a unit read for a window: its period, indicator and set.</summary>
public sealed record WindowRawValue(int PeriodId, int IndicatorId, int SetId, decimal? Value);

/// <summary>A set's combined values of one unit, and the quarters of the window in which none of them has a value.</summary>
public sealed record SetWindowValues(Dictionary<int, CombinedValue> Values, IReadOnlyList<int> MissingQuarters, bool FromStoredYear);

/// <summary>What a unit's page shows of a half-year or a year: how it was combined, and each indicator's combined value.</summary>
public sealed record UnitWindow(DashPeriod Period, IReadOnlyList<int> OpenQuarters, IReadOnlyList<WindowSetNote> Sets, IReadOnlyList<WindowIndicatorRow> Indicators)
{
    public bool AnyValues => Indicators.Any(i => i.Combined.Value is not null);
}

/// <summary>A set of the unit in the window: the quarters it has no value in (empty when complete or read from the stored year).</summary>
public sealed record WindowSetNote(string Code, string Name, string? NameEn, IReadOnlyList<int> MissingQuarters, bool FromStoredYear, bool AnyValues);

/// <summary>One indicator's combined value on a unit's page: the rule, the quarters' values and what they give.</summary>
public sealed record WindowIndicatorRow(
    int IndicatorId, string SetCode, string Name, string? Unit, ValueKind ValueType, QuarterCombine Rule, string? RuleReason,
    IReadOnlyDictionary<int, decimal?> ByQuarter, CombinedValue Combined, bool FromStoredYear);
