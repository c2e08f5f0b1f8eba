using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The leader's dashboard on a phone (issue 14, part 3), at 360 × 740 and 390 × 844, and at 1280 px.
/// <list type="bullet">
/// <item>The dashboard's first screen: with the page at the top, the whole first block (<c>#dash-first</c>) lies inside the
/// viewport, and it holds the per-unit attainment table (<c>#glance-table</c>: the district and every commune, one row each)
/// and the at-risk list (<c>#dash-first-risk</c>: every commune at risk, by name). The long tables below (full heat map,
/// poverty, capital, district figures, the charts' figures) start closed behind a disclosure; the first screen's links open them.</item>
/// <item>Nothing is wider than the screen, with the tables closed or open, nor after a desktop window is narrowed to a phone's width.</item>
/// <item>axe (WCAG 2.1 A/AA) finds nothing, at both sizes and at 1280 px.</item>
/// </list>
/// Every other page at phone size: <see cref="PageWalkTests"/>.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PhoneLayoutTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Dashboard = "/dashboard?unit=ba-che&period=2023-Q3";

    private static readonly string[] AtRisk = ["don-dac", "thanh-son", "thanh-lam", "dap-thanh", "luong-mong", "minh-cam"];

    private static readonly string[] Units = ["ba-che", "nam-son", "don-dac", "thanh-son", "thanh-lam", "dap-thanh", "luong-mong", "minh-cam", "thi-tran-ba-che"];

    [Theory]
    [InlineData(360, 740)]
    [InlineData(390, 844)]
    public async Task Dashboard_first_screen_on_a_phone_holds_each_units_attainment_and_the_communes_at_risk(int width, int height)
    {
        var page = await fixture.SignedInPageAsync("lanhdao", width: width, height: height);

        await page.GotoAsync(Dashboard);
        await Expect(page.Locator("canvas[data-drawn='true']").First).ToBeAttachedAsync();
        await Expect(page.Locator("details.dash-fold[open]")).ToHaveCountAsync(0); // dashboard.js has closed the long tables
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");

        var first = await Box(page, "#dash-first");
        var table = await Box(page, "#glance-table");
        var risk = await Box(page, "#dash-first-risk");
        var m = await PageMeasure.OfAsync(page);
        output.WriteLine($"{width}×{height}: page {m.Height} px tall, overflow {m.Overflow} px; first block {first.Top}–{first.Bottom} ({first.Bottom - first.Top} px), "
            + $"attainment table {table.Top}–{table.Bottom}, at-risk list {risk.Top}–{risk.Bottom}; viewport {height}");

        m.Overflow.Should().BeLessThanOrEqualTo(0);
        first.Top.Should().BeGreaterThanOrEqualTo(0);
        first.Bottom.Should().BeLessThanOrEqualTo(height, "the whole first block (attainment, communes at risk, links to the rest) fits the first screen");
        table.Top.Should().BeGreaterThanOrEqualTo(first.Top);
        table.Bottom.Should().BeLessThanOrEqualTo(height, "the attainment of the district and every commune is read without scrolling");
        risk.Bottom.Should().BeLessThanOrEqualTo(height, "the communes at risk are read without scrolling");

        var rows = page.Locator("#glance-table tbody tr");
        (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-glance-unit'))")).Should().Equal(Units);
        await Expect(page.Locator("#glance-table tr[data-glance-unit='nam-son']")).ToContainTextAsync("NTM nâng cao");
        await Expect(page.Locator("#glance-table tr[data-glance-unit='nam-son']")).ToContainTextAsync("16/19");
        await Expect(page.Locator("#glance-table tr[data-glance-unit='don-dac']")).ToContainTextAsync("14,5/19");
        await Expect(page.Locator("#glance-table tr[data-glance-unit='don-dac']")).ToContainTextAsync("bq");
        await Expect(page.Locator("#glance-table tr[data-glance-unit='ba-che']")).ToContainTextAsync("2/9");
        await Expect(page.Locator("#glance-table tr[data-glance-unit='ba-che']")).ToContainTextAsync("21/21 chỉ tiêu");
        await Expect(page.Locator("#glance-table tr[data-glance-unit='thi-tran-ba-che']")).ToContainTextAsync("chưa có số liệu");
        var riskLinks = await page.Locator("#dash-first-risk a[href^='/communes/']").EvaluateAllAsync<string[]>("links => links.map(a => a.pathname.split('/')[2])");
        riskLinks.Should().Equal(AtRisk);
        await Expect(page.Locator("#dash-first-risk")).ToContainTextAsync("Chưa đánh giá được: thị trấn Ba Chẽ");

        // The rest is one tap away: each link of the first screen leads to its part of the page.
        foreach (var target in new[] { "#heatmap", "#at-risk", "#trends", "#poverty", "#capital", "#targets", "#district-figures" })
        {
            await Expect(page.Locator($"#dash-first a[href='{target}']")).ToHaveCountAsync(1);
            await Expect(page.Locator(target)).ToHaveCountAsync(1);
        }

        // Axe on the page as a phone first shows it (long tables closed).
        await BrowserFixture.AssertAccessibleAsync(page, $"{Dashboard} at {width} px");
        await BrowserFixture.ScreenshotAsync(page, $"dashboard-phone-{width}.png", fullPage: false);
        if (width == 390)
        {
            await BrowserFixture.ScreenshotAsync(page, "dashboard-phone-390-full.png");
        }

        // The long tables start closed on a phone (the full heat map, poverty, capital, district figures, and the tables
        // under the charts); the keyboard opens one.
        await Expect(page.Locator("details.dash-fold")).ToHaveCountAsync(4);
        await Expect(page.Locator("#heatmap-communes")).ToBeHiddenAsync();
        await Expect(page.Locator("#figures-table")).ToBeHiddenAsync();
        var chartData = page.Locator("details.chart-data");
        (await chartData.CountAsync()).Should().BeGreaterThanOrEqualTo(2);
        await Expect(page.Locator("details.chart-data[open]")).ToHaveCountAsync(0);
        await chartData.First.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(chartData.First.Locator("table")).ToBeVisibleAsync();

        // A link of the first screen opens the table it leads to.
        await page.Locator("#dash-first a[href='#poverty']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#poverty$"));
        await Expect(page.Locator("#poverty-table")).ToBeVisibleAsync();

        // Every table open: still nothing wider than the screen, and every box that scrolls sideways says so; axe again.
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => { d.open = true; })");
        await Expect(page.Locator("#heatmap-communes")).ToBeVisibleAsync();
        await Expect(page.Locator("#heatmap .scroll-hint")).ToBeVisibleAsync(); // site.js re-checks the boxes when a disclosure opens
        var open = await PageMeasure.OfAsync(page);
        output.WriteLine($"{width}×{height}, every table open: page {open.Height} px tall, overflow {open.Overflow} px");
        open.Overflow.Should().BeLessThanOrEqualTo(0);
        open.Unsaid.Should().BeEmpty();
        await BrowserFixture.AssertAccessibleAsync(page, $"{Dashboard} at {width} px, every table open");
    }

    /// <summary>
    /// The entry form's rows stack on a phone, and the stacked table fits the screen: a text threshold and its reason
    /// ("ngưỡng chung (không có ngưỡng riêng cho …)") wrap instead of widening the table to ≈ 980 px behind its scroll box.
    /// </summary>
    [Theory]
    [InlineData(360, 740)]
    [InlineData(390, 844)]
    public async Task Entry_form_rows_fit_a_phone_without_a_sideways_scroll(int width, int height)
    {
        var page = await fixture.SignedInPageAsync("xa.namson", width, height);
        await page.GotoAsync("/communes/nam-son/entry/2025-Q2");
        await Expect(page.Locator(".threshold-why").First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        var boxes = await page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('.table-responsive')].map(b => b.scrollWidth - b.clientWidth)");
        boxes.Should().NotBeEmpty().And.OnlyContain(excess => excess <= 1, "every stacked row fits the phone's width");
        (await PageMeasure.OfAsync(page)).Overflow.Should().BeLessThanOrEqualTo(0);
    }

    /// <summary>
    /// Issue 32.2: on the 2023 form at 1366 px the threshold column took 1,052 px and the value inputs sat off-screen behind
    /// the sideways scroll. Every value input must be inside the viewport without scrolling sideways.
    /// </summary>
    [Fact]
    public async Task Entry_form_value_inputs_are_in_view_at_1366_px_whatever_the_threshold_text()
    {
        var page = await fixture.SignedInPageAsync("xa.namson", 1366, 768);
        await page.GotoAsync("/communes/nam-son/entry/2023-Q3");
        await Expect(page.Locator("input.value-input").First).ToBeVisibleAsync();

        var outside = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('input.value-input, .entry-table select')].filter(i => i.getBoundingClientRect().right > window.innerWidth).length");
        var scrolls = await page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('.table-responsive')].map(b => b.scrollWidth - b.clientWidth)");
        outside.Should().Be(0, "every value input lies inside the 1366 px window");
        scrolls.Should().OnlyContain(excess => excess <= 1, "no entry table needs a sideways scroll at 1366 px");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_first_link_of_the_phone_block_takes_the_keyboard_to_the_full_heat_map()
    {
        var page = await fixture.SignedInPageAsync("lanhdao", width: 360, height: 740);
        await page.GotoAsync(Dashboard);
        await Expect(page.Locator("#heatmap-communes")).ToBeHiddenAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.Locator("#dash-first a[href='#heatmap']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#heatmap$"));
        await Expect(page.Locator("#heatmap-communes")).ToBeVisibleAsync();
        // The browser may still be scrolling when the hash changes: wait (bounded) until the heat map is in view.
        await page.WaitForFunctionAsync(
            "() => { const t = document.getElementById('heatmap').getBoundingClientRect().top; return t >= -2 && t <= 740; }",
            null, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }

    /// <summary>
    /// A desktop window narrowed to a phone's width: the charts drawn at 1280 px must shrink with their boxes (they kept
    /// their width and the page scrolled sideways by 153 px at 390 px).
    /// </summary>
    [Fact]
    public async Task Desktop_dashboard_keeps_its_layout_without_the_phone_block_axe_finds_nothing_and_it_narrows_to_a_phone()
    {
        var page = await fixture.SignedInPageAsync("lanhdao", width: 1280, height: 800);

        await page.GotoAsync(Dashboard);
        await Expect(page.Locator("canvas[data-drawn='true']").First).ToBeAttachedAsync();

        await Expect(page.Locator("#dash-first")).ToBeHiddenAsync(); // wider screens show the full heat map first
        await Expect(page.Locator("#heatmap-communes")).ToBeVisibleAsync();
        await Expect(page.Locator(".dash-filter a", new() { HasTextString = "Báo cáo tóm tắt" })).ToBeVisibleAsync();
        await Expect(page.Locator(".scroll-hint")).ToHaveCountAsync(0); // nothing scrolls sideways at 1280 px
        // The long tables and the tables under the charts stay open on a desktop, their disclosure lines hidden.
        await Expect(page.Locator("details.chart-data:not([open]), details.dash-fold:not([open])")).ToHaveCountAsync(0);
        await Expect(page.Locator("details.chart-data > summary").First).ToBeHiddenAsync();
        await Expect(page.Locator("details.dash-fold > summary").First).ToBeHiddenAsync();
        foreach (var table in new[] { "#heatmap-communes", "#heatmap-district", "#poverty-table", "#capital-table", "#targets-table", "#figures-table" })
        {
            await Expect(page.Locator(table)).ToBeVisibleAsync();
        }

        var m = await PageMeasure.OfAsync(page);
        output.WriteLine($"1280×800: page {m.Height} px tall, overflow {m.Overflow} px");
        m.Overflow.Should().BeLessThanOrEqualTo(0);

        await BrowserFixture.AssertAccessibleAsync(page, $"{Dashboard} at 1280 px");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-desktop-first-screen.png", fullPage: false);

        // The window narrowed to a phone's width: the charts follow their boxes and nothing is wider than the screen.
        await NarrowAsync(page, "narrowed from 1280 to 390 px");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-narrowed-390.png", fullPage: false);

        // Again with Chart.js's own resizing switched off, as when it had not redrawn (the charts kept their 516-px width and
        // the page scrolled sideways by 153 px): the page's own resize handling and CSS must keep the page within the screen.
        await PageMeasure.ResizeAsync(page, 1280, 800);
        await page.EvaluateAsync(@"() => document.querySelectorAll('canvas[data-chart-source]').forEach(c => {
            const chart = window.Chart.getChart(c); chart.options.responsive = false; chart.update(); })");
        await NarrowAsync(page, "narrowed from 1280 to 390 px, Chart.js not resizing by itself");
    }

    /// <summary>Narrows the page to 390 × 844 and checks that nothing sticks out and every chart is drawn at its box's width.</summary>
    private async Task NarrowAsync(IPage page, string what)
    {
        await PageMeasure.ResizeAsync(page, 390, 844);
        var m = await PageMeasure.OfAsync(page);
        var charts = await page.EvaluateAsync<double[][]>(@"() => [...document.querySelectorAll('canvas[data-chart-source]')]
            .map(c => [c.getBoundingClientRect().width, c.parentElement.getBoundingClientRect().width, c.width / window.devicePixelRatio])");
        output.WriteLine($"{what}: page {m.Height} px tall, overflow {m.Overflow} px, charts {string.Join(", ", charts.Select(c => $"{c[0]:0}/{c[1]:0} px"))} (canvas/box)");
        m.Failures($"{Dashboard} {what}").Should().BeEmpty();
        charts.Should().NotBeEmpty().And.OnlyContain(c => c[0] <= c[1] + 0.5, "each chart lies within its box");
        charts.Should().OnlyContain(c => Math.Abs(c[2] - c[1]) <= 2, "each chart is redrawn at its box's width, not squeezed into it");
    }

    private static async Task<(double Top, double Bottom)> Box(IPage page, string selector)
    {
        var box = await page.EvaluateAsync<double[]>($"() => {{ const r = document.querySelector('{selector}').getBoundingClientRect(); return [r.top, r.bottom]; }}");
        return (Math.Round(box[0]), Math.Round(box[1]));
    }

    /// <summary>
    /// Issue 32.12: on a 360 px phone the users' table pushed "Đặt lại mật khẩu / Vô hiệu hoá" off-screen and the communes
    /// list's links were 15 px tall in adjacent rows. Both lists become cards that fit the screen, and every link and button
    /// in them is at least 44 px tall (WCAG 2.2 target size, enhanced).
    /// </summary>
    [Theory]
    [InlineData("admin", "/admin/users", "#users")]
    [InlineData("lanhdao.tinh", "/communes?province=quang-ninh", "#commune-table")]
    [InlineData("xa.namson", "/communes/nam-son/entry/2025-Q2", ".entry-table")]
    public async Task Lists_become_cards_with_44_px_targets_on_a_360_px_phone(string user, string url, string table)
    {
        var page = await fixture.SignedInPageAsync(user, 360, 740);
        await page.GotoAsync(url);
        await Expect(page.Locator($"{table} tbody tr").First).ToBeVisibleAsync();

        var small = await page.EvaluateAsync<string[]>(
            "t => [...document.querySelectorAll(t + ' tbody a, ' + t + ' tbody button, ' + t + ' tbody summary, main .btn')]" +
            ".filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().height < 44)" +
            ".map(e => (e.textContent || '').trim() + ' ' + Math.round(e.getBoundingClientRect().height) + ' px')", table);
        var outside = await page.EvaluateAsync<int>(
            "t => [...document.querySelectorAll(t + ' tbody a, ' + t + ' tbody button, ' + t + ' tbody summary')]" +
            ".filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > window.innerWidth).length", table);
        output.WriteLine($"{url}: {small.Length} targets under 44 px, {outside} past the right edge");
        small.Should().BeEmpty("every link and button of a card is at least 44 px tall on a phone");
        outside.Should().Be(0, "no action sits off-screen");
        (await PageMeasure.OfAsync(page)).Overflow.Should().BeLessThanOrEqualTo(0);
        await BrowserFixture.AssertAccessibleAsync(page, $"{url} at 360 px");
    }

    /// <summary>Issue 32.11: at 1366 px in English "Kỳ Thượng commune" ran over the next cell ("no data"); a unit's name wraps in its own column.</summary>
    [Fact]
    public async Task Heat_map_names_stay_inside_their_column_in_English_at_1366_px()
    {
        var page = await fixture.SignedInPageAsync("lanhdao", 1366, 900);
        await page.GotoAsync(Dashboard + "&culture=en");
        await Expect(page.Locator("#heatmap-communes tbody th[scope='row']").First).ToBeVisibleAsync();

        var spilling = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#heatmap-communes tbody th[scope=\"row\"]')]" +
            ".filter(th => th.scrollWidth > th.clientWidth + 1 || [...th.querySelectorAll('a')].some(a => a.getBoundingClientRect().right > th.getBoundingClientRect().right + 1))" +
            ".map(th => th.textContent.trim())");
        spilling.Should().BeEmpty("a commune's name wraps inside the name column rather than running over its first cell");
    }
}
