namespace ProgramTracker.Tests.Integration;

/// <summary>The read pages, as district staff of Ba Chẽ (who reads the district and all its communes) sees them.</summary>
public sealed partial class PageTests(PortalFixture fixture) : IAsyncLifetime, IClassFixture<PortalFixture>
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await fixture.ClientAsync("huyen");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Nam_Son_page_shows_16_of_19_criteria_and_72_of_75_indicators_with_source_and_date()
    {
        var html = await GetText("/communes/nam-son");

        html.Should().Contain("Nam Sơn");
        var advanced = Section(html, "ntm-xa-nang-cao");
        advanced.Should().Contain("16/19").And.Contain("72/75").And.Contain("24/08/2023")
            .And.Contain("Trung tâm Truyền thông và Văn hóa huyện Ba Chẽ, 25/08/2023");
    }

    [Theory]
    [InlineData("don-dac")]
    [InlineData("thanh-son")]
    [InlineData("thanh-lam")]
    [InlineData("dap-thanh")]
    public async Task The_four_communes_show_the_group_average_labelled_as_such(string slug)
    {
        var advanced = Section(await GetText($"/communes/{slug}"), "ntm-xa-nang-cao");

        advanced.Should().Contain("14,5/19").And.Contain("65,5/75").And.Contain("Bình quân của nhóm")
            .And.Contain("xã Đồn Đạc, xã Thanh Sơn, xã Thanh Lâm, xã Đạp Thanh");
    }

    [Theory]
    [InlineData("luong-mong")]
    [InlineData("minh-cam")]
    public async Task Model_commune_candidates_show_2_of_6_and_7_of_15(string slug)
    {
        var model = Section(await GetText($"/communes/{slug}"), "ntm-xa-kieu-mau");

        model.Should().Contain("2/6").And.Contain("7/15").And.Contain("Số liệu riêng của đơn vị");
    }

    [Fact]
    public async Task The_town_says_it_has_no_reported_figures()
    {
        var html = await GetText("/communes/thi-tran-ba-che");

        html.Should().Contain("thị trấn Ba Chẽ").And.Contain("Chưa có số liệu báo cáo cho bộ tiêu chí này");
        html.Should().NotContain("16/19").And.NotContain("14,5/19");
    }

    [Fact]
    public async Task District_page_shows_every_district_figure_of_the_report()
    {
        var html = await GetText("/districts/ba-che");

        Section(html, "ntm-huyen-nang-cao").Should().Contain("2/9").And.Contain("25/38");
        Section(html, "dtts-nq06").Should().Contain("21/21");
        Section(html, "ntm-huyen").Should().Contain("1/1").And.Contain("đạt chuẩn nông thôn mới");
        html.Should().Contain("ước 68 triệu đồng/người/năm")
            .And.Contain("1,55 %")
            .And.Contain("0,62 %")
            .And.Contain("2,87 điểm %")
            .And.Contain("trên 99 %")
            .And.Contain("hơn 119 tỷ đồng")
            .And.Contain("cho 06 dự án, công trình")
            .And.Contain("hơn 55 tỷ đồng")
            .And.Contain("≥ 70 triệu đồng/người/năm");
        var poverty = Table(html, "poverty");
        poverty.Should().MatchRegex("Quảng Ninh giai đoạn 2023–2025</td> <td[^>]*>0,46 %</td> <td[^>]*>2,17 %");
        poverty.Should().MatchRegex("Nghị định 07/2021/NĐ-CP\\)</td> <td[^>]*>0,27 %</td> <td[^>]*>0,89 %");
        poverty.Should().Contain("15/08/2023").And.Contain("Tỷ lệ theo báo cáo");
        Table(html, "figures").Should().Contain("100 %").And.Contain("99 %").And.Contain("0 địa bàn");
    }

    [Fact]
    public async Task District_page_lists_its_eight_communes_with_their_latest_figures()
    {
        var html = await GetText("/districts/ba-che");

        foreach (var slug in new[] { "nam-son", "don-dac", "thanh-son", "thanh-lam", "dap-thanh", "luong-mong", "minh-cam", "thi-tran-ba-che" })
        {
            html.Should().Contain($"href=\"/communes/{slug}\"");
        }

        html.Should().Contain("16/19 tiêu chí, 72/75 chỉ tiêu").And.Contain("14,5/19 tiêu chí, 65,5/75 chỉ tiêu (bình quân nhóm)");
    }

    [Fact]
    public async Task Programme_pages_list_programmes_projects_and_sets()
    {
        var list = await GetText("/programmes");
        list.Should().Contain("/programmes/ntm").And.Contain("/programmes/gnbv").And.Contain("/programmes/dtts");

        var gnbv = await GetText("/programmes/gnbv");
        gnbv.Should().Contain("QĐ 90/QĐ-TTg").And.Contain("Truyền thông và giảm nghèo về thông tin");
        gnbv.Should().Contain("Hỗ trợ đầu tư phát triển hạ tầng kinh tế – xã hội các huyện nghèo").And.Contain("Nâng cao năng lực và giám sát, đánh giá Chương trình");

        var ntm = await GetText("/programmes/ntm");
        ntm.Should().Contain("/criteria-sets/ntm-xa-nang-cao").And.Contain("hơn 55 tỷ đồng").And.Contain("Lúa J02");

        // In English: the English name with the official Vietnamese beside it, and the page's own words in English.
        var en = await GetText("/programmes/ntm?culture=en");
        en.Should().Contain("National Target Programme on New Rural Development (Chương trình MTQG xây dựng nông thôn mới)")
            .And.Contain("Criteria sets and indicators").And.Contain("more than 55 billion VND").And.NotContain("Bộ tiêu chí, chỉ tiêu");
    }

    [Fact]
    public async Task Criteria_set_page_shows_declared_totals_groups_and_reported_rows()
    {
        var html = await GetText("/criteria-sets/ntm-xa-nang-cao");

        html.Should().Contain("id=\"declared-criteria\">19<").And.Contain("id=\"declared-indicators\">75<");
        html.Should().Contain("III. Kinh tế và tổ chức sản xuất").And.Contain("Nhóm chưa xác nhận").And.Contain("19. Quốc phòng và An ninh");
        var reported = Table(html, "reported");
        reported.Should().Contain("16/19").And.Contain("14,5/19").And.Contain("65,5/75").And.Contain("Bình quân của nhóm");

        var en = await GetText("/criteria-sets/ntm-xa-nang-cao?culture=en");
        en.Should().Contain("Group not confirmed").And.Contain("criteria declared").And.NotContain("Nhóm chưa xác nhận");
        Table(en, "reported").Should().Contain("14.5/19").And.Contain("65.5/75");
    }

    [Fact]
    public async Task Indicator_page_says_an_unknown_threshold_is_unknown_and_lists_values_with_sources()
    {
        var district = await GetText("/districts/ba-che");
        var id = Regex.Match(district, "href=\"/indicators/(\\d+)\">Thu nhập bình quân đầu người").Groups[1].Value;
        id.Should().NotBeEmpty();

        var html = await GetText($"/indicators/{id}");

        html.Should().Contain("id=\"threshold\">chưa có ngưỡng<");
        Table(html, "values").Should().Contain("ước 68 triệu đồng/người/năm").And.Contain("Nguồn:");
        html.Should().Contain("≥ 70 triệu đồng/người/năm");
    }

    [Theory]
    [InlineData("/communes/khong-co")]
    [InlineData("/communes/ba-che")]
    [InlineData("/districts/nam-son")]
    [InlineData("/programmes/xyz")]
    [InlineData("/criteria-sets/xyz")]
    [InlineData("/indicators/999999")]
    [InlineData("/indicators/abc")]
    [InlineData("/khong-ton-tai")]
    public async Task Unknown_addresses_get_the_Vietnamese_404_page(string url)
    {
        var response = await _client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Không tìm thấy trang");
    }

    [Fact]
    public async Task Pages_are_utf8_with_vietnamese_letters_unescaped()
    {
        var response = await _client.GetAsync("/communes/don-dac");

        response.Content.Headers.ContentType!.CharSet.Should().Be("utf-8");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Đồn Đạc").And.NotContain("&#x110;");
    }

    [Fact]
    public async Task Health_answers_200_with_json_when_the_database_answers()
    {
        var response = await _client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"status\":\"Healthy\"");
    }

    [Fact]
    public async Task Period_selector_computes_for_the_chosen_period_and_ignores_garbage()
    {
        var chosen = await GetText("/communes/nam-son?period=2023-Q1");
        var garbage = await GetText("/communes/nam-son?period=%27%3B--");
        var plain = await GetText("/communes/nam-son");
        static string Selected(string html) => System.Text.RegularExpressions.Regex.Match(html, "<option value=\"([^\"]+)\" selected=\"selected\">").Groups[1].Value;

        // The chosen quarter is the one selected and computed; garbage falls back to the quarter the page opens with, not an error.
        chosen.Should().Contain("<option value=\"2023-Q1\" selected=\"selected\">Quý I/2023").And.Contain("Tính từ số liệu đã nhập · Quý I/2023");
        Selected(plain).Should().MatchRegex("^[0-9]{4}-Q[1-4]$");
        Selected(garbage).Should().Be(Selected(plain));
    }

    private async Task<string> GetText(string url)
    {
        var response = await _client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The card of one criteria set on a unit page.</summary>
    private static string Section(string html, string setCode)
    {
        var start = html.IndexOf($"data-set=\"{setCode}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"the page should have a block for {setCode}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static string Table(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"the page should have a table #{id}");
        return Whitespace().Replace(html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)], " ");
    }

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
