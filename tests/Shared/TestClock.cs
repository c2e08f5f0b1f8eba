using System.Globalization;

namespace ProgramTracker.TestSupport;

/// <summary>
/// The portal's clock in every test (issue 29): the day the test run names, never the machine's date, so that "quarters up to
/// today", deadlines, lockouts and token expiry read the same on any day the suite runs. The day comes from
/// <c>PROGRAMTRACKER_TEST_TODAY</c> (yyyy-MM-dd; default 2026-12-07, the day these tests were written); <c>test.sh</c> prints it so a
/// failure can be replayed. Time starts at 09:00 in Hà Nội (02:00 UTC) that day and moves on at the real pace, so that cookie
/// lifetimes, sign-in lockouts and request timings behave as they do in production, and a page that prints today's date in
/// Vietnam's time prints the named day whatever the hour of the run (with the machine's time of day, a run after 17:00 UTC
/// printed the next day).
/// </summary>
public static class TestClock
{
    public const string Variable = "PROGRAMTRACKER_TEST_TODAY";

    public static readonly DateOnly Today = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text
        ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : new DateOnly(2026, 12, 7);

    /// <summary>
    /// The days the suite is known to pass at (issue 29), and that CI takes in turn (.ci/run): the day the tests were written, a
    /// day inside a later quarter, and the last day of a year (on which Viet Nam's date is already the next year from 17:00 UTC).
    /// Tests whose expected figures depend on the day give them as literals for each of these.
    /// </summary>
    public static readonly DateOnly[] Dates = [new(2026, 12, 7), new(2030, 6, 1), new(2031, 12, 31)];

    /// <summary>The figure written for <see cref="Today"/> in <paramref name="byDay"/>; fails naming <see cref="Dates"/> when the day has none.</summary>
    public static T ForToday<T>(IReadOnlyDictionary<DateOnly, T> byDay) =>
        byDay.TryGetValue(Today, out var value)
            ? value
            : throw new InvalidOperationException(
                $"No hand-worked figure for the test day {Day(Today)}: run at one of {string.Join(", ", Dates.Select(Day))} ({Variable}).");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The clock the test host gives the portal: <see cref="Today"/>, moving at the real pace.</summary>
    public static TimeProvider Provider { get; } = At(Today);

    /// <summary>A clock on <paramref name="day"/>, moving at the real pace: for a portal started at another day than the run's (<see cref="PortalFactory.Clock"/>).</summary>
    public static TimeProvider At(DateOnly day) => new Shifted(day);

    /// <summary>A year safely after <see cref="Today"/> (five years on): none of its quarters is open yet.</summary>
    public static int FutureYear => Today.Year + 5;

    /// <summary>A quarter code safely after <see cref="Today"/> (five years on): one no calendar has opened yet.</summary>
    public static string FutureQuarter => $"{FutureYear}-Q1";

    /// <summary>
    /// <paramref name="text"/> (a test case's address) with <c>{future}</c> read as <see cref="FutureYear"/>: "{future}-H1" is a
    /// half-year none of whose quarters is open at any clock date the suite runs at.
    /// </summary>
    public static string InFuture(string text) =>
        text.Replace("{future}", FutureYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The quarter that holds <see cref="Today"/>.</summary>
    public static (int Year, int Quarter) CurrentQuarter => (Today.Year, (Today.Month - 1) / 3 + 1);

    private sealed class Shifted(DateOnly today) : TimeProvider
    {
        private readonly TimeSpan _offset = today.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc) - DateTime.UtcNow;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
    }
}
