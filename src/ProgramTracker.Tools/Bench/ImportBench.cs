using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ProgramTracker.Tools.Bench;

/// <summary>
/// Measures a reviewer's Excel round trip against a running portal over HTTP: sign in, download the multi-unit workbook
/// of a district, change every value cell (as a person filling it would), upload (the dry run), apply. Prints one
/// RESULT line: units, cells, file size, download, preview and apply times.
/// Usage: <c>import-bench --base URL --user NAME --password PW --district SLUG --period 2025-Q4</c>.
/// </summary>
public static partial class ImportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var (baseUrl, user, password, district, period) = (Arg("--base"), Arg("--user"), Arg("--password"), Arg("--district"), Arg("--period"));
        if (baseUrl is null || user is null || password is null || district is null || period is null)
        {
            Console.Error.WriteLine("usage: import-bench --base URL --user NAME --password PW --district SLUG --period YYYY-Qn");
            return 2;
        }

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        if (!await PortalSession.SignInAsync(http, user, password))
        {
            Console.Error.WriteLine($"import-bench: sign-in as {user} failed");
            return 1;
        }

        var query = $"?unit={Uri.EscapeDataString(district)}";
        var watch = Stopwatch.StartNew();
        var workbook = await http.GetAsync($"/entry/{period}/workbook.xlsx{query}");
        if (!workbook.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"import-bench: download answered {(int)workbook.StatusCode}");
            return 1;
        }

        var original = await workbook.Content.ReadAsByteArrayAsync();
        var downloadMs = watch.ElapsedMilliseconds;
        var (edited, units, cells) = ChangeEveryValue(original);

        var token = await PortalSession.TokenAsync(http, $"/entry/{period}/import{query}");
        watch.Restart();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(edited), "file", "bench.xlsx" },
        };
        var preview = await http.PostAsync($"/entry/{period}/import{query}", content);
        var html = await preview.Content.ReadAsStringAsync();
        var previewMs = watch.ElapsedMilliseconds;
        var changes = ChangeCount().Match(html) is { Success: true } m ? m.Groups[1].Value : "?";
        var previewServerMs = ServerMs().Match(html) is { Success: true } sm ? sm.Groups[1].Value : "?";
        Console.WriteLine("preview server steps (cumulative ms): " + (Timings().Match(html) is { Success: true } tm ? tm.Groups[1].Value : "?"));
        var plan = PlanField().Match(html) is { Success: true } p ? WebUtility.HtmlDecode(p.Groups[1].Value) : null;
        if (plan is null)
        {
            Console.Error.WriteLine($"import-bench: the preview answered {(int)preview.StatusCode} with nothing to apply ({changes} changes)");
            foreach (Match e in ErrorRow().Matches(html).Take(5))
            {
                Console.Error.WriteLine("  " + WebUtility.HtmlDecode(e.Groups[1].Value));
            }

            return 1;
        }

        watch.Restart();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["plan"] = plan, ["__RequestVerificationToken"] = token });
        var applied = await http.PostAsync($"/entry/{period}/import/apply", form);
        var applyMs = watch.ElapsedMilliseconds;
        var applyServerMs = applied.Headers.TryGetValues("X-Import-Elapsed-Ms", out var h) ? h.First() : "?";
        Console.WriteLine("apply server steps (cumulative ms): " + (applied.Headers.TryGetValues("X-Import-Timings", out var t) ? t.First() : "?"));
        if (applied.StatusCode != HttpStatusCode.Redirect)
        {
            Console.Error.WriteLine($"import-bench: apply answered {(int)applied.StatusCode}");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT units={units} cells={cells} changes={changes} file-kb={original.Length / 1024} download-ms={downloadMs} preview-ms={previewMs} apply-ms={applyMs} preview-server-ms={previewServerMs} apply-server-ms={applyServerMs} html-kb={html.Length / 1024}"));
        return 0;
    }

    /// <summary>Changes every value cell (column F) of every unit sheet to another valid value of its kind.</summary>
    private static (byte[] File, int Units, int Cells) ChangeEveryValue(byte[] xlsx)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        stream.Position = 0;
        var units = 0;
        var cells = 0;
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var book = doc.WorkbookPart!;
            foreach (var sheet in book.Workbook.Sheets!.Elements<Sheet>().Where(s => s.Name?.Value != "_dau_kiem"))
            {
                units++;
                var part = (WorksheetPart)book.GetPartById(sheet.Id!.Value!);
                foreach (var cell in part.Worksheet.Descendants<Cell>().Where(c => c.CellReference?.Value is { } r && r.StartsWith('F') && RowOf(r) >= 4))
                {
                    cells++;
                    if (cell.DataType?.Value == CellValues.InlineString)
                    {
                        var met = cell.InlineString?.Text?.Text == "Đạt";
                        cell.InlineString = new InlineString(new Text(met ? "Không đạt" : "Đạt"));
                        continue;
                    }

                    var old = decimal.TryParse(cell.CellValue?.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null;
                    // Style 8 is a percentage (0–100); others take any non-negative number, whole for counts and money.
                    var value = cell.StyleIndex?.Value == 8 ? (old == 50 ? 51 : 50) : decimal.Truncate(old ?? 0) + 1;
                    cell.CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        return (stream.ToArray(), units, cells);
    }

    private static int RowOf(string reference) => int.Parse(reference.AsSpan(1), CultureInfo.InvariantCulture);


    [GeneratedRegex("name=\"plan\" value=\"([^\"]+)\"")]
    private static partial Regex PlanField();

    [GeneratedRegex(@"<strong>(\d+) thay đổi</strong>")]
    private static partial Regex ChangeCount();

    [GeneratedRegex("data-timings=\"([^\"]*)\"")]
    private static partial Regex Timings();

    [GeneratedRegex("data-elapsed-ms=\"(\\d+)\"")]
    private static partial Regex ServerMs();

    [GeneratedRegex("<tr class=\"table-danger\">(.*?)</tr>")]
    private static partial Regex ErrorRow();
}
