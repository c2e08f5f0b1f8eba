using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>The dashboard and the summary in Chromium, under the strict Content-Security-Policy the integrator will add.</summary>
[Trait("Category", "Browser")]
public sealed class DashboardPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'";
    private const string Url = "/dashboard?unit=ba-che&period=2023-Q3";

    [Theory]
    [InlineData(1280, "dashboard-desktop.png")]
    [InlineData(820, "dashboard-tablet.png")]
    public async Task Dashboard_draws_its_charts_with_no_console_error_and_fits_the_width(int width, string screenshot)
    {
        var (page, errors) = await OpenAsync(width);

        var response = await page.GotoAsync(Url);

        response!.Status.Should().Be(200);
        await page.WaitForSelectorAsync("canvas[data-drawn='true']");
        (await page.EvaluateAsync<bool>("() => typeof window.Chart === 'function'")).Should().BeTrue("Chart.js is served from wwwroot/lib");
        var charts = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('canvas[data-chart-source]')].filter(c => window.Chart.getChart(c)).length");
        charts.Should().Be(await page.Locator("canvas[data-chart-source]").CountAsync()).And.BeGreaterThanOrEqualTo(2);
        var painted = await page.EvaluateAsync<int>(@"() => {
            const c = document.getElementById('trend-ntm-xa-nang-cao');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }");
        painted.Should().BeGreaterThan(500, "the chart should have drawn axes, labels and points");
        await Expect(page.Locator("[data-unit='nam-son'][data-set='ntm-xa-nang-cao']")).ToContainTextAsync("16/19 tiêu chí", new() { UseInnerText = true });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.Should().BeLessThanOrEqualTo(0, "wide tables scroll inside their own box, not the page");
        errors.Should().BeEmpty();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, screenshot);
    }

    [Fact]
    public async Task Heat_map_cell_leads_to_the_commune_page_for_the_same_period()
    {
        var (page, _) = await OpenAsync(1280);
        await page.GotoAsync(Url);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.Locator("[data-unit='don-dac'][data-set='ntm-xa-nang-cao'] a").ClickAsync();

        await page.WaitForURLAsync("**/communes/don-dac?period=2023-Q3");
        await Expect(page.GetByText("14,5/19", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Summary_page_copies_its_text_and_has_a_print_view()
    {
        var (page, errors) = await OpenAsync(1280, clipboard: true);

        await page.GotoAsync("/reports/summary?unit=ba-che&period=2023-Q3");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "summary-desktop.png");
        await page.Locator("#copy-summary").ClickAsync();

        await page.Locator("#copy-status").GetByText("Đã sao chép văn bản.").WaitForAsync();
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        copied.Should().Contain("xã Nam Sơn đạt 16/19 tiêu chí, 72/75 chỉ tiêu").And.Contain("0,46 %").And.Contain("hơn 119 tỷ đồng");

        await page.GotoAsync("/reports/summary?unit=ba-che&period=2023-Q3&print=1");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("#print-now")).ToBeHiddenAsync(); // buttons are not printed
        await Expect(page.Locator("#summary").GetByText("7/7 xã đạt chuẩn nông thôn mới")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "summary-print.png");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Summary_fits_a_tablet()
    {
        var (page, errors) = await OpenAsync(820);

        await page.GotoAsync("/reports/summary?unit=ba-che&period=2023-Q3");

        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "summary-tablet.png");
        errors.Should().BeEmpty();
    }

    /// <summary>Issue 26.1: the reader picks a half-year in the summary's period picker; the text says how it combines and what is missing.</summary>
    [Theory]
    [InlineData(1280, "summary-half-year-desktop.png")]
    [InlineData(390, "summary-half-year-phone.png")]
    public async Task Summary_takes_a_half_year_from_its_picker(int width, string screenshot)
    {
        var (page, errors) = await OpenAsync(width);
        await page.GotoAsync("/reports/summary?unit=ba-che&period=2023-Q3");

        await BrowserFixture.PickPeriodAsync(page, "2023-H2");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/reports/summary?unit=ba-che&period=2023-H2") + "$"));
        await Expect(page.Locator("#summary h1")).ToContainTextAsync("6 tháng cuối năm 2023");
        await Expect(page.Locator("#summary-window")).ToContainTextAsync("Chưa có số liệu quý IV: huyện Ba Chẽ");
        await Expect(page.Locator("#summary-programme-ntm")).ToContainTextAsync("xã Nam Sơn đạt 16/19 tiêu chí, 72/75 chỉ tiêu");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, screenshot);

        // The dashboard of the same half-year says the same about the missing quarter, under its header.
        await page.GotoAsync("/dashboard?unit=ba-che&period=2023-H2");
        await Expect(page.Locator("#window-note")).ToContainTextAsync("Chưa có số liệu quý IV: huyện Ba Chẽ");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, screenshot.Replace("summary-", "dashboard-", StringComparison.Ordinal), fullPage: false);
        errors.Should().BeEmpty();
    }

    /// <summary>A page whose responses carry the strict CSP, recording console errors and page errors (CSP violations show as both).</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenAsync(int width, bool clipboard = false)
    {
        // Signed in from the fixture's saved sign-in (made before any CSP route: the route re-fetches responses and would
        // drop a redirect's cookie).
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "vi-VN",
            Permissions = clipboard ? ["clipboard-read", "clipboard-write"] : [],
            StorageState = await fixture.SignedInStateAsync("lanhdao"),
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        var errors = BrowserFixture.ErrorsOf(page);
        await page.RouteAsync("**/*", async route =>
        {
            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = Csp };
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Headers = headers });
        });
        return (page, errors);
    }
}
