using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The API's period ranges (one SQL form of the period key, ApiFilters.StoredRankBetween) translate on SQLite too.</summary>
    [Fact]
    public async Task Embedded_default_filters_the_APIs_lists_by_a_period_range()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pt-{Guid.NewGuid():N}.db");
        try
        {
            await using var factory = new PortalFactory("Sqlite", $"Data Source={file};Pooling=false");
            string secret;
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ProgramTracker.Core.Data.ProgramTrackerDbContext>();
                var userId = db.Users.Where(u => u.UserName == "lanhdao").Select(u => u.Id).Single();
                var (created, error) = await scope.ServiceProvider.GetRequiredService<ProgramTracker.Core.Accounts.ApiTokens>().CreateAsync(userId, "thử sqlite", 30, false);
                created.Should().NotBeNull(error);
                secret = created!.Secret;
            }

            using var api = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
            foreach (var list in new[] { "values", "attainment/reported", "attainment/computed", "poverty", "capital", "submissions" })
            {
                var quarter = await api.GetAsync($"/api/v1/{list}?unit=ba-che&period=2023-Q3&limit=1000");
                var all = await api.GetAsync($"/api/v1/{list}?unit=ba-che&from=2022-Q4&to=2023&limit=1000");
                quarter.StatusCode.Should().Be(HttpStatusCode.OK, list);
                all.StatusCode.Should().Be(HttpStatusCode.OK, list);
                (await quarter.Content.ReadAsStringAsync()).Should().NotContain("\"2022-Q4\"", list);
            }

            (await api.GetStringAsync("/api/v1/values?unit=ba-che&period=2023-Q3&limit=1000")).Should().Contain("\"2023-Q3\"");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
