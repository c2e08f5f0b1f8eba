using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;

namespace ProgramTracker.Core.Periods;

/// <summary>
/// The one rule for "the default period" of a page or an export when the address names none (issue 14): the latest
/// period in which the units have any figure (an entered value, a reported attainment, a poverty record or a capital
/// figure); when they have none, the latest period. Periods are ordered by year, then quarter, a whole year after its
/// fourth quarter. Used by the unit pages, the unit exports and the dashboard (and its export and summary).
/// </summary>
public static class DefaultPeriod
{
    /// <summary>The order of periods: 2023-Q1 &lt; … &lt; 2023-Q4 &lt; 2023 &lt; 2024-Q1 (the one key, <see cref="PeriodKey.SortKey"/>).</summary>
    public static int SortKey(int year, int? quarter) => PeriodKey.Of(year, quarter).SortKey;

    /// <summary>The default among <paramref name="periods"/>, given the ids of the periods that hold figures; null when there are no periods.</summary>
    public static T? Pick<T>(IEnumerable<T> periods, Func<T, int> id, Func<T, int> sortKey, IReadOnlyCollection<int> periodsWithFigures)
        where T : class
    {
        var ordered = periods.OrderBy(sortKey).ToList();
        return ordered.LastOrDefault(p => periodsWithFigures.Contains(id(p))) ?? ordered.LastOrDefault();
    }

    /// <summary>The ids of the periods in which any of the units has a figure of any kind.</summary>
    public static async Task<List<int>> PeriodsWithFiguresAsync(ProgramTrackerDbContext db, IReadOnlyCollection<int> unitIds, CancellationToken ct)
    {
        // Filtering on the unit ids (not through a join on the parent) keeps each part on its index.
        var ids = unitIds.ToList();
        return await db.IndicatorValues.Where(v => ids.Contains(v.UnitId)).Select(v => v.PeriodId)
            .Union(db.Set<Domain.ReportedAttainmentUnit>().Where(s => ids.Contains(s.UnitId)).Select(s => s.ReportedAttainment.PeriodId))
            .Union(db.PovertyRecords.Where(p => ids.Contains(p.UnitId)).Select(p => p.PeriodId))
            .Union(db.CapitalFigures.Where(c => ids.Contains(c.UnitId)).Select(c => c.PeriodId))
            .ToListAsync(ct);
    }
}
