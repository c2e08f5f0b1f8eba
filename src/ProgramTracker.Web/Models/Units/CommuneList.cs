using ProgramTracker.Core.Periods;
using ProgramTracker.Web.Models.Dashboard;

namespace ProgramTracker.Web.Models.Units;

/// <summary>The communes list's filters as the address gives them (/communes?province=quang-ninh&amp;kind=Ward&amp;band=heat-2&amp;page=2).</summary>
public sealed record CommuneListFilter(string? Province, string? Kind, string? Band, string? Status, int Page = 1);

/// <summary>A province the reader may read communes of, with how many of them are in force today.</summary>
public sealed record ProvinceOption(string Slug, string FullName, int Current);

/// <summary>One commune-level unit on the list: its band is its lowest band over the commune sets in the period (null: not on the dashboard then).</summary>
public sealed record CommuneListItem(string Slug, UnitKind Kind, string FullName, string? StatisticsCode, string? Band, IReadOnlyList<string> Latest, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record CommuneListPage(
    CommuneListFilter Filter,
    IReadOnlyList<ProvinceOption> Provinces,
    ProvinceOption? Province,
    string? Status,
    IReadOnlyList<CommuneListItem> Rows,
    int Total,
    int Page,
    int PageCount,
    string? PeriodLabel,
    IReadOnlyList<string> Errors)
{
    public const int PageSize = 50;

    /// <summary>The address of this list with one filter changed (page back to 1 unless it is the page that changes).</summary>
    public string Url(int page) => Infrastructure.Links.CommuneList(Province?.Slug, Filter.Band, Filter.Kind, Status, page);
}

/// <summary>
/// The communes list at country size (issue 23): one province at a time, filtered by kind, band and validity, 50 a page.
/// Units come from the catalogue snapshot; the bands from the province's dashboard figures (DashboardQueries, a fixed
/// number of queries); the latest reported lines for the page's rows only.
/// </summary>
public sealed class CommuneListQueries(CurrentCatalogue catalogue, DashboardQueries dashboards, UnitQueries units, TimeProvider clock)
{
    public static readonly string[] Kinds = [nameof(UnitKind.Commune), nameof(UnitKind.Ward), nameof(UnitKind.SpecialZone), nameof(UnitKind.Town)];
    public static readonly string[] Statuses = ["current", "ended", "all"];

    public async Task<CommuneListPage> LoadAsync(CommuneListFilter filter, AccessProfile profile, ReadScope scope, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        var errors = new List<string>();
        var f = Core.Localization.Formats.Current;

        // Every readable commune-level unit under its province (a commune of a former district counts under the district's province).
        UnitNode? ProvinceOf(UnitNode u)
        {
            for (var p = u.ParentId is { } id ? snapshot.Unit(id) : null; p is not null; p = p.ParentId is { } next ? snapshot.Unit(next) : null)
            {
                if (AdministrativeUnit.IsProvinceLevelKind(p.Kind))
                {
                    return p;
                }
            }

            return null;
        }

        var readable = snapshot.Units.Where(u => !u.IsSynthetic && AdministrativeUnit.IsCommuneLevelKind(u.Kind) && scope.Includes(u.Id))
            .Select(u => (Unit: u, Province: ProvinceOf(u))).Where(x => x.Province is not null).ToList();
        var provinces = readable.GroupBy(x => x.Province!.Id)
            .Select(g => (Node: g.First().Province!, Current: g.Count(x => x.Unit.ValidTo is null)))
            .OrderBy(p => p.Node.StatisticsCode ?? "99").ThenBy(p => p.Node.Id)
            .Select(p => (p.Node, Option: new ProvinceOption(p.Node.Slug, AdministrativeUnit.FullNameOf(p.Node.Kind, p.Node.Name), p.Current)))
            .ToList();

        var bound = profile.Units.Select(u => snapshot.Unit(u.Id)).OfType<UnitNode>()
            .Select(u => AdministrativeUnit.IsProvinceLevelKind(u.Kind) ? u : ProvinceOf(u)).OfType<UnitNode>().Select(u => u.Slug).ToHashSet();
        var chosen = provinces.FirstOrDefault(p => p.Node.Slug == filter.Province?.Trim());
        if (!string.IsNullOrWhiteSpace(filter.Province) && chosen.Node is null)
        {
            errors.Add(f.Format("Communes.UnknownProvince", filter.Province));
        }

        if (chosen.Node is null)
        {
            chosen = provinces.FirstOrDefault(p => bound.Contains(p.Node.Slug));
            chosen = chosen.Node is null ? provinces.FirstOrDefault() : chosen;
        }

        UnitKind? kind = null;
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            if (Kinds.Contains(filter.Kind) && Enum.TryParse<UnitKind>(filter.Kind, out var k))
            {
                kind = k;
            }
            else
            {
                errors.Add(f.Format("Communes.UnknownKind", filter.Kind));
            }
        }

        var band = filter.Band;
        if (!string.IsNullOrWhiteSpace(band) && !DashboardPageBuilder.Legend.Any(l => l.CssClass == band))
        {
            errors.Add(f.Format("Communes.UnknownBand", band));
            band = null;
        }

        var inProvince = chosen.Node is null ? [] : readable.Where(x => x.Province!.Id == chosen.Node.Id).Select(x => x.Unit).ToList();
        // Today's units by default; a reader who reads only former units (a former district's staff) sees those.
        var status = filter.Status is { } s && Statuses.Contains(s) ? s : inProvince.Any(u => u.ValidTo is null) ? "current" : "all";
        if (filter.Status is { Length: > 0 } given && !Statuses.Contains(given))
        {
            errors.Add(f.Format("Communes.UnknownStatus", given));
        }

        var rows = inProvince
            .Where(u => status == "all" || (status == "current") == (u.ValidTo is null))
            .Where(u => kind is null || u.Kind == kind)
            .ToList();

        // Bands: the province's dashboard figures in the quarter under way, so that every unit in force today has one
        // ("heat-none" without figures); ended units have none.
        string? periodLabel = null;
        var bands = new Dictionary<int, string>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var quarter = snapshot.Periods.Where(p => p.Quarter is not null && p.StartsOn <= today).MaxBy(p => p.StartsOn);
        if (chosen.Node is not null && quarter is not null && await dashboards.LoadAsync(chosen.Node.Id, PeriodKey.Of(quarter.Year, quarter.Quarter), false, ct) is { } data)
        {
            periodLabel = data.Period.Label;
            var sets = data.Sets.Where(x => x.Level == UnitLevel.Commune).ToList();
            foreach (var c in data.Communes)
            {
                bands[c.Id] = DashboardPageBuilder.LowestBand(new HeatRow(c, sets.Select(x => DashboardPageBuilder.Cell(data, c, x)).ToList()));
            }
        }

        if (!string.IsNullOrWhiteSpace(band) && errors.Count == 0)
        {
            rows = rows.Where(u => (bands.TryGetValue(u.Id, out var b) ? b : null) == band).ToList();
        }

        rows = rows.OrderBy(u => u.ValidTo is null ? 0 : 1).ThenBy(u => Core.Units.UnitSlugs.Fold(u.Name), StringComparer.Ordinal).ThenBy(u => u.Id).ToList();
        var pageCount = Math.Max(1, (rows.Count + CommuneListPage.PageSize - 1) / CommuneListPage.PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var shown = rows.Skip((page - 1) * CommuneListPage.PageSize).Take(CommuneListPage.PageSize).ToList();
        var latest = await units.LatestReportedAsync(shown.Select(u => u.Id).ToList(), ct);
        var items = shown.Select(u => new CommuneListItem(u.Slug, u.Kind, AdministrativeUnit.FullNameOf(u.Kind, u.Name), u.StatisticsCode,
            bands.GetValueOrDefault(u.Id), latest.TryGetValue(u.Id, out var l) ? l : [], u.ValidFrom, u.ValidTo)).ToList();
        return new CommuneListPage(filter with { Band = band }, provinces.Select(p => p.Option).ToList(), chosen.Option, status, items, rows.Count, page, pageCount, periodLabel, errors);
    }
}
