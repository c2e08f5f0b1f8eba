using System.Diagnostics;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using ProgramTracker.Core.Catalogue;
using ProgramTracker.Core.Domain;
using ProgramTracker.Web.Models.CatalogueImport;
using Xunit.Abstractions;
using static ProgramTracker.Tests.Integration.SetImportFiles;

namespace ProgramTracker.Tests.Integration;

/// <summary>A set's table out and back in: the round trip, every refused file, and a province's full table in one go.</summary>
public sealed class SetImportTests(SeededPortal fixture, ITestOutputHelper output) : IClassFixture<SeededPortal>
{
    private readonly PortalFactory _factory = fixture.Factory;

    [Fact]
    public async Task A_table_downloaded_in_English_imports_the_same_as_the_Vietnamese_one()
    {
        var admin = await _factory.SignedInClientAsync("admin");
        var english = await _factory.SignedInClientAsync("admin");
        (await english.GetAsync("/language/en?returnUrl=%2F")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var xlsx = await english.GetByteArrayAsync("/criteria-sets/ntm-xa/export.xlsx");
        var csv = await english.GetByteArrayAsync("/criteria-sets/ntm-xa/export.csv");

        System.Text.Encoding.UTF8.GetString(csv).Should().Contain("Indicator code (code)").And.Contain("Threshold Northern Midlands and Mountains (threshold_tdmnpb)").And.NotContain("Mã chỉ tiêu");
        foreach (var (client, bytes, name, nothing) in new[] { (admin, xlsx, "en.xlsx", "Không có thay đổi"), (admin, csv, "en.csv", "Không có thay đổi"), (english, xlsx, "en.xlsx", "No changes"), (english, csv, "en.csv", "No changes") })
        {
            var html = await (await UploadAsync(client, "ntm-xa", bytes, name)).Content.ReadAsStringAsync();
            html.Should().Contain(nothing, name).And.Contain("id=\"count-unchanged\">12<", name);
        }
    }

    [Fact]
    public async Task Export_of_ntm_xa_imports_back_with_no_change_and_applying_it_changes_nothing()
    {
        var admin = await _factory.SignedInClientAsync("admin");
        var before = await SnapshotAsync("ntm-xa");
        var export = await admin.GetAsync("/criteria-sets/ntm-xa/export.xlsx");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.Should().Be(SetTableWriter.XlsxContentType);
        var bytes = await export.Content.ReadAsByteArrayAsync();

        var preview = await UploadAsync(admin, "ntm-xa", bytes, "ntm-xa.xlsx");
        var html = await preview.Content.ReadAsStringAsync();
        preview.StatusCode.Should().Be(HttpStatusCode.OK, html);
        html.Should().Contain("Không có thay đổi").And.Contain("id=\"count-unchanged\">12<").And.NotContain("name=\"payload\"");

        var csv = await admin.GetByteArrayAsync("/criteria-sets/ntm-xa/export.csv");
        var csvHtml = await (await UploadAsync(admin, "ntm-xa", csv, "ntm-xa.csv")).Content.ReadAsStringAsync();
        csvHtml.Should().Contain("Không có thay đổi").And.Contain("id=\"count-unchanged\">12<");

        // Applying the same rows through the same door writes nothing either.
        var result = await _factory.WithServiceAsync<SetTableImporter, ParsedImport>(async importer =>
        {
            var set = await _factory.WithDbAsync(db => db.CriteriaSets.Include(s => s.Criteria).SingleAsync(s => s.Code == "ntm-xa"));
            return await importer.ParseAsync(set, new FormFile(new MemoryStream(bytes), 0, bytes.Length, "file", "ntm-xa.xlsx"), ProgramTracker.Core.Localization.Formats.Vietnamese, default);
        });
        result.Errors.Should().BeEmpty();
        result.Rows.Should().HaveCount(12);
        var applied = await _factory.AsUserAsync<CatalogueService, CatalogueChangeResult>("admin", c => c.ApplyAsync("ntm-xa", result.Rows, null, "thử", ProgramTracker.Core.Localization.Formats.Vietnamese));
        applied.Ok.Should().BeTrue();
        applied.HasChanges.Should().BeFalse();
        (await SnapshotAsync("ntm-xa")).Should().Be(before);

        var template = await admin.GetAsync("/criteria-sets/ntm-xa-2026/template.xlsx");
        template.StatusCode.Should().Be(HttpStatusCode.OK);
        var setPage = await (await _factory.SignedInClientAsync("xa.namson")).GetStringAsync("/criteria-sets/ntm-xa");
        setPage.Should().Contain("/criteria-sets/ntm-xa/export.xlsx").And.Contain("/criteria-sets/ntm-xa/template.xlsx").And.NotContain("/import\"");
        (await admin.GetStringAsync("/criteria-sets/ntm-xa")).Should().Contain("/admin/criteria-sets/ntm-xa/import");
        (await (await _factory.SignedInClientAsync("xa.namson")).GetAsync("/admin/criteria-sets/ntm-xa/import")).StatusCode
            .Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "not-a-workbook", "không phải bảng tính Excel .xlsx hợp lệ" },
        { "zip-not-workbook", "không phải bảng tính Excel .xlsx hợp lệ" },
        { "pdf-named-pdf", "không phải bảng tính" },
        { "empty-workbook", "Bảng tính trống" },
        { "header-only", "không có dòng chỉ tiêu nào" },
        { "password", "được đặt mật khẩu" },
        { "missing-column", "Thiếu cột “Kiểu giá trị (kind)”" },
        { "renamed-column", "Cột “Mã (ma)” không có trong mẫu" },
        { "duplicate-codes", "Mã x.dup trùng với dòng 2" },
        { "unknown-kind", "Kiểu “phần trăm” không có" },
        { "unknown-comparator", "Phép so sánh “&gt;&gt;” không có" },
        { "threshold-abc", "“abc” không phải số" },
        { "threshold-percent-101", "Tỷ lệ phải từ 0 đến 100 (%)." },
        { "threshold-zone-101", "Tỷ lệ phải từ 0 đến 100 (%)." },
        { "threshold-decimals", "Nhập tối đa 4 chữ số thập phân." },
        { "formula", "Ô I2 chứa công thức" },
        { "merged", "Bảng có ô gộp (A2:C2)" },
        { "rows-20000", "Bảng có hơn 2.000 dòng chỉ tiêu" },
        { "too-large", "vượt giới hạn 5 MB" },
        { "zip-bomb", "Tệp nén bất thường" },
        { "zip-many-entries", "Tệp nén bất thường" },
        { "csv-not-utf8", "phải mã hóa UTF-8" },
        { "unknown-criterion", "Bộ này không có tiêu chí số 99" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_gets_a_clear_message_and_changes_nothing(string kind, string message)
    {
        var admin = await _factory.SignedInClientAsync("admin");
        var before = await SnapshotAsync("ntm-xa");
        var (bytes, name) = Bad(kind);

        var response = await UploadAsync(admin, "ntm-xa", bytes, name);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, html.Length > 3000 ? html[..3000] : html);
        html.Should().Contain("Chưa có gì thay đổi").And.Contain(message).And.NotContain("name=\"payload\"");
        (await SnapshotAsync("ntm-xa")).Should().Be(before);
    }

    [Fact]
    public async Task A_tampered_or_foreign_payload_is_refused()
    {
        var admin = await _factory.SignedInClientAsync("admin");
        var token = await admin.AntiforgeryTokenAsync("/admin/criteria-sets/ntm-xa/import");
        var response = await admin.PostFormAsync("/admin/criteria-sets/ntm-xa/import/apply", new() { ["payload"] = "abc" }, token);
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("hết hạn hoặc không hợp lệ");
    }

    [Fact]
    public async Task A_province_table_of_75_indicators_by_7_regions_imports_in_one_go()
    {
        var admin = await _factory.SignedInClientAsync("admin");
        var numbers = await _factory.WithDbAsync(db => db.Criteria.Where(c => c.CriteriaSet.Code == "ntm-xa-nang-cao").OrderBy(c => c.Number).Select(c => c.Number).ToListAsync());
        numbers.Should().HaveCount(19);
        var rows = new List<object?[]> { Headers(ThresholdScheme.Region) };
        for (var i = 0; i < 75; i++)
        {
            var criterion = numbers[i % numbers.Count];
            var percent = i % 3 != 0;
            rows.Add(RegionRow(criterion, $"qn-nc.{criterion}.{i / numbers.Count + 1}", $"Chỉ tiêu nâng cao số {i + 1} của tiêu chí {criterion} (thử)",
                percent ? "tỷ lệ %" : "số", i % 5 == 0 ? "<=" : ">=", percent ? 90m : 50m,
                Enumerable.Range(0, 7).Select(r => (object?)((percent ? 80m : 40m) + r)).ToArray()));
        }

        var watch = Stopwatch.StartNew();
        var preview = await UploadAsync(admin, "ntm-xa-nang-cao", Workbook(rows), "quang-ninh-nang-cao.xlsx");
        var html = await preview.Content.ReadAsStringAsync();
        var previewMs = watch.ElapsedMilliseconds;
        preview.StatusCode.Should().Be(HttpStatusCode.OK, html);
        html.Should().Contain("id=\"count-added\">75<");
        watch.Restart();
        var applied = await ApplyAsync(admin, "ntm-xa-nang-cao", html);
        var appliedHtml = await applied.Content.ReadAsStringAsync();
        output.WriteLine($"75 × 7 table into ntm-xa-nang-cao: preview {previewMs} ms, apply {watch.ElapsedMilliseconds} ms");
        applied.StatusCode.Should().Be(HttpStatusCode.OK, appliedHtml);
        appliedHtml.Should().Contain("Đã áp dụng: thêm 75");

        var counts = await _factory.WithDbAsync(async db => (
            Indicators: await db.Indicators.CountAsync(i => i.Criterion.CriteriaSet.Code == "ntm-xa-nang-cao"),
            Thresholds: await db.Set<IndicatorThreshold>().CountAsync(t => t.Version.CriteriaSet.Code == "ntm-xa-nang-cao"),
            Versions: await db.CriteriaSetVersions.CountAsync(v => v.CriteriaSet.Code == "ntm-xa-nang-cao")));
        counts.Should().Be((75, 75 * 8, 1));

        // The export of what was imported imports back with no change.
        var again = await UploadAsync(admin, "ntm-xa-nang-cao", await admin.GetByteArrayAsync("/criteria-sets/ntm-xa-nang-cao/export.xlsx"), "lai.xlsx");
        (await again.Content.ReadAsStringAsync()).Should().Contain("Không có thay đổi").And.Contain("id=\"count-unchanged\">75<");
    }

    private static (byte[] Bytes, string Name) Bad(string kind)
    {
        var header = Headers(ThresholdScheme.Region);
        object?[] Good(string code = "x.1") => RegionRow(3, code, "Chỉ tiêu thử", "tỷ lệ %", ">=", 80m);
        byte[] Book(params object?[][] rows) => Workbook([header, .. rows]);
        switch (kind)
        {
            case "not-a-workbook": return (Utf8("Đây là một đoạn văn bản, không phải bảng tính."), "bang.xlsx");
            case "pdf-named-pdf": return (Utf8("%PDF-1.4 ..."), "bang.pdf");
            case "zip-not-workbook":
                {
                    using var ms = new MemoryStream();
                    using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
                    {
                        using var w = new StreamWriter(zip.CreateEntry("readme.txt").Open());
                        w.Write("xin chào");
                    }

                    return (ms.ToArray(), "bang.xlsx");
                }

            case "empty-workbook": return (Workbook([]), "trong.xlsx");
            case "header-only": return (Book(), "tieu-de.xlsx");
            case "password": return ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]], "mat-khau.xlsx");
            case "missing-column": return (Workbook([header.Where(h => !h.EndsWith("(kind)", StringComparison.Ordinal)).ToArray(), Good().Where((_, i) => i != 6).ToArray()]), "thieu.xlsx");
            case "renamed-column": return (Workbook([header.Select(h => h.EndsWith("(code)", StringComparison.Ordinal) ? "Mã (ma)" : h).ToArray(), Good()]), "doi-ten.xlsx");
            case "duplicate-codes": return (Book(Good("x.dup"), Good("x.dup")), "trung.xlsx");
            case "unknown-kind": return (Book(RegionRow(3, "x.1", "Thử", "phần trăm", ">=", 80m)), "kieu.xlsx");
            case "unknown-comparator": return (Book(RegionRow(3, "x.1", "Thử", "tỷ lệ %", ">>", 80m)), "so-sanh.xlsx");
            case "threshold-abc": return (Book(RegionRow(3, "x.1", "Thử", "tỷ lệ %", ">=", "abc")), "abc.xlsx");
            // Issue 28, defect 4: a threshold is read by the entry's rules for its kind, not rounded or kept out of range.
            case "threshold-percent-101": return (Book(RegionRow(3, "x.1", "Thử", "tỷ lệ %", ">=", 101m)), "tren-100.xlsx");
            case "threshold-zone-101": return (Book(RegionRow(3, "x.1", "Thử", "tỷ lệ %", ">=", 80m, 101m)), "vung-tren-100.xlsx");
            case "threshold-decimals": return (Book(RegionRow(3, "x.1", "Thử", "số", ">=", 12.34567m)), "nhieu-so-le.xlsx");
            case "formula": return (Book(RegionRow(3, "x.1", "Thử", "tỷ lệ %", ">=", "=40*2")), "cong-thuc.xlsx");
            case "merged": return (Workbook([header, Good()], merge: "A2:C2"), "gop.xlsx");
            case "rows-20000": return (Workbook([header, .. Enumerable.Range(0, 20000).Select(i => Good($"x.{i}"))]), "lon.xlsx");
            case "too-large": return ([.. Utf8(string.Join(",", header) + "\r\n"), .. new byte[6 * 1024 * 1024]], "qua-lon.csv");
            case "zip-bomb":
                {
                    using var ms = new MemoryStream();
                    using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
                    {
                        using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
                        var zeros = new byte[1024 * 1024];
                        for (var i = 0; i < 200; i++)
                        {
                            s.Write(zeros);
                        }
                    }

                    return (ms.ToArray(), "bom.xlsx");
                }

