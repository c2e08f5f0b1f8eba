using System.Net;
using System.Text.RegularExpressions;
using ProgramTracker.TestSupport;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Defect 3: one number rule (decimal comma, dot groups thousands), stated beside the cells; ambiguous input refused with how to write it; amounts never rounded.</summary>
public sealed partial class NumberInputTests(ReliabilityPortal portal) : IClassFixture<ReliabilityPortal>
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
