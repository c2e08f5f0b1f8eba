using ProgramTracker.Core.Domain;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// The units as they are today (issue 10): the Ba Chẽ chain as seeded, history carried to successors and never
/// added up, the province as reviewer since 01/07/2025, quarters up to today, and forms only where units and sets
/// were valid. Everything through the seed and HTTP, as users reach it.
/// </summary>
public sealed partial class UnitsTodayTests : SeededCopyTests
{
    private static readonly string[] MergedCommunes = ["xa-ba-che", "ky-thuong", "luong-minh"];
    [Fact]
    public async Task The_Ba_Che_chain_is_seeded_with_dates_codes_and_predecessors()
    {
        var units = await Factory.WithDbAsync(db => db.Units.Include(u => u.Parent).ToDictionaryAsync(u => u.Slug));
        var parts = await Factory.WithDbAsync(db => db.Set<ReorganisationPart>().Include(p => p.Reorganisation).Include(p => p.Successor).Include(p => p.Predecessor).ToListAsync());

        units["luong-minh-2024"].ValidFrom.Should().Be(new DateOnly(2024, 11, 1));
        units["luong-minh-2024"].ValidTo.Should().Be(new DateOnly(2025, 6, 30));
        units["luong-mong"].ValidTo.Should().Be(new DateOnly(2024, 10, 31));
        units["minh-cam"].ValidTo.Should().Be(new DateOnly(2024, 10, 31));
        foreach (var old in new[] { "nam-son", "don-dac", "thanh-son", "thi-tran-ba-che", "thanh-lam", "dap-thanh", "ba-che" })
        {
            units[old].ValidTo.Should().Be(new DateOnly(2025, 6, 30), old);
        }

        (units["xa-ba-che"].StatisticsCode, units["ky-thuong"].StatisticsCode, units["luong-minh"].StatisticsCode).Should().Be(("06970", "06979", "06985"));
        MergedCommunes.Should().OnlyContain(s => units[s].ValidFrom == new DateOnly(2025, 7, 1) && units[s].Parent!.Slug == "quang-ninh");

        string[] Into(string successor) => parts.Where(p => p.Successor.Slug == successor).Select(p => p.Predecessor?.Slug ?? p.PredecessorName).Order().ToArray();
        Into("xa-ba-che").Should().Equal("don-dac", "nam-son", "thanh-son", "thi-tran-ba-che", "xã Hải Lạng (huyện Tiên Yên)");
        Into("ky-thuong").Should().Equal("dap-thanh", "thanh-lam", "xã Kỳ Thượng (thành phố Hạ Long)");
        Into("luong-minh").Should().Equal("luong-minh-2024", "xã Đồng Sơn (thành phố Hạ Long)");
        Into("luong-minh-2024").Should().Equal("luong-mong", "minh-cam");
        parts.Single(p => p.PredecessorName.Contains("Hải Lạng", StringComparison.Ordinal)).Should().Match<ReorganisationPart>(p => !p.Whole && p.PredecessorId == null);
        parts.Where(p => p.Successor.Slug == "xa-ba-che").Should().OnlyContain(p => p.Reorganisation.ActNumber.StartsWith("NQ 1679", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_merged_commune_names_its_successor_and_the_successor_shows_its_predecessors_figures_by_name()
    {
        var client = await Factory.SignedInClientAsync("tinh");

        var namSon = await client.GetStringAsync("/communes/nam-son");
        Section(namSon, "successor").Should().Contain("đã sáp nhập vào").And.Contain("href=\"/communes/xa-ba-che\"").And.Contain("01/07/2025");

        var xaBaChe = await client.GetStringAsync("/communes/xa-ba-che");
        var row = Regex.Match(Section(xaBaChe, "predecessor-figures"), "<tr data-unit=\"nam-son\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        row.Should().Contain("xã Nam Sơn").And.Contain("16/19 tiêu chí").And.Contain("72/75 chỉ tiêu");
        Section(xaBaChe, "predecessors").Should().Contain("xã Hải Lạng (huyện Tiên Yên)").And.Contain("một phần").And.Contain("không có số liệu");
        // The group figure stays labelled as the group's, never summed into the new commune.
        Section(xaBaChe, "predecessor-figures").Should().Contain("bình quân của nhóm");
        xaBaChe.Should().NotContain("data-set=\"ntm-xa-nang-cao\" data-kind=\"Reported\"");

        var luongMinh = await client.GetStringAsync("/communes/luong-minh");
        Section(luongMinh, "predecessors").Should().Contain("Lương Mông").And.Contain("Minh Cầm").And.Contain("qua xã Lương Minh");
    }

    [Fact]
    public async Task A_2026_submission_of_xa_Ba_Che_reaches_the_province_and_the_province_approves_it()
    {
        const string form = "/communes/xa-ba-che/entry/2026-Q3";
        var officer = await Factory.SignedInClientAsync("xa.bache");
        var page = await officer.GetStringAsync(form);
        page.Should().Contain("data-indicator=\"ct26.ho-ngheo\"").And.NotContain("data-indicator=\"ntm-xa.3.1\"");
        Section(page, "reviewer").Should().Contain("tỉnh Quảng Ninh");

        var fields = FormFields(page);
        var cells = CellIndex().Matches(page).ToDictionary(m => m.Groups["code"].Value, m => m.Groups["i"].Value);
        cells.Keys.Should().BeEquivalentTo(["ct26.thu-nhap", "ct26.ho-ngheo", "ct26.ho-ngheo-dtts", "ct26.dat-ntm"]);
        foreach (var (code, index) in cells)
        {
            fields[$"Cells[{index}].Raw"] = code == "ct26.dat-ntm" ? "0" : code == "ct26.thu-nhap" ? "52,4" : "3,1";
        }

        (await officer.PostAsync(form, new FormUrlEncodedContent(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var setId = await Factory.WithDbAsync(db => db.CriteriaSets.Where(s => s.Code == "ctmtqg-2026-theo-doi-xa").Select(s => s.Id).SingleAsync());
        var submit = await officer.PostFormAsync($"{form}/workflow", new() { ["SetId"] = $"{setId}", ["Step"] = "Submit" }, await officer.AntiforgeryTokenAsync(form));
        submit.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var district = await Factory.SignedInClientAsync("huyen");
        var districtInbox = await district.GetStringAsync("/inbox");
        districtInbox.Should().NotContain("2026", "the district level ended on 30/06/2025: nothing of 2026 is for huyen");
        (await district.GetAsync(form)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "xã Ba Chẽ is not under the district");
        var refused = await district.PostFormAsync($"{form}/workflow", new() { ["SetId"] = $"{setId}", ["Step"] = "Approve" }, await district.AntiforgeryTokenAsync("/inbox"));
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var province = await Factory.SignedInClientAsync("tinh");
        Section(await province.GetStringAsync("/inbox"), "inbox-waiting").Should().Contain($"href=\"{form}\"");
        var approve = await province.PostFormAsync($"{form}/workflow", new() { ["SetId"] = $"{setId}", ["Step"] = "Approve" }, await province.AntiforgeryTokenAsync(form));
        approve.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Factory.WithDbAsync(db => db.Submissions.SingleAsync(s => s.Unit.Slug == "xa-ba-che" && s.CriteriaSetId == setId)))
            .Should().Match<Submission>(s => s.Status == SubmissionStatus.Approved && s.ReviewedBy == "tinh" && s.SubmittedBy == "xa.bache");
    }

    [Fact]
    public async Task Forms_offer_only_the_sets_valid_in_the_period_and_refuse_units_that_did_not_exist_then()
    {
        var staff = await Factory.SignedInClientAsync("tinh");

        var old = await staff.GetStringAsync("/communes/nam-son/entry/2023-Q3");
        old.Should().Contain("data-indicator=\"ntm-xa.3.1\"").And.NotContain("data-indicator=\"ct26.ho-ngheo\"");
        Section(old, "reviewer").Should().Contain("huyện Ba Chẽ");

        var gone = await staff.GetStringAsync("/communes/nam-son/entry/2026-Q3");
        Section(gone, "unit-outside-validity").Should().Contain("không tồn tại trong Quý III/2026");
        var fields = FormFields(gone);
        fields["Cells[0].Raw"] = "1";
        var post = await staff.PostAsync("/communes/nam-son/entry/2026-Q3", new FormUrlEncodedContent(fields));
        post.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var refused = await post.Content.ReadAsStringAsync();
        refused.Should().Contain("không nhập số liệu cho kỳ này");
        // A refusal reads as one: red and announced (role alert), not the green "saved" box.
        refused.Should().MatchRegex("class=\"alert alert-danger\" role=\"alert\" id=\"entry-message\">[^<]*không nhập số liệu cho kỳ này");
        (await Factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Unit.Slug == "nam-son" && v.Period.Year == 2026))).Should().Be(0);

        var notYet = await staff.GetStringAsync("/communes/xa-ba-che/entry/2024-Q1");
        Section(notYet, "unit-outside-validity").Should().Contain("không tồn tại trong Quý I/2024");
    }

    [Fact]
    public async Task Quarters_exist_up_to_today_with_deadlines_by_rule_and_stay_open()
    {
        var current = TestClock.CurrentQuarter;
        var periods = await Factory.WithDbAsync(db => db.Periods.Where(p => p.Quarter != null).ToListAsync());

        periods.Should().Contain(p => p.Year == current.Item1 && p.Quarter == current.Item2);
        var q = periods.Single(p => p.Year == 2026 && p.Quarter == 3);
        q.Deadline.Should().Be(new DateOnly(2026, 10, 10));
        q.IsLocked.Should().BeFalse();
        periods.Select(p => (p.Year, p.Quarter)).Should().OnlyHaveUniqueItems();
        // No gap between the first seeded quarter and today's.
        periods.Count(p => p.Year == 2025).Should().Be(4);
    }

    [Fact]
    public async Task The_provincial_leader_sees_Quang_Ninh_s_2026_dashboard_and_the_district_pages_of_2023_are_unchanged()
    {
        var leader = await Factory.SignedInClientAsync("lanhdao.tinh");
        var dashboard = await leader.GetAsync("/dashboard?unit=quang-ninh&period=2026-Q3");
        dashboard.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await dashboard.Content.ReadAsStringAsync();
        html.Should().Contain("xã Ba Chẽ").And.Contain("xã Kỳ Thượng").And.Contain("xã Lương Minh");

        var district = await leader.GetStringAsync("/districts/ba-che");
        district.Should().Contain("2/9").And.Contain("25/38");
        (await leader.GetAsync("/dashboard?unit=ba-che&period=2023-Q3")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Poverty_standards_carry_the_2026_2030_lines_by_period()
    {
        var standards = await Factory.WithDbAsync(db => db.PovertyStandards.ToDictionaryAsync(s => s.Code));
        standards["nd-07-2021"].ValidTo.Should().Be(new DateOnly(2026, 12, 31));
        standards["nd-351-2025"].Should().Match<PovertyStandard>(s => s.RuralIncomeLine == 2_200_000 && s.UrbanIncomeLine == 2_800_000 && s.ValidFrom == new DateOnly(2027, 1, 1));
    }

    [Fact]
    public async Task The_admin_records_a_reorganisation_and_bad_ones_are_refused_with_a_message_and_nothing_saved()
    {
        var admin = await Factory.SignedInClientAsync("admin");
        var ids = await Factory.WithDbAsync(db => db.Units.ToDictionaryAsync(u => u.Slug, u => u.Id));
        var token = await admin.AntiforgeryTokenAsync("/admin/reorganisations");
        async Task<(HttpStatusCode Status, string Html)> PostAsync(params (string Key, string Value)[] fields)
        {
            var response = await admin.PostFormAsync("/admin/reorganisations", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), token);
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        var before = await Factory.WithDbAsync(db => db.Reorganisations.CountAsync());
        var gone = await PostAsync(("Code", "thu-1"), ("ActNumber", "NQ thử"), ("ActDate", "2025-12-01"), ("EffectiveOn", "2026-01-01"),
            ("PredecessorIds", $"{ids["nam-son"]}"), ("SuccessorName", "Thử"), ("SuccessorSlug", "xa-thu"), ("SuccessorKind", "Commune"), ("SuccessorParent", $"{ids["quang-ninh"]}"));
        gone.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        gone.Html.Should().Contain("xã Nam Sơn không còn tồn tại vào ngày 31/12/2025");

        var twice = await PostAsync(("Code", "thu-2"), ("ActNumber", "NQ thử"), ("ActDate", "2024-09-28"), ("EffectiveOn", "2024-11-01"),
            ("PredecessorIds", $"{ids["luong-mong"]}"), ("SuccessorName", "Thử"), ("SuccessorSlug", "xa-thu"), ("SuccessorKind", "Commune"), ("SuccessorParent", $"{ids["ba-che"]}"));
        twice.Html.Should().Contain("đã nhập toàn bộ vào Lương Minh theo NQ 1199/NQ-UBTVQH15");

        var ended = await PostAsync(("Code", "thu-3"), ("ActNumber", "NQ thử"), ("ActDate", "2025-12-01"), ("EffectiveOn", "2026-01-01"),
            ("PredecessorIds", $"{ids["xa-ba-che"]}"), ("PartialIds", $"{ids["xa-ba-che"]}"), ("ExistingSuccessorId", $"{ids["dap-thanh"]}"));
        ended.Html.Should().Contain("kết thúc ngày 30/06/2025, trước khi sắp xếp có hiệu lực");

        var backwards = await PostAsync(("Code", "thu-4"), ("ActNumber", "NQ thử"), ("ActDate", "2026-02-01"), ("EffectiveOn", "2026-01-01"),
            ("OtherPredecessors", "xã Ngoài (huyện Khác)"), ("SuccessorName", "Thử"), ("SuccessorSlug", "xa-thu"), ("SuccessorKind", "Commune"), ("SuccessorParent", $"{ids["quang-ninh"]}"));
        backwards.Html.Should().Contain("Ngày có hiệu lực không thể trước ngày ban hành");

        // The same refusals in English for an English reader, with dates and unit names in English.
        var english = await admin.PostFormAsync("/admin/reorganisations?culture=en", new Dictionary<string, string>
        {
            ["Code"] = "thu-1", ["ActNumber"] = "NQ thử", ["ActDate"] = "2025-12-01", ["EffectiveOn"] = "2026-01-01", ["PredecessorIds"] = $"{ids["nam-son"]}",
            ["SuccessorName"] = "Thử", ["SuccessorSlug"] = "xa-thu", ["SuccessorKind"] = "Commune", ["SuccessorParent"] = $"{ids["quang-ninh"]}",
        }, token);
        var englishHtml = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        english.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        englishHtml.Should().Contain("Nam Sơn commune no longer exists on 31 Dec 2025").And.NotContain("không còn tồn tại");
        (await Factory.WithDbAsync(db => db.Reorganisations.CountAsync())).Should().Be(before);
        (await Factory.WithDbAsync(db => db.Units.CountAsync(u => u.Slug == "xa-thu"))).Should().Be(0);

        // A good one: part of xã Ba Chẽ and a unit outside the portal form a new commune; xã Ba Chẽ stays.
        var good = await PostAsync(("Code", "thu-5"), ("ActNumber", "NQ thử 5"), ("ActDate", "2026-06-01"), ("EffectiveOn", "2026-07-01"),
            ("PredecessorIds", $"{ids["xa-ba-che"]}"), ("PartialIds", $"{ids["xa-ba-che"]}"), ("OtherPredecessors", "xã Ngoài (huyện Khác) (một phần)"),
            ("SuccessorName", "Thử Nghiệm"), ("SuccessorSlug", "xa-thu"), ("SuccessorKind", "Commune"), ("SuccessorParent", $"{ids["quang-ninh"]}"), ("SuccessorStatisticsCode", "99999"));
        good.Status.Should().Be(HttpStatusCode.Redirect);
        var created = await Factory.WithDbAsync(db => db.Units.SingleAsync(u => u.Slug == "xa-thu"));
        (created.ValidFrom, created.StatisticsCode).Should().Be((new DateOnly(2026, 7, 1), "99999"));
        (await Factory.WithDbAsync(db => db.Units.SingleAsync(u => u.Slug == "xa-ba-che"))).ValidTo.Should().BeNull("it went in only in part");
        (await admin.GetStringAsync("/admin/reorganisations")).Should().Contain("NQ thử 5");

        // Making xã Ba Chẽ the successor of the unit it helped form would be a cycle.
        var cycle = await PostAsync(("Code", "thu-6"), ("ActNumber", "NQ thử"), ("ActDate", "2026-08-01"), ("EffectiveOn", "2026-09-01"),
            ("PredecessorIds", $"{created.Id}"), ("PartialIds", $"{created.Id}"), ("ExistingSuccessorId", $"{ids["xa-ba-che"]}"));
        cycle.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        cycle.Html.Should().Contain("vòng lặp");
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"the page should have #{id}");
        return html.Substring(start, Math.Min(6000, html.Length - start));
    }

    [Fact]
    public async Task The_reorganisation_form_lists_one_province_s_units_chosen_first_and_names_an_unknown_province()
    {
        var admin = await Factory.SignedInClientAsync("admin");
        var ids = await Factory.WithDbAsync(db => db.Units.ToDictionaryAsync(u => u.Slug, u => u.Id));
        var caoBang = await Factory.WithDbAsync(db => db.Units.Where(u => u.Parent!.Slug == "cao-bang").Select(u => u.Id).FirstAsync());

        // Nothing chosen: the 34 provinces to choose from and no unit of the country's 3,300 in the form.
        var first = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/reorganisations"));
        var select = first[first.IndexOf("id=\"province\"", StringComparison.Ordinal)..];
        Regex.Count(select[..select.IndexOf("</select>", StringComparison.Ordinal)], "<option value=\"[a-z-]+\"").Should().Be(34);
        first.Should().NotContain("name=\"PredecessorIds\"").And.Contain("Chọn tỉnh, thành phố để liệt kê");

        // Quảng Ninh: its communes of today and the Ba Chẽ district's of before, nothing of Cao Bằng.
        var quangNinh = await admin.GetStringAsync("/admin/reorganisations?province=quang-ninh");
        quangNinh.Should().Contain($"id=\"pred-{ids["xa-ba-che"]}\"").And.Contain($"id=\"pred-{ids["luong-mong"]}\"")
            .And.NotContain($"id=\"pred-{caoBang}\"").And.Contain("<input type=\"hidden\" name=\"province\" value=\"quang-ninh\"");
        Regex.Count(quangNinh, "name=\"PredecessorIds\"").Should().BeLessThan(200);

        var unknown = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/reorganisations?province=khong-co"));
        unknown.Should().Contain("Không có tỉnh, thành phố “khong-co”: chọn một tỉnh, thành phố trong danh sách.").And.NotContain("name=\"PredecessorIds\"");
        var english = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/reorganisations?province=khong-co&culture=en"));
        english.Should().Contain("There is no province or city “khong-co”: choose one from the list.");
    }

    private static Dictionary<string, string> FormFields(string html)
    {
        var start = html.IndexOf("id=\"entry-form\"", StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = HiddenInput().Matches(form).Select(m => m.Value)
            .Select(tag => (Name: Attr(tag, "name"), Value: Attr(tag, "value")))
            .Where(f => f.Name is not null)
            .ToDictionary(f => WebUtility.HtmlDecode(f.Name!), f => WebUtility.HtmlDecode(f.Value ?? ""));
        return fields;
    }

    private static string? Attr(string tag, string name) => Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("data-indicator=\"(?<code>[^\"]+)\"(?:(?!data-indicator=).)*?name=\"Cells\\[(?<i>\\d+)\\]\\.IndicatorId\"", RegexOptions.Singleline)]
    private static partial Regex CellIndex();
}
