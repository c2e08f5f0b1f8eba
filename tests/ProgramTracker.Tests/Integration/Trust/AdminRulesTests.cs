using ProgramTracker.Tests.Integration.Api;
using ProgramTracker.Core.Validation;
using ProgramTracker.Web.Models.CatalogueImport;
using static ProgramTracker.Tests.Integration.SetImportFiles;

namespace ProgramTracker.Tests.Integration.Trust;

/// <summary>
/// Issue 25: the administrator keeps a set's rules on its rule page. Every expression is parsed when saved (an unknown code
/// or bad syntax refused beside the field, in Vietnamese, with the position; nothing stored); a saved rule is applied at
/// entry from its period on, and retiring it from a later period leaves the earlier periods judged by it.
/// </summary>
public sealed class AdminRulesTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Page = "/admin/criteria-sets/ntm-xa-nang-cao/rules";

    private static Dictionary<string, string> Rule(string code, string kind, string severity, string? expression = null, string? indicator = null,
        string? max = null, string from = "2023-Q1", bool active = true) => new()
    {
        ["Code"] = code, ["Kind"] = kind, ["Severity"] = severity, ["Expression"] = expression ?? "", ["Indicator"] = indicator ?? "",
        ["Min"] = "", ["Max"] = max ?? "", ["Share"] = "", ["Name"] = "Quy tắc thử " + code, ["NameEn"] = "Test rule " + code,
        ["Message"] = $"Vi phạm quy tắc thử {code}.", ["MessageEn"] = $"Test rule {code} broken.", ["Reason"] = "Thử nghiệm", ["From"] = from,
        ["Active"] = active ? "true" : "false", ["Existing"] = "false",
    };

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient admin, Dictionary<string, string> form) =>
        await admin.PostFormAsync(Page, form, await admin.AntiforgeryTokenAsync(Page + "/new"));

    [Fact]
    public async Task An_expression_with_bad_syntax_or_an_unknown_code_is_refused_beside_the_field_with_its_position_and_nothing_is_stored()
    {
        var admin = await fixture.Factory.SignedInClientAsync("admin");

        var syntax = await SaveAsync(admin, Rule("thu-cu-phap", "Expression", "Hard", "ntm-xa-nang-cao.t2 + <= ntm-xa-nang-cao.t1"));
        var syntaxHtml = WebUtility.HtmlDecode(await syntax.Content.ReadAsStringAsync());
        var unknown = await SaveAsync(admin, Rule("thu-ma-la", "Expression", "Hard", "ntm-xa-nang-cao.t2 <= ntm-xa.99"));
        var unknownHtml = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
        var noComparator = await SaveAsync(admin, Rule("thu-thieu-so-sanh", "Expression", "Hard", "ntm-xa-nang-cao.t2 ntm-xa-nang-cao.t1"));

        syntax.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        syntaxHtml.Should().Contain("id=\"Expression-error\"").And.Contain("Biểu thức sai ở ký tự thứ 22: không hiểu “<”.");
        unknown.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        unknownHtml.Should().Contain("Biểu thức có mã “ntm-xa.99” (ở ký tự thứ 23) không phải chỉ tiêu của bộ này.");
        WebUtility.HtmlDecode(await noComparator.Content.ReadAsStringAsync()).Should().Contain("Biểu thức sai ở ký tự thứ 20: thiếu phép so sánh");
        var english = await admin.PostFormAsync(Page + "?culture=en", Rule("thu-ma-la", "Expression", "Hard", "ntm-xa-nang-cao.t2 <= ntm-xa.99"), await admin.AntiforgeryTokenAsync(Page + "/new?culture=en"));
        WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync()).Should().Contain("The expression uses “ntm-xa.99” (at character 23), which is not an indicator of this set.");
        (await fixture.Factory.WithDbAsync(db => db.ValidationRules.CountAsync(r => r.Code == "thu-cu-phap" || r.Code == "thu-ma-la" || r.Code == "thu-thieu-so-sanh")))
            .Should().Be(0, "a refused rule leaves nothing behind");

        // Other fields are refused beside themselves too: bounds without an indicator, a change rule set to refuse, no period.
        var bounds = WebUtility.HtmlDecode(await (await SaveAsync(admin, Rule("thu-gioi-han", "Bounds", "Hard", max: "abc", from: "quý 5"))).Content.ReadAsStringAsync());
        bounds.Should().Contain("Chọn chỉ tiêu mà giới hạn áp dụng.").And.Contain("“abc” không phải số.").And.Contain("“quý 5” không phải một quý");
        var change = WebUtility.HtmlDecode(await (await SaveAsync(admin, Rule("thu-thay-doi", "Change", "Hard"))).Content.ReadAsStringAsync());
        change.Should().Contain("Quy tắc thay đổi và giá trị bất thường chỉ cảnh báo, không từ chối.");

        // A code of a common (seeded) rule cannot be taken over by a set.
        var taken = WebUtility.HtmlDecode(await (await SaveAsync(admin, Rule("ty-le-0-100", "Expression", "Hard", "ntm-xa-nang-cao.t2 <= 100"))).Content.ReadAsStringAsync());
        taken.Should().Contain("Mã “ty-le-0-100” đã là mã của một quy tắc chung hoặc của bộ khác");
    }

    [Fact]
    public async Task A_rule_saved_by_the_administrator_refuses_at_entry_from_its_period_and_retiring_it_later_keeps_earlier_periods_judged()
    {
        var admin = await fixture.Factory.SignedInClientAsync("admin");
        (await admin.GetStringAsync("/criteria-sets/ntm-xa-nang-cao")).Should().Contain("id=\"set-rules-link\"");

        var saved = await SaveAsync(admin, Rule("thu-nhap-toi-da", "Bounds", "Hard", indicator: "ntm-xa-nang-cao.t1", max: "200", from: "2023-Q2"));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));
        list.Should().Contain("data-rule=\"thu-nhap-toi-da\"").And.Contain("Quy tắc thử thu-nhap-toi-da").And.Contain("từ −∞ đến 200");
        var edit = WebUtility.HtmlDecode(await admin.GetStringAsync(Page + "/thu-nhap-toi-da/edit"));
        edit.Should().Contain("value=\"2023-Q2\"").And.Contain("value=\"200\"");

        var (_, secret) = await fixture.CreateTokenAsync("xa.namson", write: true);
        using var api = fixture.Client(secret);
        async Task<HttpResponseMessage> PutAsync(string period, decimal value) =>
            await api.PutJsonAsync($"/api/v1/values/nam-son/ntm-xa-nang-cao/{period}", new { values = new[] { new { indicator = "ntm-xa-nang-cao.t1", value, version = 0 } } });

        (await PutAsync("2023-Q1", 500m)).StatusCode.Should().Be(HttpStatusCode.OK, "the rule applies from 2023-Q2 on");
        var refused = await PutAsync("2023-Q2", 500m);
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.JsonAsync())["errors"]![0]!["error"]!.GetValue<string>().Should().Be("Vi phạm quy tắc thử thu-nhap-toi-da.");

        // Retired from 2023-Q4: 2023-Q4 takes 500, 2023-Q3 is still judged by the rule.
        var retire = Rule("thu-nhap-toi-da", "Bounds", "Hard", indicator: "ntm-xa-nang-cao.t1", max: "200", from: "2023-Q4", active: false);
        retire["Existing"] = "true";
        (await SaveAsync(admin, retire)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await PutAsync("2023-Q4", 500m)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PutAsync("2023-Q3", 500m)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await admin.GetStringAsync(Page + "/thu-nhap-toi-da/edit")).Should().Contain("id=\"rule-versions\"").And.Contain("ngừng áp dụng");

        // A rule between indicators, saved on the same page, refuses the cells it reads.
        var expression = await SaveAsync(admin, Rule("thu-ty-le-nho-hon-thu-nhap", "Expression", "Hard", "ntm-xa-nang-cao.t2 <= ntm-xa-nang-cao.t1 / 10"));
        expression.StatusCode.Should().Be(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await expression.Content.ReadAsStringAsync()));
        var both = await api.PutJsonAsync("/api/v1/values/nam-son/ntm-xa-nang-cao/2024-Q3", new
        {
            values = new object[] { new { indicator = "ntm-xa-nang-cao.t1", value = 50m, version = 0 }, new { indicator = "ntm-xa-nang-cao.t2", value = 9m, version = 0 } },
        });
        both.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await both.JsonAsync())["errors"]![0]!["error"]!.GetValue<string>().Should().Be("Vi phạm quy tắc thử thu-ty-le-nho-hon-thu-nhap.");

        var audit = await fixture.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Note != null && a.Note.StartsWith("Quy tắc kiểm tra thu-")));
        audit.Should().Be(3);
    }

    [Fact]
    public async Task The_set_tables_rules_sheet_is_checked_at_import_with_the_position_and_applied_and_exported_back()
    {
        var admin = await fixture.Factory.SignedInClientAsync("admin");
        var table = await fixture.Factory.WithServiceAsync<SetTableQueries, SetTable>(async q => (await q.LoadAsync("ntm-xa-nang-cao", default))!);
        ValidationRule Written(string code, string expression) => new()
        {
            Code = code, Kind = RuleKind.Expression, Severity = RuleSeverity.Soft, Expression = expression, FromYear = 2024, FromQuarter = 1,
            Name = "Tỷ lệ hộ nghèo không vượt thu nhập (thử)", NameEn = "Poverty rate below income (test)",
            Message = "Tỷ lệ hộ nghèo lớn hơn thu nhập: kiểm tra lại.", MessageEn = "The poverty rate exceeds income: check it.",
        };

        // A rule reading a code the set does not have: refused by row and column of the rules sheet, with the position.
        var bad = table with { Rules = [Written("nhap-thu-ma-la", "ntm-xa-nang-cao.t2 <= ntm-xa-nang-cao.t9")] };
        var refused = await UploadAsync(admin, "ntm-xa-nang-cao", SetTableWriter.ToXlsx(bad, template: false, ProgramTracker.Core.Localization.Formats.Vietnamese), "quy-tac.xlsx");
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        refusedHtml.Should().Contain("Biểu thức có mã “ntm-xa-nang-cao.t9” (ở ký tự thứ 23) không phải chỉ tiêu của bộ này.")
            .And.Contain("Quy tắc kiểm tra G “Biểu thức”").And.NotContain("name=\"payload\"");

        // A good rule: the preview counts it, "Áp dụng" stores it, the export carries it and imports back unchanged.
        var good = table with { Rules = [Written("nhap-thu-ty-le", "ntm-xa-nang-cao.t2 <= ntm-xa-nang-cao.t1")] };
        var preview = await UploadAsync(admin, "ntm-xa-nang-cao", SetTableWriter.ToXlsx(good, template: false, ProgramTracker.Core.Localization.Formats.Vietnamese), "quy-tac.xlsx");
        var previewHtml = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        preview.StatusCode.Should().Be(HttpStatusCode.OK, previewHtml);
        previewHtml.Should().Contain("Bảng quy tắc: 1 quy tắc sẽ được thêm, 0 quy tắc sẽ được sửa.");
        var applied = await ApplyAsync(admin, "ntm-xa-nang-cao", await preview.Content.ReadAsStringAsync());
        WebUtility.HtmlDecode(await applied.Content.ReadAsStringAsync()).Should().Contain("Bảng quy tắc: đã thêm 1, đã sửa 0 quy tắc.");
        var stored = await fixture.Factory.WithDbAsync(db => db.ValidationRules.Where(r => r.Code == "nhap-thu-ty-le").Select(r => new { r.Expression, r.Severity, r.FromYear, r.CriteriaSet!.Code }).SingleAsync());
        stored.Should().BeEquivalentTo(new { Expression = "ntm-xa-nang-cao.t2 <= ntm-xa-nang-cao.t1", Severity = RuleSeverity.Soft, FromYear = 2024, Code = "ntm-xa-nang-cao" });

        var export = await admin.GetByteArrayAsync("/criteria-sets/ntm-xa-nang-cao/export.xlsx");
        var again = WebUtility.HtmlDecode(await (await UploadAsync(admin, "ntm-xa-nang-cao", export, "ntm-xa-nang-cao.xlsx")).Content.ReadAsStringAsync());
        again.Should().Contain("Không có thay đổi");
    }

    [Fact]
    public async Task The_poverty_table_refuses_counts_that_break_the_seeded_household_rules_beside_the_row_and_saves_nothing()
    {
        var district = await fixture.Factory.SignedInClientAsync("huyen");
        const string path = "/districts/ba-che/poverty/2023-Q3";
        var namSon = await fixture.Factory.WithDbAsync(db => db.Units.Where(u => u.Slug == "nam-son").Select(u => u.Id).SingleAsync());
        var before = await fixture.Factory.WithDbAsync(db => db.PovertyRecords.Where(p => p.UnitId == namSon && p.Period.Year == 2023 && p.Period.Quarter == 3)
            .Select(p => new { p.HouseholdsTotal, p.PoorHouseholds, p.NearPoorHouseholds }).ToListAsync());
        async Task<(HttpStatusCode, string)> PostAsync(string households, string poor, string nearPoor, string culture = "")
        {
            var url = path + culture;
            var response = await district.PostFormAsync(url, new Dictionary<string, string>
            {
                ["Rows[0].UnitId"] = namSon.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Rows[0].Version"] = "0",
                ["Rows[0].Households"] = households, ["Rows[0].Poor"] = poor, ["Rows[0].NearPoor"] = nearPoor,
            }, await district.AntiforgeryTokenAsync(url));
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        var (status, html) = await PostAsync("100", "120", "");
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain("Số hộ nghèo vượt tổng số hộ (quy tắc «Hộ nghèo ≤ tổng số hộ»).");
        (status, html) = await PostAsync("100", "60", "50");
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain("Số hộ nghèo và cận nghèo cộng lại vượt tổng số hộ (quy tắc «Hộ nghèo + hộ cận nghèo ≤ tổng số hộ»).");
        (_, html) = await PostAsync("100", "60", "50", "?culture=en");
        html.Should().Contain("Poor and near-poor households together exceed the total number of households (rule “Poor + near-poor households ≤ all households”).");

        var after = await fixture.Factory.WithDbAsync(db => db.PovertyRecords.Where(p => p.UnitId == namSon && p.Period.Year == 2023 && p.Period.Quarter == 3)
            .Select(p => new { p.HouseholdsTotal, p.PoorHouseholds, p.NearPoorHouseholds }).ToListAsync());
        after.Should().BeEquivalentTo(before, "a refused table saves nothing");

        // The rules are the catalogue's, listed with their reason among the common rules on a set's rule page.
        var admin = await fixture.Factory.SignedInClientAsync("admin");
        WebUtility.HtmlDecode(await admin.GetStringAsync(Page)).Should().Contain("data-rule=\"ngheo-can-ngheo-khong-vuot-tong-ho\"").And.Contain("ngheo.ho-ngheo + ngheo.ho-can-ngheo <= ngheo.tong-so-ho");
    }

    [Fact]
    public async Task Only_administrators_reach_the_rule_pages_and_an_unknown_set_is_not_found()
    {
        var officer = await fixture.Factory.SignedInClientAsync("xa.namson");
        (await officer.GetAsync(Page)).StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        var admin = await fixture.Factory.SignedInClientAsync("admin");
        (await admin.GetAsync("/admin/criteria-sets/khong-co/rules")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.GetAsync(Page + "/khong-co/edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));
        page.Should().Contain("data-rule=\"ty-le-0-100\"", "the common rules are listed for reference");
    }
}
