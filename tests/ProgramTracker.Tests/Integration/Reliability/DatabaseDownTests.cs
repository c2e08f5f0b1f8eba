using System.Net.Sockets;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Defect 14: a database that does not answer gives 503 with the Vietnamese "thử lại" page, never 500; /health says 503 at once.</summary>
public sealed class DatabaseDownTests
{
    [Fact]
    public async Task Requests_get_503_with_a_retry_page_and_health_says_503_when_the_database_does_not_answer()
    {
        // A port where nothing listens: every connection is refused, as during a database restart.
        var port = FreePort();
        await using var factory = new PortalFactory("Postgres", $"Host=127.0.0.1;Port={port};Database=x;Username=x;Password=x;Timeout=2");
        factory.Settings["Database:Initialize"] = "false";
        var client = factory.AnonymousClient();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var health = await client.GetAsync("/health");
        var healthTook = watch.Elapsed;
        // The sign-in page needs the data-protection keys, which live in the database: it runs again for a few seconds
        // (DatabaseRetry), then answers 503.
        var signIn = await client.GetAsync("/account/login");

        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        healthTook.Should().BeLessThan(TimeSpan.FromSeconds(5), "/health says 503 at once");
        signIn.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await signIn.Content.ReadAsStringAsync()).Should().Contain("Hệ thống tạm thời bận").And.Contain("thử lại");
    }

    [Fact]
    public void A_bug_is_still_500_and_an_unreachable_database_is_503()
    {
        ProgramTracker.Web.Infrastructure.DatabaseFailures.StatusCode(new InvalidOperationException("bug")).Should().Be(500);
        ProgramTracker.Web.Infrastructure.DatabaseFailures.StatusCode(new InvalidOperationException("wrapped", new Npgsql.NpgsqlException("refused", new SocketException(111)))).Should().Be(503);
        ProgramTracker.Web.Infrastructure.DatabaseFailures.StatusCode(new Npgsql.PostgresException("bad column", "ERROR", "ERROR", "42703")).Should().Be(500);
        ProgramTracker.Web.Infrastructure.DatabaseFailures.StatusCode(new Npgsql.PostgresException("shutting down", "FATAL", "FATAL", "57P01")).Should().Be(503);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
