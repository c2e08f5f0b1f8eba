namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Defect 3: one number rule (decimal comma, dot groups thousands), stated beside the cells; ambiguous input refused with how to write it; amounts never rounded.</summary>
public sealed partial class NumberInputTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string Entry = "/districts/ba-che/entry/2023-Q2";
    private const string Capital = "/districts/ba-che/capital/2023-Q2";

    [Theory]
    [InlineData("68.125", "hãy viết 68,125", "hãy viết 68125")]
    [InlineData("1,234.5", "kiểu tiếng Anh", "1.234,5")]
    [InlineData("14.5", "hãy viết 14,5", "dấu phẩy")]
    public async Task An_ambiguous_number_is_refused_beside_its_cell_and_nothing_is_saved(string typed, string message, string hint)
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");
        var cells = await EntryFormPage.CellsAsync(client, Entry);
        var token = await client.AntiforgeryTokenAsync(Entry);

        var response = await client.PostFormAsync(Entry, EntryFormPage.Fields(cells, new() { ["dtts-thu-nhap"] = typed, ["dtts-bhyt"] = "91,5" }), token);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await response.Content.ReadAsStringAsync();
        var error = CellError(html, cells["dtts-thu-nhap"].IndicatorId);
        error.Should().Contain(message).And.Contain(hint);
        (await EntryFormPage.CellsAsync(client, Entry)).Values.Should().OnlyContain(c => c.Raw == "", "one save is one transaction");
    }

    [Theory]
    [InlineData("1,250", "1,25")]
    [InlineData("1.250,5", "1250,5")]
    [InlineData("1.250.000", "1250000")]
    public async Task Numbers_written_the_Vietnamese_way_are_stored_as_written(string typed, string shownInTheCell)
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");
        const string url = "/districts/ba-che/entry/2023-Q4";
        var cells = await EntryFormPage.CellsAsync(client, url);
        var token = await client.AntiforgeryTokenAsync(url);

        var response = await client.PostFormAsync(url, EntryFormPage.Fields(cells, new() { ["dtts-thu-nhap"] = typed }), token);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await EntryFormPage.CellsAsync(client, url))["dtts-thu-nhap"].Raw.Should().Be(shownInTheCell, "the cell shows the number without grouping, so saving it again reads it the same");
    }

    [Fact]
    public async Task The_entry_form_states_the_number_rule()
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");

        var html = await client.GetStringAsync(Entry);

        html.Should().Contain("id=\"number-rule\"").And.Contain("Dấu phẩy (,) ngăn phần thập phân, dấu chấm (.) tách hàng nghìn");
    }

    [Theory]
    [InlineData("14,5", "không có phần lẻ")]
    [InlineData("0.125", "hãy viết 0,125")]
    [InlineData("68.125", "không rõ")]
    public async Task A_capital_amount_with_decimals_is_refused_not_rounded(string typed, string message)
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");
        var page = await client.GetStringAsync(Capital);
        var before = Rows(page);
        var token = await client.AntiforgeryTokenAsync(Capital);

        var response = await client.PostFormAsync(Capital, CapitalFields(page, typed, "Planned"), token);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await response.Content.ReadAsStringAsync();
        Regex.Match(html, "id=\"Amount\".*?</div>", RegexOptions.Singleline).Value.Should().Contain(message, "the message stands beside the amount field");
        Rows(await client.GetStringAsync(Capital)).Should().Be(before);
    }

    /// <summary>Issue 28, defect 7: "5%" is not 5 households nor 5 đồng: refused beside the field, nothing saved.</summary>
    [Fact]
    public async Task A_percent_sign_on_poverty_counts_or_a_capital_amount_is_refused_and_nothing_is_saved()
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");
        const string poverty = "/districts/ba-che/poverty/2023-Q2";
        var povertyPage = await client.GetStringAsync(poverty);
        var fields = PageInputs(povertyPage);
        fields["Rows[0].Households"] = "100";
        fields["Rows[0].Poor"] = "5%";
        var capitalPage = await client.GetStringAsync(Capital);
        var before = Rows(capitalPage);
        var token = await client.AntiforgeryTokenAsync(Capital);

        var counts = await client.PostFormAsync(poverty, fields, null);
        var amount = await client.PostFormAsync(Capital, CapitalFields(capitalPage, "5%", "Planned"), token);

        counts.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        System.Net.WebUtility.HtmlDecode(await counts.Content.ReadAsStringAsync()).Should().Contain("Dấu % chỉ dùng cho tỷ lệ");
        (await client.GetStringAsync(poverty)).Should().NotContain("value=\"5%\"").And.NotContain("name=\"Rows[0].Poor\" value=\"5\"");
        amount.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        Regex.Match(System.Net.WebUtility.HtmlDecode(await amount.Content.ReadAsStringAsync()), "id=\"Amount\".*?</div>", RegexOptions.Singleline).Value
            .Should().Contain("Dấu % chỉ dùng cho tỷ lệ");
        Rows(await client.GetStringAsync(Capital)).Should().Be(before);
    }

    /// <summary>Issue 28, defect 4: a threshold is read by the entry's rules for its kind: more decimals than stored, or a rate over 100, is refused, not rounded or kept.</summary>
    [Theory]
    [InlineData("Number", "Threshold", "12,34567", "Nhập tối đa 4 chữ số thập phân.")]
    [InlineData("Number", "Threshold", "0,0000000000000000000001", "Nhập tối đa 4 chữ số thập phân.")]
    [InlineData("Percent", "Threshold", "101", "Tỷ lệ phải từ 0 đến 100 (%).")]
    [InlineData("Percent", "Threshold", "-1", "Tỷ lệ phải từ 0 đến 100 (%).")]
    [InlineData("Count", "Threshold", "2,5", "Số đếm phải là số nguyên.")]
    [InlineData("Percent", "Zones[tdmnpb]", "101", "Tỷ lệ phải từ 0 đến 100 (%).")]
    public async Task A_catalogue_threshold_is_read_by_the_entry_rules_of_its_kind(string kind, string field, string typed, string message)
    {
        var client = await portal.Factory.SignedInClientAsync("admin");
        const string page = "/admin/criteria-sets/ntm-xa/indicators/new";
        var html = await client.GetStringAsync(page);
        var criterion = Regex.Match(html, "<option value=\"(\\d+)\"").Groups[1].Value;
        var code = $"9.{Math.Abs(typed.GetHashCode(StringComparison.Ordinal)) % 1000}";
        var form = new Dictionary<string, string>
        {
            ["CriterionId"] = criterion, ["Code"] = code, ["Name"] = $"Ngưỡng thử {code}", ["ValueType"] = kind, ["Comparator"] = "AtLeast", ["Threshold"] = "",
        };
        form[field] = typed;

        var response = await client.PostFormAsync("/admin/criteria-sets/ntm-xa/indicators", form, await client.AntiforgeryTokenAsync(page));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message);
        (await client.GetStringAsync("/criteria-sets/ntm-xa")).Should().NotContain($"Ngưỡng thử {code}");
    }

    /// <summary>Every named input of a page with its value (hidden fields and the antiforgery token included), as a browser posts them.</summary>
    private static Dictionary<string, string> PageInputs(string html) =>
        Regex.Matches(html, "<input[^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"").GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => System.Net.WebUtility.HtmlDecode(g.Last().Groups[2].Value));

    /// <summary>Fields of the capital form: the first programme and unit of the page, this measure and amount.</summary>
    public static Dictionary<string, string> CapitalFields(string page, string amount, string measure) => new()
    {
        ["ProgrammeId"] = Option(page, "ProgrammeId"), ["ProjectId"] = "", ["UnitId"] = Option(page, "UnitId"),
        ["Measure"] = measure, ["Kind"] = "Investment", ["Amount"] = amount, ["FundingSource"] = "", ["Description"] = "thử",
    };

    public static string Option(string page, string select) =>
        Regex.Match(page, $"name=\"{select}\">.*?<option value=\"(\\d+)\"", RegexOptions.Singleline).Groups[1].Value;

    /// <summary>The number of capital rows the page lists.</summary>
    public static int Rows(string page) => Regex.Count(page, "<td class=\"text-nowrap fw-semibold\">");

    private static string CellError(string html, int indicatorId) =>
        Regex.Match(html, $"id=\"cell-{indicatorId}-err\">([^<]*)<").Groups[1].Value is { Length: > 0 } text
            ? System.Net.WebUtility.HtmlDecode(text)
            : throw new InvalidOperationException($"no error beside cell {indicatorId}");
}
