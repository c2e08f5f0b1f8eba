using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Core.Data;

namespace ProgramTracker.TestSupport;

/// <summary>
/// Counts the database commands of each request that carries the <see cref="Header"/> header, keyed by its value.
/// Commands outside a request (start-up, seeding, a test's own reads) are not counted.
/// </summary>
public sealed class QueryCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Test-Query-Key";

    private readonly ConcurrentDictionary<string, int> _counts = new();

    public int CountFor(string key) => _counts.GetValueOrDefault(key);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return base.ScalarExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return base.NonQueryExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Count()
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } key)
        {
            _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        }
    }
}

/// <summary>The portal on PostgreSQL with a <see cref="QueryCounter"/> on its DbContext.</summary>
public sealed class CountingPortalFactory(string connectionString) : PortalFactory("Postgres", connectionString)
{
    public static async Task<(CountingPortalFactory Factory, TestDatabase Database)> OnPostgresAsync()
    {
        var database = await TestDatabase.CreateAsync();
        return (new CountingPortalFactory(database.ConnectionString), database);
    }

    public QueryCounter Counter => Services.GetRequiredService<QueryCounter>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<QueryCounter>();
            services.ConfigureDbContext<PostgresProgramTrackerDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<QueryCounter>()));
        });
    }
}
