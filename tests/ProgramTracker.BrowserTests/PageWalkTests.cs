using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// Every page each role reaches in Vietnamese, and its main pages (those with screenshots) in English too, at 360 × 740,
/// 390 × 844 and 1280 × 900 (issue 14). Each page is opened once per language (chosen by the standard culture cookie the language switch sets), at 360 px;
/// there it must answer its status, speak its language (<c>&lt;html lang&gt;</c>, and a text of its own where one is given)
/// and axe (WCAG 2.1 A/AA, <see cref="BrowserFixture.AssertAccessibleAsync"/>) must find nothing; then the same page is
/// resized to 390 px and to 1280 px. At each width nothing may be wider than the screen and every box that scrolls
/// sideways must say so (<see cref="PageMeasure"/>). The three widths share one page load: 360 and 390 px lie in the same
/// Bootstrap breakpoint, so the same elements show and axe would find the same.
/// With <c>PROGRAMTRACKER_SCREENSHOTS=1</c> the walk also saves docs/screenshots/{name}-phone.png (390 px) and
/// {name}-desktop.png (1280 px), "en-" before the English ones, and the first screens {name}-phone-360.png and -390.png,
/// except the files another test saves from the page in a state of its own (<see cref="TakenElsewhere"/>).
/// One test per role, so that a failure names the role; the anonymous visitor is "-".
/// </summary>
[Trait("Category", "Browser")]
public sealed class PageWalkTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Dashboard = "/dashboard?unit=ba-che&period=2023-Q3";

    /// <summary>A page of a role's walk; "{name}" is a page whose address holds an id, read from a link earlier in the walk (<see cref="Links"/>).</summary>
    private sealed record Visit(string Path)
    {
        /// <summary>The screenshots' name, or null for none; the pages that have one are walked in English too.</summary>
        public string? Shot { get; init; }

        /// <summary>Also save the Vietnamese first screens at 360 and 390 px ({Shot}-phone-360.png, -390.png).</summary>
        public bool FirstScreens { get; init; }

        /// <summary>A text the Vietnamese page shows in its main part, and an element that must be visible.</summary>
        public (string Selector, string Text)? Vietnamese { get; init; }

        /// <summary>A text the English page shows in its main part.</summary>
        public string? English { get; init; }

        /// <summary>The answer expected.</summary>
        public int Status { get; init; } = 200;
    }

    private static readonly Dictionary<string, Visit[]> Walks = new()
    {
        ["-"] = [new("/account/login") { Shot = "login", English = "Sign in" }],
        ["lanhdao"] =
        [
            new("/"),
            new(Dashboard) { Shot = "dashboard", English = "Communes needing attention" },
            new("/reports/summary?unit=ba-che&period=2023-Q3") { Shot = "summary", FirstScreens = true, English = "Q3 2023" },
            new("/reports/summary?unit=ba-che&period=2023-Q3&print=1"),
            new("/overview"),
            new("/communes") { Shot = "communes", Vietnamese = ("#commune-table", "Nam Sơn") }, // the name is capitalised by CSS, and innerText shows it so
            new("/units/search?q=nam+son") { Vietnamese = ("#search-results", "Nam Sơn") },
            new("/communes/nam-son"),
            new("/districts/ba-che"),
            new("/programmes") { Shot = "programmes", Vietnamese = ("main .card", "Chương trình MTQG giảm nghèo bền vững") },
            new("/programmes/gnbv") { Shot = "programme-gnbv", Vietnamese = ("main .list-group", "Truyền thông và giảm nghèo về thông tin") },
            new("/criteria-sets/ntm-xa-nang-cao") { Shot = "criteria-set", FirstScreens = true, Vietnamese = ("#reported", "Nhóm chưa xác nhận") },
            new("/criteria-sets/dtts-nq06"),
            new("{indicator}"),
            new("/account/password"),
            new("/account/two-factor"),
            new("/account/tokens"),
            new("/khong-co-trang-nay") { Status = 404 },
        ],
        ["huyen"] =
        [
            new("/"),
            new("/inbox") { Shot = "inbox", Vietnamese = ("#inbox-not-submitted", "Chưa gửi"), English = "My tasks" },
            new("/districts/ba-che") { Shot = "district-ba-che", FirstScreens = true, English = "Attainment of the criteria sets" },
            new("/communes/nam-son/entry/2023-Q3"),
            new("/districts/ba-che/entry/2023-Q3") { Shot = "district-entry", FirstScreens = true, English = "Data entry" },
            new("/units/ba-che/report-settings") { Shot = "report-settings", FirstScreens = true, Vietnamese = ("main h1", "Thông tin văn bản báo cáo"), English = "Report document settings" },
            new("{history}"),
            new("/districts/ba-che/poverty/2023-Q3") { Shot = "poverty-entry", Vietnamese = ("#poverty-entry", "xã Nam Sơn") },
            new("/districts/ba-che/capital/2023-Q3") { Shot = "capital-entry", Vietnamese = ("#capital-list", "119 tỷ đồng") },
            new("/districts/ba-che/targets/2023") { Shot = "targets-entry", Vietnamese = ("#targets-entry", "Thu nhập bình quân đầu người") },
            new("/audit") { Shot = "audit", Vietnamese = ("main form", "Nhật ký thay đổi") },
            new("/entry/2023-Q3/import?unit=ba-che"),
            new("/account/tokens") { Shot = "tokens", English = "API access tokens" },
        ],
        ["xa.namson"] =
        [
            new("/"),
            new("/inbox"),
            new("/communes/nam-son") { Shot = "commune-nam-son", English = "Attainment of the criteria sets" },
            new("/communes/nam-son/entry/2023-Q3") { Shot = "entry-form", English = "Data entry" },
            new("/communes/nam-son/entry/2023-Q4"),
            new("/account/tokens"),
            new("/account/two-factor") { Shot = "two-factor-setup", English = "Two-step verification" },
        ],
        ["tinh"] = [new("/"), new("/inbox")],
        ["lanhdao.tinh"] =
        [
            new("/overview?unit=quang-ninh") { Shot = "overview-province", English = "Overview" },
            new("/communes/xa-ba-che"),
            new("/communes/luong-minh"),
            new("/dashboard?unit=quang-ninh&period=2026-Q3") { Shot = "dashboard-province", FirstScreens = true, Vietnamese = ("#band-counts", "Mức thấp nhất") },
            new("/communes") { Shot = "communes-province", FirstScreens = true, Vietnamese = ("#commune-table", "Kỳ Thượng"), English = "Communes" },
            new("/units/search?q=ky+thuong") { Shot = "unit-search", Vietnamese = ("#search-results", "Kỳ Thượng"), English = "Find a unit" },
            new("/programmes/ctmtqg-2026"),
            new("/criteria-sets/ntm-xa"),
            new("/criteria-sets/ntm-xa-2026"),
        ],
        ["xa.bache"] = [new("/inbox"), new("/communes/xa-ba-che/entry/2026-Q3"), new("/communes/nam-son/entry/2026-Q3")],
        ["admin"] =
        [
            new("/admin/users") { Shot = "admin-users", English = "User administration" },
            new("{user}"),
            new("{user-password}"),
            new("/admin/users/new") { Shot = "admin-user-new", English = "Add a user" },
            new("/admin/periods") { Shot = "admin-periods", Vietnamese = ("#periods", "Quý III/2023"), English = "Reporting periods" },
            new("/criteria-sets/ntm-xa"),
            new("{indicator-edit}"),
            new("/admin/criteria-sets/ntm-xa-nang-cao/indicators/new") { Shot = "admin-indicator", Vietnamese = ("main form", "Thêm chỉ tiêu"), English = "Add an indicator" },
            new("/admin/criteria-sets/ntm-xa-nang-cao/import"),
            new("/overview") { Shot = "overview", Vietnamese = ("#overview", "Quảng Ninh"), English = "Whole country" },
            new("/dashboard"),
            new("/admin/reorganisations") { Shot = "admin-reorganisations", English = "Reorganisation of administrative units" },
        ],
    };

    /// <summary>Where each "{name}" of <see cref="Walks"/> is read: the page (earlier in the same walk), and the link on it.</summary>
    private static readonly Dictionary<string, (string Page, string Selector)> Links = new()
    {
        ["{indicator}"] = ("/districts/ba-che", "#figures a[href^='/indicators/']"),
        ["{history}"] = ("/districts/ba-che/entry/2023-Q3", "a[href^='/audit/value?']"),
        ["{user}"] = ("/admin/users", "a[href^='/admin/users/']:not([href='/admin/users/new']):not([href$='/password'])"),
        ["{user-password}"] = ("/admin/users", "a[href^='/admin/users/'][href$='/password']"),
        ["{indicator-edit}"] = ("/criteria-sets/ntm-xa", "a[href^='/admin/indicators/'][href$='/edit']"),
    };

    /// <summary>
    /// Screenshots saved by another test, of the page in a state that test makes (a filled form, an error shown, the
    /// dashboard opened at desktop size with its tables open): the walk does not overwrite them.
    /// </summary>
    private static readonly HashSet<string> TakenElsewhere =
    [
        "login-desktop.png", "login-phone.png", "admin-users-desktop.png", "admin-user-new-desktop.png", "two-factor-setup-desktop.png", // AccountPageTests
        "commune-nam-son-desktop.png", "commune-nam-son-phone.png", "district-ba-che-desktop.png", // CommunePageTests
        "entry-form-desktop.png", "entry-form-phone.png", // EntryJourneyTests
        "dashboard-desktop.png", "summary-desktop.png", // DashboardPageTests
        "en-entry-form-desktop.png", "en-summary-desktop.png", "en-dashboard-desktop.png", // EnglishJourneyTests
    ];

    public static TheoryData<string> Roles
    {
        get
        {
            var roles = new TheoryData<string>();
            foreach (var role in Walks.Keys)
            {
                roles.Add(role);
            }

            return roles;
        }
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_of_a_role_fits_360_390_and_1280_px_in_both_languages_and_axe_finds_nothing(string user)
    {
        var failures = new List<string>();
        var found = new Dictionary<string, string>();
        var page = user == "-" ? await fixture.NewPageAsync(360, 740) : await fixture.SignedInPageAsync(user, 360, 740);
        foreach (var culture in new[] { "vi", "en" })
        {
            await page.Context.AddCookiesAsync([new Cookie
            {
                Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = fixture.BaseUrl,
            }]);
            foreach (var visit in Walks[user].Where(v => culture == "vi" || v.Shot is not null))
            {
                var path = visit.Path;
                if (path.StartsWith('{'))
                {
                    if (!found.TryGetValue(path, out var link))
                    {
                        failures.Add($"{path}: no link {Links[path].Selector} on {Links[path].Page} ({user})");
                        continue;
                    }

                    path = link;
                }

                await WalkAsync(page, user, culture, visit, path, found, failures);
            }
        }

        await page.Context.CloseAsync();
        failures.Should().BeEmpty();
    }

    /// <summary>
    /// The walk's checker can fail: axe, run in the page, names a picture without a text, a field without a label and faint text
    /// (set through the style object: the portal's CSP refuses style attributes).
    /// </summary>
    [Fact]
    public async Task The_accessibility_check_finds_a_picture_without_text_a_field_without_a_label_and_faint_text()
    {
        var page = await fixture.NewPageAsync(360, 740);
        await page.GotoAsync("/account/login");
        (await BrowserFixture.AxeViolationsAsync(page)).Should().BeEmpty();

        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/favicon.ico\"><input id=\"unlabelled\"><p id=\"faint\">Chữ mờ</p>')");
        await page.EvaluateAsync("() => document.getElementById('faint').style.color = '#d8d8d8'");
        var findings = await BrowserFixture.AxeViolationsAsync(page, "login with three faults");

        findings.Should().Contain(f => f.StartsWith("login with three faults axe image-alt:", StringComparison.Ordinal) && f.Contains("img"))
            .And.Contain(f => f.StartsWith("login with three faults axe label:", StringComparison.Ordinal) && f.Contains("#unlabelled"))
            .And.Contain(f => f.StartsWith("login with three faults axe color-contrast:", StringComparison.Ordinal) && f.Contains("#faint"));
        await page.Context.CloseAsync();
    }

    private async Task WalkAsync(IPage page, string user, string culture, Visit visit, string path, Dictionary<string, string> found, List<string> failures)
    {
        var where = $"{path} ({user}, {culture})";
        await PageMeasure.ResizeAsync(page, 360, 740);
        var response = await page.GotoAsync(path);
        if (path == "/account/two-factor")
        {
            fixture.ForgetSignIn(user); // the first visit makes a key, which renews the security stamp: other saved sessions end
        }

        if (response!.Status != visit.Status)
        {
            failures.Add($"{where}: status {response.Status}, expected {visit.Status}");
            return;
        }

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        if (culture == "vi" && visit.Vietnamese is { } vietnamese)
        {
            await Expect(page.Locator(vietnamese.Selector).First).ToBeVisibleAsync();
            await Expect(page.Locator("main")).ToContainTextAsync(vietnamese.Text, new() { UseInnerText = true });
        }

        if (culture == "en" && visit.English is { } english)
        {
            await Expect(page.Locator("main")).ToContainTextAsync(english, new() { UseInnerText = true });
        }

        foreach (var (name, (_, linkSelector)) in Links.Where(l => l.Value.Page == path && !found.ContainsKey(l.Key)))
        {
            var links = page.Locator(linkSelector);
            if (await links.CountAsync() > 0)
            {
                found[name] = (await links.First.GetAttributeAsync("href"))!;
            }
        }

        failures.AddRange(await BrowserFixture.AxeViolationsAsync(page, where));
        var prefix = culture == "en" ? "en-" : "";
        foreach (var (width, height) in new[] { (360, 740), (390, 844), (1280, 900) })
        {
            if (width != 360)
            {
                await PageMeasure.ResizeAsync(page, width, height);
            }

            var m = await PageMeasure.OfAsync(page);
            output.WriteLine($"{width}×{height} {where}: overflow {m.Overflow} px, height {m.Height} px, unlabelled scroll boxes {m.Unsaid.Length}");
            failures.AddRange(m.Failures($"{where} at {width} px"));
            if (visit.Shot is not { } shot)
            {
                continue;
            }

            if (visit.FirstScreens && culture == "vi" && width < 1280)
            {
                await BrowserFixture.ScreenshotAsync(page, $"{shot}-phone-{width}.png", fullPage: false);
            }

            var file = width switch { 390 => $"{prefix}{shot}-phone.png", 1280 => $"{prefix}{shot}-desktop.png", _ => null };
            if (file is not null && !TakenElsewhere.Contains(file))
            {
                await BrowserFixture.ScreenshotAsync(page, file, mask: path == "/account/two-factor" ? page.Locator("#shared-key") : null);
            }
        }
    }
}
