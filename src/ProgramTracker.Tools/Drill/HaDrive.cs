using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ProgramTracker.Tools.Bench;

namespace ProgramTracker.Tools.Drill;

/// <summary>
/// The load of the standby drill (scripts/ha-drill.sh): one reviewer, through the proxy, saves the forms of a few communes in
/// turn for a fixed time and reads each form back after every acknowledged save. Each save writes a unique note
/// ("drill-N") into the form's first cell, so that the end state can be checked against what was acknowledged:
/// <list type="bullet">
/// <item>lost: a unit whose stored note is neither its last acknowledged note nor one written after it (a save whose answer
/// was lost may have committed); goal 0;</item>
/// <item>stale: a read, right after an acknowledged save, that does not show it (the other portal, or a cache); goal 0;</item>
/// <item>the longest time between two acknowledged saves: how long the outage lasted as a user saw it.</item>
/// </list>
/// Each event line of <c>--events</c> is "unix-seconds unit note outcome".
/// Usage: <c>ha-drive --base URL --user NAME --password PW --period 2023-Q4 --units a,b --seconds 60 [--events FILE]</c>.
/// </summary>
public static partial class HaDrive
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var (baseUrl, user, password, period, units) = (Arg("--base"), Arg("--user"), Arg("--password"), Arg("--period"), Arg("--units"));
        var seconds = int.TryParse(Arg("--seconds"), CultureInfo.InvariantCulture, out var s) ? s : 60;
        if (baseUrl is null || user is null || password is null || period is null || units is null)
        {
            Console.Error.WriteLine("usage: ha-drive --base URL --user NAME --password PW --period YYYY-Qn --units a,b --seconds N [--events FILE]");
            return 2;
        }

        using var events = Arg("--events") is { } file ? new StreamWriter(file) { AutoFlush = true } : null;
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(2) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(15) };
        var clock = Stopwatch.StartNew();
        while (!await TrySignInAsync(http, user, password))
        {
            if (clock.Elapsed.TotalSeconds > 30)
            {
                Console.Error.WriteLine("ha-drive: sign-in failed for 30 s");
                return 1;
            }

            await Task.Delay(500);
        }

        var slugs = units.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var lastAcked = new Dictionary<string, int>();
        var attemptedAfter = slugs.ToDictionary(u => u, _ => new HashSet<int>());
        int saves = 0, acked = 0, failedRequests = 0, reads = 0, stale = 0, n = 0;
        var lastAckAt = 0.0;
        var longestGap = 0.0;
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var slug = slugs[n % slugs.Length];
            var note = ++n;
            var url = $"/communes/{slug}/entry/{period}";
            string? outcome;
            try
            {
                var html = await http.GetStringAsync(url);
                var form = FormFields(html, $"drill-{note}");
                attemptedAfter[slug].Add(note);
                saves++;
                using var content = new FormUrlEncodedContent(form);
                using var response = await http.PostAsync(url, content);
                var body = response.StatusCode == HttpStatusCode.Redirect ? "" : await response.Content.ReadAsStringAsync();
                outcome = response.StatusCode == HttpStatusCode.Redirect ? null
                    : $"save {(int)response.StatusCode} {WebUtility.HtmlDecode(Refusal().Match(body).Groups[1].Value).Trim()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                outcome = $"save {e.GetType().Name}";
            }

            var at = clock.Elapsed.TotalSeconds;
            if (outcome is not null)
            {
                failedRequests++;
                events?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Unix():F2} {slug} drill-{note} FAILED {outcome}"));
                await Task.Delay(200);
                continue;
            }

            acked++;
            longestGap = Math.Max(longestGap, at - lastAckAt);
            lastAckAt = at;
            lastAcked[slug] = note;
            attemptedAfter[slug].Clear();
            events?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Unix():F2} {slug} drill-{note} acknowledged"));

            // Read it back through the proxy (either portal): an acknowledged save must show at once.
            try
            {
                reads++;
                var back = await http.GetStringAsync(url);
                if (!back.Contains($"value=\"drill-{note}\"", StringComparison.Ordinal))
                {
                    stale++;
                    events?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Unix():F2} {slug} drill-{note} STALE read"));
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failedRequests++;
                events?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Unix():F2} {slug} read FAILED {e.GetType().Name}"));
            }
        }

        // The end state, read through the proxy once the drill is over.
        var lost = 0;
        foreach (var slug in slugs.Where(lastAcked.ContainsKey))
        {
            var html = await http.GetStringAsync($"/communes/{slug}/entry/{period}");
            var stored = FirstNote().Match(html) is { Success: true } m && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var v) ? v : -1;
            if (stored != lastAcked[slug] && !attemptedAfter[slug].Contains(stored))
            {
                lost++;
                Console.WriteLine($"LOST {slug}: stored drill-{stored}, last acknowledged drill-{lastAcked[slug]}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ha-drive RESULT saves={saves} acknowledged={acked} failed_requests={failedRequests} reads={reads} stale={stale} lost={lost} longest_gap_s={longestGap:F2}"));
        return lost == 0 && stale == 0 ? 0 : 1;
    }

    /// <summary>Event times are Unix seconds, so that the drill script can set them against the moments it broke things.</summary>
    private static double Unix() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

    private static async Task<bool> TrySignInAsync(HttpClient http, string user, string password)
    {
        try
        {
            return await PortalSession.SignInAsync(http, user, password);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>
    /// The form's text cells as the browser would post them, every value kept, the first one's note set to <paramref name="note"/>.
    /// Choice cells (a select) are posted with their selected option, as a browser does.
    /// </summary>
    private static List<KeyValuePair<string, string>> FormFields(string html, string note)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", PortalSession.Token(html)) };
        var hidden = Hidden().Matches(html).ToLookup(m => m.Groups["i"].Value);
        var notes = NoteInput().Matches(html).ToDictionary(m => m.Groups["i"].Value, m => WebUtility.HtmlDecode(m.Groups["v"].Value));
        var first = true;
        var raws = RawInput().Matches(html).Select(m => (I: m.Groups["i"].Value, V: WebUtility.HtmlDecode(m.Groups["v"].Value)))
            .Concat(RawSelect().Matches(html).Select(m => (I: m.Groups["i"].Value,
                V: Selected().Match(m.Groups["o"].Value) is { Success: true } o ? WebUtility.HtmlDecode(o.Groups["v"].Value) : "")))
            .OrderBy(c => int.Parse(c.I, CultureInfo.InvariantCulture));
        foreach (var (i, raw) in raws)
        {
            fields.AddRange(hidden[i].Select(h => new KeyValuePair<string, string>(h.Groups["n"].Value, WebUtility.HtmlDecode(h.Groups["v"].Value))));
            fields.Add(new($"Cells[{i}].Raw", raw));
            fields.Add(new($"Cells[{i}].Note", first ? note : notes.GetValueOrDefault(i, "")));
            first = false;
        }

        return fields;
    }

    [GeneratedRegex("name=\"(?<n>Cells\\[(?<i>\\d+)\\]\\.(?:IndicatorId|Version))\" value=\"(?<v>[^\"]*)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("name=\"Cells\\[(?<i>\\d+)\\]\\.Raw\" value=\"(?<v>[^\"]*)\"")]
    private static partial Regex RawInput();

    [GeneratedRegex("name=\"Cells\\[(?<i>\\d+)\\]\\.Note\" value=\"(?<v>[^\"]*)\"")]
    private static partial Regex NoteInput();

    [GeneratedRegex("name=\"Cells\\[(?<i>\\d+)\\]\\.Raw\"[^>]*>(?<o>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex RawSelect();

    [GeneratedRegex("<option value=\"(?<v>[^\"]*)\" selected")]
    private static partial Regex Selected();

    [GeneratedRegex("(?:invalid-feedback d-block|alert alert-danger|id=\"entry-message\")[^>]*>\\s*([^<]{1,200})")]
    private static partial Regex Refusal();

    [GeneratedRegex("name=\"Cells\\[\\d+\\]\\.Note\" value=\"drill-(\\d+)\"")]
    private static partial Regex FirstNote();
}
