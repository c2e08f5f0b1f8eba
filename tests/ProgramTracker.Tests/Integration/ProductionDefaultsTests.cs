using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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

    /// <summary>Issue 28, defect 6: Production over HTTPS tells browsers to use HTTPS only (HSTS, a year); plain HTTP gets no such header.</summary>
    [Fact]
    public async Task Production_over_HTTPS_sends_Strict_Transport_Security_and_plain_HTTP_does_not()
    {
        var https = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example.gov.vn"), AllowAutoRedirect = false });
        var http = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example.gov.vn"), AllowAutoRedirect = false });

        var secure = await https.GetAsync("/account/login");
        var plain = await http.GetAsync("/account/login");

        secure.Headers.GetValues("Strict-Transport-Security").Should().Equal("max-age=31536000; includeSubDomains");
        plain.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
    }

    /// <summary>Defect 16: in Production the data-protection keys are stored encrypted with the configured certificate.</summary>
    [Fact]
    public async Task The_data_protection_keys_are_stored_encrypted_with_the_configured_certificate()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        (await client.GetAsync("/account/login")).StatusCode.Should().Be(HttpStatusCode.OK); // the antiforgery token makes a key

        var keys = await _factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.DataProtectionKeys));

        keys.Should().NotBeEmpty();
        keys.Should().OnlyContain(k => k.Xml!.Contains("encryptedSecret", StringComparison.Ordinal) && !k.Xml.Contains("unencrypted form", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_without_a_certificate_refuses_to_start_and_says_what_to_set()
    {
        await using var bare = new PortalFactory("Postgres", _database.ConnectionString);
        bare.Settings["environment"] = "Production";

        var start = () => bare.Server;

        start.Should().Throw<Exception>().Which.ToString().Should().Contain("DataProtection:Certificate:Path");
        await Task.CompletedTask;
    }

    private sealed class ProductionFactory(string connectionString) : PortalFactory("Postgres", connectionString)
    {
        public static ProductionFactory For(TestDatabase database) => new(database.ConnectionString);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("DataProtection:Certificate:Path", TestCertificate.PfxPath);
            builder.UseSetting("DataProtection:Certificate:Password", TestCertificate.Password);
        }
    }
}
