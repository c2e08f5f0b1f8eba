using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;
using System.Globalization;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// Output caching of read pages that stays correct: a cached page is keyed on the person (their scope and
/// navigation), the reader's language, their antiforgery cookie (the page's forms carry a token bound to it) and the data versions of
/// what the page can show, which every committed write raises in the database (docs/adr/0008). A page of one unit
/// (a slug in the route or <c>?unit=</c>) keys on the catalogue's version and its root unit's version, so a save in
/// another province leaves it valid; any other page keys on the sum of every version. A write therefore shows on
/// the next request, on every instance; no cache is ever invalidated by hand. Costs one query per request (the
/// version rows, shared with the page's own reads through <see cref="CurrentCatalogue"/>).
/// </summary>
public sealed class DataVersionCachePolicy(bool ownFigures = false) : IOutputCachePolicy
{
    public const string Name = "data";

    /// <summary>
    /// A page that shows one unit's own figures and nothing of its neighbours (the commune page): keyed on the catalogue's
    /// version and that unit's own row (docs/adr/0022), so a save in another commune of its province leaves it valid.
    /// </summary>
    public const string OwnFiguresName = "unit-data";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!HttpMethods.IsGet(http.Request.Method) || user is null)
        {
            return;
        }

        var catalogue = http.RequestServices.GetRequiredService<CurrentCatalogue>();
        var slug = UnitSlug(http);
        string version;
        if (ownFigures && slug is not null)
        {
            // The unit's own row comes with the request's one read of the versions (the unit guessed from the last snapshot,
            // checked against this request's below).
            if (http.RequestServices.GetRequiredService<CatalogueCache>().Current?.Unit(slug) is { } guess)
            {
                catalogue.AlsoReadUnit(guess.Id);
            }

            version = (await catalogue.GetAsync(cancellation)).Unit(slug) is { } unit
                ? await OwnVersionKeyAsync(http, unit.Id, cancellation)
                : await VersionKeyAsync(http, slug, cancellation);
        }
        else
        {
            version = await VersionKeyAsync(http, slug, cancellation);
        }

        var antiforgery = http.Request.Cookies.FirstOrDefault(c => c.Key.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Value ?? "";

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["user"] = user;
        context.CacheVaryByRules.VaryByValues["af"] = antiforgery;
        context.CacheVaryByRules.VaryByValues["data"] = version;
        // The reader's language (query, cookie or default, as the localization middleware chose it): an English
        // reader must never get the Vietnamese page cached for the same address, nor the other way round.
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
    }

    /// <summary>The unit a page is about: the route's slug (/communes/{slug}, /districts/{slug}) or <c>?unit=</c>.</summary>
    private static string? UnitSlug(HttpContext http) =>
        http.GetRouteValue("slug") as string is { Length: > 0 } slug ? slug
        : http.Request.Query["unit"] is { Count: 1 } unit && !string.IsNullOrEmpty(unit[0]) ? unit[0]
        : null;

    /// <summary>
    /// <see cref="VersionKeyAsync(CurrentCatalogue, string?, CancellationToken)"/> once per request: this policy and the
    /// page's model cache (<see cref="PageDataCache"/>) key on the same versions, so the second asks the request's first answer.
    /// </summary>
    internal static Task<string> VersionKeyAsync(HttpContext http, string? slug, CancellationToken ct) =>
        OncePerRequest(http, "versions|" + slug, () => VersionKeyAsync(http.RequestServices.GetRequiredService<CurrentCatalogue>(), slug, ct));

    /// <summary><see cref="OwnVersionKeyAsync(CurrentCatalogue, int, CancellationToken)"/> once per request.</summary>
    internal static Task<string> OwnVersionKeyAsync(HttpContext http, int unitId, CancellationToken ct) =>
        OncePerRequest(http, "own|" + unitId.ToString(CultureInfo.InvariantCulture), () => OwnVersionKeyAsync(http.RequestServices.GetRequiredService<CurrentCatalogue>(), unitId, ct));

    private static Task<string> OncePerRequest(HttpContext http, string name, Func<Task<string>> compute)
    {
        var key = typeof(DataVersionCachePolicy).FullName + "|" + name;
        if (http.Items.TryGetValue(key, out var known) && known is Task<string> task)
        {
            return task;
        }

        var computed = compute();
        http.Items[key] = computed;
        return computed;
    }

    /// <summary>
    /// The versions a page depends on, as a key. For one unit: "catalogue;root=version", the root found in the catalogue
    /// snapshot; a version row that does not exist yet reads as 0. Otherwise (or for a slug that names no unit) the sum
    /// of every row, which rises with every commit because versions only grow. One query: the version rows.
    /// </summary>
    internal static async Task<string> VersionKeyAsync(CurrentCatalogue catalogue, string? slug, CancellationToken ct)
    {
        var versions = await catalogue.VersionsAsync(ct);
        var snapshot = await catalogue.GetAsync(ct);
        if (snapshot.Unit(slug) is { } unit)
        {
            var root = DataScopes.OfRoot(snapshot.RootOf(unit.Id));
            return string.Create(CultureInfo.InvariantCulture,
                $"{DataScopes.Catalogue}={versions.GetValueOrDefault(DataScopes.Catalogue)};{root}={versions.GetValueOrDefault(root)}");
        }

        return versions.Values.Sum().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The versions a page of one unit's own figures depends on: "catalogue;unit=version" (the unit's row, 0 before its first change).</summary>
    internal static async Task<string> OwnVersionKeyAsync(CurrentCatalogue catalogue, int unitId, CancellationToken ct)
    {
        var versions = await catalogue.VersionsAsync(ct);
        var own = await catalogue.UnitVersionAsync(unitId, ct);
        return string.Create(CultureInfo.InvariantCulture, $"{DataScopes.Catalogue}={versions.GetValueOrDefault(DataScopes.Catalogue)};u{unitId}={own}");
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
