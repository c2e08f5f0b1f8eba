using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The user guide in the portal (issue 30): an officer opens Help from the entry form and reaches the workbook section, in
/// both languages; and the guide's pictures, written here (docs/guide/pictures, with PROGRAMTRACKER_SCREENSHOTS=1) from the
/// pages they show, so that no picture of the guide is older than the pages.
/// </summary>
[Trait("Category", "Browser")]
public sealed class GuideTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("vi", "Nhập bằng Excel", "Tải sổ tính Excel")]
    [InlineData("en", "Enter with Excel", "Download the Excel workbook")]
    public async Task An_officer_opens_help_from_the_entry_form_and_reaches_the_workbook_section(string language, string section, string button)
    {
        var page = await fixture.SignedInPageAsync("xa.bache");
        var (year, quarter) = TestClock.CurrentQuarter;
        await page.GotoAsync($"/communes/xa-ba-che/entry/{year}-Q{quarter}?culture={language}");
        await Expect(page.Locator("#entry-form")).ToBeVisibleAsync();

        await page.Locator("#help-link").ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/help(\\?culture=en)?#entry$"));
        await Expect(page.Locator("#guide[data-guide='officer'] #entry")).ToBeInViewportAsync();
        await BrowserFixture.AssertAccessibleAsync(page, $"/help ({language})");
        await page.Locator(".help-toc a[href='#workbook']").ClickAsync();
        await Expect(page.Locator("#workbook")).ToContainTextAsync(section);
        await Expect(page.Locator("#workbook")).ToBeInViewportAsync();
        await Expect(page.Locator("#guide")).ToContainTextAsync(button);
        var broken = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#guide img')].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src'))");
        broken.Should().BeEmpty("every picture of the guide is served (they are committed in docs/guide/pictures)");
    }

    /// <summary>Writes the guide's pictures from the pages they show (only with PROGRAMTRACKER_SCREENSHOTS=1), axe on each page.</summary>
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task The_guides_pictures_are_taken_from_the_pages_they_show(string language)
    {
        var officer = await fixture.SignedInPageAsync("xa.namson", 1280, 800);
        await officer.GotoAsync($"/inbox?culture={language}");
        await Expect(officer.Locator("main h1")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(officer);
        await BrowserFixture.GuidePictureAsync(officer, $"officer-inbox-{language}.png");

        await officer.GotoAsync($"/communes/nam-son/entry/2025-Q2?culture={language}");
        await Expect(officer.Locator("#entry-form")).ToBeVisibleAsync();
        await BrowserFixture.GuidePictureAsync(officer, $"officer-entry-{language}.png");
        var workbook = officer.Locator("main details").First;
        await workbook.Locator("summary").ClickAsync();
        await Expect(workbook.Locator("button#upload, button[type=submit]").First).ToBeVisibleAsync();
        await workbook.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.AssertAccessibleAsync(officer);
        await BrowserFixture.GuidePictureAsync(officer, $"officer-workbook-{language}.png");

        var reviewer = await fixture.SignedInPageAsync("tinh", 1280, 800);
        await reviewer.GotoAsync($"/inbox?culture={language}");
        await Expect(reviewer.Locator("main h1")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(reviewer);
        await BrowserFixture.GuidePictureAsync(reviewer, $"reviewer-inbox-{language}.png");

        var leader = await fixture.SignedInPageAsync("lanhdao.tinh", 1280, 800);
        await leader.GotoAsync($"/dashboard?culture={language}");
        await Expect(leader.Locator("main h1")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(leader);
        await BrowserFixture.GuidePictureAsync(leader, $"leader-dashboard-{language}.png");
    }
}
