using System.Collections.Concurrent;
using Deque.AxeCore.Commons;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The real portal on Kestrel (a real port, PostgreSQL behind it: a copy of the seeded template, <see cref="SeededTemplate"/>)
/// and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: it is pointed at the system Chromium.
/// </summary>
public sealed class BrowserFixture : SeededPortal
{
    private IPlaywright? _playwright;

    public BrowserFixture() => OnKestrel = true;

    /// <summary>Each user's signed-in browser state (cookies), saved after one sign-in through the form: see <see cref="SignedInPageAsync"/>.</summary>
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _signedIn = new();

    /// <summary>
    /// Screenshots into docs/screenshots are written only when <c>PROGRAMTRACKER_SCREENSHOTS=1</c>: writing them costs
    /// a third of the browser suite's time, and nothing asserts on them. Regenerate the committed ones with
    /// <c>PROGRAMTRACKER_SCREENSHOTS=1 ./test.sh --filter Category=Browser</c>.
    /// </summary>
    public static bool TakeScreenshots { get; } = Environment.GetEnvironmentVariable("PROGRAMTRACKER_SCREENSHOTS") == "1";

    /// <summary>The rules axe checks on every page the browser tests visit: WCAG 2.0 and 2.1, levels A and AA.</summary>
    public static AxeRunOptions WcagAa => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    protected override async Task OnStartedAsync()
    {
        BaseUrl = Factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        // Retrying assertions (Expect) wait up to 30 s: CI runs both test assemblies at once on two cores.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PROGRAMTRACKER_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            StorageState = storageState,
        });
        // CI runs both test assemblies at once on two cores: give each step time before calling it failed.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A page of a new browser context signed in as <paramref name="userName"/>, on no page yet: go to one first.
    /// The first call for a user signs in through the real form (<see cref="SignInAsync"/>) and keeps the context's
    /// cookies; later calls start from those, which saves a sign-in and the landing page per test. A test that ends the
    /// user's sessions (sign-out, a first visit to /account/two-factor: both renew the security stamp, which every request
    /// checks) calls <see cref="ForgetSignIn"/> after it. Tests of signing in itself use <see cref="SignInAsync"/>.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string userName, int width = 1280, int height = 900) =>
        await NewPageAsync(width, height, await SignedInStateAsync(userName));

    /// <summary>
    /// The browser state (cookies) of <paramref name="userName"/> signed in, for a context made by the test itself.
    /// Only a sign-in that succeeded is kept: a failed one (a step timed out on a loaded machine) is dropped, so that neither this
    /// test nor the next one is handed the same fault, and it is tried once more on a fresh context before the test fails.
    /// </summary>
    public async Task<string> SignedInStateAsync(string userName)
    {
        for (var attempt = 1; ; attempt++)
        {
            var signIn = _signedIn.GetOrAdd(userName, user => new Lazy<Task<string>>(() => SignInStateAsync(user)));
            try
            {
                return await signIn.Value;
            }
            catch (Exception)
            {
                _signedIn.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(userName, signIn));
                if (attempt == 2)
                {
                    throw;
                }
            }
        }
    }

    private async Task<string> SignInStateAsync(string userName)
    {
        var page = await NewPageAsync();
        try
        {
            // The cookie is set by the sign-in's answer: the landing page's own load (its scripts, styles, fonts) need not finish.
            await SignInAsync(page, userName, until: WaitUntilState.Commit);
            return await page.Context.StorageStateAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>After a test renewed <paramref name="userName"/>'s security stamp: the next page signs in through the form again.</summary>
    public void ForgetSignIn(string userName) => _signedIn.TryRemove(userName, out _);

    /// <summary>The console errors and uncaught script errors of <paramref name="page"/> from now on: a test ends by asserting none.</summary>
    public static List<string> ErrorsOf(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    /// <summary>Picks <paramref name="period"/> in the page's period picker and shows it, as a reader does (the "Xem" button).</summary>
    public static async Task PickPeriodAsync(IPage page, string period)
    {
        await page.Locator("select#period").SelectOptionAsync(period);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**period=" + period);
    }

    /// <summary>
    /// Signs in through the form and waits until the browser has left the sign-in page: for the landing page loaded whole
    /// (<paramref name="until"/> Load, what a test of signing in looks at), or only for its answer (Commit: the cookie is set).
    /// </summary>
    public static async Task SignInAsync(IPage page, string userName, string password = PortalClients.DemoPassword, WaitUntilState until = WaitUntilState.Load)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = until });
    }

    /// <summary>
    /// axe-core's engine as Deque ships it (the script inside Deque.AxeCore.Commons, the package Deque.AxeCore.Playwright runs).
    /// </summary>
    private static readonly Lazy<string> AxeScript = new(() =>
    {
        using var stream = typeof(AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not inside Deque.AxeCore.Commons any more");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>axe.run's options: <see cref="WcagAa"/>'s tags, and details for the violations only.</summary>
    private static readonly object AxeOptions = new
    {
        runOnly = new { type = "tag", values = WcagAa.RunOnly!.Values },
        resultTypes = new[] { "violations" },
    };

    /// <summary>One violation as the page hands it back (Playwright fills it by property names).</summary>
    private sealed class AxeFinding
    {
        public string Id { get; set; } = "";
        public string Help { get; set; } = "";
        public string[] Targets { get; set; } = [];
    }

    /// <summary>
    /// axe's findings on the page as it is now (<see cref="WcagAa"/>), one line each: where, rule, help, the first nodes.
    /// For walks that collect every failure before asserting; otherwise use <see cref="AssertAccessibleAsync"/>.
    /// axe runs in the page itself (<c>axe.run(document)</c>, injected through the DevTools protocol, which the portal's
    /// Content-Security-Policy does not apply to). Deque.AxeCore.Playwright's <c>RunAxe</c> runs it frame by frame and joins the
    /// parts in a new blank page each time, for pages with frames; the portal has none (a test holds it), and the new page cost
    /// half of every check (89.6 s of axe in the page walk before, 45.7 s after: docs/adr/0024-ci-in-ten-minutes.md).
    /// </summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page, string? where = null)
    {
        await page.WaitForLoadStateAsync(LoadState.Load); // after a click that posts a form: the new page, whole
        // Two frames: what the page's own scripts do on the next frame after a resize (site.js marks a table box that now
        // scrolls as a focusable, labelled region) is done before axe looks, as it is before a person can.
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))");
        (await page.Locator("iframe, frame").CountAsync()).Should().Be(0, "axe runs in the page itself, which cannot see into frames");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeScript.Value);
        }

        var findings = await page.EvaluateAsync<AxeFinding[]>(
            """
            async options => (await axe.run(document, options)).violations.map(v => ({
                id: v.id, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
            }))
            """,
            AxeOptions);
        where ??= new Uri(page.Url).PathAndQuery;
        return findings.Select(v => $"{where} axe {v.Id}: {v.Help} — {string.Join(" | ", v.Targets)}").ToList();
    }

    /// <summary>
    /// House rule: the browser tests run axe on every page they visit and fail on a violation. Call it after every
    /// navigation and every form post that lands on a new page (and after a change that shows new content worth checking).
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string? where = null) =>
        (await AxeViolationsAsync(page, where)).Should().BeEmpty("axe (WCAG 2.1 A/AA) must find nothing on {0}", where ?? page.Url);

    /// <summary>
    /// Saves a screenshot to docs/screenshots/<paramref name="name"/> when <see cref="TakeScreenshots"/> is on; the whole
    /// page unless <paramref name="fullPage"/> is false. <paramref name="mask"/> hides secrets (a two-factor key).
    /// </summary>
    /// <summary>A picture of the user guide (docs/guide/pictures/<paramref name="name"/>), the visible window only; same switch as screenshots.</summary>
    public static async Task GuidePictureAsync(IPage page, string name)
    {
        if (!TakeScreenshots)
        {
            return;
        }

        var folder = Path.Combine(RepoPaths.Guide, "pictures");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name) });
    }

    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true, ILocator? mask = null)
    {
        if (!TakeScreenshots)
        {
            return;
        }

        Directory.CreateDirectory(RepoPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepoPaths.Screenshots, name),
            FullPage = fullPage,
            Mask = mask is null ? null : [mask],
            MaskColor = mask is null ? null : "#ced4da",
        });
    }

    protected override async Task OnStoppingAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>
/// Kept for test classes written against it; the others take <c>IClassFixture&lt;BrowserFixture&gt;</c>, a portal on a fresh
/// copy of the seeded database per class, so that no class depends on what another wrote.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
