using static ProgramTracker.Tests.Integration.HtmlParts;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// Half-years and years on the unit and commune pages and their Excel exports (issue 26.1, branch periods2): the values
/// combined per indicator from the quarters, the attainment that follows, the quarters missing named (never zero), and the
/// same figures as the dashboard for the same unit and window. Ba Chẽ's seed holds district values for 2023-Q3 only.
/// </summary>
public sealed partial class UnitWindowTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private Task<HttpClient> Client() => fixture.Factory.SignedInClientAsync("lanhdao");

    private static async Task<string> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_district_page_of_a_half_year_combines_the_quarters_and_names_the_missing_one()
    {
        var html = await Get(await Client(), "/districts/ba-che?period=2023-H2");

        html.Should().Contain("<option value=\"2023-H2\" selected=\"selected\">6 tháng cuối năm 2023</option>")
            .And.Contain("Tính từ số liệu đã nhập · 6 tháng cuối năm 2023");
        var window = Text(Element(html, "window", "section"));
        window.Should().Contain("Giá trị ghép: 6 tháng cuối năm 2023").And.Contain("chưa có số liệu quý IV").And.Contain("không tính là 0");
        // The income estimate of Q3 is the half-year's (a level: the last value in the window), Q4 named as missing.
        var income = Row(Element(html, "window-values", "table"), "Thu nhập bình quân");
        income.Should().Contain("cuối kỳ").And.Contain("68").And.Contain("quý IV");
        // The computed attainment of the district set says it lacks Q4 too.
        Text(Element(html, "window", "section")).Should().NotContain("quý III,", "Q3 has values");
        html.Should().Contain("Chưa có số liệu quý IV: tính từ các quý đã có");
    }

    [Fact]
    public async Task The_year_names_each_quarter_without_values_and_a_half_year_with_none_says_so()
    {
        var client = await Client();

        Text(Element(await Get(client, "/districts/ba-che?period=2023"), "window-sets", "ul")).Should().Contain("chưa có số liệu quý I, quý II, quý IV");
        var empty = await Get(client, "/districts/ba-che?period=2023-H1");
        Text(Element(empty, "window-sets", "ul")).Should().Contain("chưa có số liệu quý nào trong kỳ");
        empty.Should().NotContain("0/21").And.Contain("Chưa có số liệu quý nào trong kỳ.");
    }

    [Theory]
    [InlineData("/communes/nam-son?period={future}-H1")]
    [InlineData("/districts/ba-che?period={future}")]
    [InlineData("/communes/nam-son/export?period={future}-H2")]
    public async Task A_window_none_of_whose_quarters_is_open_is_not_found(string url)
    {
        url = TestClock.InFuture(url); // five years after the test clock's day: no quarter of it is open at any clock date
        (await (await Client()).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, url);
    }

    [Fact]
    public async Task The_district_export_of_a_half_year_holds_the_combined_values_and_says_what_is_missing()
    {
        var response = await (await Client()).GetAsync("/districts/ba-che/export?period=2023-H2");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("chi-tieu-ba-che-2023-H2.xlsx");
        var rows = XlsxTables.Rows(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), "Chỉ tiêu");
        var income = rows.Single(r => r["Mã chỉ tiêu"] as string == "dtts-thu-nhap");
        income["Giá trị"].Should().Be(68d);
        (income["Ghi chú"] as string).Should().Contain("Ghép quý III (cuối kỳ); chưa có số liệu quý IV");
    }

    [Fact]
    public async Task A_commune_s_half_year_is_the_dashboard_s_and_its_year_names_the_quarters_to_come()
    {
        // The officer of xã Ba Chẽ enters 2026-Q1 and Q2 through the entry form: not yet "đạt NTM" in Q1, "đạt" in Q2.
        var officer = await fixture.Factory.SignedInClientAsync("xa.bache");
        await EnterAsync(officer, "2026-Q1", income: "50", ntm: "0");
        await EnterAsync(officer, "2026-Q2", income: "52,4", ntm: "1");
        var reader = await fixture.ClientAsync("lanhdao.tinh");

        var commune = await Get(reader, "/communes/xa-ba-che?period=2026-H1");
        var values = Element(commune, "window-values", "table");
        Row(values, "Thu nhập bình quân").Should().Contain("50").And.Contain("52,4");
        Text(Element(commune, "window-sets", "ul")).Should().Contain("đủ số liệu các quý của kỳ");
        var computed = ComputedFigures(commune, "ctmtqg-2026-theo-doi-xa");
        computed.Should().NotBeEmpty();

        // The province's dashboard of the same window shows the same figures for the commune, and links to this page.
        var cell = HeatCell(await Get(reader, "/dashboard?unit=quang-ninh&period=2026-H1"), "xa-ba-che", "ctmtqg-2026-theo-doi-xa");
        foreach (var figure in computed)
        {
            cell.Should().Contain(figure);
        }

        cell.Should().Contain("/communes/xa-ba-che?period=2026-H1");

        var year = await Get(reader, "/communes/xa-ba-che?period=2026");
        Text(Element(year, "window-sets", "ul")).Should().Contain("chưa có số liệu quý III, quý IV");
        Row(Element(year, "window-values", "table"), "Thu nhập bình quân").Should().Contain("52,4");
    }

    [Theory]
    [InlineData("/dashboard?unit=ba-che&period=2023-H2", "giảm so với 6 tháng đầu năm 2023")]
    [InlineData("/dashboard?unit=ba-che&period=2023", "giảm so với Năm 2022")]
    [InlineData("/dashboard?unit=ba-che&period=2023-Q3", "giảm so với Quý II/2023")]
    public async Task A_window_is_compared_with_the_previous_window_of_its_kind_not_the_last_quarter(string url, string phrase)
    {
        var html = await Get(await Client(), url);

        Text(Element(html, "at-risk", "p")).Should().Contain(phrase);
    }

    [Fact]
    public async Task The_indicator_page_shows_its_rule_and_each_unit_s_combined_value_of_a_window()
    {
        var client = await Client();
        var search = await Get(client, "/districts/ba-che?period=2023-H2");
        var id = Regex.Match(Element(search, "window-values", "table"), "href=\"/indicators/(\\d+)\"[^>]*>Thu nhập bình quân").Groups[1].Value;
        id.Should().NotBeEmpty();

        var html = await Get(client, $"/indicators/{id}?period=2023-H2");

        Text(Element(html, "indicator-combine", "dd")).Should().Contain("Lấy số của quý sau cùng");
        html.Should().Contain("<option value=\"2023-H2\" selected=\"selected\">6 tháng cuối năm 2023</option>");
        var row = Row(Element(html, "window-values", "table"), "huyện Ba Chẽ");
        row.Should().Contain("68").And.Contain("quý IV");
        html.Should().Contain("href=\"/districts/ba-che?period=2023-H2\"");
        (await client.GetAsync($"/indicators/{id}?period={TestClock.FutureYear}-H1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>The "X/Y" figures of a set's computed block on a unit page (criteria, then indicators).</summary>
    private static List<string> ComputedFigures(string html, string setCode)
    {
        var start = html.IndexOf($"data-set=\"{setCode}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0);
        var block = html[html.IndexOf("p-2 computed", start, StringComparison.Ordinal)..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        return FigureBig().Matches(block).Select(m => m.Groups[1].Value.Trim()).ToList();
    }

    private static string Row(string table, string contains)
    {
        var row = Regex.Matches(table, "<tr[^>]*>.*?</tr>", RegexOptions.Singleline).Select(m => Text(m.Value)).FirstOrDefault(t => t.Contains(contains, StringComparison.Ordinal));
        row.Should().NotBeNull($"a row with {contains}");
        return row!;
    }

    private static async Task EnterAsync(HttpClient officer, string period, string income, string ntm)
    {
        var form = $"/communes/xa-ba-che/entry/{period}";
        var page = await Get(officer, form);
        var fields = FormFields(page);
        foreach (Match cell in CellIndex().Matches(page))
        {
            fields[$"Cells[{cell.Groups["i"].Value}].Raw"] = cell.Groups["code"].Value switch
            {
                "ct26.thu-nhap" => income,
                "ct26.dat-ntm" => ntm,
                _ => "3,1",
            };
        }

        (await officer.PostAsync(form, new FormUrlEncodedContent(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect, form);
    }

    private static Dictionary<string, string> FormFields(string html)
    {
        var start = html.IndexOf("id=\"entry-form\"", StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        return HiddenInput().Matches(form).Select(m => m.Value)
            .Select(tag => (Name: Attr(tag, "name"), Value: Attr(tag, "value")))
            .Where(f => f.Name is not null)
            .ToDictionary(f => WebUtility.HtmlDecode(f.Name!), f => WebUtility.HtmlDecode(f.Value ?? ""));
    }

    private static string? Attr(string tag, string name) => Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("data-indicator=\"(?<code>[^\"]+)\"(?:(?!data-indicator=).)*?name=\"Cells\\[(?<i>\\d+)\\]\\.IndicatorId\"", RegexOptions.Singleline)]
    private static partial Regex CellIndex();

    [GeneratedRegex("class=\"figure-big\">([^<]+)<")]
    private static partial Regex FigureBig();
}
