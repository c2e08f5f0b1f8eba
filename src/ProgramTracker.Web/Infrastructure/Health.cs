using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProgramTracker.Web.Infrastructure;

public sealed class DatabaseHealthCheck(ProgramTrackerDbContext db) : IHealthCheck
{
    /// <summary>
    /// Healthy when the database answers. Connections pooled before a database restart are dead: after a failure the pools
    /// are cleared and the check runs once more on a fresh connection, so a restarted database is not reported down.
    /// </summary>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var first = await TryAsync(cancellationToken);
        if (first.Status == HealthStatus.Healthy)
        {
            return first;
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        return await TryAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> TryAsync(CancellationToken ct)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy(db.Database.ProviderName)
                : HealthCheckResult.Unhealthy("the database does not answer");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", ex);
        }
    }
}

public static class HealthResponse
{
    public static readonly HealthCheckOptions Options = new()
    {
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(context.Response.Body, new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
                durationMs = report.TotalDuration.TotalMilliseconds,
            });
        },
    };
}
