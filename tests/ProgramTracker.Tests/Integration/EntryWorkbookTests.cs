using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Workflow;
using ProgramTracker.Tests.Integration.Reliability;

namespace ProgramTracker.Tests.Integration;

/// <summary>One portal for the import tests: small upload limits, and test indicators in the advanced commune set.</summary>
public sealed class ImportFixture : SeededPortal
{
    public ImportFixture()
    {
        Settings["Import:MaxFileBytes"] = "2000000";
        Settings["Import:MaxUncompressedBytes"] = "20000000";
        TestIndicatorsIn.Add("ntm-xa-nang-cao");
    }
}

/// <summary>
/// The entry form as a workbook and back: download, edit as a person would, upload, preview, apply. District form of
/// Ba Chẽ 2023-Q3 (the seeded dtts-nq06 indicators) as <c>huyen</c>; the commune path with test indicators.
/// </summary>
public sealed class EntryWorkbookTests(ImportFixture fixture) : IClassFixture<ImportFixture>
{
    private const string Form = "/districts/ba-che/entry/2023-Q3";

    private async Task<HttpClient> Huyen() => await fixture.ClientAsync("huyen");

    private static async Task<byte[]> Download(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(HttpResponseMessage Response, string Html)> Upload(HttpClient client, byte[] file, string name = "bieu-mau.xlsx", string form = Form, string? url = null)
    {
        var response = await client.UploadAsync(form, url ?? form + "/import", file, name);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private Task<int> ValueCount() => fixture.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ValueChanged));

