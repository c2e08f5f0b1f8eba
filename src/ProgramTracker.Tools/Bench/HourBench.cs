using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ProgramTracker.Tools.Bench;

/// <summary>
/// The country's busiest reporting hour, driven open-loop (issue 24 goal 4): requests arrive at a set rate on a fixed
/// schedule, whether or not earlier ones have answered (not closed-loop clients, which slow down with the server), and the
/// rate steps up. The mix per hour (docs/performance.md, "The reporting hour"): 300 officer sessions (inbox, form ×2,
/// save ×3, submit, commune page), 300 approvals (inbox, form, approve), 500 leader sessions (dashboard ×2, summary,
/// commune page ×2): 5,800 requests, 1.61 a second. For each step it prints one RESULT line per request type and a STEP
/// line; the capacity is the highest step at which every type's p95 ≤ the limit with 0 errors and 0 lost saves.
/// A save opens the form first (not timed, not counted in the mix) and posts every cell changed; it is lost when, read
/// back after the step, the form does not hold the value the portal said it saved.
/// Usage: <c>hour-bench --base URL --password PW --officer U --approver U --leader U --period P --units a,b,c
/// --dashboard SLUG [--multiples 5,10,25,50,100,150] [--seconds 15] [--limit-ms 300] [--rss-pid PID]</c>. With --rss-pid (the
/// portal's process on this machine), each STEP line also gives the portal's RSS at the step's end and its peak so far, so
/// that the step that sets the peak is known.
/// </summary>
public static partial class HourBench
{
    /// <summary>Requests per hour of each type in the modelled peak hour.</summary>
    private static readonly (string Type, int PerHour)[] Mix =
    [
        ("inbox", 600), ("form", 900), ("save", 900), ("submit", 300), ("approve", 300), ("commune-page", 1300), ("dashboard", 1000), ("summary", 500),
    ];

    public const double PeakPerSecond = 5800.0 / 3600.0;

    private const int MinRequestsPerStep = 300;

    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var (baseUrl, password, period, units, dashboard) = (Arg("--base"), Arg("--password"), Arg("--period"), Arg("--units"), Arg("--dashboard"));
        var (officer, approver, leader) = (Arg("--officer"), Arg("--approver"), Arg("--leader"));
        if (baseUrl is null || password is null || period is null || units is null || dashboard is null || officer is null || approver is null || leader is null)
        {
            Console.Error.WriteLine("usage: hour-bench --base URL --password PW --officer U --approver U --leader U --period P --units a,b,c --dashboard SLUG [--multiples 5,10,25,50,100,150] [--seconds 15] [--limit-ms 300]");
            return 2;
        }

