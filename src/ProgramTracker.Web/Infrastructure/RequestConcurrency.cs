using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ProgramTracker.Core.Localization;
using ProgramTracker.Web.Api;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// Bounds the requests the portal works on at once (<c>Server:MaxConcurrentRequests</c>, default 8: docs/adr/0023) and those waiting their
/// turn (<c>Server:RequestQueueLimit</c>, default 500, oldest first); beyond that a request is answered at once with 503 and
/// <c>Retry-After</c>, a short page in the reader's language (problem details under /api). Under a surge the work in flight
/// stays bounded instead of every request being worked on at once (the reporting hour's step at 100 × the peak: p95 9 s,
/// 347 errors; docs/adr/0023). Static files are served before it; the health check is never held.
/// </summary>
public static class RequestConcurrency
{
    public const int RetryAfterSeconds = 5;

    public static IServiceCollection AddRequestConcurrency(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = Math.Max(1, configuration.GetValue("Server:MaxConcurrentRequests", 8));
        var queue = Math.Max(0, configuration.GetValue("Server:RequestQueueLimit", 500));
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetConcurrencyLimiter("portal", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = permits, QueueLimit = queue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }));
            o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            o.OnRejected = (context, _) => WriteBusyAsync(context.HttpContext);
        });
        return services;
    }

    /// <summary>A concurrency refusal carries no retry time; the API's window limit does (<see cref="MetadataName.RetryAfter"/>).</summary>
    public static bool IsBusy(OnRejectedContext context) => !context.Lease.TryGetMetadata(MetadataName.RetryAfter, out _);

    private static async ValueTask WriteBusyAsync(HttpContext http)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var f = Formats.Current;
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await ApiProblems.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, f["Server.Busy"], f.Format("Server.BusyDetail", RetryAfterSeconds));
            return;
        }

        // The portal's encoder (every Unicode range as text): Vietnamese letters stay letters, markup is escaped.
        var html = http.RequestServices.GetRequiredService<HtmlEncoder>();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
            $"""
             <!DOCTYPE html>
             <html lang="{html.Encode(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)}"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
             <title>{html.Encode(f["Server.Busy"])}</title></head>
             <body><main><h1>{html.Encode(f["Server.Busy"])}</h1><p>{html.Encode(f.Format("Server.BusyDetail", RetryAfterSeconds))}</p></main></body></html>
             """), http.RequestAborted);
    }
}
