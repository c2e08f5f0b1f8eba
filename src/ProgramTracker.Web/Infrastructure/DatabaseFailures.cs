using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// A database that does not answer (restarting, unreachable, disk full, read-only) is not a bug of the page: the request
/// gets 503 and the Vietnamese "thử lại" page instead of 500. Nothing is retried here: a save ran in one transaction,
/// so a failed one changed nothing and the person may simply send it again.
/// </summary>
public static class DatabaseFailures
{
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    // Server-side errors are bugs, except the server shutting down or refusing connections.
                    if (pg.IsTransient || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "53100" or "53200" or "53300" or "25006")
                    {
                        return true;
                    }

                    break;
                case NpgsqlException:
                    return true; // connection-level: refused, reset, timed out
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 8 or 10 or 13 or 14:
                    return true; // busy, locked, read-only, I/O error, disk full, cannot open
                case DbException db when db.IsTransient:
                    return true;
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The database refuses writes for a while (read-only, disk full): 503 at once, no retry (it will not pass in seconds).
    /// </summary>
    public static bool RefusesWrites(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState is "25006" or "53100" or "53200":
                    return true; // read-only transaction, disk full, out of memory
                case SqliteException sqlite when sqlite.SqliteErrorCode is 8 or 13:
                    return true; // read-only, disk full
            }
        }

        return false;
    }

    /// <summary>Worth running again after a pause: the database restarts, refuses connections or is busy (not read-only or full).</summary>
    public static bool IsWorthRetrying(Exception? exception) => IsUnavailable(exception) && !RefusesWrites(exception);

    /// <summary>The exception handler's status: 503 for an unavailable database, the server's own for a refused request (413: body too large), 500 for everything else.</summary>
    public static int StatusCode(Exception? exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode
        : IsUnavailable(exception) ? StatusCodes.Status503ServiceUnavailable
        : StatusCodes.Status500InternalServerError;

    public static ExceptionHandlerOptions HandlerOptions() => new()
    {
        ExceptionHandlingPath = "/error/500",
        StatusCodeSelector = StatusCode,
    };
}
