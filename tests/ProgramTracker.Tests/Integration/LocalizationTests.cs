using System.Net;
using ProgramTracker.TestSupport;

namespace ProgramTracker.Tests.Integration;

/// <summary>The reader's language: the default, ?culture=, the switch's cookie, and a page cache that keeps them apart.</summary>
[Collection(PortalCollection.Name)]
public sealed class LocalizationTests(PortalFixture fixture)
{
    [Fact]
    public async Task Vietnamese_is_the_default_and_query_culture_chooses_english_for_one_request()
    {
        var client = await fixture.ClientAsync("lanhdao");

        var vi = await client.GetStringAsync("/communes/nam-son");
        vi.Should().Contain("<html lang=\"vi\"").And.Contain(">Bảng điều khiển</a>");

        foreach (var name in new[] { "en", "en-US", "EN" })
        {
            var en = await client.GetStringAsync($"/communes/nam-son?culture={name}");
            en.Should().Contain("<html lang=\"en\"").And.Contain(">Dashboard</a>").And.NotContain(">Bảng điều khiển</a>");
        }

        (await client.GetStringAsync("/communes/nam-son?culture=vi-VN")).Should().Contain("<html lang=\"vi\"");
        (await client.GetStringAsync("/communes/nam-son?culture=fr")).Should().Contain("<html lang=\"vi\"");
    }

    [Fact]
    public async Task The_switch_sets_the_cookie_returns_to_the_page_and_the_page_cache_varies_by_language()
    {
        // A client of its own: the cookie it gets must not change the language of the shared clients.
        var client = await fixture.Factory.SignedInClientAsync("lanhdao");
        const string page = "/dashboard?unit=ba-che&period=2023-Q3";

        (await client.GetStringAsync(page)).Should().Contain("<html lang=\"vi\"");
        (await client.GetStringAsync(page)).Should().Contain("<html lang=\"vi\""); // now cached in Vietnamese

        var switched = await client.GetAsync($"/language/en?returnUrl={Uri.EscapeDataString(page)}");
        switched.StatusCode.Should().Be(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.Should().Be(page);
        switched.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US", StringComparison.Ordinal));

        var english = await client.GetStringAsync(page);
        english.Should().Contain("<html lang=\"en\"").And.Contain(">Dashboard</a>");

        // The address's choice wins over the cookie, for that request only.
        (await client.GetStringAsync(page + "&culture=vi")).Should().Contain("<html lang=\"vi\"");
        (await client.GetStringAsync(page)).Should().Contain("<html lang=\"en\"");

        await client.GetAsync("/language/vi?returnUrl=%2F");
        (await client.GetStringAsync(page)).Should().Contain("<html lang=\"vi\"");
    }

    [Theory]
    [InlineData("https://example.com/")]
    [InlineData("//example.com/")]
    [InlineData("/\\example.com")]
    public async Task The_switch_returns_only_to_local_addresses(string returnUrl)
    {
        var client = fixture.Factory.AnonymousClient();

        var response = await client.GetAsync($"/language/en?returnUrl={Uri.EscapeDataString(returnUrl)}");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task An_unknown_language_is_not_found()
    {
        var response = await fixture.Factory.AnonymousClient().GetAsync("/language/fr?returnUrl=%2F");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
