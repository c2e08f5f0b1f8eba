using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Data;

namespace ProgramTracker.TestSupport;

/// <summary>The real portal, on a database of its own, configured as an operator would configure it.</summary>
public class PortalFactory(string provider, string connectionString, string? seedDirectory = null) : WebApplicationFactory<Program>
{
    public static async Task<(PortalFactory Factory, TestDatabase Database)> OnPostgresAsync(string? seedDirectory = null)
    {
        var database = await TestDatabase.CreateAsync();
        return (new PortalFactory("Postgres", database.ConnectionString, seedDirectory), database);
    }

    /// <summary>
    /// The portal on a copy of the seeded template (<see cref="SeededTemplate"/>): the seed and the demo accounts, as a fresh
    /// database would have after start-up, made in a fraction of the time. Start-up still runs migrations and the seed, which find
    /// nothing to add. Use <see cref="OnPostgresAsync"/> to test migrating or seeding itself, or another seed.
    /// </summary>
    public static async Task<(PortalFactory Factory, TestDatabase Database)> OnSeededCopyAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await SeededTemplate.CopyAsync();
        var factory = new PortalFactory("Postgres", database.ConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            factory.Settings[key] = value;
        }

        return (factory, database);
    }

    /// <summary>Settings for a sign-in limit of <paramref name="permits"/> attempts per client in a 10-minute window (the tests raise it otherwise).</summary>
    public static Dictionary<string, string?> SignInLimit(int permits) => new()
    {
        ["Security:SignInRateLimit:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:SignInRateLimit:WindowSeconds"] = "600",
    };

    /// <summary>The portal's clock (<see cref="TestClock.Provider"/> unless a test starts it at another day); set before the server starts.</summary>
    public TimeProvider Clock { get; set; } = TestClock.Provider;

    /// <summary>Extra configuration, applied last; set before the server starts (e.g. ["Seed:DemoUsers"] = "false").</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:ProgramTracker", connectionString);
        builder.UseSetting("Database:Initialize", "true");
        builder.UseSetting("Seed:Directory", seedDirectory ?? RepoPaths.Seeds);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // The demo accounts sign the tests in; many sign-ins share one client address, so the limit is raised.
        builder.UseSetting("Seed:DemoUsers", "true");
        builder.UseSetting("Security:SignInRateLimit:PermitLimit", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        // The day the test run names, not the machine's (TestClock): calendars, deadlines, lockouts and expiry read it.
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Clock);
        });
    }

    /// <summary>A scope for reading the database directly, as the app sees it.</summary>
    public async Task<T> WithDbAsync<T>(Func<ProgramTrackerDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ProgramTrackerDbContext>());
    }

    /// <summary>A scope for calling one of the app's services (UserAdministration, UnitAccess...).</summary>
    public async Task<TResult> WithServiceAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>As <see cref="WithServiceAsync"/>, acting as <paramref name="userName"/>: the service's changes and audit entries carry that name.</summary>
    public async Task<TResult> AsUserAsync<TService, TResult>(string userName, Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        using var actor = scope.ServiceProvider.GetRequiredService<ProgramTrackerDbContext>().ActAs(new NamedUser(userName));
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
