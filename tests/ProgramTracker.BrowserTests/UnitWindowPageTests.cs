using Microsoft.Playwright;
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

        await page.Locator("select#period").SelectOptionAsync("2023-H2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/districts/ba-che?period=2023-H2");
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
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "vi-VN",
            StorageState = await fixture.SignedInStateAsync("lanhdao"),
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }
}
