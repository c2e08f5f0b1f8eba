using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using Xunit.Abstractions;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Fault tests (defect 14): a database restart during saves, and a database that refuses writes.</summary>
public sealed partial class DatabaseFaultTests(ITestOutputHelper output)
{
    private const string Page = "/districts/ba-che/capital/2023-Q4";

    [Fact]
    public async Task A_database_restart_during_200_saves_loses_no_acknowledged_save_and_gives_no_500()
    {
        await using var pg = await OwnPostgres.StartAsync();
        await using var f = new PortalFactory("Postgres", pg.ConnectionString("portal"));
        const int Workers = 4, PerWorker = 50;
        var clients = new List<HttpClient>();
        for (var w = 0; w < Workers; w++)
        {
            clients.Add(await f.SignedInClientAsync("huyen"));
        }

        // Each browser posts its own form (its antiforgery token is bound to its cookie).
        var forms = new List<List<KeyValuePair<string, string>>>();
        foreach (var client in clients)
        {
            var html = await client.GetStringAsync(Page);
            var form = BrowserForm.Fields(html, "capital-form");
            BrowserForm.Set(form, "ProgrammeId", FirstProgramme().Match(html).Groups[1].Value);
            BrowserForm.Set(form, "Measure", "Disbursed");
            forms.Add(form);
        }

        var results = new ConcurrentBag<(int Number, HttpStatusCode Status, TimeSpan Took, TimeSpan Sent, TimeSpan Answered)>();
        var done = 0;
        var clock = Stopwatch.StartNew();
        TimeSpan down = default, up = default;
        var doneAtStop = 0;
        var restart = Task.Run(async () =>
        {
            while (Volatile.Read(ref done) < 60)
            {
                await Task.Delay(10);
            }

            doneAtStop = Volatile.Read(ref done);
            down = clock.Elapsed; // from here on the server is going down
            await pg.StopServerAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await pg.StartServerAsync();
            up = clock.Elapsed; // the server answers again
        });
        var savers = clients.Select((client, w) => Task.Run(async () =>
        {
            for (var j = 0; j < PerWorker; j++)
            {
                var number = (w * PerWorker) + j;
                var fields = new List<KeyValuePair<string, string>>(forms[w]);
                BrowserForm.Set(fields, "Amount", (1_000_000 + number).ToString(System.Globalization.CultureInfo.InvariantCulture));
                BrowserForm.Set(fields, "Description", $"lưu số {number:000}");
                var sent = clock.Elapsed;
                var response = await client.PostAsync(Page, new FormUrlEncodedContent(fields));
                var answered = clock.Elapsed;
                results.Add((number, response.StatusCode, answered - sent, sent, answered));
                Interlocked.Increment(ref done);
            }
        })).ToList();
        await Task.WhenAll(savers.Append(restart));

        var acknowledged = results.Where(r => r.Status == HttpStatusCode.Redirect).Select(r => r.Number).ToList();
        var list = WebUtility.HtmlDecode(await clients[0].GetStringAsync(Page));
        var slow = results.Max(r => r.Took);
        output.WriteLine($"{acknowledged.Count} acknowledged, {results.Count(r => r.Status == HttpStatusCode.ServiceUnavailable)} × 503, slowest {slow.TotalMilliseconds:0} ms, " +
            $"over 1 s: {results.Count(r => r.Took > TimeSpan.FromSeconds(1))}");

        // The fault happened during the work: saves were left when the server went down, some save was in flight across the
        // outage (sent before the server was back, answered after it went down).
        var acrossOutage = results.Count(r => r.Sent < up && r.Answered > down);
        output.WriteLine($"outage {down.TotalMilliseconds:0}–{up.TotalMilliseconds:0} ms; {doneAtStop} saves done before it; {acrossOutage} in flight across it");
        doneAtStop.Should().BeLessThan(Workers * PerWorker, "the restart began while saves were still to come");
        acrossOutage.Should().BeGreaterThan(0, "at least one save was in flight or retried during the outage");
        results.Should().HaveCount(Workers * PerWorker);
        results.Select(r => r.Status).Should().OnlyContain(s => s == HttpStatusCode.Redirect || s == HttpStatusCode.ServiceUnavailable, "a restart is never a 500");
        acknowledged.Where(n => !list.Contains($"lưu số {n:000}", StringComparison.Ordinal)).Should().BeEmpty("no acknowledged save is lost");
        slow.Should().BeLessThan(TimeSpan.FromSeconds(15), "a save waits at most the retry pauses");
    }

    /// <summary>Issue 28, defect 11: the connections pooled before a restart are dead; the health check does not report them as the database.</summary>
    [Fact]
    public async Task The_health_check_is_200_on_the_first_call_after_a_PostgreSQL_restart()
    {
        await using var pg = await OwnPostgres.StartAsync();
        await using var f = new PortalFactory("Postgres", pg.ConnectionString("portal"));
        var client = f.AnonymousClient();
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);

        await pg.StopServerAsync();
        await pg.StartServerAsync();
        var first = await client.GetAsync("/health");

        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_read_only_database_answers_503_at_once_with_a_clear_page_and_pages_still_read()
    {
        var (factory, database) = await PortalFactory.OnSeededCopyAsync();
        await using var db = database;
        await using var f = factory;
        var huyen = await f.SignedInClientAsync("huyen");
        var html = await huyen.GetStringAsync(Page);
        var fields = BrowserForm.Fields(html, "capital-form");
        BrowserForm.Set(fields, "ProgrammeId", FirstProgramme().Match(html).Groups[1].Value);
        BrowserForm.Set(fields, "Measure", "Planned");
        BrowserForm.Set(fields, "Amount", "5.000.000");

        await using (var admin = new NpgsqlConnection(TestDatabase.ServerConnectionString))
        {
            await admin.OpenAsync();
            await using var readOnly = new NpgsqlCommand($"ALTER DATABASE \"{database.Name}\" SET default_transaction_read_only = on", admin);
            await readOnly.ExecuteNonQueryAsync();
        }

        // New sessions see the setting: empty the portal's own pool (its connection string carries the portal's defaults).
        using (var connection = new NpgsqlConnection(ProgramTracker.Core.Data.DatabaseServiceCollectionExtensions.WithPostgresDefaults(database.ConnectionString)))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var watch = Stopwatch.StartNew();
        var save = await huyen.PostAsync(Page, new FormUrlEncodedContent(fields));
        var took = watch.Elapsed;
        var page = await huyen.GetAsync(Page);

        save.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        WebUtility.HtmlDecode(await save.Content.ReadAsStringAsync()).Should().Contain("không nhận ghi").And.Contain("chưa được lưu");
        took.Should().BeLessThan(TimeSpan.FromSeconds(3), "read-only does not pass in seconds: no retry");
        page.StatusCode.Should().Be(HttpStatusCode.OK, "reading still works");
    }

    [GeneratedRegex("<select[^>]*id=\"ProgrammeId\"[^>]*>\\s*<option value=\"\">[^<]*</option>\\s*<option value=\"(\\d+)\"")]
    private static partial Regex FirstProgramme();
}
