using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static ProgramTracker.Tests.Integration.HtmlParts;

namespace ProgramTracker.Tests.Integration;

/// <summary>The leader dashboard against the seeded Ba Chẽ figures.</summary>
public sealed partial class DashboardTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Url = "/dashboard?unit=ba-che&period=2023-Q3";

    // The one place that makes a client: the integrator switches it to a signed-in leader.
    private Task<HttpClient> Client(WebApplicationFactory<Program>? factory = null) => (factory ?? fixture.Factory).SignedInClientAsync("lanhdao");

    [Fact]
    public async Task Dashboard_defaults_to_the_first_district_and_the_latest_period_with_data()
    {
        var html = await GetText("/dashboard");

        html.Should().Contain("Bảng điều khiển: <span class=\"text-nowrap\">huyện Ba Chẽ</span>");
        html.Should().Contain("<option value=\"2023-Q3\" selected=\"selected\">Quý III/2023</option>");
        HeatCell(html, "nam-son", "ntm-xa-nang-cao").Should().Contain("16/19 tiêu chí");
    }

    /// <summary>
    /// A province's dashboard opened without a period: its communes (since 01/07/2025) hold no figures on a fresh start, and the
    /// 2023 figures belong to Ba Chẽ district's communes, which are not on the province's table. So it opens the current
    /// quarter, not Q3/2023 with "0 communes"; and Q3/2023, asked for, names the district that held the communes then.
    /// </summary>
    [Fact]
    public async Task Province_dashboard_opens_its_own_quarter_and_a_2023_period_sends_the_reader_to_its_district()
    {
        var leader = await fixture.ClientAsync("lanhdao.tinh");
        var opened = await leader.GetStringAsync("/dashboard?unit=quang-ninh");
        var selected = Regex.Match(opened, "<option value=\"(\\d{4})-Q(\\d)\" selected=\"selected\">");
        selected.Success.Should().BeTrue();
        (int.Parse(selected.Groups[1].Value, CultureInfo.InvariantCulture) * 10 + int.Parse(selected.Groups[2].Value, CultureInfo.InvariantCulture))
            .Should().BeGreaterThanOrEqualTo(20253, "a province's communes exist from Q3/2025; Q3/2023 showed it with 0 communes");
        opened.Should().NotContain("bộ tiêu chí cấp huyện", "a province is never judged by a district-level set");
        // Its figures: the 54 communes and wards of today's register, none with values on a fresh start, so all 54 are counted
        // under "no data" and none under any band (the band table's cells by data attribute).
        opened.Should().Contain("Số xã, phường theo mức đạt (54 đơn vị)");
        opened.Should().MatchRegex("(?s)<tr data-band=\"heat-none\">(?:(?!</tr>).)*data-count=\"lowest\">\\s*<a [^>]*band=heat-none\">54</a>");
        foreach (var band in new[] { "heat-4", "heat-3", "heat-2", "heat-1", "heat-0", "heat-partial" })
        {
            opened.Should().MatchRegex($"(?s)<tr data-band=\"{band}\">(?:(?!</tr>).)*data-count=\"lowest\">0</td>", band);
        }


        var old = await leader.GetStringAsync("/dashboard?unit=quang-ninh&period=2023-Q3");
        old.Should().Contain("thuộc các huyện").And.Contain("href=\"/dashboard?unit=ba-che&amp;period=2023-Q3\"")
            .And.NotContain("chưa có đơn vị cấp xã nào");
    }

    [Fact]
    public async Task The_unit_selector_lists_only_units_the_reader_may_read_and_the_administrator_sees_them_all()
    {
        await fixture.EnsureOtherDistrictAsync();
        static string Selector(string html) => html[html.IndexOf("<select id=\"unit\"", StringComparison.Ordinal)..html.IndexOf("</select>", html.IndexOf("<select id=\"unit\"", StringComparison.Ordinal), StringComparison.Ordinal)];

        var leader = Selector(await GetText(Url));
        leader.Should().Contain("value=\"ba-che\"").And.NotContain($"value=\"{PortalFixture.OtherDistrict}\"", "a Ba Chẽ leader cannot open Tiên Yên's dashboard");
        var admin = await fixture.ClientAsync("admin");
        Selector(await admin.GetStringAsync(Url)).Should().Contain("value=\"ba-che\"").And.Contain($"value=\"{PortalFixture.OtherDistrict}\"");
    }

    [Fact]
    public async Task Heat_map_shows_Nam_Son_as_reported_and_links_to_its_page()
    {
        var cell = HeatCell(await GetText(Url), "nam-son", "ntm-xa-nang-cao");

        cell.Should().Contain("16/19 tiêu chí").And.Contain("72/75 chỉ tiêu").And.Contain("theo báo cáo")
            .And.Contain("href=\"/communes/nam-son?period=2023-Q3\"")
            .And.Contain("heat-2", "16 of 19 criteria is 84 %, between 70 % and 90 %")
            .And.Contain("đạt 84,2 % so với chuẩn")
            .And.NotContain("bình quân nhóm");
    }

    [Theory]
    [InlineData("don-dac")]
    [InlineData("thanh-son")]
    [InlineData("thanh-lam")]
    [InlineData("dap-thanh")]
    public async Task Heat_map_marks_the_four_communes_as_a_group_average(string slug)
    {
        var cell = HeatCell(await GetText(Url), slug, "ntm-xa-nang-cao");

        cell.Should().Contain("14,5/19 tiêu chí").And.Contain("65,5/75 chỉ tiêu").And.Contain("theo báo cáo · bình quân nhóm")
            .And.Contain("Bình quân của 4 đơn vị: Đồn Đạc, Thanh Sơn, Thanh Lâm, Đạp Thanh").And.Contain("heat-2");
    }

    [Theory]
    [InlineData("luong-mong")]
    [InlineData("minh-cam")]
    public async Task Heat_map_shows_the_model_commune_candidates_at_2_of_6(string slug)
    {
        var html = await GetText(Url);

        HeatCell(html, slug, "ntm-xa-kieu-mau").Should().Contain("2/6 tiêu chí").And.Contain("7/15 chỉ tiêu").And.Contain("heat-0")
            .And.Contain("theo báo cáo");
        HeatCell(html, slug, "ntm-xa-nang-cao").Should().Contain("chưa có số liệu").And.Contain("heat-none");
    }

    [Fact]
    public async Task Heat_map_says_chua_co_so_lieu_where_nothing_was_reported_or_entered()
    {
        var html = await GetText(Url);

        foreach (var set in new[] { "ntm-xa", "ntm-xa-nang-cao", "ntm-xa-kieu-mau" })
        {
            HeatCell(html, "thi-tran-ba-che", set).Should().Contain("chưa có số liệu").And.Contain("heat-none").And.NotContain("tiêu chí<");
        }

        HeatCell(html, "nam-son", "ntm-xa").Should().Contain("chưa có số liệu");
        html.Should().NotContain("data-set=\"ntm-xa-2026\"", "the 2026–2030 set does not apply to 2023");
    }

    [Fact]
    public async Task Heat_map_has_the_districts_own_row_with_district_sets()
    {
        var html = await GetText(Url);

        HeatCell(html, "ba-che", "ntm-huyen-nang-cao").Should().Contain("2/9 tiêu chí").And.Contain("25/38 chỉ tiêu").And.Contain("heat-0")
            .And.Contain("href=\"/districts/ba-che?period=2023-Q3\"");
        HeatCell(html, "ba-che", "dtts-nq06").Should().Contain("21/21 chỉ tiêu").And.Contain("heat-4").And.Contain("theo báo cáo");
        HeatCell(html, "ba-che", "ntm-huyen").Should().Contain("chưa có số liệu");
        Element(html, "heatmap-district", "table").Should().NotContain("data-unit=\"nam-son\"");
    }

    [Fact]
    public async Task At_risk_lists_communes_below_80_percent_with_the_reason_and_not_Nam_Son()
    {
        var risk = Element(await GetText(Url), "at-risk", "section");

        foreach (var slug in new[] { "don-dac", "thanh-son", "thanh-lam", "dap-thanh", "luong-mong", "minh-cam" })
        {
            risk.Should().Contain($"data-unit=\"{slug}\"");
        }

        risk.Should().NotContain("data-unit=\"nam-son\"");
        risk = Text(risk);
        risk.Should().Contain("Xã nông thôn mới nâng cao: 14,5/19 tiêu chí, 65,5/75 chỉ tiêu (76,3 %, bình quân nhóm), dưới ngưỡng 80 %");
        risk.Should().Contain("Xã nông thôn mới kiểu mẫu: 2/6 tiêu chí, 7/15 chỉ tiêu (33,3 %), dưới ngưỡng 80 %");
        risk.Should().Contain("Chưa đánh giá được (chưa có số liệu trong kỳ): thị trấn Ba Chẽ");
    }

    [Fact]
    public async Task At_risk_threshold_comes_from_configuration()
    {
        await using var strict = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Dashboard:AtRiskShare", "0.9"));
        var response = await (await Client(strict)).GetAsync(Url);

        var risk = Text(Element(await response.Content.ReadAsStringAsync(), "at-risk", "section"));
        risk.Should().Contain("xã Nam Sơn").And.Contain("Xã nông thôn mới nâng cao: 16/19 tiêu chí, 72/75 chỉ tiêu (84,2 %), dưới ngưỡng 90 %");
    }

    [Fact]
    public async Task Achievements_show_the_end_of_2022_status_with_its_date_and_source()
    {
        var section = Text(Element(await GetText(Url), "achievements", "section"));

        section.Should().Contain("7/7 xã đạt chuẩn nông thôn mới").And.Contain("2/7 xã đạt chuẩn nông thôn mới nâng cao")
            .And.Contain("Huyện Ba Chẽ đạt chuẩn nông thôn mới").And.Contain("31/12/2022")
            .And.Contain("Trung tâm Truyền thông và Văn hóa huyện Ba Chẽ, 25/08/2023");
    }

    [Fact]
    public async Task Poverty_shows_both_standards_for_the_district_as_reported_and_says_what_is_missing()
    {
        var table = Element(await GetText(Url), "poverty-table", "table");

        table.Should().MatchRegex("data-standard=\"quang-ninh-2023-2025\" data-rate=\"poor\"><span[^>]*>0,46 %<");
        table.Should().MatchRegex("data-standard=\"quang-ninh-2023-2025\" data-rate=\"near-poor\"> ?<span[^>]*>2,17 %<");
        table.Should().MatchRegex("data-standard=\"nd-07-2021\" data-rate=\"poor\"><span[^>]*>0,27 %<");
        table.Should().MatchRegex("data-standard=\"nd-07-2021\" data-rate=\"near-poor\"> ?<span[^>]*>0,89 %<");
        table.Should().Contain("theo báo cáo · 15/08/2023").And.Contain("Chuẩn Quảng Ninh 2023–2025").And.Contain("Chuẩn quốc gia (NĐ 07/2021)");
        Text(table).Should().Contain("xã Nam Sơn chưa có số liệu chưa có số liệu");
    }

    [Fact]
    public async Task Capital_keeps_the_reports_qualifiers_and_says_disbursement_is_missing()
    {
        var table = Text(Element(await GetText(Url), "capital-table", "table"));

        table.Should().Contain("hơn 119 tỷ đồng cho 06 dự án, công trình đến 24/08/2023")
            .And.Contain("hơn 55 tỷ đồng")
            .And.Contain("Chương trình MTQG xây dựng nông thôn mới")
            .And.Contain("Chương trình MTQG phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi")
            .And.Contain("chưa có số liệu giải ngân")
            .And.Contain("Nguồn: Trung tâm Truyền thông và Văn hóa huyện Ba Chẽ, 25/08/2023");
    }

    [Fact]
    public async Task Income_estimate_of_68_stands_against_the_target_of_70_with_a_gap_of_minus_2()
    {
        var table = Element(await GetText(Url), "targets-table", "table");

        Text(table).Should().Contain("≥ 70 triệu đồng/người/năm").And.Contain("ước 68 triệu đồng/người/năm")
            .And.Contain("−2 triệu đồng/người/năm").And.Contain("Chưa đạt").And.Contain("số thực hiện là số ước");
        table.Should().Contain("data-gap=\"-2\"");
    }

    [Fact]
    public async Task District_figures_show_every_indicator_figure_of_the_report_with_its_period()
    {
        var table = Text(Element(await GetText(Url), "figures-table", "table"));

        table.Should().Contain("Mức tăng thu nhập bình quân đầu người so với năm 2020 1,55 %")
            .And.Contain("Tỷ lệ hộ nghèo toàn huyện 0,62 % Quý IV/2022 đến 31/12/2022")
            .And.Contain("Mức giảm tỷ lệ hộ nghèo so với cuối năm trước 2,87 điểm %")
            .And.Contain("nước sinh hoạt hợp vệ sinh trên 99 %")
            .And.Contain("điện an toàn 100 %")
            .And.Contain("thẻ BHYT 99 %")
            .And.Contain("định hướng nghề nghiệp 100 %")
            .And.Contain("nghe đài phát thanh 100 %")
            .And.Contain("Số địa bàn đặc biệt khó khăn còn lại 0 địa bàn");
    }

    [Fact]
    public async Task Trends_carry_their_data_as_json_for_the_static_script_and_as_tables()
    {
        var html = await GetText(Url);

        var blocks = ChartData().Matches(html);
        blocks.Should().HaveCountGreaterThanOrEqualTo(2);
        var ids = blocks.Select(m => m.Groups[1].Value).ToList();
        ids.Should().Contain("chart-data-trend-ntm-xa-nang-cao").And.Contain("chart-data-trend-poverty");
        foreach (Match block in blocks)
        {
            html.Should().Contain($"data-chart-source=\"{block.Groups[1].Value}\"");
            using var json = JsonDocument.Parse(block.Groups[2].Value);
            json.RootElement.GetProperty("labels").GetArrayLength().Should().Be(4, "the seed has periods 2022-Q4 to 2023-Q3");
        }

        using var advanced = JsonDocument.Parse(blocks.First(m => m.Groups[1].Value == "chart-data-trend-ntm-xa-nang-cao").Groups[2].Value);
        var namSon = advanced.RootElement.GetProperty("series").EnumerateArray().First(s => s.GetProperty("label").GetString() == "xã Nam Sơn");
        namSon.GetProperty("values")[3].GetDecimal().Should().Be(16m);
        namSon.GetProperty("values")[2].ValueKind.Should().Be(JsonValueKind.Null, "nothing was reported for 2023-Q2");

        Text(Element(html, "table-trend-poverty", "table")).Should().Contain("Hộ nghèo – Chuẩn Quảng Ninh 2023–2025 — chưa có số liệu — chưa có số liệu — chưa có số liệu 0,46 %");
        Text(Element(html, "table-trend-ntm-xa-nang-cao", "table")).Should().Contain("14,5 theo báo cáo · bình quân nhóm");
        html.Should().Contain("<script src=\"/lib/chartjs/chart.umd.min.js\"></script>").And.MatchRegex("<script src=\"/js/dashboard.js\\?v=[^\"]+\"></script>");
    }

    [Fact]
    public async Task Dashboard_has_no_inline_script_style_or_handler_so_a_strict_CSP_can_be_added()
    {
        var html = await GetText(Url);

        foreach (Match script in ScriptTag().Matches(html))
        {
            script.Value.Should().Match(s => s.Contains("src=\"/", StringComparison.Ordinal) || s.Contains("type=\"application/json\"", StringComparison.Ordinal));
        }

        html.Should().NotContain(" style=\"").And.NotContain("<style");
        InlineHandler().IsMatch(html).Should().BeFalse();
    }

    [Theory]
    [InlineData("/lib/chartjs/chart.umd.min.js")]
    [InlineData("/lib/chartjs/LICENSE.md")]
    [InlineData("/js/dashboard.js")]
    [InlineData("/js/summary.js")]
    [InlineData("/css/dashboard.css")]
    public async Task Vendored_and_static_assets_are_served(string path)
    {
        var response = await (await Client()).GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_period_shows_what_was_stated_then_and_computes_where_values_exist()
    {
        var html = await GetText("/dashboard?unit=ba-che&period=2022-Q4");

        HeatCell(html, "nam-son", "ntm-xa").Should().Contain("Đạt chuẩn").And.Contain("7/7 đơn vị trong nhóm đạt chuẩn").And.Contain("heat-4");
        HeatCell(html, "nam-son", "ntm-xa-nang-cao").Should().Contain("Chưa rõ từng đơn vị").And.Contain("2/7 đơn vị trong nhóm đạt chuẩn");
        HeatCell(html, "ba-che", "ntm-huyen").Should().Contain("Đạt chuẩn");
        // The district's 2022-Q4 values have no thresholds: the cell is computed but says it judges nothing.
        HeatCell(html, "ba-che", "dtts-nq06").Should().Contain("chưa đánh giá được").And.Contain("tính từ số liệu")
            .And.Contain("chưa có ngưỡng để đánh giá").And.Contain("heat-none");
    }

    [Theory]
    [InlineData("/dashboard?unit=khong-co")]
    [InlineData("/dashboard?unit=nam-son")]
    [InlineData("/dashboard?unit=ba-che&period=2023-Q5")]
    [InlineData("/dashboard?unit=ba-che&period=abc")]
    [InlineData("/dashboard?unit=ba-che&period={future}")]
    [InlineData("/dashboard?period=%27%3B--")]
    [InlineData("/dashboard/export?unit=khong-co")]
    [InlineData("/dashboard/export?unit=ba-che&period=2023-Q0")]
    [InlineData("/reports/summary?unit=ba-che&period=bad")]
    [InlineData("/reports/summary?unit=thanh-son")]
    [InlineData("/communes/khong-co/export")]
    [InlineData("/communes/ba-che/export?period=2023-Q3")]
    [InlineData("/communes/nam-son/export?period=2023-Q9")]
    [InlineData("/districts/nam-son/export")]
    [InlineData("/districts/ba-che/export?period=1999-Q1")]
    public async Task Unknown_unit_or_bad_period_gets_the_Vietnamese_404_page(string url)
    {
        url = url.Replace("{future}", TestClock.FutureQuarter, StringComparison.Ordinal); // a quarter the calendar has not opened
        var response = await (await Client()).GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Không tìm thấy trang");
    }

    [Theory]
    [InlineData("/dashboard?unit=", 200)] // no unit: the reader's own
    [InlineData("/dashboard?unit=ba-che&period=", 200)] // no period: the default one
    [InlineData("/dashboard?unit=%20ba-che%20&period=2023-q3", 200)] // trimmed, any case
    [InlineData("/dashboard?unit=ba-che&unit=nam-son&period=2023-Q3&period=x", 200)] // the first of each
    [InlineData("/dashboard?unit=%00%FF%F0%9F%98%80&period=%00", 400)] // control characters: refused by the input guard
    [InlineData("/dashboard?unit=ba-che&period=99999999999999999999-Q1", 404)]
    [InlineData("/dashboard?unit=ba-che&period=2023-Q3-Q1", 404)]
    [InlineData("/reports/summary?unit=ba-che&period=2023-Q3&print=%3Cscript%3E", 200)]
    [InlineData("/communes/%C4%91%E1%BB%93n-%C4%91%E1%BA%A1c/export", 404)] // "đồn-đạc" is not a slug
    public async Task Odd_input_never_causes_a_server_error(string url, int status)
    {
        var response = await (await Client()).GetAsync(url);

        ((int)response.StatusCode).Should().Be(status, url);
    }

    private async Task<string> GetText(string url)
    {
        var response = await (await Client()).GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"([^\"]+)\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ChartData();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("\\son[a-z]+=\"", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
