using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>The pages of daily operation in Chromium, each at desktop and phone width, with a screenshot.</summary>
[Trait("Category", "Browser")]
public sealed class OperationsPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("huyen", "/inbox", "#inbox-not-submitted", "Chưa gửi", "inbox")]
    [InlineData("admin", "/overview", "#overview", "Quảng Ninh", "overview")]
    [InlineData("huyen", "/audit", "main form", "Nhật ký thay đổi", "audit")]
    [InlineData("admin", "/admin/periods", "#periods", "Quý III/2023", "admin-periods")]
    [InlineData("huyen", "/districts/ba-che/poverty/2023-Q3", "#poverty-entry", "xã Nam Sơn", "poverty-entry")]
    [InlineData("admin", "/admin/criteria-sets/ntm-xa-nang-cao/indicators/new", "main form", "Thêm chỉ tiêu", "admin-indicator")]
    [InlineData("huyen", "/districts/ba-che/targets/2023", "#targets-entry", "Thu nhập bình quân đầu người", "targets-entry")]
    [InlineData("lanhdao", "/communes", "main .list-group", "xã Nam Sơn", "communes")]
    [InlineData("lanhdao", "/programmes", "main .card", "Chương trình MTQG giảm nghèo bền vững", "programmes")]
    [InlineData("lanhdao", "/programmes/gnbv", "main .list-group", "Truyền thông và giảm nghèo về thông tin", "programme-gnbv")]
    [InlineData("lanhdao", "/criteria-sets/ntm-xa-nang-cao", "#reported", "Nhóm chưa xác nhận", "criteria-set")]
    [InlineData("huyen", "/districts/ba-che/capital/2023-Q3", "#capital-list", "119 tỷ đồng", "capital-entry")]
    public async Task Page_renders_its_content_and_fits_desktop_and_phone(string user, string path, string selector, string text, string name)
    {
        foreach (var (width, height, size) in new[] { (1280, 900, "desktop"), (390, 844, "phone") })
        {
            var page = await fixture.SignedInPageAsync(user, width: width, height: height);

            var response = await page.GotoAsync(path);

            response!.Status.Should().Be(200, path);
            await Expect(page.Locator(selector).First).ToBeVisibleAsync();
            await Expect(page.Locator("main")).ToContainTextAsync(text, new() { UseInnerText = true });
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            overflow.Should().BeLessThanOrEqualTo(0, $"{path} must not scroll sideways at {width}px");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"{name}-{size}.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task An_indicator_opens_from_the_district_page_and_says_its_threshold_is_unknown()
    {
        var page = await fixture.SignedInPageAsync("lanhdao");
        await page.GotoAsync("/districts/ba-che");

        await page.Locator("#figures a", new() { HasTextString = "Thu nhập bình quân đầu người" }).First.ClickAsync();

        await page.WaitForURLAsync("**/indicators/*");
        await Expect(page.Locator("#threshold")).ToHaveTextAsync("chưa có ngưỡng", new() { UseInnerText = true });
        await Expect(page.Locator("#values")).ToContainTextAsync("ước 68 triệu đồng/người/năm", new() { UseInnerText = true });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("indicator-desktop.png"), FullPage = true });
    }

    [Fact]
    public async Task A_values_history_opens_from_its_cell()
    {
        var page = await fixture.SignedInPageAsync("huyen");
        await page.GotoAsync("/districts/ba-che/entry/2023-Q3");

        await page.Locator("a", new() { HasTextString = "Lịch sử" }).First.ClickAsync();

        await page.WaitForURLAsync("**/audit/value?*");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Lịch sử số liệu", new() { UseInnerText = true });
        await Expect(page.Locator("#cell")).ToContainTextAsync("huyện Ba Chẽ · Quý III/2023", new() { UseInnerText = true });
        await Expect(page.Locator("main")).ToContainTextAsync("Chưa có thay đổi nào", new() { UseInnerText = true }); // seeded values were never edited
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("value-history-desktop.png"), FullPage = true });
    }

    [Fact]
    public async Task Poverty_counts_typed_wrong_get_a_message_beside_the_row_and_nothing_is_lost()
    {
        var page = await fixture.SignedInPageAsync("huyen");
        await page.GotoAsync("/districts/ba-che/poverty/2023-Q3?standard=nd-07-2021");
        var row = page.Locator("#poverty-entry tbody tr").Nth(1);

        await row.Locator("input[name$='.Households']").FillAsync("100");
        await row.Locator("input[name$='.Poor']").FillAsync("80");
        await row.Locator("input[name$='.NearPoor']").FillAsync("40");
        await page.ClickAsync("#save");

        await Expect(page.Locator("#poverty-message")).ToContainTextAsync("Chưa lưu", new() { UseInnerText = true });
        await Expect(page.Locator("#poverty-entry tbody tr").Nth(1)).ToContainTextAsync("vượt tổng số hộ", new() { UseInnerText = true });
        await Expect(page.Locator("#poverty-entry tbody tr").Nth(1).Locator("input[name$='.Poor']")).ToHaveValueAsync("80");
    }
}
