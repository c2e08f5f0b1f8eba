namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// The one place that knows the portal's unit addresses, so that renaming an address is one change: a commune-level
/// unit lives under /communes/{slug}, a district or province under /districts/{slug}. Controllers' routes match these.
/// </summary>
public static class Links
{
    /// <summary>"/communes/nam-son" or "/districts/ba-che".</summary>
    public static string Unit(UnitKind kind, string slug) =>
        AdministrativeUnit.IsCommuneLevelKind(kind) ? $"/communes/{Uri.EscapeDataString(slug)}" : $"/districts/{Uri.EscapeDataString(slug)}";

    /// <summary>The communes list of a province, optionally of one attainment band: "/communes?province=quang-ninh&amp;band=heat-2".</summary>
    public static string CommuneList(string? province = null, string? band = null, string? kind = null, string? status = null, int page = 1)
    {
        var query = new[] { ("province", province), ("kind", kind), ("band", band), ("status", status), ("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}").ToList();
        return "/communes" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>The unit search: "/units/search?q=ky%20thuong".</summary>
    public static string UnitSearch(string query) => $"/units/search?q={Uri.EscapeDataString(query)}";

    public static string Commune(string slug) => $"/communes/{Uri.EscapeDataString(slug)}";

    public static string District(string slug) => $"/districts/{Uri.EscapeDataString(slug)}";

    /// <summary>A unit's quarterly entry form: "/communes/nam-son/entry/2023-Q3".</summary>
    public static string Entry(UnitKind kind, string slug, string periodCode) => $"{Unit(kind, slug)}/entry/{periodCode}";

    /// <summary>A unit's entry form as a workbook to fill offline.</summary>
    public static string EntryWorkbook(UnitKind kind, string slug, string periodCode) => $"{Entry(kind, slug, periodCode)}/workbook.xlsx";

    /// <summary>The reviewer's workbook of every unit under a district or province.</summary>
    public static string ReviewerImport(string districtSlug, string periodCode) => $"/entry/{periodCode}/import?unit={Uri.EscapeDataString(districtSlug)}";

    public static string Targets(string districtSlug, int year) => $"{District(districtSlug)}/targets/{year}";

    public static string Capital(string districtSlug, string periodCode) => $"{District(districtSlug)}/capital/{periodCode}";

    public static string Poverty(string districtSlug, string periodCode) => $"{District(districtSlug)}/poverty/{periodCode}";

    /// <summary>The JSON API's root (its controllers' routes start here).</summary>
    public const string Api = "/api/v1";

    /// <summary>The API's reference pages (Scalar), mapped in ApiSetup.</summary>
    public const string ApiReference = "/api/reference";

    /// <summary>The same page in the other language: the switch's address, returning to <paramref name="returnUrl"/>.</summary>
    public static string Language(string culture, string returnUrl) => $"/language/{culture}?returnUrl={Uri.EscapeDataString(returnUrl)}";
}