    [Fact]
    public async Task The_workbook_is_protected_with_only_value_and_note_unlocked_a_hidden_stamp_and_number_formats()
    {
        var client = await Huyen();
        var response = await client.GetAsync(Form + "/workbook.xlsx");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var xlsx = await response.Content.ReadAsByteArrayAsync();

        WorkbookEditor.Read(xlsx, book =>
        {
            var wb = book.Document.WorkbookPart!;
            wb.Workbook.WorkbookProtection!.LockStructure!.Value.Should().BeTrue();
            var sheets = wb.Workbook.Sheets!.Elements<Sheet>().ToList();
            sheets.Select(s => s.Name!.Value).Should().Equal("huyện Ba Chẽ", "_dau_kiem");
            sheets[1].State!.Value.Should().Be(SheetStateValues.VeryHidden);

            var sheet = book.Worksheet(0);
            sheet.GetFirstChild<SheetProtection>()!.Sheet!.Value.Should().BeTrue();
            sheet.GetFirstChild<Columns>()!.Elements<Column>().Single(c => c.Min!.Value == 8).Hidden!.Value.Should().BeTrue();
            var row = book.RowOf("dtts-bhyt");
            book.Text(0, $"B{row}").Should().Contain("BHYT");
            // The stored value: the report's 99, or 98.5 once this class's apply test has run (tests run in any order).
            book.Text(0, $"F{row}").Should().BeOneOf("99", "98.5");
            var formats = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
            bool Unlocked(string reference) => formats[(int)book.Cell(0, reference, create: false)!.StyleIndex!.Value].Protection?.Locked?.Value == false;
            Unlocked($"F{row}").Should().BeTrue();
            Unlocked($"G{row}").Should().BeTrue();
            Unlocked($"E{row}").Should().BeFalse();
            Unlocked($"A{row}").Should().BeFalse();
            Unlocked($"H{row}").Should().BeFalse();
            var percent = formats[(int)book.Cell(0, $"F{row}", create: false)!.StyleIndex!.Value].NumberFormatId!.Value;
            wb.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == percent).FormatCode!.Value.Should().Contain("%");
            sheet.GetFirstChild<DataValidations>()!.Elements<DataValidation>().Should().Contain(v => v.Type! == DataValidationValues.Decimal);
            book.Text(0, $"H{row}")!.Length.Should().BeGreaterThan(40, "the stamp is protected, not a bare id");
            return 0;
        });
    }

    [Fact]
    public async Task An_unchanged_workbook_round_trips_to_no_changes()
    {
        var client = await Huyen();
        var xlsx = await Download(client, Form + "/workbook.xlsx");

        var (response, html) = await Upload(client, xlsx);

        response.StatusCode.Should().Be(HttpStatusCode.OK, html);
        html.Should().Contain("Không có thay đổi").And.Contain("0 lỗi");
        ImportClient.PlanToken(html).Should().BeNull("nothing to apply");
    }

    [Fact]
    public async Task A_workbook_downloaded_in_English_imports_the_same_as_the_Vietnamese_one()
    {
        var client = await Huyen();
        var vi = await Download(client, Form + "/workbook.xlsx");
        var en = await Download(client, Form + "/workbook.xlsx?culture=en");
        // 96,5: a value no other test stores, so the preview shows a change whatever ran before (tests run in any order).
        static void Edit(WorkbookEditor b) => b.SetText(0, $"F{b.RowOf("dtts-huong-nghiep")}", "96,5");
        static string Changes(string html) => System.Text.RegularExpressions.Regex.Match(html, "<section class=\"mb-4\" id=\"import-changes\">.*?</section>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;

        var (viResponse, viHtml) = await Upload(client, WorkbookEditor.Edit(vi, Edit));
        var (enResponse, enHtml) = await Upload(client, WorkbookEditor.Edit(en, Edit));
        var (englishResponse, englishHtml) = await Upload(client, WorkbookEditor.Edit(en, Edit), url: Form + "/import?culture=en");

        WorkbookEditor.Read(en, b => (b.Text(0, "A3"), b.Text(0, "F3"), b.SheetNames[0])).Should().Be(("Code", "Value Q3 2023", "Ba Chẽ district"));
        WorkbookEditor.Read(vi, b => (b.Text(0, "A3"), b.Text(0, "F3"))).Should().Be(("Mã", "Giá trị Quý III/2023"));
        (viResponse.StatusCode, enResponse.StatusCode, englishResponse.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), enHtml);
        Changes(viHtml).Should().Contain(" % → <strong>96,5 %</strong>");
        Changes(enHtml).Should().Be(Changes(viHtml), "the language a workbook was downloaded in changes nothing in what it imports");
        englishHtml.Should().Contain("1 change<").And.Contain(" % → <strong>96.5 %</strong>").And.Contain(">Apply</button>").And.NotContain("Áp dụng");
        ImportClient.PlanToken(englishHtml).Should().NotBeNull();
    }

    [Fact]
    public async Task An_unchanged_csv_round_trips_to_no_changes()
    {
        var client = await Huyen();
        var csv = await Download(client, Form + "/workbook.csv");
        Encoding.UTF8.GetString(csv).Should().StartWith("\uFEFFĐơn vị,Mã,Chỉ tiêu");

        var (response, html) = await Upload(client, csv, "bieu-mau.csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK, html);
        html.Should().Contain("Không có thay đổi");
    }

    [Fact]
    public async Task Changed_values_are_previewed_then_applied_in_one_save_audited_as_imported_from_Excel()
    {
        var client = await Huyen();
        var xlsx = await Download(client, Form + "/workbook.xlsx");
        var before = await ValueCount();
        var edited = WorkbookEditor.Edit(xlsx, b =>
        {
            b.SetNumber(0, $"F{b.RowOf("dtts-bhyt")}", 98.5m);
            b.SetText(0, $"F{b.RowOf("dtts-huong-nghiep")}", "97,25");
            b.SetText(0, $"G{b.RowOf("dtts-huong-nghiep")}", "Theo số liệu phòng Lao động");
        });

        var (response, html) = await Upload(client, edited, "ba-che-q3.xlsx");

        response.StatusCode.Should().Be(HttpStatusCode.OK, html);
        html.Should().Contain("2 thay đổi").And.Contain("99 % → <strong>98,5 %</strong>").And.Contain("97,25 %").And.Contain("Áp dụng");
        (await ValueCount()).Should().Be(before, "a preview saves nothing");

        var applied = await client.ApplyAsync(Form, "2023-Q3", ImportClient.PlanToken(html)!);

        applied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        applied.Headers.Location!.OriginalString.Should().Be(Form);
        (await client.GetStringAsync(Form)).Should().Contain("Đã nhập 2 số liệu từ ba-che-q3.xlsx");
        var audit = await fixture.Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ValueChanged).OrderByDescending(a => a.Id).Take(2)
            .Select(a => new { a.Indicator!.Code, a.OldValue, a.NewValue, a.Note, a.UserName }).ToListAsync());
        audit.Should().BeEquivalentTo([
            new { Code = "dtts-huong-nghiep", OldValue = (string?)"100", NewValue = (string?)"97.25", Note = (string?)"nhập từ Excel: ba-che-q3.xlsx · Theo số liệu phòng Lao động", UserName = "huyen" },
            new { Code = "dtts-bhyt", OldValue = (string?)"99", NewValue = (string?)"98.5", Note = (string?)"nhập từ Excel: ba-che-q3.xlsx", UserName = "huyen" },
        ]);
        var stored = await fixture.Factory.WithDbAsync(db => db.IndicatorValues.Where(v => v.Unit.Slug == "ba-che" && v.Period.Year == 2023 && v.Period.Quarter == 3 && v.Indicator.Code == "dtts-bhyt").SingleAsync());
        (stored.Value, stored.UpdatedBy).Should().Be((98.5m, "huyen"));

        // The same plan a second time writes nothing twice: the values are already those of the file.
        var again = await client.ApplyAsync(Form, "2023-Q3", ImportClient.PlanToken(html)!);
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ValueCount()).Should().Be(before + 2);
    }

    [Fact]
    public async Task A_value_saved_in_the_browser_after_the_download_is_a_conflict_with_who_and_when()
    {
        var client = await Huyen();
        var xlsx = await Download(client, Form + "/workbook.xlsx");
        var (unit, period, indicator, version) = await fixture.Factory.WithDbAsync(async db =>
        {
            var v = await db.IndicatorValues.Where(v => v.Unit.Slug == "ba-che" && v.Period.Year == 2023 && v.Period.Quarter == 3 && v.Indicator.Code == "dtts-dien-an-toan").SingleAsync();
            return (v.UnitId, v.PeriodId, v.IndicatorId, v.Version);
        });
        var browser = await fixture.Factory.AsUserAsync<EntryService, SaveResult>("can.bo.khac", s => s.SaveAsync(unit, period, [new CellInput(indicator, 99.5m, null, version)]));
        browser.Outcome.Should().Be(SaveOutcome.Saved);
        var edited = WorkbookEditor.Edit(xlsx, b => b.SetNumber(0, $"F{b.RowOf("dtts-dien-an-toan")}", 97m));

        var (response, html) = await Upload(client, edited);

        response.StatusCode.Should().Be(HttpStatusCode.OK, html);
        html.Should().Contain("1 xung đột").And.Contain("can.bo.khac").And.Contain("97 %").And.Contain("99,5 %").And.Contain("Ghi đè 1 ô xung đột");
        var plan = ImportClient.PlanToken(html)!;

        // Applying without overwriting keeps the browser's value; overwriting on purpose writes the file's.
        (await client.ApplyAsync(Form, "2023-Q3", plan)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Value("dtts-dien-an-toan")).Should().Be(99.5m);
        (await client.ApplyAsync(Form, "2023-Q3", plan, overwrite: true)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Value("dtts-dien-an-toan")).Should().Be(97m);
    }

    [Fact]
    public async Task A_csv_with_a_changed_value_applies()
    {
        var client = await Huyen();
        var csv = Encoding.UTF8.GetString(await Download(client, Form + "/workbook.csv"));
        var lines = csv.Split("\r\n").ToList();
        var i = lines.FindIndex(l => l.StartsWith("ba-che,dtts-truyen-hinh,", StringComparison.Ordinal));
        var fields = System.Text.RegularExpressions.Regex.Matches(lines[i], "(?<=^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)").Select(m => m.Value).ToList();
        fields.Should().HaveCount(9);
        fields[6] = "\"92,5\"";
        lines[i] = string.Join(',', fields);

        var (response, html) = await Upload(client, Encoding.UTF8.GetBytes(string.Join("\r\n", lines)), "tu-he-thong-khac.csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK, html);
        html.Should().Contain("1 thay đổi").And.Contain("92,5 %");
        (await client.ApplyAsync(Form, "2023-Q3", ImportClient.PlanToken(html)!)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Value("dtts-truyen-hinh")).Should().Be(92.5m);
        (await fixture.Factory.WithDbAsync(db => db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Note).FirstAsync())).Should().Be("nhập từ tệp CSV: tu-he-thong-khac.csv");
    }

    public static TheoryData<string, string> BadEdits => new()
    {
        { "nam-muoi", "Không đọc được số" },
        { "ambiguous", "không rõ là 68125" },
        { "formula", "công thức" },
        { "locked", "Ô bị khóa" },
        { "outside", "ngoài vùng nhập" },
        { "stamp", "Dấu kiểm của dòng đã bị sửa" },
        { "code", "không có trong biểu mẫu" },
        { "deleted", "thiếu dòng của chỉ tiêu" },
        { "duplicated", "Dòng trùng với dòng" },
        { "renamed", "đã bị đổi tên" },
        { "stamp-sheet", "Trang dấu kiểm của sổ tính đã bị sửa" },
        { "percent", "Tỷ lệ phải từ 0 đến 100 % (quy tắc «Tỷ lệ trong khoảng 0–100 %»)" }, // the rule's text at preview, not the parser's (issue 25)
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task A_bad_workbook_gets_a_clear_message_located_by_row_and_column_and_nothing_is_saved(string edit, string message)
    {
        var client = await Huyen();
        var xlsx = await Download(client, Form + "/workbook.xlsx");
        var before = await ValueCount();
        var edited = WorkbookEditor.Edit(xlsx, b =>
        {
            var row = b.RowOf("dtts-bhyt");
            b.SetNumber(0, $"F{b.RowOf("dtts-nuoc-hvs")}", 98m); // a valid change beside the bad one: it must not be saved either
            switch (edit)
            {
                case "nam-muoi": b.SetText(0, $"F{row}", "năm mươi"); break;
                case "ambiguous": b.SetText(0, $"F{row}", "68.125"); break;
                case "formula": b.SetFormula(0, $"F{row}", "E5*2", 50m); break;
                case "locked": b.SetText(0, $"D{row}", "≥ 50 %"); break;
                case "outside": b.SetText(0, $"J{row}", "ghi thêm"); break;
                case "stamp":
                    var stamp = b.Text(0, $"H{row}")!;
                    b.SetText(0, $"H{row}", stamp[..20] + (stamp[20] == 'A' ? 'B' : 'A') + stamp[21..]);
                    break;
                case "code": b.SetText(0, $"A{row}", "dtts-khong-co"); break;
                case "deleted": b.DeleteRow(0, row); break;
                case "duplicated": b.DuplicateRow(0, row); break;
                case "renamed": b.RenameSheet(0, "Ba Che"); break;
                case "stamp-sheet": b.SetText(1, "A2", "sửa tay"); break;
                case "percent": b.SetNumber(0, $"F{row}", 120m); break;
            }
        });

        var (response, html) = await Upload(client, edited);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, html);
        WebUtility.HtmlDecode(html).Should().Contain(message).And.Contain("chưa có gì được lưu");
        ImportClient.PlanToken(html).Should().BeNull();
        (await ValueCount()).Should().Be(before);
        if (edit is "nam-muoi" or "ambiguous" or "formula")
        {
            html.Should().MatchRegex(@"<td>huyện Ba Chẽ</td><td>\d+</td><td>F</td>", "the error names sheet, row and column");
        }
    }

    [Fact]
    public async Task Files_that_are_not_the_form_are_refused_with_a_message()
    {
        var client = await Huyen();
        var q2 = await Download(client, "/districts/ba-che/entry/2023-Q2/workbook.xlsx");

        (await Upload(client, Encoding.UTF8.GetBytes("không phải sổ tính"), "so-lieu.xlsx")).Html.Should().Contain("không phải là sổ tính Excel");
        (await Upload(client, Encoding.UTF8.GetBytes("a;b;c\n1;2;3\n"), "so-lieu.csv")).Html.Should().Contain("không có đúng các cột");
        (await Upload(client, [0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3], "cu.xls")).Html.Should().Contain(".xls (Excel 97–2003)");
        WebUtility.HtmlDecode((await Upload(client, q2, "q2.xlsx")).Html).Should().Contain("biểu mẫu của kỳ 2023-Q2, không phải Quý III/2023");
        var big = new byte[2_100_000];
        Random.Shared.NextBytes(big);
        (await Upload(client, big, "lon.xlsx")).Html.Should().Contain("lớn hơn giới hạn");

        // Another unit's workbook on this unit's page.
        var namSon = await Download(client, "/communes/nam-son/entry/2023-Q3/workbook.xlsx");
        var (response, html) = await Upload(client, namSon, "nam-son.xlsx");
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(html).Should().Contain("biểu mẫu của xã Nam Sơn, không phải của huyện Ba Chẽ");
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_before_any_xml_is_parsed()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 25; i++)
            {
                part.Write(zeros);
            }
        }

        buffer.Length.Should().BeLessThan(200_000, "25 MB of zeros compress to almost nothing");
        var (response, html) = await Upload(await Huyen(), buffer.ToArray(), "bom.xlsx");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain("giải nén ra hơn 19 MB");
    }

    [Fact]
    public async Task Nobody_imports_into_a_unit_they_cannot_change_whatever_the_file_says()
    {
        var huyen = await Huyen();
        var district = await Download(huyen, Form + "/workbook.xlsx");
        var officer = await fixture.ClientAsync("xa.namson");
        var leader = await fixture.ClientAsync("lanhdao");

        (await officer.UploadAsync("/communes/nam-son/entry/2023-Q3", Form + "/import", district, "b.xlsx")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.UploadAsync("/communes/nam-son/entry/2023-Q3", "/communes/don-dac/entry/2023-Q3/import", district, "b.xlsx")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.UploadAsync("/communes/nam-son/entry/2023-Q3", "/entry/2023-Q3/import?unit=ba-che", district, "b.xlsx")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await leader.UploadAsync(Form, Form + "/import", district, "b.xlsx")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // A plan made for huyen cannot be applied by someone else.
        var edited = WorkbookEditor.Edit(district, b => b.SetNumber(0, $"F{b.RowOf("dtts-bhyt")}", 90m));
        var plan = ImportClient.PlanToken((await Upload(huyen, edited)).Html)!;
        (await officer.ApplyAsync("/communes/nam-son/entry/2023-Q3", "2023-Q3", plan)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await huyen.ApplyAsync(Form, "2023-Q3", plan + "x")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_reviewers_workbook_holds_every_unit_and_applies_all_units_or_none()
    {
        var client = await Huyen();
        // Đồn Đạc's officer fills its form first (so that it can submit it below), with "Không đạt" where the workbook will say "Đạt".
        await FillAsync("xa.dondac", "/communes/don-dac/entry/2023-Q4", "0");
        var xlsx = await Download(client, "/entry/2023-Q4/workbook.xlsx?unit=ba-che");
        var names = WorkbookEditor.Read(xlsx, b => b.SheetNames);
        // The district's communes; the district's own form is reviewed by the province, so it is not in huyen's workbook.
        names.Should().HaveCount(9).And.NotContain("huyện Ba Chẽ").And.Contain("xã Nam Sơn").And.Contain("xã Đồn Đạc").And.EndWith("_dau_kiem");
        var namSon = names.IndexOf("xã Nam Sơn");
        var donDac = names.IndexOf("xã Đồn Đạc");

        // Reordered sheets are refused.
        (await Upload(client, WorkbookEditor.Edit(xlsx, b => b.SwapFirstTwoSheets()), url: "/entry/2023-Q4/import?unit=ba-che")).Html.Should().Contain("đổi thứ tự");
        // A row copied from another unit's sheet is refused.
        WebUtility.HtmlDecode((await Upload(client, WorkbookEditor.Edit(xlsx, b => b.DuplicateRow(donDac, b.RowOf("ntm-xa-nang-cao.t1", donDac), namSon)), url: "/entry/2023-Q4/import?unit=ba-che")).Html)
            .Should().Contain("được chép từ biểu mẫu của đơn vị hoặc kỳ khác");

        var edited = WorkbookEditor.Edit(xlsx, b =>
        {
            b.SetNumber(namSon, $"F{b.RowOf("ntm-xa-nang-cao.t1", namSon)}", 55m);
            b.SetText(donDac, $"F{b.RowOf("ntm-xa-nang-cao.t3", donDac)}", "Đạt");
        });
        var (response, html) = await Upload(client, edited, "cac-xa.xlsx", "/entry/2023-Q4/import?unit=ba-che", "/entry/2023-Q4/import?unit=ba-che");
        response.StatusCode.Should().Be(HttpStatusCode.OK, html);
        html.Should().Contain("2 thay đổi").And.Contain("xã Nam Sơn").And.Contain("xã Đồn Đạc");
        var plan = ImportClient.PlanToken(html)!;

        // Đồn Đạc submits its set between preview and apply: nothing is saved, not even Nam Sơn's value.
        var setId = await SetIdAsync();
        await (await fixture.ClientAsync("xa.dondac")).WorkflowStepAsync("/communes/don-dac/entry/2023-Q4", setId, "Submit");
        var refused = await client.ApplyAsync(Form, "2023-Q4", plan);
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Should().Contain("Đã gửi");
        (await CommuneValue("nam-son", "ntm-xa-nang-cao.t1")).Should().BeNull();

        // The reviewer returns Đồn Đạc's form: the same plan now applies.
        await client.WorkflowStepAsync("/communes/don-dac/entry/2023-Q4", setId, "Return", "Xem lại tiêu chí quy hoạch");
        var applied = await client.ApplyAsync(Form, "2023-Q4", plan);
        applied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        applied.Headers.Location!.OriginalString.Should().Be("/entry/2023-Q4/import?unit=ba-che");
        (await CommuneValue("nam-son", "ntm-xa-nang-cao.t1")).Should().Be(55m);
        (await CommuneValue("don-dac", "ntm-xa-nang-cao.t3")).Should().Be(1m);
        var summary = await fixture.Factory.WithDbAsync(db => db.AttainmentSummaries.Where(s => s.Unit.Slug == "nam-son" && s.CriteriaSet.Code == "ntm-xa-nang-cao" && s.Period.Year == 2023 && s.Period.Quarter == 4).Select(s => s.ValuesEntered).SingleAsync());
        summary.Should().Be(1, "the attainment summaries follow the import");

        // The reviewer's page lists the units and links the workbook.
        (await client.GetStringAsync("/entry/2023-Q4/import?unit=ba-che")).Should().Contain("xã Nam Sơn").And.Contain("workbook.xlsx?unit=ba-che");
        (await (await fixture.ClientAsync("xa.namson")).GetAsync("/entry/2023-Q4/workbook.xlsx?unit=ba-che")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_submitted_set_refuses_changes_at_preview()
    {
        var client = await Huyen();
        // Thanh Sơn's form, entered and submitted by the district, approved by the administrator (four eyes).
        await FillAsync("huyen", "/communes/thanh-son/entry/2023-Q4", "1");
        await client.WorkflowStepAsync("/communes/thanh-son/entry/2023-Q4", await SetIdAsync(), "Submit");
        await (await fixture.ClientAsync("admin")).WorkflowStepAsync("/communes/thanh-son/entry/2023-Q4", await SetIdAsync(), "Approve");
        var xlsx = await Download(client, "/communes/thanh-son/entry/2023-Q4/workbook.xlsx");
        var edited = WorkbookEditor.Edit(xlsx, b => b.SetNumber(0, $"F{b.RowOf("ntm-xa-nang-cao.t1")}", 60m));

        var (response, html) = await Upload(client, edited, "ts.xlsx", "/communes/thanh-son/entry/2023-Q4");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(html).Should().Contain("đang ở trạng thái Đã duyệt: không thể sửa số liệu");
    }

    private Task<decimal?> Value(string code) => fixture.Factory.WithDbAsync(db => db.IndicatorValues
        .Where(v => v.Unit.Slug == "ba-che" && v.Period.Year == 2023 && v.Period.Quarter == 3 && v.Indicator.Code == code).Select(v => v.Value).SingleAsync());

    private Task<decimal?> CommuneValue(string slug, string code) => fixture.Factory.WithDbAsync(db => db.IndicatorValues
        .Where(v => v.Unit.Slug == slug && v.Period.Year == 2023 && v.Period.Quarter == 4 && v.Indicator.Code == code).Select(v => v.Value).SingleOrDefaultAsync());

    private Task<int> SetIdAsync() => fixture.Factory.WithDbAsync(db => db.CriteriaSets.Where(c => c.Code == "ntm-xa-nang-cao").Select(c => c.Id).SingleAsync());

    /// <summary>Fills the three test indicators of a commune's 2023-Q4 form through the form itself (t3: "1" met, "0" not).</summary>
    private async Task FillAsync(string user, string form, string t3)
    {
        var client = await fixture.ClientAsync(user);
        var cells = await EntryFormPage.CellsAsync(client, form);
        var fields = EntryFormPage.Fields(cells, new() { ["ntm-xa-nang-cao.t1"] = "52", ["ntm-xa-nang-cao.t2"] = "1", ["ntm-xa-nang-cao.t3"] = t3 });
        var saved = await client.PostFormAsync(form, fields, await client.AntiforgeryTokenAsync(form));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
    }
}
