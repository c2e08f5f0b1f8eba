using System.Net;
using ProgramTracker.TestSupport;

namespace ProgramTracker.Tests.Integration;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_configured_limit_get_429_with_a_Vietnamese_page()
    {
        var (factory, database) = await PortalFactory.OnPostgresAsync();
        await using var db = database;
        await using var f = factory;
        f.Settings["Security:SignInRateLimit:PermitLimit"] = "3";
        f.Settings["Security:SignInRateLimit:WindowSeconds"] = "600";
        var client = f.AnonymousClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SignInAsync("lanhdao", "sai-mat-khau")).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        var limited = await client.SignInAsync("lanhdao", PortalClients.DemoPassword);
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).Should().Contain("quá nhiều lần");
        (await client.GetAsync("/account/login")).StatusCode.Should().Be(HttpStatusCode.OK, "only sign-in POSTs are limited");
    }
}
