using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// Issue 26 (branch periods2): a reader picks a half-year on a district's page; the page shows the combined values, the
/// attainment from them and the missing quarter; the indicator page shows each unit's combined value of the window.
/// </summary>
[Trait("Category", "Browser")]
public sealed class UnitWindowPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, "district-half-year-desktop.png")]
    [InlineData(390, "district-half-year-phone.png")]
    public async Task A_district_page_takes_a_half_year_from_its_picker_and_names_the_missing_quarter(int width, string screenshot)
    {
        var (page, errors) = await OpenAsync(width);
        await page.GotoAsync("/districts/ba-che?period=2023-Q3");

        await BrowserFixture.PickPeriodAsync(page, "2023-H2");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/districts/ba-che?period=2023-H2") + "$"));
        await Expect(page.Locator("#window-title")).ToContainTextAsync("6 tháng cuối năm 2023");
        await Expect(page.Locator("#window-sets")).ToContainTextAsync("chưa có số liệu quý IV");
        await Expect(page.Locator(".window-missing").First).ToContainTextAsync("Chưa có số liệu quý IV");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.EvaluateAsync("() => document.getElementById('window').scrollIntoView({ behavior: 'instant', block: 'start' })");
        await BrowserFixture.ScreenshotAsync(page, screenshot, fullPage: false);

        // From the combined table to the indicator page of the same window.
        await page.Locator("#window-values a").First.ClickAsync();
        await page.WaitForURLAsync("**/indicators/*");
        await page.Locator("select#period").SelectOptionAsync("2023-H2");
        await page.Locator("#indicator-window button").ClickAsync();
        await Expect(page.Locator("#indicator-window #window-values")).ToContainTextAsync("huyện Ba Chẽ");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.EvaluateAsync("() => document.getElementById('indicator-window').scrollIntoView({ behavior: 'instant', block: 'start' })");
        await BrowserFixture.ScreenshotAsync(page, screenshot.Replace("district-", "indicator-", StringComparison.Ordinal), fullPage: false);
        errors.Should().BeEmpty();
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(int width)
    {
        var page = await fixture.SignedInPageAsync("lanhdao", width);
        return (page, BrowserFixture.ErrorsOf(page));
    }
}
