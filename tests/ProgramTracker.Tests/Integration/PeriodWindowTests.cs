using DocumentFormat.OpenXml.Validation;
using static ProgramTracker.Tests.Integration.HtmlParts;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// Half-years and years in the addresses that take a period (issue 26.1): combined from the seeded quarters, with the
/// quarters missing named. Ba Chẽ's seed holds figures for 2023-Q3 only (and 2022-Q4), so 2023-H2 is Q3's figures with Q4
/// missing, and the province of today has no figures in 2025 or 2026-H1 on a fresh start.
/// </summary>
public sealed class PeriodWindowTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private Task<HttpClient> Client() => fixture.Factory.SignedInClientAsync("lanhdao");

    private async Task<string> Get(string url, HttpClient? client = null)
    {
        var response = await (client ?? await Client()).GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("summary-programme-ntm", "xã Nam Sơn đạt 16/19 tiêu chí, 72/75 chỉ tiêu")]
    [InlineData("summary-programme-dtts", "huyện Ba Chẽ đạt 21/21 chỉ tiêu")]
    [InlineData("summary-poverty", "tỷ lệ hộ nghèo toàn huyện Ba Chẽ là 0,46 %, tỷ lệ hộ cận nghèo là 2,17 %")]
    [InlineData("summary-window", "Số liệu 6 tháng cuối năm 2023 ghép từ quý III, quý IV")]
    [InlineData("summary-window", "Chưa có số liệu quý IV: huyện Ba Chẽ")]
    public async Task The_second_half_of_2023_is_the_third_quarters_levels_and_says_the_fourth_is_missing(string section, string phrase)
    {
        var html = await Get("/reports/summary?unit=ba-che&period=2023-H2");

        html.Should().Contain("<option value=\"2023-H2\" selected=\"selected\">6 tháng cuối năm 2023</option>");
        Text(Element(html, section, "section")).Should().Contain(phrase);
    }

    [Fact]
    public async Task The_year_2023_names_the_three_quarters_without_values()
    {
        var html = await Get("/reports/summary?unit=ba-che&period=2023");

        html.Should().Contain("<option value=\"2023\" selected=\"selected\">Năm 2023</option>");
        Text(Element(html, "summary-window", "section")).Should().Contain("Chưa có số liệu quý I, quý II, quý IV: huyện Ba Chẽ");
        // The attainment of the year follows from the combined values: the same as Q3's, the only quarter with any.
        Text(Element(html, "summary-programme-dtts", "section")).Should().Contain("huyện Ba Chẽ đạt 21/21 chỉ tiêu");
    }

    [Fact]
    public async Task The_first_half_of_2023_has_no_quarter_with_values_and_says_so_rather_than_zero()
    {
        var html = await Get("/reports/summary?unit=ba-che&period=2023-H1");

        var window = Text(Element(html, "summary-window", "section"));
        window.Should().Contain("Chưa có số liệu quý nào trong kỳ");
        Text(Element(html, "summary-programme-dtts", "section")).Should().NotContain("0/21");
    }

    [Theory]
    [InlineData("/reports/summary?unit=quang-ninh&period=2026-H1", "6 tháng đầu năm 2026")]
    [InlineData("/reports/summary?unit=quang-ninh&period=2025", "Năm 2025")]
    public async Task The_provinces_half_year_and_year_open_and_say_what_is_missing(string url, string label)
    {
        var html = await Get(url, await fixture.ClientAsync("lanhdao.tinh"));

        html.Should().Contain(label);
        Text(Element(html, "summary-window", "section")).Should().Contain("ghép từ quý").And.Contain("Chưa có số liệu");
    }

    [Fact]
    public async Task The_dashboard_offers_half_years_and_years_and_says_how_a_window_combines()
    {
        var html = await Get("/dashboard?unit=ba-che&period=2023-h2");

        html.Should().Contain("<option value=\"2023-H2\" selected=\"selected\">6 tháng cuối năm 2023</option>")
            .And.Contain("<option value=\"2023-H1\">6 tháng đầu năm 2023</option>")
            .And.Contain("<option value=\"2023\">Năm 2023</option>");
        Text(Element(html, "window-note", "p")).Should().Contain("Chưa có số liệu quý IV: huyện Ba Chẽ");
        HeatCell(html, "nam-son", "ntm-xa-nang-cao").Should().Contain("16/19 tiêu chí");
    }

    [Theory]
    [InlineData("/dashboard/export?unit=ba-che&period=2023-H2")]
    [InlineData("/dashboard/export?unit=ba-che&period=2023")]
    public async Task The_dashboard_export_takes_a_window(string url)
    {
        var response = await (await Client()).GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        (await response.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(1000);
    }

    [Fact]
    public async Task The_Word_summary_of_a_half_year_is_valid_and_names_the_missing_quarter()
    {
        using var doc = await SummaryDocuments.OpenAsync(await Client(), "/reports/summary.docx?unit=ba-che&period=2023-H2");

        new OpenXmlValidator().Validate(doc).Should().BeEmpty();
        var text = string.Join("\n", SummaryDocuments.Texts(doc));
        text.Should().Contain("6 tháng cuối năm 2023").And.Contain("Chưa có số liệu quý IV: huyện Ba Chẽ").And.Contain("21/21 chỉ tiêu");
    }

    [Theory]
    [InlineData("/reports/summary?unit=ba-che&period={future}")]
    [InlineData("/reports/summary?unit=ba-che&period={future}-H1")]
    [InlineData("/reports/summary.docx?unit=ba-che&period={future}-H2")]
    [InlineData("/dashboard?unit=ba-che&period=2023-H3")]
    [InlineData("/dashboard?unit=ba-che&period=1999")]
    public async Task A_window_none_of_whose_quarters_is_open_is_not_found(string url)
    {
        url = TestClock.InFuture(url); // five years after the test clock's day: no quarter of it is open at any clock date
        var response = await (await Client()).GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
    }
}
