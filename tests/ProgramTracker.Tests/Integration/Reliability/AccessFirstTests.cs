namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Defect 13: dashboards, reports and exports check access before they read any of the unit's figures.</summary>
public sealed class AccessFirstTests
{
    /// <summary>Tables that hold a unit's figures: a refused request must read none of them.</summary>
    private static readonly string[] FigureTables = ["indicator_values", "attainment_summaries", "reported_attainments", "capital_figures", "poverty_records", "targets", "report_highlights", "submissions"];

    [Fact]
    public async Task A_refused_request_reads_none_of_the_units_figures()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database;
        await using var factory = new CountingPortalFactory(database.ConnectionString);
        var huyen = await factory.SignedInClientAsync("huyen"); // district staff of Ba Chẽ: the province is not theirs

        // The unit pages bind the unit before the action ([Unit], UnitAccessFilter): refused before their queries run.
        string[] unitPages =
        [
            "/districts/quang-ninh", "/districts/quang-ninh/entry/2023-Q4", "/districts/quang-ninh/entry/2023-Q4/workbook.xlsx",
            "/districts/quang-ninh/targets/2024", "/districts/quang-ninh/capital/2023-Q4", "/districts/quang-ninh/poverty/2023-Q4",
            "/units/quang-ninh/report-settings",
        ];
        string[] figurePages = ["/dashboard?unit=quang-ninh", "/dashboard/export?unit=quang-ninh", "/reports/summary?unit=quang-ninh", "/districts/quang-ninh/export"];
        foreach (var url in figurePages.Concat(unitPages))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add(QueryCounter.Header, url);
            var response = await huyen.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
            var read = factory.Counter.CommandsFor(url).Where(sql => FigureTables.Any(t => System.Text.RegularExpressions.Regex.IsMatch(sql, $"\\b{t}\\b"))).ToList();
            read.Should().BeEmpty($"{url} checks access before it loads the unit's figures");
        }
    }

    [Fact]
    public async Task A_unit_page_naming_no_unit_of_its_level_answers_404()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database;
        await using var factory = new PortalFactory("Postgres", database.ConnectionString);
        var admin = await factory.SignedInClientAsync("admin");

        // An unknown slug, and a real unit at the wrong level (a district on a commune address, a commune on a district one).
        foreach (var url in new[] { "/districts/no-such-unit", "/communes/quang-ninh", "/districts/nam-son/entry/2023-Q4", "/districts/no-such-unit/targets/2024", "/units/no-such-unit/report-settings", "/communes/nam-son/entry/2023-Q9" })
        {
            (await admin.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        }
    }

    /// <summary>
    /// Issue 27.2: the period is bound before the action (PeriodAttribute) from the catalogue's periods: a text that is no
    /// period, a kind of period the address does not take, or one the catalogue does not know answers 404; a forbidden
    /// unit is refused (403) whatever its period.
    /// </summary>
    [Fact]
    public async Task A_page_naming_a_period_it_does_not_know_or_take_answers_404_and_a_known_one_opens()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database;
        await using var factory = new PortalFactory("Postgres", database.ConnectionString);
        var admin = await factory.SignedInClientAsync("admin");

        string[] unknown =
        [
            "/dashboard?unit=ba-che&period=2023-Q9", $"/dashboard?unit=ba-che&period={TestClock.FutureQuarter}", "/dashboard/export?unit=ba-che&period=soon",
            "/reports/summary?unit=ba-che&period=1999", $"/reports/summary.docx?unit=ba-che&period={TestClock.Today.Year + 5}-H1",
            "/communes/nam-son/entry/2023-H2", "/communes/nam-son/entry/2023", $"/districts/ba-che/entry/{TestClock.FutureQuarter}/workbook.xlsx",
            "/districts/ba-che/capital/2023-H2", $"/districts/ba-che/poverty/{TestClock.FutureQuarter}", "/overview?period=2023-H2", "/entry/2023/import?unit=ba-che",
        ];
        foreach (var url in unknown)
        {
            (await admin.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        }

        foreach (var url in new[] { "/dashboard?unit=ba-che&period=2023-H2", "/dashboard?unit=ba-che&period=2023-Q4", "/communes/nam-son/entry/2023-Q4", "/overview?period=2023-Q4" })
        {
            (await admin.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);
        }

        var huyen = await factory.SignedInClientAsync("huyen");
        foreach (var url in new[] { "/dashboard?unit=quang-ninh&period=soon", $"/districts/quang-ninh/capital/{TestClock.FutureQuarter}" })
        {
            (await huyen.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
        }
    }
}