            case "zip-many-entries":
                {
                    using var ms = new MemoryStream();
                    using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
                    {
                        for (var i = 0; i < 5000; i++)
                        {
                            zip.CreateEntry($"x/{i}.xml");
                        }
                    }

                    return (ms.ToArray(), "nhieu.xlsx");
                }

            case "csv-not-utf8": return ([.. Utf8(string.Join(",", header) + "\r\n3,,,x.1,"), 0xC0, 0xFF, 0xFE], "cu.csv");
            case "unknown-criterion": return (Book(RegionRow(99, "x.1", "Thử", "tỷ lệ %", ">=", 80m)), "tieu-chi.xlsx");
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private Task<string> SnapshotAsync(string setCode) => _factory.WithDbAsync(async db =>
    {
        var thresholds = await db.Set<IndicatorThreshold>().Where(t => t.Version.CriteriaSet.Code == setCode)
            .OrderBy(t => t.VersionId).ThenBy(t => t.IndicatorId).ThenBy(t => t.Zone)
            .Select(t => $"{t.VersionId}/{t.IndicatorId}/{t.Zone}/{t.Comparator}/{t.Value}/{t.Text}").ToListAsync();
        var versions = await db.CriteriaSetVersions.CountAsync(v => v.CriteriaSet.Code == setCode);
        var indicators = await db.Indicators.Where(i => i.Criterion.CriteriaSet.Code == setCode).OrderBy(i => i.Code)
            .Select(i => $"{i.Code}/{i.Name}/{i.Unit}/{i.ValueType}/{i.SourceId}").ToListAsync();
        var audit = await db.AuditEntries.CountAsync();
        return $"v{versions} a{audit}\n{string.Join("\n", indicators)}\n{string.Join("\n", thresholds)}";
    });
}
