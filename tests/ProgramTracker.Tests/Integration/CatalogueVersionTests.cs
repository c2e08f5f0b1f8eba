using ProgramTracker.Core.Domain;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// The catalogue a commune can fill on day one (issue 9): the confirmed QĐ 318 indicators, the admin form that adds
/// and edits indicators with any code, versions from a chosen period, and summaries rebuilt with the change.
/// </summary>
public sealed partial class CatalogueVersionTests : SeededCopyTests
{
    private const string Form = "/communes/nam-son/entry/2023-Q3";
    [Fact]
    public async Task A_fresh_start_gives_Nam_Son_the_twelve_confirmed_indicators_to_fill_save_and_submit()
    {
        var officer = await Factory.SignedInClientAsync("xa.namson");
        var page = await officer.GetStringAsync(Form);
        var cells = HtmlParts.EntryCellIndex().Matches(page).ToDictionary(m => m.Groups["code"].Value, m => m.Groups["i"].Value);

        cells.Keys.Where(k => k.StartsWith("ntm-xa.", StringComparison.Ordinal)).Should().BeEquivalentTo(
            "ntm-xa.3.1", "ntm-xa.3.2", "ntm-xa.5", "ntm-xa.6.1", "ntm-xa.6.2", "ntm-xa.6.3", "ntm-xa.7", "ntm-xa.8.1", "ntm-xa.8.2", "ntm-xa.8.3", "ntm-xa.8.4", "ntm-xa.14.1");
        Row(page, "ntm-xa.3.1").Should().Contain("≥ 80").And.Contain("Trung du và miền núi phía Bắc");
        Row(page, "ntm-xa.5").Should().Contain("70 % đạt mức độ 1").And.Contain("chưa có ngưỡng số");

        var fields = HtmlParts.EntryHiddenFields(page);
        foreach (var (code, index) in cells.Where(c => c.Key.StartsWith("ntm-xa.", StringComparison.Ordinal)))
        {
            fields[$"Cells[{index}].Raw"] = code switch { "ntm-xa.3.1" => "85", "ntm-xa.5" => "100", "ntm-xa.6.3" => "100", _ => "1" };
        }

        var save = await officer.PostAsync(Form, new FormUrlEncodedContent(fields));
        save.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var setId = await Factory.WithDbAsync(db => db.CriteriaSets.Where(s => s.Code == "ntm-xa").Select(s => s.Id).SingleAsync());
        var submit = await officer.PostFormAsync($"{Form}/workflow", new() { ["SetId"] = $"{setId}", ["Step"] = "Submit" }, await officer.AntiforgeryTokenAsync(Form));
        submit.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Factory.WithDbAsync(db => db.Submissions.SingleAsync(s => s.Unit.Slug == "nam-son" && s.CriteriaSetId == setId))).Status.Should().Be(SubmissionStatus.Submitted);

