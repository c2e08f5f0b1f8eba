using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Periods;

/// <summary>
/// An indicator's value for a half-year or a year, combined from its quarters by the indicator's rule
/// (<see cref="QuarterCombine"/>). <paramref name="Value"/> is null when the rule cannot give one from what is stored
/// (no quarter at all, or a sum with a quarter missing); <paramref name="MissingQuarters"/> names the quarters of the
/// window without a value, in order: a missing quarter is said, never counted as zero.
/// </summary>
public sealed record CombinedValue(decimal? Value, IReadOnlyList<int> UsedQuarters, IReadOnlyList<int> MissingQuarters)
{
    /// <summary>True when every quarter of the window has a value.</summary>
    public bool Complete => MissingQuarters.Count == 0;
}

/// <summary>
/// Combines quarterly values into a window's (issue 26.1), one indicator at a time:
/// <list type="bullet">
/// <item><b>Last</b>: the value of the latest quarter of the window that has one (a level or a yes/no); a missing
/// later quarter is named.</item>
/// <item><b>Sum</b>: the sum of the quarters; with a quarter missing there is no sum (null), since the missing quarter
/// is not zero.</item>
/// <item><b>Mean</b>: the mean of the quarters that have a value, the missing ones named (never averaged in as zero).</item>
/// </list>
/// </summary>
public static class WindowCombination
{
    /// <param name="window">The half-year or year (a quarter combines to itself).</param>
    /// <param name="valuesByQuarter">The stored values by quarter (1–4); a quarter absent or null has no value.</param>
    public static CombinedValue Combine(PeriodKey window, QuarterCombine rule, IReadOnlyDictionary<int, decimal?> valuesByQuarter)
    {
        var used = new List<int>();
        var missing = new List<int>();
        foreach (var quarter in window.Quarters)
        {
            (valuesByQuarter.TryGetValue(quarter, out var v) && v is not null ? used : missing).Add(quarter);
        }

        if (used.Count == 0)
        {
            return new CombinedValue(null, used, missing);
        }

        decimal? value = rule switch
        {
            QuarterCombine.Sum => missing.Count == 0 ? used.Sum(q => valuesByQuarter[q]!.Value) : null,
            QuarterCombine.Mean => used.Sum(q => valuesByQuarter[q]!.Value) / used.Count,
            _ => valuesByQuarter[used[^1]],
        };
        return new CombinedValue(value, used, missing);
    }

    /// <summary>
    /// The quarters of <paramref name="window"/> in which none of <paramref name="quartersWithValues"/> falls: for a unit
    /// and a set, the quarters it reported nothing for.
    /// </summary>
    public static IReadOnlyList<int> MissingQuarters(PeriodKey window, IEnumerable<int> quartersWithValues)
    {
        var with = quartersWithValues.ToHashSet();
        return window.Quarters.Where(q => !with.Contains(q)).ToList();
    }

    /// <summary>
    /// One unit's values of one set over a window's quarters, combined indicator by indicator by
    /// <paramref name="ruleOf"/>, and the quarters in which none of them has a value: the one combination the dashboard,
    /// the summary and the unit pages share, so that they show the same figures for the same unit and window.
    /// </summary>
    /// <param name="values">The stored values of the window's quarters: (quarter 1–4, indicator, value); a null value is no value.</param>
    public static (Dictionary<int, CombinedValue> Values, IReadOnlyList<int> MissingQuarters) CombineSet(
        PeriodKey window, IEnumerable<(int Quarter, int IndicatorId, decimal? Value)> values, Func<int, QuarterCombine> ruleOf)
    {
        var rows = values.Where(v => window.Quarters.Contains(v.Quarter)).ToList();
        var combined = rows.GroupBy(v => v.IndicatorId).ToDictionary(
            g => g.Key,
            g => Combine(window, ruleOf(g.Key), g.GroupBy(v => v.Quarter).ToDictionary(q => q.Key, q => q.First().Value)));
        return (combined, MissingQuarters(window, rows.Where(v => v.Value is not null).Select(v => v.Quarter)));
    }
}
