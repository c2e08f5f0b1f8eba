using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The pages of daily operation in Chromium: a page reached by a link, a value's history, a refused entry. Every page's
/// content, width and axe in both languages: <see cref="PageWalkTests"/>.
/// </summary>
[Trait("Category", "Browser")]
public sealed class OperationsPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_indicator_opens_from_the_district_page_and_says_its_threshold_is_unknown()
    {
        var page = await fixture.SignedInPageAsync("lanhdao");
        await page.GotoAsync("/districts/ba-che");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.Locator("#figures a", new() { HasTextString = "Thu nhập bình quân đầu người" }).First.ClickAsync();

        await page.WaitForURLAsync("**/indicators/*");
        await Expect(page.Locator("#threshold")).ToHaveTextAsync("chưa có ngưỡng", new() { UseInnerText = true });
        await Expect(page.Locator("#values")).ToContainTextAsync("ước 68 triệu đồng/người/năm", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "indicator-desktop.png");
    }

    [Fact]
    public async Task A_values_history_opens_from_its_cell()
    {
        var page = await fixture.SignedInPageAsync("huyen");
        await page.GotoAsync("/districts/ba-che/entry/2023-Q3");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.Locator("a", new() { HasTextString = "Lịch sử" }).First.ClickAsync();

        await page.WaitForURLAsync("**/audit/value?*");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Lịch sử số liệu", new() { UseInnerText = true });
        await Expect(page.Locator("#cell")).ToContainTextAsync("huyện Ba Chẽ · Quý III/2023", new() { UseInnerText = true });
        await Expect(page.Locator("main")).ToContainTextAsync("Chưa có thay đổi nào", new() { UseInnerText = true }); // seeded values were never edited
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "value-history-desktop.png");
    }

    [Fact]
    public async Task Poverty_counts_typed_wrong_get_a_message_beside_the_row_and_nothing_is_lost()
    {
        var page = await fixture.SignedInPageAsync("huyen");
        await page.GotoAsync("/districts/ba-che/poverty/2023-Q3?standard=nd-07-2021");
        await BrowserFixture.AssertAccessibleAsync(page);
        var row = page.Locator("#poverty-entry tbody tr").Nth(1);

        await row.Locator("input[name$='.Households']").FillAsync("100");
        await row.Locator("input[name$='.Poor']").FillAsync("80");
        await row.Locator("input[name$='.NearPoor']").FillAsync("40");
        await page.ClickAsync("#save");

        await Expect(page.Locator("#poverty-message")).ToContainTextAsync("Chưa lưu", new() { UseInnerText = true });
        await Expect(page.Locator("#poverty-entry tbody tr").Nth(1)).ToContainTextAsync("vượt tổng số hộ", new() { UseInnerText = true });
        await Expect(page.Locator("#poverty-entry tbody tr").Nth(1).Locator("input[name$='.Poor']")).ToHaveValueAsync("80");
        await BrowserFixture.AssertAccessibleAsync(page, "poverty form (refused)");
    }

    /// <summary>
    /// Issue 32.15: the deadline boxes followed the browser's mm/dd/yyyy, so the Q4/2026 deadline read "01/10/2027". Dates are
    /// day/month/year in Vietnamese; a date typed wrong is refused beside its box and the stored deadline is kept.
    /// </summary>
    [Fact]
    public async Task Period_deadlines_read_and_are_typed_day_month_year_and_a_wrong_date_keeps_the_stored_one()
    {
        var page = await fixture.SignedInPageAsync("admin");
        await page.GotoAsync("/admin/periods");
        var box = page.Locator("#dl-2026-Q4");
        await Expect(box).ToHaveValueAsync("10/01/2027"); // the seeded deadline: 10 January 2027
        await BrowserFixture.AssertAccessibleAsync(page, "/admin/periods");

        await box.FillAsync("31/02/2027");
        await page.Locator("tr[data-period='2026-Q4'] button[type=submit]").First.ClickAsync();
        await Expect(page.Locator("#dl-2026-Q4-error")).ToContainTextAsync("ngày/tháng/năm");
        await Expect(page.Locator("#dl-2026-Q4")).ToHaveValueAsync("31/02/2027");
        await Expect(page.Locator("#dl-2026-Q4")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.AssertAccessibleAsync(page, "/admin/periods (refused date)");

        await page.GotoAsync("/admin/periods");
        await Expect(page.Locator("#dl-2026-Q4")).ToHaveValueAsync("10/01/2027"); // the typo cleared nothing

        await page.Locator("#dl-2026-Q4").FillAsync("15/01/2027");
        await page.Locator("tr[data-period='2026-Q4'] button[type=submit]").First.ClickAsync();
        await Expect(page.Locator("#dl-2026-Q4")).ToHaveValueAsync("15/01/2027");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Quý IV/2026");
    }
}
