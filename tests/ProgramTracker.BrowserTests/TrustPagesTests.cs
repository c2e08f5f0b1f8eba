using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>Issue 25 in Chromium: the completeness and validation reports for Quảng Ninh, on a desktop and a 390 px phone, with axe.</summary>
[Trait("Category", "Browser")]
public sealed class TrustPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, "completeness-desktop.png", "validation-desktop.png")]
    [InlineData(390, "completeness-phone.png", "validation-phone.png")]
    public async Task The_reports_for_Quang_Ninh_draw_their_chart_and_table_and_pass_axe(int width, string completenessShot, string validationShot)
    {
        var page = await fixture.SignedInPageAsync("lanhdao.tinh", width);

        var response = await page.GotoAsync("/reports/completeness?unit=quang-ninh&period=2023-Q3");

        response!.Status.Should().Be(200);
        await Expect(page.Locator("h1")).ToContainTextAsync("Tình hình báo cáo");
        await page.WaitForSelectorAsync("canvas[data-drawn='true']");
        await Expect(page.Locator("#completeness-units tbody tr").First).ToBeVisibleAsync();
        (await page.Locator("#completeness-units tbody tr[data-state='missing']").CountAsync()).Should().BeGreaterThan(0);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.Should().BeLessThanOrEqualTo(0, "wide tables scroll inside their own box, not the page");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, completenessShot);

        await page.GotoAsync("/reports/validation?unit=quang-ninh&period=2023-Q3");
        await Expect(page.Locator("h1")).ToContainTextAsync("Số liệu cần kiểm tra");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, validationShot);
    }
}
