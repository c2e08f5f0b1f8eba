namespace ProgramTracker.Tests.Integration;

/// <summary>
/// The national overview at the country's real size (issue 23.3): since 01/07/2025 communes sit directly under their
/// province, so the country's view counts them by their parent, not by a grandparent (which counted none of them).
/// </summary>
public sealed partial class OverviewTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_country_lists_its_34_provinces_with_their_register_communes_and_a_2023_quarter_only_Ba_Ches()
    {
        var admin = await fixture.ClientAsync("admin");
        var (year, quarter) = TestClock.CurrentQuarter;

        var today = Rows(await admin.GetStringAsync($"/overview?period={year}-Q{quarter}"));
        today.Should().HaveCount(34, "the register's 34 provinces and centrally-run cities");
        today["quang-ninh"].Should().Be(54, "Quảng Ninh has had 54 commune-level units since 01/07/2025 (Công văn 1027/CTK-CSCL)");
        today["thanh-hoa"].Should().Be(166);
        today.Values.Sum().Should().Be(3321, "the country's 3,321 commune-level units");

        var then = Rows(await admin.GetStringAsync("/overview?period=2023-Q3"));
        then.Should().ContainKey("quang-ninh").WhoseValue.Should().Be(8, "in 2023 the portal held Ba Chẽ district's 7 communes and its town");
    }

    private static Dictionary<string, int> Rows(string html) =>
        Row().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("<tr data-unit=\"([^\"]+)\">\\s*(?:@\\*.*?\\*@)?\\s*<td>.*?</td>\\s*<td class=\"text-end\" data-communes=\"(\\d+)\"", RegexOptions.Singleline)]
    private static partial Regex Row();
}
