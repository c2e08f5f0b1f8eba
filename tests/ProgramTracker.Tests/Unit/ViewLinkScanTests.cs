namespace ProgramTracker.Tests.Unit;

/// <summary>
/// Every address a view writes comes from one place (issue 14): tag helpers (asp-controller, asp-action, asp-route-*),
/// Url.Action or <c>Links</c>, so that renaming an address is one change in a controller's route. A literal local
/// href="/…" or form action="/…" in a view fails; static assets (~/css, ~/js, ~/lib) are files, not addresses, and stay.
/// </summary>
public sealed partial class ViewLinkScanTests
{
    public static TheoryData<string> Views()
    {
        var web = Path.Combine(RepoPaths.Root, "src", "ProgramTracker.Web");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(web, "Views"), "*.cshtml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(web, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void A_view_builds_its_links_from_routes_not_literal_addresses(string file)
    {
        var findings = Scan(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "ProgramTracker.Web", file)));

        findings.Should().BeEmpty($"{file} should build these addresses with asp-controller/asp-action/asp-route-*, Url.Action or Links");
    }

    /// <summary>The literal local addresses in a view's href and action attributes, static assets aside.</summary>
    internal static List<string> Scan(string text) =>
        LiteralAddress().Matches(RazorComment().Replace(text, " "))
            .Select(m => m.Value)
            .Where(v => !StaticAsset().IsMatch(v))
            .ToList();

    [Fact]
    public void The_scan_finds_literal_addresses_and_leaves_assets_and_tag_helpers_alone()
    {
        Scan("<a href=\"/communes\">x</a>").Should().NotBeEmpty();
        Scan("<a class=\"btn\" href=\"/criteria-sets/@Model.Code/export.xlsx\">x</a>").Should().NotBeEmpty();
        Scan("<a href='/'>x</a>").Should().NotBeEmpty();
        Scan("<form method=\"post\" action=\"/account/logout\"></form>").Should().NotBeEmpty();
        Scan("<a href=\"/dashboard?@query\">x</a>").Should().NotBeEmpty();
        Scan("<a asp-controller=\"Communes\" asp-action=\"Index\">x</a>").Should().BeEmpty();
        Scan("<a href=\"@Links.District(slug)\">x</a>").Should().BeEmpty();
        Scan("<a href=\"#heatmap\">x</a> <a href=\"https://example.org/\">y</a>").Should().BeEmpty();
        Scan("<link rel=\"stylesheet\" href=\"~/css/site.css\" /> <a href=\"/lib/x.js\">z</a>").Should().BeEmpty();
        Scan("@* <a href=\"/old\">x</a> *@").Should().BeEmpty();
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    /// <summary>href="/…", href='/…', action="/…" (a local address written out), not "//host" (scheme-relative).</summary>
    [GeneratedRegex(@"\b(?:href|action)\s*=\s*[""']~?/(?!/)[^""']*[""']")]
    private static partial Regex LiteralAddress();

    [GeneratedRegex(@"[""']~?/(?:css|js|lib)/")]
    private static partial Regex StaticAsset();
}
