using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using ProgramTracker.Web.Infrastructure.Security;

namespace ProgramTracker.Tests.Unit;

public sealed class SecurityDefaultsTests
{
    [Theory]
    [InlineData("Production", "Postgres", true)]
    [InlineData("Production", "Sqlite", false)]
    [InlineData("Production", null, false)]
    [InlineData("Development", "Postgres", false)]
    [InlineData("Testing", "Postgres", false)]
    public void Two_factor_is_required_by_default_only_in_Production_on_a_server_database(string environment, string? provider, bool required) =>
        SecurityOptions.Read(Config(("Database:Provider", provider)), Env(environment)).RequireTwoFactor.Should().Be(required);

    [Fact]
    public void Security_RequireTwoFactor_overrides_the_default_both_ways()
    {
        SecurityOptions.Read(Config(("Database:Provider", "Postgres"), ("Security:RequireTwoFactor", "false")), Env("Production")).RequireTwoFactor.Should().BeFalse();
        SecurityOptions.Read(Config(("Security:RequireTwoFactor", "true")), Env("Development")).RequireTwoFactor.Should().BeTrue();
    }

    [Theory]
    [InlineData("Development", "Postgres", true)]
    [InlineData("Development", "Sqlite", true)]
    [InlineData("Testing", "Sqlite", true)]
    [InlineData("Testing", "Postgres", false)]
    [InlineData("Production", "Sqlite", false)]
    [InlineData("Production", "Postgres", false)]
    public void Demo_users_are_seeded_by_default_in_Development_and_the_embedded_default_never_in_Production(string environment, string provider, bool seeded) =>
        SecurityOptions.SeedDemoUsers(Config(("Database:Provider", provider)), Env(environment)).Should().Be(seeded);

    [Fact]
    public void Sign_in_rate_limit_defaults_to_10_a_minute_and_is_configurable()
    {
        var defaults = SecurityOptions.Read(Config(), Env("Production")).SignInRateLimit;
        var raised = SecurityOptions.Read(Config(("Security:SignInRateLimit:PermitLimit", "500"), ("Security:SignInRateLimit:WindowSeconds", "10")), Env("Production")).SignInRateLimit;

        (defaults.PermitLimit, defaults.WindowSeconds).Should().Be((10, 60));
        (raised.PermitLimit, raised.WindowSeconds).Should().Be((500, 10));
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    [InlineData("Testing", false)]
    public void Cookies_are_Secure_outside_Development_and_Testing(string environment, bool secure) =>
        SecurityOptions.SecureCookies(Config(), Env(environment)).Should().Be(secure);

    [Fact]
    public void A_plain_http_server_can_turn_Secure_cookies_off_explicitly() =>
        SecurityOptions.SecureCookies(Config(("Security:SecureCookies", "false")), Env("Production")).Should().BeFalse();

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static IHostEnvironment Env(string name) => new HostingEnvironment { EnvironmentName = name };
}
