using System.Text.Json.Nodes;

namespace ProgramTracker.Tests.Integration.Api;

/// <summary>
/// The API's period filters take half-years and years (issue 26.5) and order periods by the one key (PeriodKey): a
/// window covers its quarters. Ba Chẽ's seeded values are in 2022-Q4 and 2023-Q3.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApiPeriodWindowTests(ApiFixture fixture)
{
    private async Task<List<string>> PeriodsAsync(string query)
    {
        var (_, token) = await fixture.CreateTokenAsync("tinh", write: false);
        using var api = fixture.Client(token);
        var response = await api.GetAsync("/api/v1/values?unit=ba-che&limit=1000&" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, query);
        var page = await response.JsonAsync();
        return page["items"]!.AsArray().Select(v => v!["period"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task A_half_year_or_a_year_lists_the_values_of_its_quarters()
    {
        var h2 = await PeriodsAsync("period=2023-H2");
        h2.Should().NotBeEmpty().And.OnlyContain(p => p == "2023-Q3" || p == "2023-Q4");
        (await PeriodsAsync("period=2023-H1")).Should().NotContain(["2023-Q3", "2022-Q4"]);
        var year = await PeriodsAsync("period=2023");
        year.Should().Contain("2023-Q3").And.NotContain("2022-Q4");
        year.Should().HaveCount((await PeriodsAsync("from=2023-Q1&to=2023-Q4")).Count);
        // From a half-year onwards: 2022-Q4 is before the window.
        (await PeriodsAsync("from=2023-H2")).Should().Contain("2023-Q3").And.NotContain("2022-Q4");
        (await PeriodsAsync("to=2022")).Should().Contain("2022-Q4").And.NotContain("2023-Q3");
    }

    [Fact]
    public async Task A_malformed_half_year_is_a_bad_request()
    {
        var (_, token) = await fixture.CreateTokenAsync("tinh", write: false);
        using var api = fixture.Client(token);

        (await api.GetAsync("/api/v1/values?unit=ba-che&period=2023-H3")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_periods_come_in_the_one_order_a_whole_year_after_its_quarters()
    {
        var (_, token) = await fixture.CreateTokenAsync("tinh", write: false);
        using var api = fixture.Client(token);
        var periods = (await (await api.GetAsync("/api/v1/periods")).JsonAsync())["items"]!.AsArray()
            .Select(p => Core.Periods.PeriodKey.TryParse(p!["code"]!.GetValue<string>(), out var k) ? k.SortKey : -1).ToList();

        periods.Should().NotBeEmpty().And.BeInAscendingOrder().And.NotContain(-1);
    }

    [Fact]
    public async Task The_combined_attainment_of_a_half_year_is_the_unit_pages_and_names_the_missing_quarter()
    {
        var (_, token) = await fixture.CreateTokenAsync("tinh", write: false);
        using var api = fixture.Client(token);

        var response = await api.GetAsync("/api/v1/attainment/combined?unit=ba-che&period=2023-H2");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var row = (await response.JsonAsync())["items"]!.AsArray().Single(i => i!["unit"]!.GetValue<string>() == "ba-che")!;

        row["basis"]!.GetValue<string>().Should().Be("combined");
        row["period"]!.GetValue<string>().Should().Be("2023-H2");
        row["quartersOpen"]!.AsArray().Select(q => q!.GetValue<int>()).Should().Equal(3, 4);
        row["quartersWithValues"]!.AsArray().Select(q => q!.GetValue<int>()).Should().Equal(3);
        row["quartersMissing"]!.AsArray().Select(q => q!.GetValue<int>()).Should().Equal(4);
        var income = row["values"]!.AsArray().Single(v => v!["indicator"]!.GetValue<string>() == "dtts-thu-nhap")!;
        income["value"]!.GetValue<decimal>().Should().Be(68m);
        income["combine"]!.GetValue<string>().Should().Be("last");
        income["quartersMissing"]!.AsArray().Select(q => q!.GetValue<int>()).Should().Equal(4);

        // The same counts as the district page's computed block for the same window.
        var met = row["indicatorsMet"]!.GetValue<int>();
        var page = await (await fixture.Factory.SignedInClientAsync("lanhdao")).GetStringAsync("/districts/ba-che?period=2023-H2");
        page.Should().Contain($"<div class=\"figure-big\">{met}/");
    }

    [Theory]
    [InlineData("period=2023-Q3", HttpStatusCode.BadRequest)]
    [InlineData("period=2023-H3", HttpStatusCode.BadRequest)]
    [InlineData("period={future}-H1", HttpStatusCode.NotFound)]
    public async Task The_combined_attainment_takes_only_an_open_half_year_or_year(string query, HttpStatusCode expected)
    {
        var (_, token) = await fixture.CreateTokenAsync("tinh", write: false);
        using var api = fixture.Client(token);
        query = TestClock.InFuture(query); // five years after the test clock's day: no quarter of it is open at any clock date

        (await api.GetAsync("/api/v1/attainment/combined?unit=ba-che&" + query)).StatusCode.Should().Be(expected, query);
    }
}
