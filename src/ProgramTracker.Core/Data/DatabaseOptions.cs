using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Registers <see cref="ProgramTrackerDbContext"/> on the configured provider.</summary>
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

            services.AddDbContext<ProgramTrackerDbContext, PostgresProgramTrackerDbContext>(o => ConfigurePostgres(o, connectionString));
        }
        else
        {
            var sqlite = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString;
            services.AddDbContext<ProgramTrackerDbContext, SqliteProgramTrackerDbContext>(o => ConfigureSqlite(o, sqlite));
        }

        return services;
    }

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"));

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString);
}
