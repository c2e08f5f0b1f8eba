using ProgramTracker.Tests.Integration.Api;

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
    public async Task A_value_far_from_the_other_communes_of_its_province_this_quarter_is_warned_with_its_score_against_them()
    {
        // 2023-Q4 (no other test of this class writes it): Ba Chẽ's eight communes under their district, under Quảng Ninh (the province's peers go through the district).
        var (_, secret) = await fixture.CreateTokenAsync("admin", write: true);
        using var api = fixture.Client(secret);
        async Task PutAsync(string slug, decimal value)
        {
            var put = await api.PutJsonAsync($"/api/v1/values/{slug}/ntm-xa-nang-cao/2023-Q4", new { values = new[] { new { indicator = "ntm-xa-nang-cao.t1", value, version = 0 } } });
            put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        }

        foreach (var (slug, value) in new[] { ("don-dac", 10m), ("dap-thanh", 11m), ("thanh-lam", 12m), ("thanh-son", 13m), ("luong-mong", 14m) })
        {
            await PutAsync(slug, value);
        }

        // Judged against the province's quarter as the five saves kept it in memory (each added after its commit).
        await PutAsync("minh-cam", 100m);
        // A catalogue change (the quarter's deadline) between: the next save reads the province's quarter afresh, through the
        // district.
        var admin = await fixture.Factory.SignedInClientAsync("admin");
        (await admin.PostFormAsync("/admin/periods/2023-Q4/deadline", new Dictionary<string, string> { ["deadline"] = "2024-01-15" }, await admin.AntiforgeryTokenAsync("/admin/periods")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        await PutAsync("thi-tran-ba-che", 100m);

        var flags = await fixture.Factory.WithDbAsync(db => db.ValueFlags
            .Where(f => f.Indicator.Code == "ntm-xa-nang-cao.t1" && f.Period.Year == 2023 && f.Period.Quarter == 4 && f.Rule.Code == ProgramTracker.Core.Validation.RuleSeed.OutlierCode)
            .Select(f => new { f.Unit.Slug, f.Value, f.Measure }).ToListAsync());
        // The other five communes' median 12 and MAD 1: 0.6745 × |100 − 12| / 1 = 59.4. Only the far value is warned.
        // The town against the six (Minh Cầm's 100 among them): median 12.5, MAD 1.5, 0.6745 × 87.5 / 1.5 = 39.3.
        flags.Should().BeEquivalentTo([
            new { Slug = "minh-cam", Value = (decimal?)100m, Measure = (decimal?)59.4m },
            new { Slug = "thi-tran-ba-che", Value = (decimal?)100m, Measure = (decimal?)39.3m },
        ]);
    }

    [Fact]
    public async Task A_value_far_from_the_units_own_earlier_quarters_is_warned_with_its_score_against_them()
    {
        // Đạp Thanh (until 30/06/2025), t2 from 2024-Q1 to 2025-Q1: no other test of this class writes its t2 (the peers test
        // writes its t1 of 2023-Q4, which would be in the five years before), and no other commune has t2 in 2025-Q1, so the only
        // reference is the commune's own four earlier quarters.
        var (_, secret) = await fixture.CreateTokenAsync("admin", write: true);
        using var api = fixture.Client(secret);
        foreach (var (period, value) in new[] { ("2024-Q1", 1.0m), ("2024-Q2", 1.2m), ("2024-Q3", 1.4m), ("2024-Q4", 1.6m), ("2025-Q1", 9.5m) })
        {
            var put = await api.PutJsonAsync($"/api/v1/values/dap-thanh/ntm-xa-nang-cao/{period}", new { values = new[] { new { indicator = "ntm-xa-nang-cao.t2", value, version = 0 } } });
            put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        }

        var flags = await fixture.Factory.WithDbAsync(db => db.ValueFlags
            .Where(f => f.Unit.Slug == "dap-thanh" && f.Indicator.Code == "ntm-xa-nang-cao.t2" && f.Rule.Code == ProgramTracker.Core.Validation.RuleSeed.OutlierCode)
            .Select(f => new { f.Period.Year, f.Period.Quarter, f.Value, f.Measure }).ToListAsync());
        // The four earlier quarters: median 1.3, deviations 0.3, 0.1, 0.1, 0.3 → MAD 0.2; 0.6745 × |9.5 − 1.3| / 0.2 = 27.7. The
        // earlier quarters had fewer than four values before them, so they are not judged.
        flags.Should().BeEquivalentTo([new { Year = 2025, Quarter = (int?)1, Value = (decimal?)9.5m, Measure = (decimal?)27.7m }]);
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
        (fields[$"Cells[{Cell("t1")}].Raw"], fields[$"Cells[{Cell("t2")}].Raw"], fields[$"Cells[{Cell("t3")}].Raw"]) = ("50", "2,5", "1");
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

        // The reviewer sees the flag count in the inbox, marks the value for follow-up; the officer sees the mark.
        var reviewer = await fixture.Factory.SignedInClientAsync("huyen");
        WebUtility.HtmlDecode(await reviewer.GetStringAsync("/inbox")).Should().Contain("1 số liệu có cảnh báo");
        var review = await reviewer.GetStringAsync(form);
        review.Should().Contain("Đề nghị xem lại").And.Contain("data-flagged=\"ntm-xa-nang-cao.t1\"");
        review.IndexOf("id=\"flagged-first\"", StringComparison.Ordinal).Should().BeInRange(0, review.IndexOf("id=\"entry-form\"", StringComparison.Ordinal), "flagged values come first, above the form");
        var token = await reviewer.AntiforgeryTokenAsync(form);
        var t1 = await fixture.Factory.WithDbAsync(db => db.Indicators.Where(i => i.Code == "ntm-xa-nang-cao.t1").Select(i => i.Id).SingleAsync());
        var mark = await reviewer.PostFormAsync(form + "/follow-up", new Dictionary<string, string> { ["IndicatorId"] = t1.ToString(System.Globalization.CultureInfo.InvariantCulture) }, token);
        mark.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var officerInbox = WebUtility.HtmlDecode(await officer.GetStringAsync("/inbox"));
        officerInbox.Should().Contain("1 số liệu cần xem lại");
        WebUtility.HtmlDecode(await officer.GetStringAsync(form)).Should().Contain("Người duyệt đề nghị xem lại số liệu này.");

        var intruder = await fixture.Factory.SignedInClientAsync("xa.namson");
        (await intruder.PostFormAsync(form + "/follow-up", new Dictionary<string, string> { ["IndicatorId"] = "1" }, await intruder.AntiforgeryTokenAsync(form)))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "the officer does not review his own form");
    }

    [Fact]
    public async Task The_completeness_report_for_Quang_Ninh_shows_units_on_time_late_and_missing_and_the_validation_report_links_to_cells()
    {
        var setId = await fixture.Factory.WithDbAsync(db => db.CriteriaSets.Where(s => s.Code == "ntm-xa-nang-cao").Select(s => s.Id).SingleAsync());
        // 2024-Q3: the administrator moves the deadline to tomorrow, so that a form sent now is on time.
        var admin = await fixture.Factory.SignedInClientAsync("admin");
        var today = TestClock.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await admin.PostFormAsync("/admin/periods/2024-Q3/deadline", new Dictionary<string, string> { ["deadline"] = today }, await admin.AntiforgeryTokenAsync("/admin/periods")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        await SubmitAsync(await fixture.Factory.SignedInClientAsync("xa.dondac"), "/communes/don-dac/entry/2024-Q3", setId);
        // The report read before Nam Sơn sends its 2023-Q3 form: its model is kept until the province's data changes.
        var leader = await fixture.Factory.SignedInClientAsync("lanhdao.tinh");
        WebUtility.HtmlDecode(await leader.GetStringAsync("/reports/completeness?unit=quang-ninh&period=2023-Q3"))
            .Should().Contain("data-path=\"/communes/nam-son/entry/2023-Q3\" data-state=\"missing\"");
        // 2023-Q3 (deadline 10/10/2023): a form sent today is late.
        await SubmitAsync(await fixture.Factory.SignedInClientAsync("xa.namson"), "/communes/nam-son/entry/2023-Q3", setId);

        var q3 = await leader.GetAsync("/reports/completeness?unit=quang-ninh&period=2024-Q3");
        var late = WebUtility.HtmlDecode(await leader.GetStringAsync("/reports/completeness?unit=quang-ninh&period=2023-Q3"));
        var q3Html = WebUtility.HtmlDecode(await q3.Content.ReadAsStringAsync());
        var english = WebUtility.HtmlDecode(await leader.GetStringAsync("/reports/completeness?unit=quang-ninh&period=2023-Q3&culture=en"));

        q3.StatusCode.Should().Be(HttpStatusCode.OK);
        q3Html.Should().Contain("data-path=\"/communes/don-dac/entry/2024-Q3\" data-state=\"on-time\"")
            .And.Contain("data-path=\"/communes/nam-son/entry/2024-Q3\" data-state=\"missing\"");
        late.Should().Contain("data-path=\"/communes/nam-son/entry/2023-Q3\" data-state=\"late\"");
        q3Html.Should().Contain("1 đúng hạn").And.Contain("chưa gửi");
        var days = DateOnly.FromDateTime(TestClock.Provider.GetUtcNow().UtcDateTime.AddHours(7)).DayNumber - new DateOnly(2023, 10, 10).DayNumber;
        late.Should().Contain($"Trễ {days} ngày").And.Contain("1 trễ hạn").And.Contain("Chưa gửi").And.Contain("chart-data-completeness");
        english.Should().Contain($"{days} days late").And.Contain("Reporting completeness");

        // The Excel export: the page's unit, quarter and rows, in the reader's language (a button on the page).
        late.Should().Contain("id=\"export-xlsx\"");
        var xlsx = await leader.GetAsync("/reports/completeness.xlsx?unit=quang-ninh&period=2023-Q3");
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be(ProgramTracker.Web.Models.CatalogueImport.SetTableWriter.XlsxContentType);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        XlsxTables.SheetNames(book).Should().Equal("Biểu mẫu", "Tỷ lệ theo quý", "Giới thiệu");
        var forms = XlsxTables.Rows(book, "Biểu mẫu");
        forms.Should().HaveCount(Regex.Count(late, "data-state=\""));
        forms.Should().ContainSingle(r => ((string)r["Đơn vị"]!).EndsWith("Nam Sơn", StringComparison.Ordinal) && (string)r["Tình hình gửi"]! == "trễ hạn" && (double)r["Số ngày trễ"]! == days);
        XlsxTables.Rows(book, "Tỷ lệ theo quý").Should().NotBeEmpty().And.OnlyContain(r => r["Phải gửi"] is double);
        using var englishBook = new MemoryStream(await leader.GetByteArrayAsync("/reports/completeness.xlsx?unit=quang-ninh&period=2023-Q3&culture=en"));
        XlsxTables.SheetNames(englishBook).Should().Equal("Forms", "Rates by quarter", "About");
        XlsxTables.Rows(englishBook, "Forms").Should().Contain(r => (string)r["Reporting"]! == "late");
        using var validation = new MemoryStream(await leader.GetByteArrayAsync("/reports/validation.xlsx?unit=quang-ninh&period=2024-Q2"));
        XlsxTables.SheetNames(validation).Should().Equal("Số liệu có cảnh báo", "Giới thiệu");
        (await leader.GetAsync("/reports/validation.xlsx?unit=quang-ninh&period=1999-Q1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await fixture.Factory.SignedInClientAsync("xa.dondac")).GetAsync("/reports/completeness.xlsx?unit=quang-ninh&period=2024-Q3"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await fixture.Factory.SignedInClientAsync("xa.dondac")).GetAsync("/reports/completeness?unit=quang-ninh&period=2024-Q3"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "a commune officer does not read the province");
        (await leader.GetAsync("/reports/completeness?unit=quang-ninh&period=1999-Q1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task SubmitAsync(HttpClient officer, string form, int setId)
    {
        var fields = await FormFieldsAsync(officer, form);
        (fields[$"Cells[{Cell("t1")}].Raw"], fields[$"Cells[{Cell("t2")}].Raw"], fields[$"Cells[{Cell("t3")}].Raw"]) = ("60", "1", "1");
        fields["SubmitSet"] = setId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await Post(officer, form, fields);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
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
