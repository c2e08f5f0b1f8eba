using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Seeding;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// Applies migrations and seeds at start-up where that is safe: the embedded SQLite default and Development.
/// Production on PostgreSQL runs `ProgramTracker.Web migrate` instead (README), unless Database:Initialize says otherwise.
/// </summary>
public static class DatabaseStartup
{
    public static bool ShouldInitialize(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Database:Initialize")
        ?? (DatabaseServiceCollectionExtensions.ReadProvider(configuration) == DatabaseProvider.Sqlite || environment.IsDevelopment());

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        if (ShouldInitialize(app.Configuration, app.Environment))
        {
            await MigrateAndSeedAsync(app.Services, app.Configuration);
        }
    }

    public static async Task MigrateAndSeedAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var directory = SeedDirectory(configuration);
        // Parse the seed before touching the database: a malformed file stops start-up with nothing written.
        var data = SeedLoader.Load(directory);

        var db = scope.ServiceProvider.GetRequiredService<ProgramTrackerDbContext>();
        await db.Database.MigrateAsync(ct);
        var added = await new Seeder(db).SeedAsync(data, ct);
        logger.LogInformation("Database ready ({Provider}); seed from {Directory} added {Added} records", db.Database.ProviderName, directory, added);
    }

    public static string SeedDirectory(IConfiguration configuration) =>
        configuration["Seed:Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "seeds");
}
