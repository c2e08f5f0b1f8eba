using static ProgramTracker.Tests.Integration.HtmlParts;

namespace ProgramTracker.Tests.Integration;

/// <summary>The generated summary text against the facts of the Ba Chẽ report (shared/seeds/ba-che-facts.md).</summary>
public sealed class SummaryTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Url = "/reports/summary?unit=ba-che&period=2023-Q3";

    // The one place that makes a client: the integrator switches it to a signed-in leader.
    private Task<HttpClient> Client() => fixture.Factory.SignedInClientAsync("lanhdao");

    /// <summary>Each figure of the report in its section, in the words that say what it counts (not just digits anywhere).</summary>
    [Theory]
    [InlineData("summary-programme-ntm", "xã Nam Sơn đạt 16/19 tiêu chí, 72/75 chỉ tiêu")]
    [InlineData("summary-programme-ntm", "các xã Đồn Đạc, Thanh Sơn, Thanh Lâm, Đạp Thanh bình quân đạt 14,5/19 tiêu chí, 65,5/75 chỉ tiêu")]
    [InlineData("summary-programme-ntm", "2 xã Lương Mông, Minh Cầm đều đạt 2/6 tiêu chí, 7/15 chỉ tiêu")]
    [InlineData("summary-programme-ntm", "huyện Ba Chẽ đạt 2/9 tiêu chí, 25/38 chỉ tiêu")]
    [InlineData("summary-programme-ntm", "Cuối năm 2022, 7/7 xã đạt chuẩn nông thôn mới, trong đó 02 xã đạt chuẩn nông thôn mới nâng cao")]
    [InlineData("summary-programme-dtts", "huyện Ba Chẽ đạt 21/21 chỉ tiêu")]
    [InlineData("summary-poverty", "theo chuẩn Quảng Ninh 2023–2025, tỷ lệ hộ nghèo toàn huyện Ba Chẽ là 0,46 %, tỷ lệ hộ cận nghèo là 2,17 %")]
    [InlineData("summary-poverty", "theo chuẩn quốc gia (NĐ 07/2021), tỷ lệ hộ nghèo toàn huyện Ba Chẽ là 0,27 %, tỷ lệ hộ cận nghèo là 0,89 %")]
    [InlineData("summary-indicators", "năm 2023 ước đạt 68 triệu đồng/người/năm; mục tiêu năm 2023 là tối thiểu 70 triệu đồng/người/năm")]
    [InlineData("summary-indicators", "mức tăng thu nhập bình quân đầu người so với năm 2020 là 1,55 %")]
    [InlineData("summary-indicators", "tỷ lệ hộ nghèo toàn huyện (cuối năm 2022) là 0,62 %")]
    [InlineData("summary-indicators", "mức giảm tỷ lệ hộ nghèo so với cuối năm trước (cuối năm 2022) là 2,87 điểm %")]
    [InlineData("summary-indicators", "tỷ lệ hộ dân được sử dụng nước sinh hoạt hợp vệ sinh đạt trên 99 %")]
    [InlineData("summary-indicators", "tỷ lệ hộ dân được sử dụng điện an toàn là 100 %")]
    [InlineData("summary-indicators", "tỷ lệ đồng bào DTTS có thẻ BHYT là 99 %")]
    [InlineData("summary-capital", "tổng vốn huy động hơn 55 tỷ đồng")]
    [InlineData("summary-capital", "kế hoạch vốn đầu tư phát triển đã phân bổ hơn 119 tỷ đồng, bố trí cho 06 dự án, công trình")]
    public async Task Summary_for_Ba_Che_2023_Q3_states_each_figure_of_the_report(string section, string phrase)
    {
        var html = await Get(Url);

        Text(Element(html, section, "section")).Should().Contain(phrase);
    }

    [Fact]
    public async Task Summary_states_the_figures_in_the_register_of_the_districts_reports()
    {
        var text = await SummaryText();

        text.Should().Contain("xã Nam Sơn đạt 16/19 tiêu chí, 72/75 chỉ tiêu")
            .And.Contain("các xã Đồn Đạc, Thanh Sơn, Thanh Lâm, Đạp Thanh bình quân đạt 14,5/19 tiêu chí, 65,5/75 chỉ tiêu")
            .And.Contain("2 xã Lương Mông, Minh Cầm đều đạt 2/6 tiêu chí, 7/15 chỉ tiêu")
            .And.Contain("theo bộ tiêu chí xã nông thôn mới nâng cao")
            .And.Contain("Theo bộ tiêu chí xã nông thôn mới kiểu mẫu, 2 xã")
            .And.Contain("huyện Ba Chẽ đạt 2/9 tiêu chí, 25/38 chỉ tiêu")
            .And.Contain("huyện Ba Chẽ đạt 21/21 chỉ tiêu")
            .And.Contain("Tính đến ngày 24/08/2023");
    }

    [Fact]
    public async Task Summary_gives_poverty_by_both_standards_with_their_date()
    {
        var text = await SummaryText();

        text.Should().Contain("Tính đến ngày 15/08/2023, theo chuẩn Quảng Ninh 2023–2025, tỷ lệ hộ nghèo toàn huyện Ba Chẽ là 0,46 %, tỷ lệ hộ cận nghèo là 2,17 % (theo báo cáo)")
            .And.Contain("theo chuẩn quốc gia (NĐ 07/2021), tỷ lệ hộ nghèo toàn huyện Ba Chẽ là 0,27 %, tỷ lệ hộ cận nghèo là 0,89 % (theo báo cáo)");
    }

    [Fact]
    public async Task Summary_sets_income_against_its_target_and_lists_the_other_district_figures()
    {
        var text = await SummaryText();

        text.Should().Contain("ước đạt 68 triệu đồng/người/năm")
            .And.Contain("mục tiêu năm 2023 là tối thiểu 70 triệu đồng/người/năm, còn thiếu 2 triệu đồng/người/năm so với mục tiêu")
            .And.Contain("so với năm 2020 là 1,55 %")
            .And.Contain("tỷ lệ hộ nghèo toàn huyện (cuối năm 2022) là 0,62 %")
            .And.Contain("(cuối năm 2022) là 2,87 điểm %")
            .And.Contain("nước sinh hoạt hợp vệ sinh đạt trên 99 %")
            .And.Contain("điện an toàn là 100 %")
            .And.Contain("thẻ BHYT là 99 %")
            .And.Contain("số địa bàn đặc biệt khó khăn còn lại là 0 địa bàn");
    }

    /// <summary>
    /// Issue 32.10: the English summary said "by the chuẩn Quảng Ninh 2023–2025" and "Thu nhập bình quân đầu người trên địa bàn
    /// huyện in 2023 is estimated at 68 triệu đồng/người/năm". Names without an English one stand once, quoted, as names;
    /// standards and units of measure are in English.
    /// </summary>
    [Fact]
    public async Task English_summary_names_standards_and_units_in_English_and_quotes_names_it_has_only_in_Vietnamese()
    {
        var text = Text(Element(await Get(Url + "&culture=en"), "summary", "article"));

        text.Should().Contain("by the Quảng Ninh standard 2023–2025, the poor household rate")
            .And.Contain("by the national standard (Decree 07/2021)")
            .And.Contain("“Thu nhập bình quân đầu người trên địa bàn huyện” in 2023 is estimated at 68 million VND/person/year")
            .And.Contain("the target for 2023 is at least 70 million VND/person/year")
            .And.NotContain("triệu đồng").And.NotContain("by the chuẩn");
    }

    [Fact]
    public async Task Summary_keeps_the_capital_qualifiers_and_the_end_of_2022_status()
    {
        var text = await SummaryText();

        text.Should().Contain("hơn 119 tỷ đồng, bố trí cho 06 dự án, công trình").And.Contain("chưa có số liệu giải ngân")
            .And.Contain("tổng vốn huy động hơn 55 tỷ đồng")
            .And.Contain("Cuối năm 2022, 7/7 xã đạt chuẩn nông thôn mới, trong đó 02 xã đạt chuẩn nông thôn mới nâng cao; huyện Ba Chẽ đạt chuẩn nông thôn mới")
            .And.Contain("Thị trấn Ba Chẽ chưa có số liệu đánh giá trong kỳ");
    }

    [Fact]
    public async Task Summary_cites_its_source_and_offers_copy_and_print()
    {
        var html = await Get(Url);

        Text(Element(html, "summary", "article")).Should().Contain("Nguồn: Trung tâm Truyền thông và Văn hóa huyện Ba Chẽ, 25/08/2023");
        html.Should().Contain("id=\"copy-summary\"").And.Contain("data-copy-target=\"summary-plain\"")
            .And.Contain("href=\"/reports/summary?unit=ba-che&amp;period=2023-Q3&amp;print=1\"")
            .And.MatchRegex("<script src=\"/js/summary.js\\?v=[^\"]+\"></script>")
            .And.NotContain(" style=\"");
        var plain = System.Net.WebUtility.HtmlDecode(html[html.IndexOf("id=\"summary-plain\"", StringComparison.Ordinal)..html.IndexOf("</textarea>", StringComparison.Ordinal)]);
        plain.Should().Contain("xã Nam Sơn đạt 16/19 tiêu chí, 72/75 chỉ tiêu").And.Contain("(Nguồn: Trung tâm Truyền thông và Văn hóa huyện Ba Chẽ, 25/08/2023)");
    }

    [Fact]
    public async Task Print_view_drops_the_navigation_and_keeps_the_text()
    {
        var html = await Get(Url + "&print=1");

        html.Should().Contain("class=\"print-view\"").And.NotContain("Điều hướng chính").And.NotContain("id=\"copy-summary\"");
        Text(html).Should().Contain("xã Nam Sơn đạt 16/19 tiêu chí, 72/75 chỉ tiêu");
    }

    [Fact]
    public async Task Summary_defaults_to_Ba_Che_and_its_latest_period()
    {
        Text(await Get("/reports/summary")).Should().Contain("huyện Ba Chẽ, Quý III/2023").And.Contain("16/19");
    }

    [Fact]
    public async Task A_period_without_figures_says_so_instead_of_inventing_them()
    {
        var text = Text(Element(await Get("/reports/summary?unit=ba-che&period=2023-Q2"), "summary", "article"));

        text.Should().Contain("Chưa có số liệu tỷ lệ hộ nghèo, cận nghèo trong Quý II/2023")
            .And.Contain("Chưa có số liệu nguồn vốn trong Quý II/2023")
            .And.NotContain("16/19").And.NotContain("0,46");
    }

    private async Task<string> SummaryText() => Text(Element(await Get(Url), "summary", "article"));

    private async Task<string> Get(string url)
    {
        var response = await (await Client()).GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return await response.Content.ReadAsStringAsync();
    }
}
