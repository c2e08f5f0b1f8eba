using ProgramTracker.Core.Domain;
using static ProgramTracker.Tests.Integration.SetImportFiles;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// The catalogue's refusals and change lines in the reader's language (issue 14), through the admin's indicator form,
/// the table import and the set page; the Vietnamese reader keeps the Vietnamese words, the stored audit stays Vietnamese.
/// </summary>
public sealed class CatalogueEnglishTests : SeededCopyTests
{
    [Fact]
    public async Task The_admin_form_refuses_a_taken_or_changed_code_in_English_and_the_set_page_tells_the_change_in_each_language()
    {
        var admin = await Factory.SignedInClientAsync("admin");
        var indicator = await Factory.WithDbAsync(db => db.Indicators.Where(i => i.Code == "ntm-xa.3.1")
            .Select(i => new { i.Id, i.CriterionId, i.Name }).SingleAsync());
        var token = await admin.AntiforgeryTokenAsync($"/admin/indicators/{indicator.Id}/edit");
        Dictionary<string, string> Form(string? id, string code, string threshold, string from = "", string unit = "%") => new()
        {
            ["CriterionId"] = $"{indicator.CriterionId}", ["Code"] = code, ["Name"] = indicator.Name, ["Unit"] = unit, ["ValueType"] = "Percent",
            ["Comparator"] = "AtLeast", ["Threshold"] = threshold, ["EffectiveFrom"] = from, ["Id"] = id ?? "",
        };

        var taken = await admin.PostFormAsync("/admin/criteria-sets/ntm-xa/indicators?culture=en", Form(null, "ntm-xa.3.1", "80"), token);
        taken.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync()).Should().Contain("This code is already used by another indicator.").And.NotContain("Mã này đã dùng");
        var takenVi = await admin.PostFormAsync("/admin/criteria-sets/ntm-xa/indicators", Form(null, "ntm-xa.3.1", "80"), token);
        WebUtility.HtmlDecode(await takenVi.Content.ReadAsStringAsync()).Should().Contain("Mã này đã dùng cho chỉ tiêu khác.");

