namespace ProgramTracker.Tests.Integration.Trust;

/// <summary>
/// Which unit and quarter the completeness and validation reports (page and workbook) accept, and what they answer
/// otherwise: any unit the reader may read (a province, a district, a commune), the reader's own when none is named, a
/// stored quarter that has begun (the latest when none is named); 404 for an unknown unit or period, 403 for a unit of
/// someone else's, checked before the period.
/// </summary>
public sealed class TrustReportDoorsTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    public static TheoryData<string> Reports => new() { "/reports/completeness", "/reports/validation", "/reports/completeness.xlsx", "/reports/validation.xlsx" };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task A_report_answers_each_unit_and_period_with_the_same_status_as_before(string report)
    {
        var district = await fixture.Factory.SignedInClientAsync("lanhdao");
        var province = await fixture.Factory.SignedInClientAsync("lanhdao.tinh");
        var commune = await fixture.Factory.SignedInClientAsync("xa.dondac");
        var cases = new (HttpClient Client, string Query, HttpStatusCode Status)[]
        {
            (district, "?unit=ba-che&period=2023-Q3", HttpStatusCode.OK),
            (district, "?unit=nam-son&period=2023-Q3", HttpStatusCode.OK),
            (province, "?unit=quang-ninh&period=2023-Q3", HttpStatusCode.OK),
            (commune, "?unit=don-dac&period=2023-Q3", HttpStatusCode.OK),
            (district, "?period=2023-Q3", HttpStatusCode.OK),
            (district, "?unit=ba-che", HttpStatusCode.OK),
            (district, "", HttpStatusCode.OK),
            (district, "?unit=no-such-unit&period=2023-Q3", HttpStatusCode.NotFound),
            (district, "?unit=no-such-unit&period=nonsense", HttpStatusCode.NotFound),
            (district, "?unit=quang-ninh&period=2023-Q3", HttpStatusCode.Forbidden),
            (commune, "?unit=quang-ninh&period=2023-Q3", HttpStatusCode.Forbidden),
            (commune, "?unit=quang-ninh&period=1999-Q1", HttpStatusCode.Forbidden),
            (district, "?unit=ba-che&period=1999-Q1", HttpStatusCode.NotFound),
            (district, "?unit=ba-che&period=2023-H2", HttpStatusCode.NotFound),
            (district, "?unit=ba-che&period=2023", HttpStatusCode.NotFound),
            (district, "?unit=ba-che&period=nonsense", HttpStatusCode.NotFound),
            (district, "?unit=ba-che&period=2099-Q1", HttpStatusCode.NotFound),
            (commune, "?period=2023-Q3", HttpStatusCode.OK),
        };

        var answers = new List<string>();
        foreach (var (client, query, _) in cases)
        {
            answers.Add($"{query} {(int)(await client.GetAsync(report + query)).StatusCode}");
        }

        answers.Should().Equal(cases.Select(c => $"{c.Query} {(int)c.Status}"));
    }

    [Fact]
    public async Task Without_a_unit_the_report_is_of_the_readers_own_district()
    {
        var html = WebUtility.HtmlDecode(await (await fixture.Factory.SignedInClientAsync("lanhdao")).GetStringAsync("/reports/completeness"));
        var named = WebUtility.HtmlDecode(await (await fixture.Factory.SignedInClientAsync("lanhdao")).GetStringAsync("/reports/completeness?unit=ba-che"));

        var title = Regex.Match(html, "<title>[^<]*</title>").Value;
        title.Should().Contain("huyện Ba Chẽ").And.Be(Regex.Match(named, "<title>[^<]*</title>").Value);
        Regex.Matches(html, "data-path=\"[^\"]*\"").Select(m => m.Value).Should().Equal(Regex.Matches(named, "data-path=\"[^\"]*\"").Select(m => m.Value));
    }
}
