using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ProgramTracker.TestSupport;

namespace ProgramTracker.Tests.Integration;

/// <summary>The portal as Production runs it on PostgreSQL, over HTTPS (as behind its TLS front end).</summary>
public sealed class ProductionDefaultsTests : IAsyncLifetime
{
    private ProductionFactory _factory = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = ProductionFactory.For(_database);
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Cookies_are_Secure_HttpOnly_and_Lax_and_admins_must_set_up_two_factor()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var login = await client.GetAsync("/account/login");
        var signIn = await client.SignInAsync("admin", PortalClients.DemoPassword);
        var page = await client.GetAsync("/communes");

        login.Headers.GetValues("Set-Cookie").Should().ContainSingle(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal))
            .Which.Should().Contain("secure").And.Contain("httponly").And.Contain("samesite=lax");
        signIn.Headers.GetValues("Set-Cookie").Should().ContainSingle(c => c.StartsWith(".ProgramTracker.Auth=", StringComparison.Ordinal))
            .Which.Should().Contain("secure").And.Contain("httponly").And.Contain("samesite=lax");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.Should().Be("/account/two-factor");
    }

    private sealed class ProductionFactory(string connectionString) : PortalFactory("Postgres", connectionString)
    {
        public static ProductionFactory For(TestDatabase database) => new(database.ConnectionString);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
