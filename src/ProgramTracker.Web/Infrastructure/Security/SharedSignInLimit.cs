using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace ProgramTracker.Web.Infrastructure.Security;

/// <summary>
/// Defect 8: the sign-in limit (Security:SignInRateLimit, per client address and fixed window) is counted in the
/// database, so every portal process behind a load balancer shares one count: two processes no longer give twice the
/// tries. One atomic upsert per sign-in POST; it does not raise the data version (the page cache stays valid).
/// The account itself is also protected by Identity's lockout (five failures), which lives in the database too.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedSignInLimitAttribute : Attribute, IAsyncResourceFilter
{
    // Same statement on PostgreSQL and SQLite (3.35+): start the window at 1, or count one more in the same window.
    private const string CountSql = """
        INSERT INTO sign_in_attempts ("Key", "Window", "Count") VALUES ({0}, {1}, 1)
        ON CONFLICT ("Key") DO UPDATE SET
            "Count" = CASE WHEN sign_in_attempts."Window" = excluded."Window" THEN sign_in_attempts."Count" + 1 ELSE 1 END,
            "Window" = excluded."Window"
        RETURNING "Count" AS "Value"
        """;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            await next();
            return;
        }

        var limits = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SignInRateLimit;
        var windowSeconds = Math.Max(1, limits.WindowSeconds);
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var window = now / windowSeconds;
        var key = $"ip:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}:{windowSeconds}";
        var db = http.RequestServices.GetRequiredService<ProgramTrackerDbContext>();
        var count = (await db.Database.SqlQueryRaw<int>(CountSql, key, window).ToListAsync(http.RequestAborted)).Single();
        if (count > Math.Max(1, limits.PermitLimit))
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ProgramTracker.Security")
                .LogWarning("Sign-in rate limit reached for {ClientAddress}", http.Connection.RemoteIpAddress);
            // The seconds left in this window: a client (or a person's script) knows when to try again.
            http.Response.Headers.RetryAfter = (windowSeconds - (now % windowSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
            return;
        }

        await next();
    }
}
