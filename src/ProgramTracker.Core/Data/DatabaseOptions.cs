using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Core.Accounts;

namespace ProgramTracker.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "ProgramTracker";
    public const string DefaultSqliteConnection = "Data Source=programtracker.db";

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var raw = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(raw, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be 'Sqlite' or 'Postgres', not '{raw}'.");
    }

    /// <summary>
    /// Registers <see cref="ProgramTrackerDbContext"/> on the configured provider, one per request (scoped) taken from a
    /// pool of contexts. A new context per request built its options (connection string parsing, option extensions)
    /// and EF Core's internal services (query translators and the like) again each time: about half of what a cached
    /// page allocated (docs/performance.md). Whatever configures the options (interceptors) must be a singleton, and
    /// request state lives only in what <see cref="ProgramTrackerDbContext.Lease"/> sets.
    /// </summary>
    public static IServiceCollection AddProgramTrackerDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("ConnectionStrings:ProgramTracker is required when Database:Provider is Postgres.");
            }

            services.AddPooledDbContextFactory<PostgresProgramTrackerDbContext>(o => ConfigurePostgres(o, connectionString));
            services.AddScoped<ProgramTrackerDbContext>(Lease<PostgresProgramTrackerDbContext>);
        }
        else
        {
            var sqlite = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString;
            services.AddPooledDbContextFactory<SqliteProgramTrackerDbContext>(o => ConfigureSqlite(o, sqlite));
            services.AddScoped<ProgramTrackerDbContext>(Lease<SqliteProgramTrackerDbContext>);
        }

        // The catalogue, read once per catalogue version and shared by every request (docs/adr/0010).
        services.AddSingleton<CatalogueCache>();
        services.AddScoped<CurrentCatalogue>();
        // The outlier check's peers, a province's quarter kept current by this process's saves (docs/adr/0025).
        services.AddSingleton<Validation.PeerValues>();
        return services;
    }

    /// <summary>A pooled context for this request's user and the portal's clock (none outside a request: "?" and the system clock).</summary>
    private static ProgramTrackerDbContext Lease<TContext>(IServiceProvider services)
        where TContext : ProgramTrackerDbContext =>
        services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext()
            .Lease(services.GetService<ICurrentUser>() ?? NamedUser.Unknown, services.GetService<TimeProvider>() ?? TimeProvider.System);

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithPostgresDefaults(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(StampInterceptor.Instance, DataVersionInterceptor.Instance);

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(StampInterceptor.Instance, DataVersionInterceptor.Instance);

    /// <summary>
    /// Defaults for a page that runs a dozen small queries (docs/performance.md), unless the connection string sets
    /// them: a pooled connection is not reset with DISCARD ALL each time EF Core closes it (the portal keeps no session
    /// state on a connection), and statements used twice are prepared on the server.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 128;
        }

        return builder.ConnectionString;
    }
}
