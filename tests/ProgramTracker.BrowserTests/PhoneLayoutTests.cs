using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The portal on a phone (issue 14, part 3), at 360 × 740 and 390 × 844.
/// <list type="bullet">
/// <item>No page scrolls sideways: <c>document.documentElement.scrollWidth</c> ≤ <c>window.innerWidth</c> on every page the
/// browser tests visit. A table may scroll inside its own box only when that box says so: a visible hint just above it
/// (<c>.scroll-hint</c>), <c>role="region"</c> with an <c>aria-label</c>, and <c>tabindex="0"</c> for the keyboard.</item>
/// <item>The dashboard's first screen: with the page at the top, the whole first block (<c>#dash-first</c>) lies inside the
/// viewport, and it holds the per-unit attainment table (<c>#glance-table</c>: the district and every commune, one row each)
/// and the at-risk list (<c>#dash-first-risk</c>: every commune at risk, by name). The long tables below (full heat map,
/// poverty, capital, district figures, the charts' figures) start closed behind a disclosure; the first screen's links open them.</item>
/// <item>axe (WCAG 2.0 and 2.1, levels A and AA) finds nothing on any page visited, at both sizes, nor on the dashboard at 1280 px.</item>
/// </list>
/// </summary>
[Trait("Category", "Browser")]
public sealed class PhoneLayoutTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Dashboard = "/dashboard?unit=ba-che&period=2023-Q3";

    private static readonly string[] AtRisk = ["don-dac", "thanh-son", "thanh-lam", "dap-thanh", "luong-mong", "minh-cam"];

    private static readonly string[] Units = ["ba-che", "nam-son", "don-dac", "thanh-son", "thanh-lam", "dap-thanh", "luong-mong", "minh-cam", "thi-tran-ba-che"];

    /// <summary>
    /// Every page each role reaches (GET pages; the import previews follow a file upload and are walked by the import
    /// journeys). "{name}" is a page whose address holds an id: it is read from a link on a page visited before it (<see cref="Links"/>).
    /// </summary>
    private static readonly (string User, string[] Paths)[] Pages =
    [
        ("", ["/account/login"]),
        ("lanhdao",
        [
            "/", Dashboard, "/reports/summary?unit=ba-che&period=2023-Q3", "/reports/summary?unit=ba-che&period=2023-Q3&print=1",
            "/overview", "/communes", "/communes/nam-son", "/districts/ba-che", "/programmes", "/programmes/gnbv",
            "/criteria-sets/ntm-xa-nang-cao", "/criteria-sets/dtts-nq06", "{indicator}", "/account/password", "/account/two-factor",
            "/account/tokens", "/khong-co-trang-nay",
        ]),
        ("huyen",
        [
            "/", "/inbox", "/communes/nam-son/entry/2023-Q3", "/districts/ba-che/entry/2023-Q3", "{history}",
            "/districts/ba-che/poverty/2023-Q3", "/districts/ba-che/capital/2023-Q3", "/districts/ba-che/targets/2023", "/audit",
            "/entry/2023-Q3/import?unit=ba-che",
        ]),
        ("xa.namson", ["/", "/inbox", "/communes/nam-son/entry/2023-Q4", "/account/tokens"]),
        ("tinh", ["/", "/inbox"]),
        ("lanhdao.tinh", ["/communes/xa-ba-che", "/communes/luong-minh", "/dashboard?unit=quang-ninh&period=2026-Q3", "/programmes/ctmtqg-2026", "/criteria-sets/ntm-xa", "/criteria-sets/ntm-xa-2026"]),
        ("xa.bache", ["/inbox", "/communes/xa-ba-che/entry/2026-Q3", "/communes/nam-son/entry/2026-Q3"]),
        ("admin",
        [
            "/admin/users", "{user}", "{user-password}", "/admin/users/new", "/admin/periods", "/criteria-sets/ntm-xa",
            "{indicator-edit}", "/admin/criteria-sets/ntm-xa-nang-cao/indicators/new", "/admin/criteria-sets/ntm-xa-nang-cao/import",
            "/overview", "/dashboard", "/admin/reorganisations",
        ]),
    ];

    /// <summary>Where each "{name}" of <see cref="Pages"/> is read: the page, and the link on it.</summary>
    private static readonly Dictionary<string, (string Page, string Selector)> Links = new()
    {
        ["{indicator}"] = ("/districts/ba-che", "#figures a[href^='/indicators/']"),
        ["{history}"] = ("/districts/ba-che/entry/2023-Q3", "a[href^='/audit/value?']"),
        ["{user}"] = ("/admin/users", "a[href^='/admin/users/']:not([href='/admin/users/new']):not([href$='/password'])"),
        ["{user-password}"] = ("/admin/users", "a[href^='/admin/users/'][href$='/password']"),
        ["{indicator-edit}"] = ("/criteria-sets/ntm-xa", "a[href^='/admin/indicators/'][href$='/edit']"),
    };

    /// <summary>Pages whose phone screenshots are kept in docs/screenshots (the dashboard's are taken below).</summary>
    private static readonly Dictionary<string, string> Screenshots = new()
    {
        ["/reports/summary?unit=ba-che&period=2023-Q3"] = "summary",
        ["/districts/ba-che"] = "district-ba-che",
        ["/districts/ba-che/entry/2023-Q3"] = "district-entry",
        ["/criteria-sets/ntm-xa-nang-cao"] = "criteria-set",
    };

    /// <summary>Page overflow, and every box that scrolls sideways without saying so.</summary>
    private const string MeasureScript = @"() => {
        const unsaid = [];
        for (const el of document.querySelectorAll('body *')) {
            if (['INPUT', 'SELECT', 'TEXTAREA', 'CANVAS'].includes(el.tagName)) continue;
            const style = getComputedStyle(el);
            if (!['auto', 'scroll'].includes(style.overflowX) || el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
            const hint = el.previousElementSibling;
            const hinted = hint && hint.classList.contains('scroll-hint') && hint.getBoundingClientRect().height > 0 && hint.textContent.trim().length > 0;
            const labelled = el.getAttribute('role') === 'region' && (el.getAttribute('aria-label') || '').trim().length > 0;
            if (!hinted || !labelled || el.getAttribute('tabindex') !== '0') {
                unsaid.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + [...el.classList].join('.') + (el.querySelector('table[id]') ? ' > #' + el.querySelector('table[id]').id : ''));
            }
        }
        const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'));
        return { overflow: document.documentElement.scrollWidth - window.innerWidth, height: document.documentElement.scrollHeight, unsaid, wide };
    }";

    /// <summary>
    /// Each page is opened once at 360 × 740, measured and checked by axe, then measured again at 390 × 844 (the same page, the
    /// viewport resized: both sizes lie in the same Bootstrap breakpoint, so the same elements show and axe would find the same).
    /// </summary>
    [Fact]
    public async Task No_page_scrolls_sideways_on_a_phone_and_axe_finds_nothing()
    {
        var failures = new List<string>();
        var found = new Dictionary<string, string>();
        foreach (var (user, paths) in Pages)
        {
            var page = user == "" ? await fixture.NewPageAsync(360, 740) : await fixture.SignedInPageAsync(user, width: 360, height: 740);
            foreach (var template in paths)
            {
                var path = template;
                if (template.StartsWith('{'))
                {
                    if (!found.TryGetValue(template, out var link))
                    {
                        failures.Add($"{template}: no link {Links[template].Selector} on {Links[template].Page} ({user})");
                        continue;
                    }

                    path = link;
                }

                var response = await page.GotoAsync(path);
                var expected = path.StartsWith("/khong-co", StringComparison.Ordinal) ? 404 : 200;
                if (response!.Status != expected)
                {
                    failures.Add($"{path} ({user}): status {response.Status}, expected {expected}");
                    continue;
                }

                foreach (var (name, (_, selector)) in Links.Where(l => l.Value.Page == path))
                {
                    var links = page.Locator(selector);
                    if (await links.CountAsync() > 0)
                    {
                        found[name] = (await links.First.GetAttributeAsync("href"))!;
                    }
                }

                foreach (var (width, height) in new[] { (360, 740), (390, 844) })
                {
                    await page.SetViewportSizeAsync(width, height);
                    await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"); // site.js re-checks the scroll boxes on resize
                    var m = await MeasureAsync(page);
                    output.WriteLine($"{width}×{height} {user,-12} {path}: overflow {m.Overflow} px, height {m.Height} px, unlabelled scroll boxes {m.Unsaid.Length}");
                    if (m.Overflow > 0)
                    {
                        failures.Add($"{path} ({user}, {width} px) is {m.Overflow} px wider than the screen: {string.Join(", ", m.Wide)}");
                    }

                    if (m.Unsaid.Length > 0)
                    {
                        failures.Add($"{path} ({user}, {width} px) scrolls sideways inside {string.Join(", ", m.Unsaid)} without a hint, a label and a tab stop");
                    }

                    if (Screenshots.TryGetValue(path, out var shot))
                    {
                        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"{shot}-phone-{width}.png") });
                    }
                }

                await page.SetViewportSizeAsync(360, 740);
                var axe = await page.RunAxe(WcagAa);
                failures.AddRange(axe.Violations.Select(v => $"{path} ({user}) axe {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
            }

            await page.Context.CloseAsync();
        }

        failures.Should().BeEmpty();
    }

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
        var m = await MeasureAsync(page);
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
        var axe = await page.RunAxe(WcagAa);
        axe.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").Should().BeEmpty();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"dashboard-phone-{width}.png") });
        if (width == 390)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("dashboard-phone-390-full.png"), FullPage = true });
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
        var open = await MeasureAsync(page);
        output.WriteLine($"{width}×{height}, every table open: page {open.Height} px tall, overflow {open.Overflow} px");
        open.Overflow.Should().BeLessThanOrEqualTo(0);
        open.Unsaid.Should().BeEmpty();
        axe = await page.RunAxe(WcagAa);
        axe.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").Should().BeEmpty();
    }

    [Fact]
    public async Task The_first_link_of_the_phone_block_takes_the_keyboard_to_the_full_heat_map()
    {
        var page = await fixture.SignedInPageAsync("lanhdao", width: 360, height: 740);
        await page.GotoAsync(Dashboard);
        await Expect(page.Locator("#heatmap-communes")).ToBeHiddenAsync();

        await page.Locator("#dash-first a[href='#heatmap']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#heatmap$"));
        await Expect(page.Locator("#heatmap-communes")).ToBeVisibleAsync();
        // The browser may still be scrolling when the hash changes: wait (bounded) until the heat map is in view.
        await page.WaitForFunctionAsync(
            "() => { const t = document.getElementById('heatmap').getBoundingClientRect().top; return t >= -2 && t <= 740; }",
            null, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }

    [Fact]
    public async Task Desktop_dashboard_keeps_its_layout_without_the_phone_block_and_axe_finds_nothing()
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

        var m = await MeasureAsync(page);
        output.WriteLine($"1280×800: page {m.Height} px tall, overflow {m.Overflow} px");
        m.Overflow.Should().BeLessThanOrEqualTo(0);

        var axe = await page.RunAxe(WcagAa);
        axe.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").Should().BeEmpty();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("dashboard-desktop-first-screen.png") });
    }

    private static AxeRunOptions WcagAa => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private static async Task<(double Top, double Bottom)> Box(IPage page, string selector)
    {
        var box = await page.EvaluateAsync<double[]>($"() => {{ const r = document.querySelector('{selector}').getBoundingClientRect(); return [r.top, r.bottom]; }}");
        return (Math.Round(box[0]), Math.Round(box[1]));
    }

    private static async Task<Measure> MeasureAsync(IPage page)
    {
        var m = await page.EvaluateAsync<System.Text.Json.JsonElement>(MeasureScript);
        static string[] Strings(System.Text.Json.JsonElement e) => e.EnumerateArray().Select(x => x.GetString() ?? "").ToArray();
        return new Measure(m.GetProperty("overflow").GetInt32(), m.GetProperty("height").GetInt32(), Strings(m.GetProperty("unsaid")), Strings(m.GetProperty("wide")));
    }

    private sealed record Measure(int Overflow, int Height, string[] Unsaid, string[] Wide);
}
