namespace ProgramTracker.Tests.Integration;

/// <summary>The embedded default: a fresh SQLite file, migrated and seeded at start.</summary>
public sealed class SqliteSmokeTests
{
    [Fact]
    public async Task Embedded_default_serves_the_seeded_pages_to_a_signed_in_demo_user()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pt-{Guid.NewGuid():N}.db");
        try
        {
            await using var factory = new PortalFactory("Sqlite", $"Data Source={file};Pooling=false");
            var client = await factory.SignedInClientAsync("xa.namson");

            var nam = await client.GetStringAsync("/communes/nam-son");
            var district = await client.GetStringAsync("/districts/ba-che");

            nam.Should().Contain("16/19").And.Contain("72/75");
            district.Should().Contain("2/9").And.Contain("25/38").And.Contain("0,46 %").And.Contain("hơn 119 tỷ đồng");
            (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.GetAsync("/communes/khong-co")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
