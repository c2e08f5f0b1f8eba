using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
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
    /// <summary>The default bound (<c>PageCache:DataSizeLimit</c>): 256 commune pages, or a dozen dashboards of 160 communes.</summary>
    public const long DefaultSizeLimit = 256;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = sizeLimit, CompactionPercentage = 0.25 });

    /// <summary>Per page (its key without the versions), the key of the one model kept for it: a newer version replaces the older.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _slots = new(StringComparer.Ordinal);

    /// <summary>The models being built, by key: a second request for one waits for the first build.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<object?>>> _building = new(StringComparer.Ordinal);

    /// <summary>
    /// The model of the page <paramref name="page"/> at the data versions <paramref name="versions"/>, built by
    /// <paramref name="build"/> when absent; a null model (no such page) is not kept. One model per page: the model of an
    /// older version goes when a newer one is built, so a save-heavy hour does not fill the cache with models no key reaches.
    /// </summary>
    public async Task<T?> GetOrBuildAsync<T>(string page, string versions, Func<Task<T?>> build, Func<T, int> size)
        where T : class
    {
        // Today in Viet Nam (UTC+7): a page without a named period picks one by the date.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var slot = string.Create(CultureInfo.InvariantCulture, $"{typeof(T).Name}|{CultureInfo.CurrentUICulture.Name}|{today:yyyyMMdd}|{page}");
        var key = slot + "|" + versions;
        if (_cache.TryGetValue(key, out T? hit) && hit is not null)
        {
            return hit;
        }

        // One build per key at a time: requests that find the same model being built wait for it (after a save, a province's
        // dashboard is asked for by many leaders at once, and each building it again multiplied the work under load). A waiter
        // whose shared build failed or was cancelled with its first caller builds for itself.
        var flight = new Lazy<Task<object?>>(async () => await build());
        var shared = _building.GetOrAdd(key, flight);
        T? built;
        if (!ReferenceEquals(shared, flight))
        {
            try
            {
                return (T?)await shared.Value;
            }
            catch (Exception) when (!shared.Value.IsCompletedSuccessfully)
            {
                return await build();
            }
        }

        try
        {
            built = (T?)await flight.Value;
        }
        finally
        {
            _building.TryRemove(KeyValuePair.Create(key, flight));
        }

        if (built is not null)
        {
            var options = new MemoryCacheEntryOptions { Size = Math.Max(1, size(built)), AbsoluteExpirationRelativeToNow = Lifetime };
            options.RegisterPostEvictionCallback(static (evicted, _, _, state) =>
                ((PageDataCache)state!)._slots.TryRemove(KeyValuePair.Create(SlotOf((string)evicted), (string)evicted)), this);
            _cache.Set(key, built, options);
            var previous = _slots.GetValueOrDefault(slot);
            _slots[slot] = key;
            if (previous is not null && !string.Equals(previous, key, StringComparison.Ordinal))
            {
                _cache.Remove(previous);
            }
        }

        return built;
    }

    private static string SlotOf(string key) => key[..key.LastIndexOf('|')];

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
