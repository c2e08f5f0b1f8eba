using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Tests.Integration.Api;
using ProgramTracker.TestSupport;

namespace ProgramTracker.Tests.Integration.Trust;

/// <summary>
/// Issue 25 at entry, through the doors people use: a rate of 120 % is refused with the seeded rule's text by the form and
/// the API; a value ten times last quarter's is saved and warned beside its cell, and a submission asks for a note on it.
/// </summary>
public sealed partial class TrustEntryTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string RuleText = "Tỷ lệ phải từ 0 đến 100 % (quy tắc «Tỷ lệ trong khoảng 0–100 %»).";
    private const string RuleTextEn = "A rate must be between 0 and 100 % (rule “Rate within 0–100 %”).";

    [Fact]
    public async Task A_rate_of_120_is_refused_with_the_rules_text_by_the_form_and_the_API_and_nothing_is_saved()
    {
        var officer = await fixture.Factory.SignedInClientAsync("xa.namson");
        const string form = "/communes/nam-son/entry/2023-Q1";
        var fields = await FormFieldsAsync(officer, form);
        fields[$"Cells[{Cell("t2")}].Raw"] = "120";
        fields[$"Cells[{Cell("t1")}].Raw"] = "55";

        var posted = await Post(officer, form, fields);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());

        posted.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain(RuleText);

        var (_, secret) = await fixture.CreateTokenAsync("xa.namson", write: true);
        using var api = fixture.Client(secret);
        const string url = "/api/v1/values/nam-son/ntm-xa-nang-cao/2023-Q1";
        var number = await api.PutJsonAsync(url, new { values = new[] { new { indicator = "ntm-xa-nang-cao.t2", value = 120m, version = 0 } } });
        var raw = await api.PutJsonAsync(url + "?culture=en", new { values = new[] { new { indicator = "ntm-xa-nang-cao.t2", raw = "120", version = 0 } } });

        number.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await number.JsonAsync())["errors"]![0]!["error"]!.GetValue<string>().Should().Be(RuleText);
        raw.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await raw.JsonAsync())["errors"]![0]!["error"]!.GetValue<string>().Should().Be(RuleTextEn);
        (await fixture.Factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Unit.Slug == "nam-son" && v.Period.Year == 2023 && v.Period.Quarter == 1)))
            .Should().Be(0);
    }

    [Fact]
    public async Task A_value_ten_times_last_quarters_is_saved_and_warned_and_submitting_asks_for_a_note_which_is_stored()
    {
        var (_, secret) = await fixture.CreateTokenAsync("xa.namson", write: true);
        using var api = fixture.Client(secret);
        var q1 = await api.PutJsonAsync("/api/v1/values/nam-son/ntm-xa-nang-cao/2024-Q1", new
        {
            values = new object[]
            {
                new { indicator = "ntm-xa-nang-cao.t1", value = 5m, version = 0 },
                new { indicator = "ntm-xa-nang-cao.t2", value = 2m, version = 0 },
            },
        });
        q1.StatusCode.Should().Be(HttpStatusCode.OK, await q1.Content.ReadAsStringAsync());

        var officer = await fixture.Factory.SignedInClientAsync("xa.namson");
        const string form = "/communes/nam-son/entry/2024-Q2";
        var fields = await FormFieldsAsync(officer, form);
        (fields[$"Cells[{Cell("t1")}].Raw"], fields[$"Cells[{Cell("t2")}].Raw"], fields[$"Cells[{Cell("t3")}].Raw"]) = ("50", "2,5", "1");

        var saved = await Post(officer, form, fields);

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, "a warning never stops the save");
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync(form));
        page.Should().Contain("Cảnh báo:").And.Contain("gấp 10 lần quý trước");
        WarnedCodes().Matches(page).Select(m => m.Groups[1].Value).Should().Equal("ntm-xa-nang-cao.t1");

        // "Lưu và gửi duyệt" with the warned value unexplained: refused beside the cell, nothing submitted.
        var setId = await fixture.Factory.WithDbAsync(db => db.CriteriaSets.Where(s => s.Code == "ntm-xa-nang-cao").Select(s => s.Id).SingleAsync());
        fields = await FormFieldsAsync(officer, form);
        fields["SubmitSet"] = setId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var refused = await Post(officer, form, fields);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        refusedHtml.Should().Contain("Ghi chú lý do vào ô ghi chú của số liệu này trước khi gửi duyệt.");

        fields[$"Cells[{Cell("t1")}].Note"] = "Năm nay có thêm vốn đối ứng của tỉnh";
        var submitted = await Post(officer, form, fields);

        submitted.StatusCode.Should().Be(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await submitted.Content.ReadAsStringAsync()));
        var flag = await fixture.Factory.WithDbAsync(db => db.ValueFlags.Where(fl => fl.Unit.Slug == "nam-son" && fl.Indicator.Code == "ntm-xa-nang-cao.t1" && fl.Period.Year == 2024 && fl.Period.Quarter == 2)
            .Select(fl => new { fl.Value, fl.Measure, fl.Note, fl.Rule.Code }).SingleAsync());
        flag.Should().BeEquivalentTo(new { Value = 50m, Measure = (decimal?)10m, Note = "Năm nay có thêm vốn đối ứng của tỉnh", Code = "thay-doi-so-voi-quy-truoc" });
    }

    private Dictionary<string, int> _cells = [];

    private int Cell(string code) => _cells[$"ntm-xa-nang-cao.{code}"];

    private async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string form)
    {
        var html = await client.GetStringAsync(form);
        _cells = CellIndex().Matches(html).ToDictionary(m => m.Groups["code"].Value, m => int.Parse(m.Groups["i"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var start = html.IndexOf("id=\"entry-form\"", StringComparison.Ordinal);
        var body = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        return HiddenInput().Matches(body).Select(m => m.Value)
            .Select(tag => (Name: Attribute(tag, "name"), Value: Attribute(tag, "value")))
            .Where(f => f.Name is not null)
            .ToDictionary(f => WebUtility.HtmlDecode(f.Name!), f => WebUtility.HtmlDecode(f.Value ?? ""));
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string url, Dictionary<string, string> fields) =>
        client.PostFormAsync(url, fields.Where(f => f.Key != "__RequestVerificationToken").ToDictionary(), fields["__RequestVerificationToken"]);

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("data-flag=\"([^\"]+)\"")]
    private static partial Regex WarnedCodes();

    [GeneratedRegex("data-indicator=\"(?<code>[^\"]+)\"(?:(?!data-indicator=).)*?name=\"Cells\\[(?<i>\\d+)\\]\\.IndicatorId\"", RegexOptions.Singleline)]
    private static partial Regex CellIndex();
}
