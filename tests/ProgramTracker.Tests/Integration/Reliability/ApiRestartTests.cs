using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using ProgramTracker.Tests.Integration.Api;
using Xunit.Abstractions;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Issue 28, defect 5: API saves across a database restart are retried as form posts are; an unknown outcome is problem details, and sending the same PUT again is safe.</summary>
public sealed class ApiRestartTests(ITestOutputHelper output)
{
    private const string Url = "/api/v1/values/ba-che/dtts-nq06/2023-Q4";
    private static readonly string[] Indicators = ["dtts-bhyt", "dtts-huong-nghiep", "dtts-nuoc-hvs", "dtts-dien-an-toan"];

    [Fact]
    public async Task API_saves_across_a_database_restart_are_retried_and_a_resent_PUT_is_not_a_conflict()
    {
        await using var pg = await OwnPostgres.StartAsync();
        await using var f = new PortalFactory("Postgres", pg.ConnectionString("portal"));
        using var api = await f.ApiClientAsync("huyen");
        const int PerWorker = 40;
        var results = new ConcurrentBag<(HttpStatusCode Status, string? ContentType)>();
        var resent = new ConcurrentBag<HttpStatusCode>();
        var last = new ConcurrentDictionary<string, decimal>();
        // Each indicator's first value, one after the other: concurrent first saves of one form race on its summary row.
        foreach (var indicator in Indicators)
        {
            (await PutAsync(api, $$"""{"values":[{"indicator":"{{indicator}}","value":0,"version":0}]}""")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var done = 0;
        var restart = Task.Run(async () =>
        {
            while (Volatile.Read(ref done) < 20)
            {
                await Task.Delay(10);
            }

            await pg.StopServerAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await pg.StartServerAsync();
        });
        var workers = Indicators.Select(indicator => Task.Run(async () =>
        {
            var version = 1;
            for (var j = 1; j <= PerWorker; j++)
            {
                var body = $$"""{"values":[{"indicator":"{{indicator}}","value":{{j}},"note":"lần {{j}}","version":{{version}}}]}""";
                var response = await PutAsync(api, body);
                results.Add((response.StatusCode, response.Content.Headers.ContentType?.MediaType));
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable))
                {
                    output.WriteLine($"{indicator} #{j} at version {version}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    // The outcome is unknown: the client sends the same request again.
                    response = await PutAsync(api, body);
                    resent.Add(response.StatusCode);
                }

                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var saved = (await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!["current"]!["values"]!.AsArray()
                        .Single(v => v!["indicator"]!.GetValue<string>() == indicator)!;
                    version = saved["version"]!.GetValue<int>();
                    last[indicator] = j;
                }

                Interlocked.Increment(ref done);
            }
        })).ToList();
        await Task.WhenAll(workers.Append(restart));

        output.WriteLine($"{results.Count(r => r.Status == HttpStatusCode.OK)} × 200, {results.Count(r => r.Status == HttpStatusCode.ServiceUnavailable)} × 503, resent: {string.Join(",", resent)}");
        results.Select(r => r.Status).Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.ServiceUnavailable);
        results.Where(r => r.Status != HttpStatusCode.OK).Should().NotContain(r => r.ContentType != "application/problem+json");
        results.Count(r => r.Status == HttpStatusCode.OK).Should().BeGreaterThanOrEqualTo(Indicators.Length * PerWorker - 4, "saves are retried, not refused");
        resent.Should().NotContain(s => s != HttpStatusCode.OK, "sending the same PUT again is safe");
        var stored = (await JsonNode.ParseAsync(await (await api.GetAsync(Url)).Content.ReadAsStreamAsync()))!["values"]!.AsArray();
        foreach (var indicator in Indicators)
        {
            stored.Single(v => v!["indicator"]!.GetValue<string>() == indicator)!["value"]!.GetValue<decimal>().Should().Be(last[indicator]);
        }
    }

    [Fact]
    public async Task The_same_PUT_sent_twice_is_applied_once_and_the_second_answer_is_200()
    {
        var (factory, database) = await PortalFactory.OnSeededCopyAsync();
        await using var db = database;
        await using var f = factory;
        using var api = await f.ApiClientAsync("huyen");
        const string body = """{"values":[{"indicator":"dtts-bhyt","value":91.5,"note":" theo rà soát ","version":0}]}""";

        var first = await PutAsync(api, body);
        var again = await PutAsync(api, body);
        var other = await PutAsync(api, """{"values":[{"indicator":"dtts-bhyt","value":92,"version":0}]}""");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        (await JsonNode.ParseAsync(await again.Content.ReadAsStreamAsync()))!["changed"]!.GetValue<int>().Should().Be(0);
        other.StatusCode.Should().Be(HttpStatusCode.Conflict, "another value at an old version is still a conflict");
        (await f.WithDbAsync(d => Task.FromResult(d.AuditEntries.Count(a => a.Action == ProgramTracker.Core.Domain.AuditAction.ValueChanged && a.Note!.Contains("qua API")))))
            .Should().Be(1);
    }

    [Fact]
    public async Task An_API_save_on_a_read_only_database_is_a_503_in_problem_details_that_says_nothing_was_saved()
    {
        var (factory, database) = await PortalFactory.OnSeededCopyAsync();
        await using var db = database;
        await using var f = factory;
        using var api = await f.ApiClientAsync("huyen");
        await using (var admin = new Npgsql.NpgsqlConnection(TestDatabase.ServerConnectionString))
        {
            await admin.OpenAsync();
            await using var readOnly = new Npgsql.NpgsqlCommand($"ALTER DATABASE \"{database.Name}\" SET default_transaction_read_only = on", admin);
            await readOnly.ExecuteNonQueryAsync();
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        var response = await PutAsync(api, """{"values":[{"indicator":"dtts-bhyt","value":91.5,"version":0}]}""");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!["detail"]!.GetValue<string>().Should().Contain("chưa được lưu");
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient api, string json) =>
        api.PutAsync(Url, new StringContent(json, Encoding.UTF8, "application/json"));
}
