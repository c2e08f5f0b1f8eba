using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Periods;

/// <summary>
/// Keeps the quarters up to the current one in existence, so no admin has to create them: every quarter from the
/// earliest stored one to today's, each with a deadline by rule (the <see cref="DeadlineDay"/>th day of the month
/// after the quarter). Existing periods are never changed; locking stays an admin act.
/// </summary>
public sealed class PeriodCalendar(ProgramTrackerDbContext db, TimeProvider clock)
{
    /// <summary>The day of the month after a quarter on which its forms are due (configurable: Periods:DeadlineDay).</summary>
    public int DeadlineDay { get; init; } = 10;

    public static DateOnly DeadlineOf(int year, int quarter, int day) =>
        new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(Math.Clamp(day, 1, 28) - 1);

    /// <summary>Adds the missing quarters up to today's; returns how many.</summary>
    public async Task<int> EnsureUpToTodayAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var quarters = (await db.Periods.Where(p => p.Quarter != null).Select(p => new { p.Year, p.Quarter }).ToListAsync(ct))
            .Select(p => (p.Year, Quarter: p.Quarter!.Value)).ToHashSet();
        if (quarters.Count == 0)
        {
            return 0;
        }

        var (year, quarter) = quarters.Min();
        var (lastYear, lastQuarter) = (today.Year, (today.Month - 1) / 3 + 1);
        var added = 0;
        while (year < lastYear || (year == lastYear && quarter <= lastQuarter))
        {
            if (!quarters.Contains((year, quarter)))
            {
                db.Periods.Add(new ReportingPeriod { Year = year, Quarter = quarter, Deadline = DeadlineOf(year, quarter, DeadlineDay) });
                added++;
            }

            (year, quarter) = quarter == 4 ? (year + 1, 1) : (year, quarter + 1);
        }

        if (added > 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance added the same quarters first (unique year/quarter): theirs stand.
                db.ChangeTracker.Clear();
                return 0;
            }
        }

        return added;
    }
}
