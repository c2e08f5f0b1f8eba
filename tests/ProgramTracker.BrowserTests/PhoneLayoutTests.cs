using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The portal on a phone (issue 14, part 3), at 360 × 740 and 390 × 844.
/// <list type="bullet">
/// <item>No page scrolls sideways: <c>document.documentElement.scrollWidth</c> ≤ <c>window.innerWidth</c> on every page the
/// browser tests visit. A table may scroll inside its own box only when that box says so: a visible hint just above it
/// (<c>.scroll-hint</c>), <c>role="region"</c> with an <c>aria-label</c>, and <c>tabindex="0"</c> for the keyboard.</item>
/// <item>The dashboard's first screen: with the page at the top, the per-unit attainment table (<c>#glance-table</c>: the
/// district and every commune, one row each) and the at-risk list (<c>#dash-first-risk</c>: every commune at risk, by name)
/// lie wholly inside the viewport (top ≥ 0, bottom ≤ <c>window.innerHeight</c>), so they are read without scrolling.</item>
/// <item>axe (WCAG 2.0 and 2.1, levels A and AA) finds nothing on those pages at 360 px, on the dashboard at 390 px, nor on the dashboard at 1280 px.</item>
/// </list>
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PhoneLayoutTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Dashboard = "/dashboard?unit=ba-che&period=2023-Q3";

    private static readonly string[] AtRisk = ["don-dac", "thanh-son", "thanh-lam", "dap-thanh", "luong-mong", "minh-cam"];

    private static readonly string[] Units = ["ba-che", "nam-son", "don-dac", "thanh-son", "thanh-lam", "dap-thanh", "luong-mong", "minh-cam", "thi-tran-ba-che"];

    /// <summary>The portal's pages, as each role reaches them; "{indicator}" and "{history}" are found on the way.</summary>
    private static readonly (string User, string[] Paths)[] Pages =
    [
        ("", ["/account/login"]),
        ("lanhdao",
        [
            "/", Dashboard, "/reports/summary?unit=ba-che&period=2023-Q3", "/reports/summary?unit=ba-che&period=2023-Q3&print=1",
            "/overview", "/communes", "/communes/nam-son", "/districts/ba-che", "/programmes", "/programmes/gnbv",
            "/criteria-sets/ntm-xa-nang-cao", "/criteria-sets/dtts-nq06", "{indicator}", "/account/password", "/account/two-factor",
            "/khong-co-trang-nay",
        ]),
        ("huyen",
        [
            "/", "/inbox", "/communes/nam-son/entry/2023-Q3", "/districts/ba-che/entry/2023-Q3", "{history}",
            "/districts/ba-che/poverty/2023-Q3", "/districts/ba-che/capital/2023-Q3", "/districts/ba-che/targets/2023", "/audit",
        ]),
        ("xa.namson", ["/", "/inbox", "/communes/nam-son/entry/2023-Q4", "/account/tokens"]),
        ("lanhdao.tinh", ["/communes/xa-ba-che", "/communes/luong-minh", "/dashboard?unit=quang-ninh&period=2026-Q3", "/programmes/ctmtqg-2026", "/criteria-sets/ntm-xa", "/criteria-sets/ntm-xa-2026"]),
        ("xa.bache", ["/inbox", "/communes/xa-ba-che/entry/2026-Q3", "/communes/nam-son/entry/2026-Q3"]),
        ("admin", ["/admin/users", "/admin/users/new", "/admin/periods", "/admin/criteria-sets/ntm-xa-nang-cao/indicators/new", "/overview", "/dashboard", "/admin/reorganisations"]),
    ];

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

    // The walk runs at the narrowest phone the issue names (360 px): a page that fits 360 px fits 390 px; the first
    // screen below is checked at both sizes. One size keeps the browser suite's time for CI.
    [Theory]
    [InlineData(360, 740)]
    public async Task No_page_scrolls_sideways_on_a_phone_and_axe_finds_nothing(int width, int height)
    {
        var failures = new List<string>();
        string? indicator = null, history = null;
        foreach (var (user, paths) in Pages)
        {
            var page = user == "" ? await fixture.NewPageAsync(width, height) : await fixture.SignedInPageAsync(user, width: width, height: height);
            foreach (var template in paths)
            {
                var path = template.Replace("{indicator}", indicator ?? "/indicators/1", StringComparison.Ordinal)
                    .Replace("{history}", history ?? "/audit", StringComparison.Ordinal);
                var response = await page.GotoAsync(path);
                var expected = path.StartsWith("/khong-co", StringComparison.Ordinal) ? 404 : 200;
                if (response!.Status != expected)
                {
                    failures.Add($"{path}: status {response.Status}, expected {expected}");
                    continue;
                }

                if (path == "/districts/ba-che")
                {
                    indicator = await page.Locator("#figures a[href^='/indicators/']").First.GetAttributeAsync("href");
                }
                else if (path == "/districts/ba-che/entry/2023-Q3")
                {
                    history = await page.Locator("a[href^='/audit/value?']").First.GetAttributeAsync("href");
                }

                var m = await MeasureAsync(page);
                output.WriteLine($"{width}×{height} {user,-9} {path}: overflow {m.Overflow} px, height {m.Height} px, unlabelled scroll boxes {m.Unsaid.Length}");
                if (m.Overflow > 0)
                {
                    failures.Add($"{path} ({user}) is {m.Overflow} px wider than the screen: {string.Join(", ", m.Wide)}");
                }

                if (m.Unsaid.Length > 0)
                {
                    failures.Add($"{path} ({user}) scrolls sideways inside {string.Join(", ", m.Unsaid)} without a hint, a label and a tab stop");
                }

                if (Screenshots.TryGetValue(path, out var name))
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"{name}-phone-{width}.png") });
                }

                if (width != 360)
                {
                    continue; // axe once per page, at the narrower width: the walk runs on two cores beside the other suites
                }

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
        await page.WaitForSelectorAsync("canvas[data-drawn='true']");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");

        var first = await Box(page, "#dash-first");
        var table = await Box(page, "#glance-table");
        var risk = await Box(page, "#dash-first-risk");
        var m = await MeasureAsync(page);
        output.WriteLine($"{width}×{height}: page {m.Height} px tall, overflow {m.Overflow} px; first block {first.Top}–{first.Bottom}, "
            + $"attainment table {table.Top}–{table.Bottom}, at-risk list {risk.Top}–{risk.Bottom}; viewport {height}");

        m.Overflow.Should().BeLessThanOrEqualTo(0);
        table.Top.Should().BeGreaterThanOrEqualTo(0);
        table.Bottom.Should().BeLessThanOrEqualTo(height, "the attainment of the district and every commune is read without scrolling");
        risk.Bottom.Should().BeLessThanOrEqualTo(height, "the communes at risk are read without scrolling");

        var rows = page.Locator("#glance-table tbody tr");
        (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-glance-unit'))")).Should().Equal(Units);
        (await page.Locator("#glance-table tr[data-glance-unit='nam-son']").InnerTextAsync()).Should().Contain("NTM nâng cao").And.Contain("16/19");
        (await page.Locator("#glance-table tr[data-glance-unit='don-dac']").InnerTextAsync()).Should().Contain("14,5/19").And.Contain("bq");
        (await page.Locator("#glance-table tr[data-glance-unit='ba-che']").InnerTextAsync()).Should().Contain("2/9").And.Contain("21/21 chỉ tiêu");
        (await page.Locator("#glance-table tr[data-glance-unit='thi-tran-ba-che']").InnerTextAsync()).Should().Contain("chưa có số liệu");
        var riskLinks = await page.Locator("#dash-first-risk a[href^='/communes/']").EvaluateAllAsync<string[]>("links => links.map(a => a.pathname.split('/')[2])");
        riskLinks.Should().Equal(AtRisk);
        (await page.Locator("#dash-first-risk").InnerTextAsync()).Should().Contain("Chưa đánh giá được: thị trấn Ba Chẽ");

        // The rest is one tap away: each link of the first screen leads to its part of the page.
        foreach (var target in new[] { "#heatmap", "#at-risk", "#trends", "#poverty", "#capital", "#targets", "#district-figures" })
        {
            (await page.Locator($"#dash-first a[href='{target}']").CountAsync()).Should().Be(1, target);
            (await page.Locator(target).CountAsync()).Should().Be(1, target);
        }

        // The tables under the charts start closed on a phone; the keyboard opens one.
        var chartData = page.Locator("details.chart-data");
        (await chartData.CountAsync()).Should().BeGreaterThanOrEqualTo(2);
        (await page.Locator("details.chart-data[open]").CountAsync()).Should().Be(0);
        await chartData.First.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        (await chartData.First.Locator("table").IsVisibleAsync()).Should().BeTrue();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");

        var axe = await page.RunAxe(WcagAa);
        axe.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").Should().BeEmpty();

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"dashboard-phone-{width}.png") });
        if (width == 390)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("dashboard-phone-390-full.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task The_first_link_of_the_phone_block_takes_the_keyboard_to_the_full_heat_map()
    {
        var page = await fixture.SignedInPageAsync("lanhdao", width: 360, height: 740);
        await page.GotoAsync(Dashboard);

        await page.Locator("#dash-first a[href='#heatmap']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForFunctionAsync("() => location.hash === '#heatmap'");
        // The browser may still be scrolling when the hash changes: wait (bounded) until the heat map is in view.
        await page.WaitForFunctionAsync(
            "() => { const t = document.getElementById('heatmap').getBoundingClientRect().top; return t >= -2 && t <= 740; }",
            null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        var top = await page.EvaluateAsync<double>("() => document.getElementById('heatmap').getBoundingClientRect().top");
        top.Should().BeInRange(-2, 740);
    }

    [Fact]
    public async Task Desktop_dashboard_keeps_its_layout_without_the_phone_block_and_axe_finds_nothing()
    {
        var page = await fixture.SignedInPageAsync("lanhdao", width: 1280, height: 800);

        await page.GotoAsync(Dashboard);
        await page.WaitForSelectorAsync("canvas[data-drawn='true']");

        (await page.Locator("#dash-first").IsVisibleAsync()).Should().BeFalse("wider screens show the full heat map first");
        (await page.Locator("#heatmap-communes").IsVisibleAsync()).Should().BeTrue();
        (await page.Locator(".dash-filter a", new() { HasTextString = "Báo cáo tóm tắt" }).IsVisibleAsync()).Should().BeTrue();
        (await page.Locator(".scroll-hint").CountAsync()).Should().Be(0, "nothing scrolls sideways at 1280 px");
        (await page.Locator("details.chart-data:not([open])").CountAsync()).Should().Be(0, "the tables under the charts stay open on a desktop");
        (await page.Locator("details.chart-data > summary").First.IsVisibleAsync()).Should().BeFalse();
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
