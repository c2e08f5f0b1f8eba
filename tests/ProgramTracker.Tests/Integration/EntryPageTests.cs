using ProgramTracker.Core.Domain;

namespace ProgramTracker.Tests.Integration;

/// <summary>The entry form over HTTP: bad input, forbidden units, missing tokens; nothing half-saved.</summary>
public sealed partial class EntryPageTests : IAsyncLifetime
{
    private const string Form = "/communes/nam-son/entry/2023-Q4";
    private readonly SeededPortal _portal = new() { TestIndicatorsIn = { "ntm-xa-nang-cao" } };

    private PortalFactory Factory => _portal.Factory;

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    /// <summary>The form's bad inputs (a percent cell) and the message each gets; the API's tests send the same ones.</summary>
    public static TheoryData<string, string?> BadInputs { get; } = new()
    {
        { "mười lăm", "Không đọc được số" },
        { "1,2,3", "nhiều dấu phẩy" },
        { "-5", null },
        { "'; DROP TABLE indicator_values; --", "Không đọc được số" },
        { "9999999999999999999", "Số quá lớn" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_shown_beside_its_cell_with_the_input_kept_and_nothing_saved(string bad, string? message)
    {
        var client = await Factory.SignedInClientAsync("xa.namson");
        var fields = await FormFieldsAsync(client);
        fields[$"Cells[{T1}].Raw"] = "55";          // a good value in the same form
        fields[$"Cells[{T2}].Raw"] = bad == "-5" ? "150" : bad; // percent out of range, or garbage

        var response = await Post(client, Form, fields);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain(message ?? "từ 0 đến 100").And.Contain("Chưa lưu");
        html.Should().Contain(System.Net.WebUtility.HtmlEncode(bad == "-5" ? "150" : bad).Replace("&#39;", "&#x27;", StringComparison.Ordinal));
        (await Factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Unit.Slug == "nam-son"))).Should().Be(0);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ValueChanged))).Should().Be(0);
    }

    [Fact]
    public async Task A_good_form_saves_and_redirects_with_a_message()
    {
        var client = await Factory.SignedInClientAsync("xa.namson");
        var fields = await FormFieldsAsync(client);
        fields[$"Cells[{T1}].Raw"] = "55,5";
        fields[$"Cells[{T2}].Raw"] = "0,8";
        fields[$"Cells[{T2}].Note"] = "Theo rà soát tháng 12";

        var response = await Post(client, Form, fields);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetStringAsync(Form)).Should().Contain("Đã lưu 2 số liệu").And.Contain("value=\"55,5\"").And.Contain("Theo rà soát tháng 12");
    }

    /// <summary>
    /// A form opened before the catalogue changed posts a cell the form no longer has: nothing is saved, the refusal is red,
    /// and the values typed in the cells still on the form stay on the page.
    /// </summary>
    [Fact]
    public async Task An_outdated_form_saves_nothing_and_keeps_what_was_typed()
    {
        var client = await Factory.SignedInClientAsync("xa.namson");
        var fields = await FormFieldsAsync(client);
        fields[$"Cells[{T1}].Raw"] = "55,5";
        var next = fields.Keys.Count(k => k.EndsWith("].IndicatorId", StringComparison.Ordinal)); // the next index: the binder reads them in a row
        fields[$"Cells[{next}].IndicatorId"] = "999999";
        fields[$"Cells[{next}].Raw"] = "1";

        var response = await Post(client, Form, fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().MatchRegex("class=\"alert alert-danger\" role=\"alert\" id=\"entry-message\">Biểu mẫu không khớp với danh mục hiện tại: chưa lưu gì")
            .And.Contain("value=\"55,5\"");
        (await Factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Unit.Slug == "nam-son"))).Should().Be(0);
    }

    [Fact]
    public async Task Another_communes_officer_gets_403_and_the_database_is_unchanged()
    {
        var owner = await Factory.SignedInClientAsync("xa.namson");
        var fields = await FormFieldsAsync(owner);
        var intruder = await Factory.SignedInClientAsync("xa.dondac");
        fields[$"Cells[{T1}].Raw"] = "1";
        fields["__RequestVerificationToken"] = await intruder.AntiforgeryTokenAsync("/communes/don-dac");

        var save = await Post(intruder, Form, fields);
        var submit = await intruder.PostFormAsync(Form + "/workflow", new Dictionary<string, string> { ["SetId"] = "1", ["Step"] = "submit" }, fields["__RequestVerificationToken"]);

        save.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        submit.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Unit.Slug == "nam-son"))).Should().Be(0);
        (await Factory.WithDbAsync(db => db.Submissions.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task A_leader_reads_the_form_but_cannot_post_it()
    {
        var leader = await Factory.SignedInClientAsync("lanhdao");
        var html = await leader.GetStringAsync(Form);
        var fields = await FormFieldsAsync(await Factory.SignedInClientAsync("xa.namson"));

        fields["__RequestVerificationToken"] = await leader.AntiforgeryTokenAsync("/communes");
        var response = await Post(leader, Form, fields);

        html.Should().Contain("Bạn chỉ có quyền xem");
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cached_page_shows_a_write_at_once_and_is_never_served_to_another_person()
    {
        const string page = "/communes/nam-son?period=2023-Q4";
        var officer = await Factory.SignedInClientAsync("xa.namson");
        var first = await officer.GetAsync(page);
        var second = await officer.GetAsync(page);
        (await second.Content.ReadAsStringAsync()).Should().Contain("Đã nhập 0/3");
        second.Headers.Age.Should().NotBeNull("the second read is served from the page cache");

        var fields = await FormFieldsAsync(officer);
        fields[$"Cells[{T1}].Raw"] = "55";
        (await Post(officer, Form, fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var afterWrite = await officer.GetAsync(page);

        afterWrite.Headers.Age.Should().BeNull("a write raises the data version, so the cached page is not reused");
        (await afterWrite.Content.ReadAsStringAsync()).Should().Contain("Đã nhập 1/3");
        var leader = await (await Factory.SignedInClientAsync("lanhdao")).GetStringAsync(page);
        leader.Should().Contain("Lãnh đạo huyện Ba Chẽ").And.NotContain("Cán bộ xã Nam Sơn");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_dashboard_shows_everything_entered_or_only_approved_data()
    {
        const string dashboard = "/dashboard?unit=ba-che&period=2023-Q4";
        var officer = await Factory.SignedInClientAsync("xa.namson");
        var fields = await FormFieldsAsync(officer);
        (fields[$"Cells[{T1}].Raw"], fields[$"Cells[{T2}].Raw"], fields[$"Cells[{T3}].Raw"]) = ("55", "0,9", "1");
        (await Post(officer, Form, fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var leader = await Factory.SignedInClientAsync("lanhdao");
        static int Computed(string html) => html.Split("class=\"origin origin-computed\"").Length - 1;

        var everything = await leader.GetStringAsync(dashboard);
        var approvedBefore = await leader.GetStringAsync(dashboard + "&approved=true");

        var setId = await Factory.WithDbAsync(db => db.CriteriaSets.Where(c => c.Code == "ntm-xa-nang-cao").Select(c => c.Id).SingleAsync());
        var form = new Dictionary<string, string> { ["SetId"] = setId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Step"] = "submit" };
        (await officer.PostFormAsync(Form + "/workflow", form, await officer.AntiforgeryTokenAsync(Form))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var district = await Factory.SignedInClientAsync("huyen");
        form["Step"] = "approve";
        (await district.PostFormAsync(Form + "/workflow", form, await district.AntiforgeryTokenAsync(Form))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var approvedAfter = await leader.GetStringAsync(dashboard + "&approved=true");

        Computed(everything).Should().BeGreaterThan(Computed(approvedBefore), "a draft counts when everything entered is shown, not when only approved data is");
        Computed(approvedAfter).Should().Be(Computed(everything), "once approved, the same figures show in both views");
        approvedAfter.Should().Contain("chỉ phần đã duyệt");
    }

    [Fact]
    public async Task A_step_for_a_set_that_is_not_on_the_form_answers_404_and_changes_nothing()
    {
        // In force in 2023-Q4 but without indicators (kiểu mẫu), and not in force then (the 2026 set): neither is on the form.
        var officer = await Factory.SignedInClientAsync("xa.namson");
        var sets = await Factory.WithDbAsync(db => db.CriteriaSets.Where(c => c.Code == "ntm-xa-kieu-mau" || c.Code == "ntm-xa-2026").Select(c => c.Id).ToListAsync());
        sets.Should().HaveCount(2);
        foreach (var id in sets)
        {
            var step = new Dictionary<string, string> { ["SetId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Step"] = "submit" };
            (await officer.PostFormAsync(Form + "/workflow", step, await officer.AntiforgeryTokenAsync(Form))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await Factory.WithDbAsync(db => db.Submissions.CountAsync(s => sets.Contains(s.CriteriaSetId) && s.Unit.Slug == "nam-son"))).Should().Be(0);
    }

    [Fact]
    public async Task Save_and_submit_stores_what_was_typed_and_submits_in_one_step()
    {
        // Issue 32.1: "Gửi duyệt" used to post only the set id, so typed values were dropped and the submit refused.
        var officer = await Factory.SignedInClientAsync("xa.namson");
        var fields = await FormFieldsAsync(officer);
        (fields[$"Cells[{T1}].Raw"], fields[$"Cells[{T2}].Raw"], fields[$"Cells[{T3}].Raw"]) = ("55", "0,9", "1");
        fields["SubmitSet"] = $"{await SetIdAsync()}";

        var response = await Post(officer, Form, fields);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().EndWith("#set-" + fields["SubmitSet"] + "-result");
        var values = await Factory.WithDbAsync(db => db.IndicatorValues.Where(v => v.Unit.Slug == "nam-son").OrderBy(v => v.Indicator.Code).Select(v => v.Value).ToListAsync());
        values.Should().Equal(55m, 0.9m, 1m);
        (await Factory.WithDbAsync(db => db.Submissions.Where(s => s.Unit.Slug == "nam-son" && s.CriteriaSet.Code == "ntm-xa-nang-cao").Select(s => s.Status).SingleAsync()))
            .Should().Be(SubmissionStatus.Submitted);
        var page = await officer.GetStringAsync(Form);
        page.Should().Contain("id=\"set-" + fields["SubmitSet"] + "-result\"").And.Contain("Đã lưu 3 chỉ tiêu và gửi duyệt");
    }

    [Fact]
    public async Task A_refused_submit_keeps_the_typed_values_and_stores_nothing()
    {
        var officer = await Factory.SignedInClientAsync("xa.namson");
        var fields = await FormFieldsAsync(officer);
        (fields[$"Cells[{T1}].Raw"], fields[$"Cells[{T2}].Raw"]) = ("55", "0,9"); // the yes/no indicator left empty
        fields["SubmitSet"] = $"{await SetIdAsync()}";

        var response = await Post(officer, Form, fields);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain("Chưa lưu, chưa gửi").And.Contain("Còn 1/3 chỉ tiêu chưa nhập số liệu");
        html.Should().Contain("value=\"55\"").And.Contain("value=\"0,9\"");
        (await Factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Unit.Slug == "nam-son"))).Should().Be(0);
        (await Factory.WithDbAsync(db => db.Submissions.CountAsync(s => s.Unit.Slug == "nam-son"))).Should().Be(0);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Unit!.Slug == "nam-son"))).Should().Be(0);
    }

    [Fact]
    public async Task A_return_without_a_comment_marks_the_comment_box()
    {
        var officer = await Factory.SignedInClientAsync("xa.namson");
        var fields = await FormFieldsAsync(officer);
        (fields[$"Cells[{T1}].Raw"], fields[$"Cells[{T2}].Raw"], fields[$"Cells[{T3}].Raw"]) = ("55", "0,9", "1");
        var setId = await SetIdAsync();
        fields["SubmitSet"] = $"{setId}";
        (await Post(officer, Form, fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var district = await Factory.SignedInClientAsync("huyen");

        var refused = await district.PostFormAsync(Form + "/workflow", new() { ["SetId"] = $"{setId}", ["Step"] = "return", ["Comment"] = " " }, await district.AntiforgeryTokenAsync(Form));
        var page = await district.GetStringAsync(refused.Headers.Location!.OriginalString.Split('#')[0]);

        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Should().MatchRegex($"id=\"return-{setId}\"[^>]*class=\"form-control is-invalid\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"set-{setId}-result\"");
        page.Should().MatchRegex($"class=\"alert alert-danger[^\"]*\" id=\"set-{setId}-result\" role=\"alert\"[^>]*>Nhập nhận xét");
    }

    [Fact]
    public async Task Income_entered_in_millions_is_shown_in_millions_on_the_commune_page()
    {
        // Issue 32.3: 46,2 typed in "triệu đồng/người/năm" showed as "46,2 đồng" on the commune page.
        const string form = "/communes/xa-ba-che/entry/2026-Q3";
        var officer = await Factory.SignedInClientAsync("xa.bache");
        var html = await officer.GetStringAsync(form);
        var index = Regex.Match(html, "data-indicator=\"ct26.thu-nhap\"(?:(?!data-indicator=).)*?name=\"Cells\\[(?<i>\\d+)\\]\\.IndicatorId\" value=\"(?<id>\\d+)\"", RegexOptions.Singleline);
        index.Success.Should().BeTrue("the 2026 form has the income indicator");
        var i = index.Groups["i"].Value;
        var fields = new Dictionary<string, string>
        {
            [$"Cells[{i}].IndicatorId"] = index.Groups["id"].Value, [$"Cells[{i}].Version"] = "0", [$"Cells[{i}].Raw"] = "46,2",
        };

        (await officer.PostFormAsync(form, fields, await officer.AntiforgeryTokenAsync(form))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync("/communes/xa-ba-che?period=2026-Q3"));

        page.Should().Contain("46,2 triệu đồng/người/năm").And.NotContain("46,2 đồng");
    }

    private Task<int> SetIdAsync() =>
        Factory.WithDbAsync(db => db.CriteriaSets.Where(c => c.Code == "ntm-xa-nang-cao").Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused_with_400()
    {
        var client = await Factory.SignedInClientAsync("xa.namson");
        var fields = await FormFieldsAsync(client);
        fields.Remove("__RequestVerificationToken");
        fields[$"Cells[{T1}].Raw"] = "55";

        var response = await client.PostAsync(Form, new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Unit.Slug == "nam-son"))).Should().Be(0);
    }

    [Fact]
    public async Task Tampered_cells_never_cause_a_500()
    {
        var client = await Factory.SignedInClientAsync("xa.namson");
        var fields = await FormFieldsAsync(client);
        fields[$"Cells[{T1}].IndicatorId"] = "999999";
        fields[$"Cells[{T2}].Version"] = "abc";

        var response = await Post(client, Form, fields);

        // Today the form is shown again (200) and nothing is stored; not a 422 like other refusals (the save doors are being
        // rewritten under issue 27: this exact status is meant to catch the change).
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Unit.Slug == "nam-son"))).Should().Be(0);
    }

    [Fact]
    public async Task A_locked_period_shows_the_form_read_only_and_refuses_a_save()
    {
        await Factory.LockPeriodAsync("2023-Q4");
        var client = await Factory.SignedInClientAsync("xa.namson");
        var fields = await FormFieldsAsync(client);
        fields[$"Cells[{T1}].Raw"] = "55";

        var response = await Post(client, Form, fields);

        (await response.Content.ReadAsStringAsync()).Should().Contain("đã khóa");
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Unit.Slug == "nam-son"))).Should().Be(0);
    }

    [Fact]
    public async Task Unknown_unit_or_period_is_404()
    {
        var client = await Factory.SignedInClientAsync("huyen");

        (await client.GetAsync("/communes/khong-co/entry/2023-Q4")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/communes/nam-son/entry/2023-Q9")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/communes/nam-son/entry/{TestClock.FutureQuarter}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/communes/nam-son/entry/abc")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var namSon = await Factory.WithDbAsync(db => db.Units.Where(u => u.Slug == "nam-son").Select(u => u.Id).SingleAsync());
        (await client.GetAsync($"/audit/value?unit={namSon}&indicator=999999&period=1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/audit/value?unit={namSon}&indicator=abc&period=x")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Audit_page_is_for_admin_and_district_staff_and_filters()
    {
        var officer = await Factory.SignedInClientAsync("xa.namson");
        var fields = await FormFieldsAsync(officer);
        fields[$"Cells[{T1}].Raw"] = "55";
        await Post(officer, Form, fields);

        var district = await Factory.SignedInClientAsync("huyen");
        var html = await district.GetStringAsync("/audit?Unit=nam-son&Period=2023-Q4&User=xa.namson");
        var none = await district.GetStringAsync("/audit?User=nobody");

        html.Should().Contain("xa.namson").And.Contain("(trống) → 55");
        none.Should().Contain("Chưa có thay đổi nào");
        (await officer.GetAsync("/audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await Factory.SignedInClientAsync("lanhdao")).GetAsync("/audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await district.GetAsync("/audit?From=not-a-date&To=2023-13-45")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Posts a form's fields; the token travels once, as the browser would send it.</summary>
    private static Task<HttpResponseMessage> Post(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var token = fields["__RequestVerificationToken"];
        return client.PostFormAsync(url, fields.Where(f => f.Key != "__RequestVerificationToken").ToDictionary(), token);
    }

    // The form's cell indexes of the three test indicators (the seeded ntm-xa rows come first).
    private int T1 { get; set; }

    private int T2 { get; set; }

    private int T3 { get; set; }

    private async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(Form);
        var cells = CellIndex().Matches(html).ToDictionary(m => m.Groups["code"].Value, m => int.Parse(m.Groups["i"].Value, System.Globalization.CultureInfo.InvariantCulture));
        (T1, T2, T3) = (cells["ntm-xa-nang-cao.t1"], cells["ntm-xa-nang-cao.t2"], cells["ntm-xa-nang-cao.t3"]);
        var form = html[html.IndexOf("id=\"entry-form\"", StringComparison.Ordinal)..html.IndexOf("</form>", html.IndexOf("id=\"entry-form\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        var fields = HiddenInput().Matches(form).Select(m => m.Value)
            .Select(tag => (Name: Attribute(tag, "name"), Value: Attribute(tag, "value")))
            .Where(f => f.Name is not null)
            .ToDictionary(f => WebUtility.HtmlDecode(f.Name!), f => WebUtility.HtmlDecode(f.Value ?? ""));
        fields.Should().ContainKey("__RequestVerificationToken");
        return fields;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("data-indicator=\"(?<code>[^\"]+)\"(?:(?!data-indicator=).)*?name=\"Cells\\[(?<i>\\d+)\\]\\.IndicatorId\"", RegexOptions.Singleline)]
    private static partial Regex CellIndex();
}
