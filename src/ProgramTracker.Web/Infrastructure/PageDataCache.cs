using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Web.Models.Dashboard;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// Pages' view models, built once per data version (docs/adr/0022): when the page cache cannot answer (a new address,
/// another person, another antiforgery cookie) but the figures behind the page have not changed, the page is rendered
/// from the model already built instead of read and judged again. A key names the page, its unit and parameters and the
/// data versions the page depends on (<see cref="DataVersionCachePolicy"/>), plus the reader's language and today's
/// date, so a commit changes the key and nothing stale is ever used; no entry is removed by hand. Bounded: every entry
/// has a size (a commune page 1, an upper unit's page more with its communes), the least recently used go first, and an
/// entry lives at most <see cref="Lifetime"/>.
/// </summary>
public sealed class PageDataCache(long sizeLimit, TimeProvider clock) : IDisposable
{
    /// <summary>The default bound (<c>PageCache:DataSizeLimit</c>): about 1,000 commune pages or 60 dashboards of 160 communes.</summary>
    public const long DefaultSizeLimit = 1024;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = sizeLimit, CompactionPercentage = 0.25 });

    /// <summary>The model for the key, built by <paramref name="build"/> when absent; a null model (no such page) is not kept.</summary>
    public async Task<T?> GetOrBuildAsync<T>(string key, Func<Task<T?>> build, Func<T, int> size)
        where T : class
    {
        // Today in Viet Nam (UTC+7): a page without a named period picks one by the date.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var full = string.Create(CultureInfo.InvariantCulture, $"{typeof(T).Name}|{CultureInfo.CurrentUICulture.Name}|{today:yyyyMMdd}|{key}");
        if (_cache.TryGetValue(full, out T? hit) && hit is not null)
        {
            return hit;
        }

        var built = await build();
        if (built is not null)
        {
            _cache.Set(full, built, new MemoryCacheEntryOptions { Size = Math.Max(1, size(built)), AbsoluteExpirationRelativeToNow = Lifetime });
        }

        return built;
    }

    /// <summary>Forgets every model (tests that count what building a page costs).</summary>
    public void Clear() => _cache.Clear();

    /// <summary>
    /// The reader part of a key for a page with a unit selector: "all" for a reader of everything, else the person (their
    /// readable units follow from the catalogue, whose version is in the key).
    /// </summary>
    public static string ReaderKey(ClaimsPrincipal user, ReadScope scope) =>
        scope.All ? "all" : "u:" + user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>An upper unit's page: its size grows with its communes (1 for every 8).</summary>
    public static int SizeOf(DashboardData data) => 1 + (data.Communes.Count / 8);

    public void Dispose() => _cache.Dispose();
}
