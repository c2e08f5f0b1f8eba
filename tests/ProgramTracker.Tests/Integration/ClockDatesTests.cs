using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ProgramTracker.TestSupport;
using static ProgramTracker.Tests.Integration.HtmlParts;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// Issue 29: what depends on the day, at each of the days the suite runs at (<see cref="TestClock.Dates"/>) in one run, whatever
/// day <c>PROGRAMTRACKER_TEST_TODAY</c> names for the rest of the suite (CI takes the three in turn: .ci/run). Each case starts the
/// portal with its clock on that day on a freshly seeded database: a copy of the run's template would hold the quarters the run's
/// own day opened. Expected quarters and deadlines are written out by hand (the deadline is the 10th of the month after the quarter).
/// </summary>
public sealed partial class ClockDatesTests
{
    /// <summary>The day; its quarter (the calendar's last) and that quarter's deadline; the quarter before and its deadline; the next quarter, not open.</summary>
    public static TheoryData<string, string, string, string, string, string> Days => new()
    {
        { "2026-12-07", "2026-Q4", "10/01/2027", "2026-Q3", "10/10/2026", "2027-Q1" },
        { "2030-06-01", "2030-Q2", "10/07/2030", "2030-Q1", "10/04/2030", "2030-Q3" },
        { "2031-12-31", "2031-Q4", "10/01/2032", "2031-Q3", "10/10/2031", "2032-Q1" },
    };

    [Fact]
    public void The_cases_are_the_days_the_suite_runs_at() =>
        Days.Select(d => DateOnly.ParseExact((string)d[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)).Should().Equal(TestClock.Dates);

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Quarters_open_up_to_the_day_and_the_officer_s_inbox_lists_the_two_latest_the_earlier_one_overdue(
        string day, string current, string currentDeadline, string previous, string previousDeadline, string next)
    {
        var (factory, database) = await PortalFactory.OnPostgresAsync();
        await using var db = database;
        await using var f = factory;
        f.Clock = TestClock.At(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture));

        // The calendar opened the day's quarter at start-up, with its deadline, and not the next one.
        var admin = await f.SignedInClientAsync("admin");
        var periods = await admin.GetStringAsync("/admin/periods");
        periods.Should().Contain($"id=\"dl-{current}\"").And.Contain($"id=\"dl-{previous}\"").And.NotContain($"id=\"dl-{next}\"");
        DeadlineBox(periods, current).Should().Be(currentDeadline);
        DeadlineBox(periods, previous).Should().Be(previousDeadline);

        // xã Ba Chẽ (from 2025-07-01): its form of the day's quarter opens; the next quarter's is not found.
        var officer = await f.SignedInClientAsync("xa.bache");
        (await officer.GetAsync($"/communes/xa-ba-che/entry/{current}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await officer.GetAsync($"/communes/xa-ba-che/entry/{next}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Due: the two latest quarters only; the earlier one's deadline has passed, the day's has not.
        var due = Element(WebUtility.HtmlDecode(await officer.GetStringAsync("/inbox")), "inbox-due", "section");
        var items = InboxItem().Matches(due).Select(m => (Href: m.Groups["href"].Value, Overdue: m.Groups["body"].Value.Contains("Quá hạn", StringComparison.Ordinal))).ToList();
        items.Should().NotBeEmpty();
        items.Select(i => i.Href).Should().OnlyContain(h => h == $"/communes/xa-ba-che/entry/{current}" || h == $"/communes/xa-ba-che/entry/{previous}");
        items.Should().Contain(i => i.Href.EndsWith(current, StringComparison.Ordinal)).And.Contain(i => i.Href.EndsWith(previous, StringComparison.Ordinal));
        items.Where(i => i.Href.EndsWith(current, StringComparison.Ordinal)).Should().OnlyContain(i => !i.Overdue, "{0} is due on {1}", current, currentDeadline);
        items.Where(i => i.Href.EndsWith(previous, StringComparison.Ordinal)).Should().OnlyContain(i => i.Overdue, "{0} was due on {1}", previous, previousDeadline);
    }

    private static string DeadlineBox(string html, string code) =>
        Regex.Match(html, $"id=\"dl-{code}\"[^>]*value=\"(?<v>[^\"]*)\"").Groups["v"].Value;

    [GeneratedRegex("<a class=\"list-group-item[^\"]*\" href=\"(?<href>[^\"]+)\">(?<body>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex InboxItem();
}
