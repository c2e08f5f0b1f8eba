namespace ProgramTracker.Tests.Integration;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_configured_limit_get_429_with_a_Vietnamese_page()
    {
        var (factory, database) = await PortalFactory.OnSeededCopyAsync(PortalFactory.SignInLimit(3));
        await using var db = database;
        await using var f = factory;
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

    /// <summary>Issue 28, defect 11: a refused sign-in says when to try again (Retry-After: the seconds left in the window).</summary>
    [Fact]
    public async Task A_refused_sign_in_says_when_to_try_again_in_Retry_After()
    {
        var (factory, database) = await PortalFactory.OnSeededCopyAsync(PortalFactory.SignInLimit(1));
        await using var db = database;
        await using var f = factory;
        var client = f.AnonymousClient();

        await client.SignInAsync("lanhdao", "sai-mat-khau");
        var limited = await client.SignInAsync("lanhdao", "sai-mat-khau");

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(600));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_address_has_its_own_sign_in_limit()
    {
        var (factory, database) = await PortalFactory.OnSeededCopyAsync(PortalFactory.SignInLimit(2));
        await using var db = database;
        await using var f = factory;
        f.Settings["Security:TrustForwardedHeaders"] = "true";

        var first = await AttemptsAsync(f, "203.0.113.10", 3);
        var second = await AttemptsAsync(f, "203.0.113.20", 2);

        first.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        second.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK);
    }

    private static async Task<List<HttpStatusCode>> AttemptsAsync(PortalFactory factory, string clientAddress, int count)
    {
        var client = factory.AnonymousClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await client.SignInAsync("lanhdao", "sai-mat-khau")).StatusCode);
        }

        return statuses;
    }
}