        var multiples = (Arg("--multiples") ?? "5,10,25,50,100,150").Split(',').Select(m => double.Parse(m, CultureInfo.InvariantCulture)).ToList();
        var seconds = int.TryParse(Arg("--seconds"), CultureInfo.InvariantCulture, out var s) ? s : 15;
        var limit = double.TryParse(Arg("--limit-ms"), CultureInfo.InvariantCulture, out var l) ? l : 300;
        var slugs = units.Split(',', StringSplitOptions.RemoveEmptyEntries);

        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in new[] { officer, approver, leader }.Distinct())
        {
            var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 256 };
            var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
            if (!await PortalSession.SignInAsync(http, user, password))
            {
                Console.Error.WriteLine($"hour-bench: sign-in as {user} failed");
                return 1;
            }

            clients[user] = http;
        }

        // --only TYPE: that request type alone at the step's rate (what one type costs: bench/run HOUR_PROFILE=1).
        var only = Arg("--only");
        var schedule = Schedule().Where(t => only is null || t == only).ToList();
        if (schedule.Count == 0)
        {
            Console.Error.WriteLine($"hour-bench: no request type '{only}'");
            return 2;
        }
        var best = 0.0;
        var saved = new ConcurrentDictionary<string, string>();
        var lostTotal = 0;
        // Warm-up, not measured: every request type of the mix twice, one after another (the first requests of a freshly
        // started portal compile their code paths and fill its caches; that is start-up, not the reporting hour).
        for (var n = 0; n < 2 * schedule.Count; n++)
        {
            await SendAsync(schedule[n % schedule.Count], n, schedule[n % schedule.Count] is "submit" or "approve" ? slugs[^1] : slugs[0]);
        }

        saved.Clear();
        foreach (var multiple in multiples)
        {
            var rate = multiple * PeakPerSecond;
            var times = Mix.ToDictionary(m => m.Type, _ => new ConcurrentBag<double>());
            var errors = Mix.ToDictionary(m => m.Type, _ => 0);
            var errorLock = new object();
            // At least 300 requests a step, so that a p95 is a p95 and not the slowest of a handful.
            var perType = Mix.ToDictionary(m => m.Type, _ => 0);
            var total = Math.Max((int)Math.Round(rate * seconds), MinRequestsPerStep);
            var pending = new List<Task>(total);
            var started = Stopwatch.StartNew();
            for (var n = 0; n < total; n++)
            {
                // Open loop: the n-th request leaves at n / rate seconds, late or not.
                var due = TimeSpan.FromSeconds(n / rate);
                if (due > started.Elapsed)
                {
                    await Task.Delay(due - started.Elapsed);
                }

                var type = schedule[n % schedule.Count];
                // Saves and forms go to the first half of the units, submits and approvals to the second half: a submitted
                // form is closed to saves, so the two never meet on one unit (the model's officers do not share a form).
                // Each type takes the units in turn by its own count, so that two saves of one unit are a whole round apart.
                var half = Math.Max(1, slugs.Length / 2);
                var k = perType[type]++;
                var unit = type is "submit" or "approve" ? slugs[half + (k % Math.Max(1, slugs.Length - half))] : slugs[k % half];
                var index = n;
                pending.Add(Task.Run(async () =>
                {
                    var (ms, ok) = await SendAsync(type, index, unit);
                    times[type].Add(ms);
                    if (!ok)
                    {
                        lock (errorLock)
                        {
                            errors[type]++;
                        }
                    }
                }));
            }

            await Task.WhenAll(pending);
            var lost = await LostSavesAsync();
            lostTotal += lost;
            var worst = 0.0;
            foreach (var (type, _) in Mix)
            {
                var list = times[type].Order().ToList();
                var p95 = At(list, 0.95);
                worst = Math.Max(worst, p95);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"hour-{type}-x{multiple:0} RESULT p50={At(list, 0.5):F2} p95={p95:F2} rps={list.Count / started.Elapsed.TotalSeconds:F2} errors={errors[type]} max={(list.Count > 0 ? list[^1] : 0):F2} requests={list.Count}"));
            }

            var errorCount = errors.Values.Sum();
            var held = worst <= limit && errorCount == 0 && lost == 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hour-step multiple={multiple:0.##} rate={rate:F2} worst-p95={worst:F2} errors={errorCount} lost-saves={lost} held={(held ? 1 : 0)} seconds={started.Elapsed.TotalSeconds:F1}{Rss(Arg("--rss-pid"))}"));
            if (!held)
            {
                break;
            }

            best = multiple;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hour-capacity {best:0.##}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hour-lost-saves {lostTotal}"));
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        return 0;

        async Task<(double Ms, bool Ok)> SendAsync(string type, int n, string unit)
        {
            var form = $"/communes/{unit}/entry/{period}";
            try
            {
                switch (type)
                {
                    case "inbox":
                        return await GetAsync(clients[n % 2 == 0 ? officer : approver], "/inbox");
                    case "form":
                        return await GetAsync(clients[officer], form);
                    case "commune-page":
                        return await GetAsync(clients[n % 13 < 3 ? officer : leader], $"/communes/{unit}?period={period}");
                    case "dashboard":
                        return await GetAsync(clients[leader], $"/dashboard?unit={dashboard}&period={period}");
                    case "summary":
                        return await GetAsync(clients[leader], $"/reports/summary?unit={dashboard}&period={period}");
                    case "save":
                        return await SaveAsync(clients[officer], unit, form, n);
                    default:
                        // Submit (officer) or approve (approver) the commune's first set; a step the workflow refuses in the unit's
                        // present state (already submitted, nothing to approve) is the portal's answer, not an error: it answers 302.
                        var http = clients[type == "submit" ? officer : approver];
                        var html = await http.GetStringAsync(form);
                        var set = SetField().Match(html);
                        if (!set.Success)
                        {
                            return (0, false);
                        }

                        using (var content = new FormUrlEncodedContent(new Dictionary<string, string>
                               {
                                   ["__RequestVerificationToken"] = PortalSession.Token(html), ["SetId"] = set.Groups[1].Value,
                                   ["Step"] = type == "submit" ? "Submit" : "Approve",
                               }))
                        {
                            var watch = Stopwatch.StartNew();
                            using var response = await http.PostAsync(form + "/workflow", content);
                            return (watch.Elapsed.TotalMilliseconds, response.StatusCode == HttpStatusCode.Redirect);
                        }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return (30_000, false);
            }
        }

        async Task<(double Ms, bool Ok)> SaveAsync(HttpClient http, string unit, string form, int n)
        {
            var html = await http.GetStringAsync(form);
            var cell = CellField().Match(html);
            if (!cell.Success)
            {
                return (0, false);
            }

            // A full-form save as SaveBench's: every cell changed; the numeric cells get a value that names this request.
            var value = string.Create(CultureInfo.InvariantCulture, $"{n % 100}");
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", PortalSession.Token(html)) };
            var versions = VersionField().Matches(html).ToDictionary(m => m.Groups["i"].Value, m => m.Groups["v"].Value);
            foreach (Match c in CellId().Matches(html))
            {
                var index = c.Groups["i"].Value;
                var isChoice = html.Contains($"<select id=\"cell-{c.Groups["id"].Value}\"", StringComparison.Ordinal);
                fields.Add(new($"Cells[{index}].IndicatorId", c.Groups["id"].Value));
                fields.Add(new($"Cells[{index}].Version", versions.GetValueOrDefault(index, "0")));
                fields.Add(new($"Cells[{index}].Raw", isChoice ? (n % 2 == 0 ? "1" : "0") : value));
            }

            using var content = new FormUrlEncodedContent(fields);
            var watch = Stopwatch.StartNew();
            using var response = await http.PostAsync(form, content);
            var ms = watch.Elapsed.TotalMilliseconds;
            // A conflict (another save of the unit got there first, HTTP 409/422) is the portal refusing to overwrite: not a
            // lost save, but counted as an error of the step, since the model's officers do not share a form.
            var ok = response.StatusCode == HttpStatusCode.Redirect;
            if (ok)
            {
                saved[unit] = value;
            }

            return (ms, ok);
        }

        async Task<int> LostSavesAsync()
        {
            var lost = 0;
            foreach (var (unit, value) in saved)
            {
                var html = await clients[officer].GetStringAsync($"/communes/{unit}/entry/{period}");
                var cell = CellField().Match(html);
                var raw = RawField(cell.Groups["i"].Value).Match(html);
                lost += raw.Success && raw.Groups[1].Value == value ? 0 : 1;
            }

            saved.Clear();
            return lost;
        }
    }

    /// <summary>A page read: timed to the last byte; anything but 200 is an error.</summary>
    private static async Task<(double Ms, bool Ok)> GetAsync(HttpClient http, string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        return (watch.Elapsed.TotalMilliseconds, response.StatusCode == HttpStatusCode.OK);
    }

    /// <summary>The mix as a repeating sequence of request types, spread evenly (each type at its share of every 58 requests).</summary>
    private static List<string> Schedule()
    {
        var total = Mix.Sum(m => m.PerHour);
        var unit = 100; // one slot per 100 requests an hour: 58 slots
        var slots = Mix.SelectMany(m => Enumerable.Range(0, m.PerHour / unit).Select(i => (m.Type, Key: (i + 0.5) / (m.PerHour / unit)))).OrderBy(x => x.Key).Select(x => x.Type).ToList();
        return slots.Count == total / unit ? slots : throw new InvalidOperationException("mix");
    }

    private static double At(List<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>" rss-mb=N peak-mb=M" of a process on this machine, or nothing without one (its working set and peak, as /proc gives them).</summary>
    private static string Rss(string? pid)
    {
        try
        {
            using var process = int.TryParse(pid, CultureInfo.InvariantCulture, out var id) ? System.Diagnostics.Process.GetProcessById(id) : null;
            return process is null ? "" : string.Create(CultureInfo.InvariantCulture, $" rss-mb={process.WorkingSet64 >> 20} peak-mb={process.PeakWorkingSet64 >> 20}");
        }
        catch (ArgumentException)
        {
            return ""; // the process has ended
        }
    }

    private static Regex RawField(string index) => new($"name=\"Cells\\[{index}\\]\\.Raw\" value=\"([^\"]*)\"", RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex("name=\"Cells\\[(?<i>\\d+)\\]\\.Raw\" value=\"[^\"]*\" class=\"form-control")]
    private static partial Regex CellField();

    [GeneratedRegex("name=\"Cells\\[(?<i>\\d+)\\]\\.IndicatorId\" value=\"(?<id>\\d+)\"")]
    private static partial Regex CellId();

    [GeneratedRegex("name=\"Cells\\[(?<i>\\d+)\\]\\.Version\" value=\"(?<v>\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("name=\"SetId\" value=\"(\\d+)\"")]
    private static partial Regex SetField();
}
