using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// Defect 14: a database that restarts (or briefly refuses connections) costs a request a short wait, not an error.
/// A request that failed because the database did not answer runs again, in a fresh scope (a new DbContext), after a
/// growing pause (about 8 s in all), when that is safe: nothing was committed yet (every save is one transaction, so
/// a failure before its commit wrote nothing) and no byte of the answer was sent. A failure during a commit cannot
/// tell whether the write happened: that request gets the 503 "thử lại" page (DatabaseFailures), never a guess.
/// This is the EF Core execution strategy's rule ("retry the whole unit of work") applied to the unit that is safe
/// here, the request; EF's own retrying strategy cannot wrap the app's explicit transactions.
/// </summary>
public sealed class DatabaseRetry(RequestDelegate next, IServiceScopeFactory scopes, ILogger<DatabaseRetry> logger)
{
    public static readonly TimeSpan[] Pauses =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)];

    /// <summary>HttpContext.Items key: set when a commit (or a write outside a transaction) was sent to the database.</summary>
    public const string CommitSent = "ProgramTracker.CommitSent";

    /// <summary>HttpContext.Items key: a database failure that a component swallowed (e.g. the sign-in cookie check).</summary>
    public const string SwallowedFailure = "ProgramTracker.DatabaseFailure";

    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.RequestServices;
        for (var attempt = 0; ; attempt++)
        {
            AsyncServiceScope? scope = null;
            try
            {
                if (attempt == 0 && IsJson(context.Request))
                {
                    // An API write's JSON body is kept (memory, then a temporary file) so that a retry can read it again.
                    context.Request.EnableBuffering();
                }

                if (attempt > 0)
                {
                    scope = scopes.CreateAsyncScope();
                    context.RequestServices = scope.Value.ServiceProvider;
                    if (context.Request.Body.CanSeek)
                    {
                        context.Request.Body.Position = 0;
                    }
                }

                await next(context);
                if (context.Items[SwallowedFailure] is Exception swallowed)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(swallowed);
                }

                return;
            }
            catch (Exception ex) when (attempt < Pauses.Length && CanRunAgain(context, ex))
            {
                logger.LogWarning("The database did not answer ({Error}); {Method} {Path} runs again in {Pause} ms (attempt {Attempt})",
                    ex.GetBaseException().Message, context.Request.Method, context.Request.Path, Pauses[attempt].TotalMilliseconds, attempt + 2);
                // Connections pooled before a restart are all dead: drop them rather than meet them one by one.
                Npgsql.NpgsqlConnection.ClearAllPools();
                await Task.Delay(Pauses[attempt], context.RequestAborted);
                context.Response.Clear();
                context.Items.Remove(SwallowedFailure);
                context.SetEndpoint(null);
                context.Request.RouteValues.Clear();
            }
            finally
            {
                if (scope is { } s)
                {
                    context.RequestServices = original;
                    await s.DisposeAsync();
                }
            }
        }
    }

    private static bool CanRunAgain(HttpContext context, Exception ex) =>
        DatabaseFailures.IsWorthRetrying(ex)
        && !context.Response.HasStarted
        && !context.RequestAborted.IsCancellationRequested
        && !context.Items.ContainsKey(CommitSent)
        // The body can be read again: none, a form already read (ASP.NET Core keeps it), or a buffered JSON body.
        && (context.Request.ContentLength is null or 0 && context.Request.Headers.TransferEncoding.Count == 0 || context.Request.HasFormContentType || context.Request.Body.CanSeek);

    private static bool IsJson(HttpRequest request) =>
        request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && request.ContentLength is not 0;
}

/// <summary>Marks the request when a commit, or a write outside a transaction, is sent: from then on it is not run again.</summary>
public sealed class CommitWatch(IHttpContextAccessor http) : DbTransactionInterceptor
{
    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Mark();
        return base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Mark();
        return base.TransactionCommitting(transaction, eventData, result);
    }

    private void Mark()
    {
        if (http.HttpContext is { } context)
        {
            context.Items[DatabaseRetry.CommitSent] = true;
        }
    }

    /// <summary>Writes outside a transaction (none today but the sign-in count, a read-and-write) also end retries.</summary>
    public sealed class Commands(IHttpContextAccessor http) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.Transaction is null && http.HttpContext is { } context)
            {
                context.Items[DatabaseRetry.CommitSent] = true;
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public static class DatabaseRetryExtensions
{
    public static IServiceCollection AddDatabaseRetry(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<CommitWatch>();
        services.AddSingleton<CommitWatch.Commands>();
        services.ConfigureDbContext<PostgresProgramTrackerDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CommitWatch>(), sp.GetRequiredService<CommitWatch.Commands>()));
        services.ConfigureDbContext<SqliteProgramTrackerDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CommitWatch>(), sp.GetRequiredService<CommitWatch.Commands>()));
        return services;
    }
}
