using Microsoft.Playwright;
using ProgramTracker.TestSupport;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The real portal on Kestrel (a real port, PostgreSQL behind it: a copy of the seeded template, <see cref="SeededTemplate"/>)
/// and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: it is pointed at the system Chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public PortalFactory Factory { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        (Factory, _database) = await PortalFactory.OnSeededCopyAsync();
        Factory.UseKestrel(0);
        Factory.StartServer();
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

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
        });
        // CI runs both test assemblies at once on two cores: give each step time before calling it failed.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in through the real form, left on the page sign-in leads to.</summary>
    public async Task<IPage> SignedInPageAsync(string userName, string password = PortalClients.DemoPassword, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await SignInAsync(page, userName, password);
        return page;
    }

    public static async Task SignInAsync(IPage page, string userName, string password = PortalClients.DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    public static string ScreenshotPath(string name)
    {
        Directory.CreateDirectory(RepoPaths.Screenshots);
        return Path.Combine(RepoPaths.Screenshots, name);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
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
