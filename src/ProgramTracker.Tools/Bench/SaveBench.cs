using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ProgramTracker.Tools.Bench;

/// <summary>
/// Measures full-form saves of different communes over HTTP, first by one client (the communes in turn), then by one
/// client per commune at once (issue 13, goal 4). Each save is what a person does: open the form, change every cell,
/// save; only the save (POST) is timed, and a save that does not answer 302 counts as an error. Prints two RESULT lines.
/// Usage: <c>save-bench --base URL --user NAME --password PW --period 2025-Q4 --units a,b,c [--rounds 5]</c>.
/// </summary>
public static partial class SaveBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var (baseUrl, user, password, period, units) = (Arg("--base"), Arg("--user"), Arg("--password"), Arg("--period"), Arg("--units"));
        var rounds = int.TryParse(Arg("--rounds"), CultureInfo.InvariantCulture, out var r) ? r : 5;
        if (baseUrl is null || user is null || password is null || period is null || units is null)
        {
            Console.Error.WriteLine("usage: save-bench --base URL --user NAME --password PW --period YYYY-Qn --units a,b,c [--rounds N]");
            return 2;
        }

        var slugs = units.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = slugs.Length + 1 };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        if (!await PortalSession.SignInAsync(http, user, password))
        {
            Console.Error.WriteLine($"save-bench: sign-in as {user} failed");
            return 1;
        }

        var singleErrors = 0;
        var single = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var slug in slugs)
            {
                var (ms, ok) = await SaveOnceAsync(http, slug, period, round);
                single.Add(ms);
                singleErrors += ok ? 0 : 1;
            }
        }

        var errors = 0;
        var concurrent = new List<double>();
        var clients = slugs.Select(async slug =>
        {
            var times = new List<double>();
            var failed = 0;
            // Rounds offset by the client's place so that the values differ from the single-client run.
            for (var round = rounds; round < 2 * rounds; round++)
            {
                var (ms, ok) = await SaveOnceAsync(http, slug, period, round);
                times.Add(ms);
                failed += ok ? 0 : 1;
            }

            return (times, failed);
        });
        foreach (var (times, failed) in await Task.WhenAll(clients))
        {
            concurrent.AddRange(times);
            errors += failed;
        }

        Console.WriteLine(Result("save-single", single, singleErrors, slugs.Length));
        Console.WriteLine(Result("save-concurrent", concurrent, errors, slugs.Length));
        return singleErrors + errors == 0 ? 0 : 1;
    }

    private static string Result(string name, List<double> times, int errors, int units)
    {
        times.Sort();
        double At(double q) => times[Math.Clamp((int)Math.Ceiling(q * times.Count) - 1, 0, times.Count - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{name} RESULT p50={At(0.5):F2} p95={At(0.95):F2} rps=0 errors={errors} max={times[^1]:F2} saves={times.Count} units={units}");
    }

    /// <summary>Opens the form, changes every cell to another valid value, saves; returns the save's time and whether it saved.</summary>
    private static async Task<(double Ms, bool Ok)> SaveOnceAsync(HttpClient http, string slug, string period, int round)
    {
        var url = $"/communes/{slug}/entry/{period}";
        var html = await http.GetStringAsync(url);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", PortalSession.Token(html)),
        };
        var versions = VersionField().Matches(html).ToDictionary(m => m.Groups["i"].Value, m => m.Groups["v"].Value);
        foreach (Match cell in CellId().Matches(html))
        {
            var index = cell.Groups["i"].Value;
            var version = versions.GetValueOrDefault(index, "0");
            var isChoice = html.Contains($"<select id=\"cell-{cell.Groups["id"].Value}\"", StringComparison.Ordinal);
            fields.Add(new($"Cells[{index}].IndicatorId", cell.Groups["id"].Value));
            fields.Add(new($"Cells[{index}].Version", version));
            fields.Add(new($"Cells[{index}].Raw", isChoice ? (round % 2 == 0 ? "1" : "0") : (round % 2 == 0 ? "50" : "51")));
        }

        using var content = new FormUrlEncodedContent(fields);
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync(url, content);
        var ms = watch.Elapsed.TotalMilliseconds;
        return (ms, response.StatusCode == HttpStatusCode.Redirect && fields.Count > 1);
    }


    [GeneratedRegex("name=\"Cells\\[(?<i>\\d+)\\]\\.IndicatorId\" value=\"(?<id>\\d+)\"")]
    private static partial Regex CellId();

    [GeneratedRegex("name=\"Cells\\[(?<i>\\d+)\\]\\.Version\" value=\"(?<v>\\d+)\"")]
    private static partial Regex VersionField();
}
