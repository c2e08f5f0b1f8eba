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

    /// <summary>The clock the test host gives the portal: <see cref="Today"/>, moving at the real pace.</summary>
    public static TimeProvider Provider { get; } = new Shifted(Today);

    /// <summary>A quarter code safely after <see cref="Today"/> (five years on): one no calendar has opened yet.</summary>
    public static string FutureQuarter => $"{Today.Year + 5}-Q1";

    /// <summary>The quarter that holds <see cref="Today"/>.</summary>
    public static (int Year, int Quarter) CurrentQuarter => (Today.Year, (Today.Month - 1) / 3 + 1);

    private sealed class Shifted(DateOnly today) : TimeProvider
    {
        private readonly TimeSpan _offset = today.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc) - DateTime.UtcNow;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
    }
}