        var renamed = await admin.PostFormAsync("/admin/criteria-sets/ntm-xa/indicators?culture=en", Form($"{indicator.Id}", "ntm-xa.3.1-moi", "80"), token);
        renamed.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await renamed.Content.ReadAsStringAsync()).Should().Contain("The code of an existing indicator cannot change").And.NotContain("Không đổi mã");

        var changed = await admin.PostFormAsync("/admin/criteria-sets/ntm-xa/indicators?culture=en", Form($"{indicator.Id}", "ntm-xa.3.1", "90", "2025-Q3", unit: ""), token);
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var english = Versions(await admin.GetStringAsync("/criteria-sets/ntm-xa?culture=en"));
        english.Should().Contain("First version (initial data); added ntm-xa.3.1; added ntm-xa.3.2")
            .And.Contain("changed ntm-xa.3.1 (").And.Contain("unit: % → (empty)").And.Contain("common threshold: 80 → 90");
        Regex.IsMatch(english, "[À-ỹĐđ]").Should().BeFalse($"the English change log has no Vietnamese word: {english}");
        var vietnamese = Versions(await admin.GetStringAsync("/criteria-sets/ntm-xa"));
        vietnamese.Should().Contain("Phiên bản đầu (dữ liệu khởi tạo); thêm ntm-xa.3.1; thêm ntm-xa.3.2")
            .And.Contain("sửa ntm-xa.3.1 (").And.Contain("đơn vị tính: % → (trống)").And.Contain("ngưỡng chung: 80 → 90");

        // The audit entry is stored data: Vietnamese whatever the admin's language.
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.CatalogueChanged && a.IndicatorId == indicator.Id)
            .OrderByDescending(a => a.Id).Select(a => a.OldValue).FirstAsync());
        audit.Should().Contain("ngưỡng chung: 80 → 90");
    }

    [Fact]
    public async Task The_import_preview_tells_changes_and_refusals_in_English()
    {
        var english = await Factory.SignedInClientAsync("admin");
        (await english.GetAsync("/language/en?returnUrl=%2F")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var i = await Factory.WithDbAsync(db => db.Indicators.Where(x => x.Code == "ntm-xa.3.1").Select(x => new { x.Name, Source = x.Source!.Code }).SingleAsync());
        object?[] Row31(string unit, string kind, string comparator, decimal threshold) =>
            [3, "", null, "ntm-xa.3.1", i.Name, unit, kind, comparator, threshold, null, null, null, null, null, null, null, null, i.Source];

        // Unit emptied, kind, comparator and common threshold changed.
        var preview = await UploadAsync(english, "ntm-xa", Utf8(Csv([Headers(ThresholdScheme.Region), Row31("", "số", "<=", 90m)])), "3-1.csv");
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        preview.StatusCode.Should().Be(HttpStatusCode.OK, html);
        var changes = Regex.Match(html, "id=\"changed\".*?</table>", RegexOptions.Singleline).Value;
        changes.Should().Contain("unit: % → (empty)").And.Contain("type: Rate (%) → Number").And.Contain("comparison: ≥ → ≤")
            .And.Contain("common threshold: 80 → 90");
        changes.Should().NotContain("ngưỡng").And.NotContain("trống").And.NotContain("đơn vị tính");

        // A new indicator from 2026-Q1, then the same table from the first version: it enters that version.
        var added = Csv([Headers(ThresholdScheme.Region), [3, "", null, "thu.en.1", "Chỉ tiêu thử (tiếng Anh)", "%", "tỷ lệ %", ">=", 50m, null, null, null, null, null, null, null, null, null]]);
        var later = await UploadAsync(english, "ntm-xa", Utf8(added), "moi.csv", "2026-Q1");
        var laterHtml = await later.Content.ReadAsStringAsync();
        later.StatusCode.Should().Be(HttpStatusCode.OK, laterHtml);
        (await ApplyAsync(english, "ntm-xa", laterHtml)).StatusCode.Should().Be(HttpStatusCode.OK);
        var first = WebUtility.HtmlDecode(await (await UploadAsync(english, "ntm-xa", Utf8(added), "moi.csv")).Content.ReadAsStringAsync());
        Regex.Match(first, "id=\"changed\".*?</table>", RegexOptions.Singleline).Value.Should().Contain("included in this version").And.NotContain("đưa vào");

        // A code of another set, with its row in the file.
        var foreign = await UploadAsync(english, "ntm-xa-nang-cao", Utf8(Csv([Headers(ThresholdScheme.Region), Row31("%", "tỷ lệ %", ">=", 80m)])), "khac.csv");
        var foreignHtml = WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync());
        foreign.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        foreignHtml.Should().Contain("Code ntm-xa.3.1 is already used by an indicator of the set “ntm-xa”: each code is used only once.").And.NotContain("mỗi mã chỉ dùng một lần");
        Regex.Match(foreignHtml, "id=\"import-errors\".*?</table>", RegexOptions.Singleline).Value.Should().MatchRegex(@"\b2\b", "the error names the file's row");

        // More indicators than the set declares (38).
        var numbers = await Factory.WithDbAsync(db => db.Criteria.Where(c => c.CriteriaSet.Code == "ntm-huyen-nang-cao").Select(c => c.Number).ToListAsync());
        var rows = Enumerable.Range(1, 39).Select(n => (object?[])[numbers[n % numbers.Count], "", null, $"thu.huyen.{n}", $"Chỉ tiêu huyện thử {n}", null, "số", ">=", 1m, null, null]);
        var tooMany = await UploadAsync(english, "ntm-huyen-nang-cao", Utf8(Csv([Headers(ThresholdScheme.Common), .. rows])), "huyen.csv");
        var tooManyHtml = WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync());
        tooMany.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, tooManyHtml);
        tooManyHtml.Should().Contain("This set declares 38 indicators; after the change it would have 39").And.NotContain("khai báo");
    }

    [Fact]
    public async Task The_entry_form_says_in_English_which_threshold_applies_and_why()
    {
        var officer = await Factory.SignedInClientAsync("xa.namson");
        static string Why(string html)
        {
            var start = html.IndexOf("data-indicator=\"ntm-xa.3.1\"", StringComparison.Ordinal);
            start.Should().BeGreaterThan(0);
            return WebUtility.HtmlDecode(Regex.Match(html[start..], "class=\"text-muted threshold-why\">([^<]*)<").Groups[1].Value);
        }

        var english = Why(await officer.GetStringAsync("/communes/nam-son/entry/2023-Q3?culture=en"));
        english.Should().Contain("Northern Midlands and Mountains");
        Regex.IsMatch(english, "[À-ỹĐđ]").Should().BeFalse(english);
        Why(await officer.GetStringAsync("/communes/nam-son/entry/2023-Q3")).Should().Contain("Trung du và miền núi phía Bắc").And.Contain("ngưỡng");
    }

    private static string Versions(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "id=\"versions-table\".*?</table>", RegexOptions.Singleline).Value);
}
