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
/// Counts (and keeps the SQL text of) the database commands of each request that carries the <see cref="Header"/> header,
/// keyed by its value. Commands outside a request (start-up, seeding, a test's own reads) are not counted.
/// </summary>
public sealed class QueryCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Test-Query-Key";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _commands = new();

    public int CountFor(string key) => _commands.TryGetValue(key, out var q) ? q.Count : 0;

    /// <summary>The SQL text of the request's commands, in the order they ran.</summary>
    public IReadOnlyCollection<string> CommandsFor(string key) => _commands.TryGetValue(key, out var q) ? q.ToArray() : [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return base.ScalarExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return base.NonQueryExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Count(DbCommand command)
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } key)
        {
            _commands.GetOrAdd(key, _ => new()).Enqueue(command.CommandText);
        }
    }
}

/// <summary>The portal on PostgreSQL with a <see cref="QueryCounter"/> on its DbContext.</summary>
public sealed class CountingPortalFactory(string connectionString, string? seedDirectory = null) : PortalFactory("Postgres", connectionString, seedDirectory)
{
    /// <summary>On a new database, seeded at start-up from <paramref name="seedDirectory"/> (the repository's seeds unless named).</summary>
    public static new async Task<(CountingPortalFactory Factory, TestDatabase Database)> OnPostgresAsync(string? seedDirectory = null)
    {
        var database = await TestDatabase.CreateAsync();
        return (new CountingPortalFactory(database.ConnectionString, seedDirectory), database);
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