        // 11 of 12 judged met (5 has a rule, not a number: no threshold to judge by); the commune page says so.
        var commune = await officer.GetStringAsync("/communes/nam-son?period=2023-Q3");
        Regex.IsMatch(commune, "data-set=\"ntm-xa\".*?class=\"[^\"]*computed", RegexOptions.Singleline).Should().BeTrue();
        var summary = await Factory.WithDbAsync(db => db.AttainmentSummaries.SingleAsync(s => s.Unit.Slug == "nam-son" && s.CriteriaSetId == setId && s.Period.Year == 2023 && s.Period.Quarter == 3));
        summary.IndicatorsMet.Should().Be(11);
        summary.ValuesEntered.Should().Be(12);
    }

    [Fact]
    public async Task The_set_pages_say_how_many_indicators_are_defined_and_the_2026_set_has_its_ten_criteria()
    {
        var client = await Factory.SignedInClientAsync("lanhdao");
        var ntm = await client.GetStringAsync("/criteria-sets/ntm-xa");
        Regex.Match(ntm, "id=\"defined-of-declared\">([^<]*)").Groups[1].Value.Should().Contain("Danh mục đã có 12 chỉ tiêu của bộ; văn bản chưa nêu bộ có tổng cộng bao nhiêu chỉ tiêu");

        var set2026 = await client.GetStringAsync("/criteria-sets/ntm-xa-2026");
        Regex.Match(set2026, "id=\"declared-criteria\">([^<]*)").Groups[1].Value.Should().Be("10");
        Regex.Match(set2026, "id=\"declared-indicators\">([^<]*)").Groups[1].Value.Should().Be("47");
        foreach (var name in new[] { "1. Quy hoạch", "2. Hạ tầng kinh tế – xã hội", "6. Giảm nghèo và an sinh xã hội", "10. Tiếp cận pháp luật và an ninh, quốc phòng" })
        {
            WebUtility.HtmlDecode(set2026).Should().Contain(name);
        }

        WebUtility.HtmlDecode(set2026).Should().Contain("theo nhóm xã 1, 2, 3").And.Contain("15/02/2026");
        var programme = WebUtility.HtmlDecode(await client.GetStringAsync("/programmes/ctmtqg-2026"));
        programme.Should().Contain("NQ 257/2025/QH15").And.Contain("65 % số xã đạt chuẩn nông thôn mới");
    }

    [Fact]
    public async Task The_admin_form_adds_and_edits_an_indicator_with_any_code_and_the_set_comes_from_the_address()
    {
        var admin = await Factory.SignedInClientAsync("admin");
        const string set = "ntm-xa-nang-cao";
        var criterion = await Factory.WithDbAsync(db => db.Criteria.Where(c => c.CriteriaSet.Code == set && c.Number == 8).Select(c => c.Id).SingleAsync());
        var token = await admin.AntiforgeryTokenAsync($"/admin/criteria-sets/{set}/indicators/new");
        var add = await admin.PostFormAsync($"/admin/criteria-sets/{set}/indicators", new()
        {
            ["CriterionId"] = $"{criterion}", ["Code"] = "8.1", ["Name"] = "Xã có điểm phục vụ bưu chính (nâng cao, thử)", ["ValueType"] = "Boolean",
            ["Comparator"] = "Equal", ["Threshold"] = "", ["Zones[tdmnpb]"] = "",
        }, token);
        add.StatusCode.Should().Be(HttpStatusCode.Redirect);
        add.Headers.Location!.OriginalString.Should().Be($"/criteria-sets/{set}");
        var id = await Factory.WithDbAsync(db => db.Indicators.Where(i => i.Code == "8.1").Select(i => new { i.Id, Set = i.Criterion.CriteriaSet.Code }).SingleAsync());
        id.Set.Should().Be(set);

        var edit = await admin.GetAsync($"/admin/indicators/{id.Id}/edit");
        edit.StatusCode.Should().Be(HttpStatusCode.OK);
        var changed = await admin.PostFormAsync($"/admin/criteria-sets/{set}/indicators", new()
        {
            ["Id"] = $"{id.Id}", ["CriterionId"] = $"{criterion}", ["Code"] = "8.1", ["Name"] = "Tỷ lệ thôn có điểm phục vụ bưu chính (thử)", ["ValueType"] = "Percent",
            ["Comparator"] = "AtLeast", ["Threshold"] = "90", ["Zones[tdmnpb]"] = "80", ["EffectiveFrom"] = "",
        }, token);
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/criteria-sets/{set}"));
        page.Should().Contain("Tỷ lệ thôn có điểm phục vụ bưu chính (thử)").And.Contain("Trung du và miền núi phía Bắc: ≥ 80");

        var bad = await admin.PostFormAsync($"/admin/criteria-sets/{set}/indicators", new()
        {
            ["CriterionId"] = $"{criterion}", ["Code"] = "8.2", ["Name"] = "Thử", ["ValueType"] = "Percent", ["Comparator"] = "AtLeast", ["Threshold"] = "abc",
        }, token);
        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("Ngưỡng phải là số");
        (await Factory.WithDbAsync(db => db.Indicators.CountAsync(i => i.Code == "8.2"))).Should().Be(0);
    }

    [Fact]
    public async Task A_threshold_change_from_a_later_period_makes_a_new_version_and_leaves_the_earlier_result_as_it_was()
    {
        // Nam Sơn 2023-Q3 and xã Ba Chẽ 2025-Q3 both enter 85 % for 3.1 (≥ 80 % in version 1).
        await SaveAsync("xa.namson", "/communes/nam-son/entry/2023-Q3", "ntm-xa.3.1", "85");
        await SaveAsync("xa.bache", "/communes/xa-ba-che/entry/2025-Q3", "ntm-xa.3.1", "85");
        var setId = await Factory.WithDbAsync(db => db.CriteriaSets.Where(s => s.Code == "ntm-xa").Select(s => s.Id).SingleAsync());
        (await MetAsync("nam-son", 2023, 3, setId)).Should().Be(1);
        (await MetAsync("xa-ba-che", 2025, 3, setId)).Should().Be(1);

        // From 2025-Q3 on the threshold becomes 90 %: a new version; the summaries of affected periods follow at once.
        var admin = await Factory.SignedInClientAsync("admin");
        var indicator = await Factory.WithDbAsync(db => db.Indicators.Where(i => i.Code == "ntm-xa.3.1").Select(i => new { i.Id, i.CriterionId }).SingleAsync());
        var token = await admin.AntiforgeryTokenAsync($"/admin/indicators/{indicator.Id}/edit");
        var post = await admin.PostFormAsync("/admin/criteria-sets/ntm-xa/indicators", new()
        {
            ["Id"] = $"{indicator.Id}", ["CriterionId"] = $"{indicator.CriterionId}", ["Code"] = "ntm-xa.3.1",
            ["Name"] = "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động", ["Unit"] = "%", ["ValueType"] = "Percent",
            ["Comparator"] = "AtLeast", ["Threshold"] = "90", ["EffectiveFrom"] = "2025-Q3",
        }, token);
        post.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await MetAsync("nam-son", 2023, 3, setId)).Should().Be(1, "2023 is judged by version 1");
        (await MetAsync("xa-ba-che", 2025, 3, setId)).Should().Be(0, "2025-Q3 is judged by the new version");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/criteria-sets/ntm-xa"));
        Regex.Match(page, "id=\"versions-table\".*?</table>", RegexOptions.Singleline).Value.Should().Contain("01/07/2025").And.Contain("sửa ntm-xa.3.1");
        Row(await admin.GetStringAsync("/communes/nam-son/entry/2023-Q3"), "ntm-xa.3.1").Should().Contain("≥ 80");
        Row(await admin.GetStringAsync("/communes/xa-ba-che/entry/2025-Q3"), "ntm-xa.3.1").Should().Contain("≥ 90");
    }

    private async Task<int> MetAsync(string unit, int year, int quarter, int setId) =>
        await Factory.WithDbAsync(db => db.AttainmentSummaries.Where(s => s.Unit.Slug == unit && s.CriteriaSetId == setId && s.Period.Year == year && s.Period.Quarter == quarter)
            .Select(s => s.IndicatorsMet).SingleAsync());

    private async Task SaveAsync(string user, string form, string code, string value)
    {
        var client = await Factory.SignedInClientAsync(user);
        var page = await client.GetStringAsync(form);
        var fields = HtmlParts.EntryHiddenFields(page);
        var index = HtmlParts.EntryCellIndex().Matches(page).Single(m => m.Groups["code"].Value == code).Groups["i"].Value;
        fields[$"Cells[{index}].Raw"] = value;
        (await client.PostAsync(form, new FormUrlEncodedContent(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private static string Row(string html, string code)
    {
        var start = html.IndexOf($"data-indicator=\"{code}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0);
        return WebUtility.HtmlDecode(html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)]);
    }
}
