using ProgramTracker.Tests.Integration.Api;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// The national overview keeps each province's counts while the province's data version stands (issue 24 goal 1): a save
/// in one province shows on the next view at once, and another province's row stays as it was.
/// </summary>
public sealed partial class OverviewKeptCountsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Set = "ctmtqg-2026-theo-doi-xa";

    [Fact]
    public async Task A_save_in_a_province_shows_on_the_next_national_view_and_another_provinces_row_stays()
    {
        var (year, quarter) = TestClock.CurrentQuarter;
        var overview = $"/overview?period={year}-Q{quarter}&set={Set}";
        var admin = await fixture.Factory.SignedInClientAsync("admin");
        var before = await admin.GetStringAsync(overview);
        await admin.GetStringAsync(overview); // a second view: every province's counts kept
        var (quangNinh, thanhHoa) = (Cells(before, "quang-ninh"), Cells(before, "thanh-hoa"));

        var (_, secret) = await fixture.CreateTokenAsync("admin", write: true);
        using var api = fixture.Client(secret);
        var put = await api.PutJsonAsync($"/api/v1/values/xa-ba-che/{Set}/{year}-Q{quarter}",
            new { values = new[] { new { indicator = "ct26.ho-ngheo", value = 3m, version = 0 } } });
        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var after = await admin.GetStringAsync(overview);
        // Columns: name, communes, with data, achieved, approved, average criteria met.
        Cells(after, "quang-ninh")[2].Should().Be((int.Parse(quangNinh[2], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "xã Ba Chẽ has figures of the set for the quarter now");
        Cells(after, "quang-ninh")[1].Should().Be("54");
        Cells(after, "thanh-hoa").Should().Equal(thanhHoa);
    }

    private static List<string> Cells(string html, string slug)
    {
        var row = Regex.Match(html, $"<tr data-unit=\"{slug}\">(.*?)</tr>", RegexOptions.Singleline);
        row.Success.Should().BeTrue(slug);
        return Cell().Matches(row.Groups[1].Value).Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim()).ToList();
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
