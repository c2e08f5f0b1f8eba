using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ProgramTracker.Tools.Bench;

/// <summary>
/// Measures the bulk account import (issue 23) against a running portal over HTTP: builds a CSV of officers for the
/// commune-level units given by statistics code (two per commune; when there are fewer communes than
/// <c>--rows</c> needs, the codes repeat, so the file has the country's 6,642 rows before the whole register is seeded),
/// uploads it (the dry run) and applies it. Prints one RESULT line with the row count, file size, dry-run and apply times.
/// Usage: <c>account-bench --base URL --user NAME --password PW --codes 06970,06979,… [--rows 6642] [--prefix bench]</c>.
/// </summary>
public static partial class AccountBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var (baseUrl, user, password, codeList) = (Arg("--base"), Arg("--user"), Arg("--password"), Arg("--codes"));
        if (baseUrl is null || user is null || password is null || string.IsNullOrWhiteSpace(codeList))
        {
            Console.Error.WriteLine("usage: account-bench --base URL --user NAME --password PW --codes 06970,06979,… [--rows 6642] [--prefix bench]");
            return 2;
        }

        var codes = codeList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rows = Math.Max(2 * codes.Length, int.Parse(Arg("--rows") ?? "6642", CultureInfo.InvariantCulture));
        var prefix = Arg("--prefix") ?? "bench";
        var csv = new StringBuilder("Tên đăng nhập,Họ và tên,Email hoặc điện thoại,Vai trò,Mã đơn vị\r\n");
        for (var i = 0; i < rows; i++)
        {
            var code = codes[i / 2 % codes.Length];
            csv.Append(CultureInfo.InvariantCulture, $"{prefix}.{code}.{i + 1},Cán bộ xã {i + 1},{prefix}{i + 1}@example.vn,Cán bộ xã,{code}\r\n");
        }

        var file = Encoding.UTF8.GetBytes(csv.ToString());
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
        if (!await PortalSession.SignInAsync(http, user, password))
        {
            Console.Error.WriteLine($"account-bench: sign-in as {user} failed");
            return 1;
        }

        var token = await PortalSession.TokenAsync(http, "/admin/users/import");
        var watch = Stopwatch.StartNew();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", "bench-accounts.csv" },
        };
        var preview = await http.PostAsync("/admin/users/import", content);
        var html = await preview.Content.ReadAsStringAsync();
        var previewMs = watch.ElapsedMilliseconds;
        if (PayloadField().Match(html) is not { Success: true } payload)
        {
            Console.Error.WriteLine($"account-bench: the dry run answered {(int)preview.StatusCode} with nothing to apply");
            foreach (Match e in ErrorRow().Matches(html).Take(5))
            {
                Console.Error.WriteLine("  " + WebUtility.HtmlDecode(e.Groups[1].Value));
            }

            return 1;
        }

        watch.Restart();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["payload"] = WebUtility.HtmlDecode(payload.Groups[1].Value), ["__RequestVerificationToken"] = PortalSession.Token(html),
        });
        var applied = await http.PostAsync("/admin/users/import/apply", form);
        var done = await applied.Content.ReadAsStringAsync();
        var applyMs = watch.ElapsedMilliseconds;
        if (applied.StatusCode != HttpStatusCode.OK || SheetLink().Match(done) is not { Success: true } sheet)
        {
            Console.Error.WriteLine($"account-bench: apply answered {(int)applied.StatusCode}");
            return 1;
        }

        Console.WriteLine("apply server steps (ms): " + (applied.Headers.TryGetValues("X-Import-Timings", out var t) ? t.First() : "?"));
        var passwords = Encoding.UTF8.GetString(Convert.FromBase64String(WebUtility.HtmlDecode(sheet.Groups[1].Value))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT rows={rows} communes={codes.Length} file-kb={file.Length / 1024} dry-run-ms={previewMs} apply-ms={applyMs} passwords={passwords} payload-kb={payload.Groups[1].Length / 1024}"));
        return passwords == rows ? 0 : 1;
    }

    [GeneratedRegex("name=\"payload\" value=\"([^\"]+)\"")]
    private static partial Regex PayloadField();

    [GeneratedRegex("href=\"data:text/csv;charset=utf-8;base64,([^\"]+)\"")]
    private static partial Regex SheetLink();

    [GeneratedRegex("<tr data-row=\"\\d+\">(.*?)</tr>")]
    private static partial Regex ErrorRow();
}
