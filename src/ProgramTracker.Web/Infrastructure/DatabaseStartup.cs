using ProgramTracker.Core.Seeding;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// Applies migrations and seeds while the host is starting, before Kestrel takes requests, where that is safe:
/// the embedded SQLite default and Development. Production on PostgreSQL runs `ProgramTracker.Web migrate`
/// instead (README), unless Database:Initialize says otherwise. A failure stops start-up.
/// Also creates the roles and, when Seed:DemoUsers is on, the demo accounts.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment) : IHostedLifecycleService
{
    public static bool ShouldInitialize(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Database:Initialize")
        ?? (DatabaseServiceCollectionExtensions.ReadProvider(configuration) == DatabaseProvider.Sqlite || environment.IsDevelopment());

    public Task StartingAsync(CancellationToken cancellationToken) =>
        ShouldInitialize(configuration, environment) ? MigrateAndSeedAsync(services, configuration, cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Before a command run beside the app (create-admin, create-token): migrates and seeds where start-up would, then
    /// checks that the database's structure is current; false, having said so on <paramref name="error"/>, when it is not.
    /// </summary>
    public static async Task<bool> ReadyForCommandAsync(IServiceProvider services, IConfiguration configuration, TextWriter error)
    {
        if (ShouldInitialize(configuration, services.GetRequiredService<IHostEnvironment>()))
        {
            await MigrateAndSeedAsync(services, configuration);
        }

        await using var scope = services.CreateAsyncScope();
        if ((await scope.ServiceProvider.GetRequiredService<ProgramTrackerDbContext>().Database.GetPendingMigrationsAsync()).Any())
        {
            await error.WriteLineAsync("Cơ sở dữ liệu chưa được cập nhật cấu trúc: chạy `ProgramTracker.Web migrate` trước.");
            return false;
        }

        return true;
    }

    public static async Task MigrateAndSeedAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<DatabaseInitializer>>();
        var directory = SeedDirectory(configuration);
        // Parse the seed before touching the database: a malformed file stops start-up with nothing written.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var step = started;
        void Step(string name)
        {
            logger.LogInformation("Start-up step {Step}: {Elapsed:0} ms", name, System.Diagnostics.Stopwatch.GetElapsedTime(step).TotalMilliseconds);
            step = System.Diagnostics.Stopwatch.GetTimestamp();
        }

        var data = SeedLoader.Load(directory);
        Step("seed files read");

        var db = scope.ServiceProvider.GetRequiredService<ProgramTrackerDbContext>();
        await db.Database.MigrateAsync(ct);
        Step("migrations");
        var seeder = new Seeder(db);
        var added = await seeder.SeedAsync(data, ct);
        foreach (var (name, ms) in seeder.Timings)
        {
            logger.LogInformation("Start-up step seed {Step}: {Elapsed:0} ms", name, ms);
        }

        step = System.Diagnostics.Stopwatch.GetTimestamp();
        var quarters = await scope.ServiceProvider.GetRequiredService<ProgramTracker.Core.Periods.PeriodCalendar>().EnsureUpToTodayAsync(ct);
        Step("quarters");
        logger.LogInformation("Database ready ({Provider}) in {Elapsed:0} ms; seed from {Directory} added {Added} records, {Quarters} quarters opened up to today",
            db.Database.ProviderName, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, directory, added, quarters);

        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await accounts.EnsureRolesAsync(ct);
        Step("roles");
        if (SecurityOptions.SeedDemoUsers(configuration, scope.ServiceProvider.GetRequiredService<IHostEnvironment>()))
        {
            var demo = await accounts.SeedDemoUsersAsync(ct);
            Step("demo accounts");
            logger.LogWarning("Seed:DemoUsers is on ({Elapsed:0} ms since the seed began): {Added} demo accounts added (public password, see README); never use this on real data", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, demo);
        }
    }

    public static string SeedDirectory(IConfiguration configuration) =>
        configuration["Seed:Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "seeds");

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
