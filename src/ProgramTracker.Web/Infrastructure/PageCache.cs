using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// Output caching of read pages that stays correct: a cached page is keyed on the person (their scope and
/// navigation), their antiforgery cookie (the page's forms carry a token bound to it) and the data version,
/// which every committed write raises in the database. A write therefore shows on the next request, on every
/// instance; no cache is ever invalidated by hand. Costs one tiny query per cached request.
/// </summary>
public sealed class DataVersionCachePolicy : IOutputCachePolicy
{
    public const string Name = "data";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!HttpMethods.IsGet(http.Request.Method) || user is null)
        {
            return;
        }

        var db = http.RequestServices.GetRequiredService<ProgramTrackerDbContext>();
        var version = await db.DataVersions.AsNoTracking().Where(v => v.Id == 1).Select(v => v.Value).FirstOrDefaultAsync(cancellation);
        var antiforgery = http.Request.Cookies.FirstOrDefault(c => c.Key.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Value ?? "";

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["user"] = user;
        context.CacheVaryByRules.VaryByValues["af"] = antiforgery;
        context.CacheVaryByRules.VaryByValues["data"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Only complete, cookie-free successes are kept: never a 403, a 404 or a response that signs someone in.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
