using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

[Trait("Category", "Browser")]
public sealed class CommunePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Nam_Son_page_shows_16_of_19_in_Chromium()
    {
        var page = await fixture.SignedInPageAsync("huyen");

        var response = await page.GotoAsync("/communes/nam-son");

        response!.Status.Should().Be(200);
        var advanced = page.Locator("[data-set='ntm-xa-nang-cao']");
        await Expect(advanced.GetByText("16/19", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(advanced.GetByText("72/75", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "commune-nam-son-desktop.png");
    }

    [Fact]
    public async Task Nam_Son_page_fits_a_phone_without_sideways_scrolling()
    {
        var page = await fixture.SignedInPageAsync("xa.namson", width: 390, height: 844);

        await page.GotoAsync("/communes/nam-son");

        await Expect(page.GetByText("16/19", new() { Exact = true }).First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.Should().BeLessThanOrEqualTo(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "commune-nam-son-phone.png");
    }

    [Fact]
    public async Task District_page_shows_its_figures_and_leads_to_a_commune()
    {
        var page = await fixture.SignedInPageAsync("huyen");

        await page.GotoAsync("/districts/ba-che");
        await Expect(page.Locator("[data-set='ntm-huyen-nang-cao']").GetByText("2/9", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "district-ba-che-desktop.png");

        await page.Locator("a[href='/communes/don-dac']").Last.ClickAsync();

        await page.WaitForURLAsync("**/communes/don-dac");
        await Expect(page.GetByText("14,5/19", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
