using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ProgramTracker.Core.Data;

/// <summary>Used by `dotnet ef` only: builds each provider's context without the web host.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresProgramTrackerDbContext>
{
    public PostgresProgramTrackerDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresProgramTrackerDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(builder, "Host=localhost;Database=programtracker_design");
        return new PostgresProgramTrackerDbContext(builder.Options);
    }
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteProgramTrackerDbContext>
{
    public SqliteProgramTrackerDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteProgramTrackerDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(builder, "Data Source=design.db");
        return new SqliteProgramTrackerDbContext(builder.Options);
    }
}
