namespace ProgramTracker.Web.Infrastructure.Security;

/// <summary>
/// The "Security" configuration section. Defaults depend on where the portal runs: two-factor is required in
/// Production on a server database, and off in Development, Testing and the embedded SQLite default.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Admin and DistrictStaff accounts must use an authenticator app (Security:RequireTwoFactor).</summary>
    public bool RequireTwoFactor { get; set; }

    /// <summary>Sign-in attempts (password or code) allowed per client address and window (Security:SignInRateLimit:*).</summary>
    public SignInRateLimitOptions SignInRateLimit { get; set; } = new();

    /// <summary>
    /// Honour X-Forwarded-For/-Proto from any proxy (Security:TrustForwardedHeaders). Turn on only behind a
    /// reverse proxy or load balancer that sets them, so that rate limits and logs see the real client address.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    public static bool DefaultRequireTwoFactor(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsProduction() && DatabaseServiceCollectionExtensions.ReadProvider(configuration) != DatabaseProvider.Sqlite;

    /// <summary>Seed:DemoUsers; by default on in Development and with the embedded SQLite default, never in Production.</summary>
    public static bool SeedDemoUsers(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Seed:DemoUsers")
        ?? (environment.IsDevelopment()
            || (!environment.IsProduction() && DatabaseServiceCollectionExtensions.ReadProvider(configuration) == DatabaseProvider.Sqlite));

    /// <summary>
    /// Cookies carry the Secure flag everywhere but on a developer's or a test's plain HTTP (Security:SecureCookies).
    /// A server reached over plain HTTP (docker-compose on port 8080, a benchmark) sets it false: with the flag on,
    /// every form would fail, since antiforgery refuses to issue a Secure cookie on a non-TLS request.
    /// </summary>
    public static bool SecureCookies(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Security:SecureCookies") ?? (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"));

    public static SecurityOptions Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new SecurityOptions { RequireTwoFactor = DefaultRequireTwoFactor(configuration, environment) };
        configuration.GetSection(Section).Bind(options);
        return options;
    }
}

public sealed class SignInRateLimitOptions
{
    public int PermitLimit { get; set; } = 10;
    public int WindowSeconds { get; set; } = 60;
}
