using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ProgramTracker.Core.Domain;
using ProgramTracker.Web.Models.CatalogueImport;

namespace ProgramTracker.Tests.Integration;

/// <summary>Builds tables (good and bad) for the import tests, and posts them through the admin's upload form.</summary>
public static partial class SetImportFiles
{
    /// <summary>
    /// The header row of a set's table as docs/catalogue-import.md gives it, written out here (issue 29: not built from the
    /// importer's own column list, so a renamed key fails these tests).
    /// </summary>
    public static string[] Headers(ThresholdScheme scheme) =>
    [
        "Số tiêu chí (criterion)", "Tên tiêu chí (criterion_name)", "Nhóm tiêu chí (group)", "Mã chỉ tiêu (code)", "Nội dung chỉ tiêu (wording)",
        "Đơn vị tính (unit)", "Kiểu giá trị (kind)", "So sánh (comparator)", "Ngưỡng chung (threshold)", "Ngưỡng bằng lời (threshold_text)",
        .. scheme switch
        {
            ThresholdScheme.Region =>
            [
                "Ngưỡng Trung du và miền núi phía Bắc (threshold_tdmnpb)", "Ngưỡng Đồng bằng sông Hồng (threshold_dbsh)", "Ngưỡng Bắc Trung Bộ (threshold_btb)",
                "Ngưỡng Duyên hải Nam Trung Bộ (threshold_dhntb)", "Ngưỡng Tây Nguyên (threshold_tn)", "Ngưỡng Đông Nam Bộ (threshold_dnb)",
                "Ngưỡng Đồng bằng sông Cửu Long (threshold_dbscl)",
            ],
            ThresholdScheme.CommuneGroup => ["Ngưỡng Nhóm 1 (threshold_nhom-1)", "Ngưỡng Nhóm 2 (threshold_nhom-2)", "Ngưỡng Nhóm 3 (threshold_nhom-3)"],
            _ => Array.Empty<string>(),
        },
        "Nguồn (mã) (source)", "Cách gộp quý (combine)", "Lý do cách gộp (combine_reason)",
    ];

    /// <summary>A workbook with one sheet "Chỉ tiêu"; decimals and ints are number cells, strings inline strings, "=..." a formula.</summary>
    public static byte[] Workbook(IReadOnlyList<object?[]> rows, string? merge = null)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var part = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = SetTableWriter.Reference(c, (uint)(r + 1));
                    switch (rows[r][c])
                    {
                        case null:
                            break;
                        case decimal d:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(d), DataType = CellValues.Number });
                            break;
                        case int n:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(n), DataType = CellValues.Number });
                            break;
                        case string s when s.StartsWith('='):
                            row.Append(new Cell { CellReference = reference, CellFormula = new CellFormula(s[1..]), CellValue = new CellValue(80m) });
                            break;
                        case var o:
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(o.ToString()!)) });
                            break;
                    }
                }

                data.Append(row);
            }

            part.Worksheet = merge is null ? new Worksheet(data) : new Worksheet(data, new MergeCells(new MergeCell { Reference = merge }));
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(part), SheetId = 1, Name = "Chỉ tiêu" }));
            wb.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>One row for a Region set: criterion, names, code, wording, unit, kind, comparator, common, text, 7 regions, source.</summary>
    public static object?[] RegionRow(int criterion, string code, string wording, string kind, string comparator, object? common, params object?[] regions)
    {
        var row = new object?[] { criterion, "", "", code, wording, null, kind, comparator, common, null };
        return [.. row, .. Enumerable.Range(0, 7).Select(i => i < regions.Length ? regions[i] : null), null];
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string setCode, byte[] content, string fileName, string? effectiveFrom = null)
    {
        var token = await client.AntiforgeryTokenAsync($"/admin/criteria-sets/{setCode}/import");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(content), "file", fileName },
            { new StringContent(effectiveFrom ?? ""), "effectiveFrom" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync($"/admin/criteria-sets/{setCode}/import", form);
    }

    /// <summary>Posts the preview's "Áp dụng" form.</summary>
    public static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, string setCode, string previewHtml)
    {
        var payload = PayloadField().Match(previewHtml);
        payload.Success.Should().BeTrue("the preview offers Áp dụng");
        var token = TokenField().Match(previewHtml).Groups[1].Value;
        return await client.PostFormAsync($"/admin/criteria-sets/{setCode}/import/apply",
            new Dictionary<string, string> { ["payload"] = WebUtility.HtmlDecode(payload.Groups[1].Value) }, WebUtility.HtmlDecode(token));
    }

    public static string Csv(IEnumerable<object?[]> rows, char separator = ',') =>
        string.Join("\r\n", rows.Select(r => string.Join(separator, r.Select(v => v switch
        {
            null => "",
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            var o => Quote(o.ToString()!, separator),
        }))));

    private static string Quote(string s, char separator) => s.Contains(separator, StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [GeneratedRegex("name=\"payload\" value=\"([^\"]+)\"")]
    private static partial Regex PayloadField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
