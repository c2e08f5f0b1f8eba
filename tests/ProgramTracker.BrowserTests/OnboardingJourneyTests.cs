using System.Text;
using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// Onboarding in Chromium (issue 23): Quảng Ninh's province administrator imports accounts (a file with an error, then a
/// good one: dry run, apply, the password sheet downloaded) and commune groups (dry run, apply); a new officer signs in
/// with the one-time password and must choose their own before anything else. axe on every page; screenshots at 1366
/// and 360 px. Runs on its own portal and database.
/// </summary>
[Trait("Category", "Browser")]
public sealed class OnboardingJourneyTests : IAsyncLifetime
{
    private readonly BrowserFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Province_admin_imports_accounts_and_groups_and_the_new_officer_must_change_the_one_time_password()
    {
        var admin = await _fixture.SignedInPageAsync("quantri.qn", 1366, 900);
        await admin.GotoAsync("/");
        await Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/users$"));
        await BrowserFixture.AssertAccessibleAsync(admin);
        await admin.ClickAsync("#import-users");
        await admin.WaitForURLAsync("**/admin/users/import");
        await BrowserFixture.AssertAccessibleAsync(admin);
        await Shots(admin, "user-import-upload");

        await Upload(admin, "tai-khoan.csv", "Tên đăng nhập,Họ và tên,Email hoặc điện thoại,Vai trò,Mã đơn vị",
            "xa.kythuong.a,Nguyễn Văn A,a@kythuong.vn,Cán bộ xã,06979", "xa.kythuong.a,Trần Thị B,,Cán bộ xã,06979", "xa.c,,,Lãnh đạo,06985");
        await Expect(admin.Locator("#row-errors")).ToContainTextAsync("Tên đăng nhập “xa.kythuong.a” đã có ở dòng 2 của tệp.", new() { UseInnerText = true });
        await Expect(admin.Locator("#row-errors")).ToContainTextAsync("Vai trò “Lãnh đạo” không dùng được ở xã Lương Minh", new() { UseInnerText = true });
        await Expect(admin.Locator("#apply-form")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(admin, "account dry run with errors");
        await Shots(admin, "user-import-errors");

        await Upload(admin, "tai-khoan.csv", "Tên đăng nhập,Họ và tên,Email hoặc điện thoại,Vai trò,Mã đơn vị",
            "xa.kythuong.a,Nguyễn Văn A,a@kythuong.vn,Cán bộ xã,06979", "xa.luongminh.b,Trần Thị B,0912 345 678,Cán bộ xã,06985");
        await Expect(admin.Locator("#count-new")).ToHaveTextAsync("2", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(admin, "account dry run");
        await Shots(admin, "user-import-preview");
        await admin.ClickAsync("#apply-form button[type='submit']");
        await Expect(admin.Locator("#import-applied")).ToContainTextAsync("Đã tạo 2 tài khoản", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(admin, "accounts created");
        await Shots(admin, "user-import-applied");
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.ClickAsync("#download-passwords-csv"));
        download.SuggestedFilename.Should().Be("mat-khau-lan-dau.csv");
        var sheet = await File.ReadAllLinesAsync((await download.PathAsync())!, Encoding.UTF8);
        sheet.Should().HaveCount(3);
        var row = sheet.Single(l => l.Contains("xa.kythuong.a", StringComparison.Ordinal)).Split(',');
        var password = row[^1];
        password.Should().MatchRegex("^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$");

        // Commune groups from 01/01/2026, by the province's decision.
        await admin.Locator("[data-nav='admin-classifications']").ClickAsync();
        await admin.WaitForURLAsync("**/admin/unit-classifications/import");
        await BrowserFixture.AssertAccessibleAsync(admin);
        await Upload(admin, "phan-nhom.csv", "Mã đơn vị,Nhóm xã (QĐ 51),Vùng (QĐ 318),Từ ngày,Số quyết định",
            "06970,1,,01/01/2026,QĐ 12/QĐ-UBND", "06979,3,,01/01/2026,QĐ 12/QĐ-UBND", "06985,2,,01/01/2026,QĐ 12/QĐ-UBND");
        await Expect(admin.Locator("#count-added")).ToHaveTextAsync("3", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(admin, "classification dry run");
        await Shots(admin, "classification-import-preview");
        await admin.ClickAsync("#apply-form button[type='submit']");
        await Expect(admin.Locator("#import-applied")).ToContainTextAsync("Đã lưu 3 phân nhóm", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(admin, "classifications saved");

        // The new officer: the one-time password opens only the change-password page.
        var officer = await _fixture.NewPageAsync(360, 800);
        await BrowserFixture.SignInAsync(officer, "xa.kythuong.a", password);
        await Expect(officer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/password$"));
        await Expect(officer.Locator("#must-change-password")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(officer, "first sign-in");
        await BrowserFixture.ScreenshotAsync(officer, "first-password-phone.png");
        await officer.GotoAsync("/communes/ky-thuong");
        await Expect(officer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/password$"));
        await officer.GetByLabel("Mật khẩu hiện tại").FillAsync(password);
        await officer.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("Ky-Thuong-mat-khau-rieng");
        await officer.GetByLabel("Nhập lại mật khẩu mới").FillAsync("Ky-Thuong-mat-khau-rieng");
        await officer.Locator("form[action='/account/password'] button[type='submit']").ClickAsync();
        await Expect(officer).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/"));
        await BrowserFixture.AssertAccessibleAsync(officer, "after the new password");
        await officer.GotoAsync("/communes/ky-thuong");
        await Expect(officer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/communes/ky-thuong$"));
    }

    private static async Task Upload(IPage page, string name, params string[] lines)
    {
        var url = page.Url;
        await page.SetInputFilesAsync("#file", new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", lines)) });
        await page.ClickAsync("#import-form button[type='submit']");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Expect(page.Locator("#import-summary")).ToBeVisibleAsync();
        _ = url;
    }

    /// <summary>The page at 1366 px and at 360 px (no sideways scroll on the phone), then back.</summary>
    private static async Task Shots(IPage page, string name)
    {
        await BrowserFixture.ScreenshotAsync(page, $"{name}-desktop.png");
        await page.SetViewportSizeAsync(360, 800);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0, name);
        await BrowserFixture.AssertAccessibleAsync(page, name + " (phone)");
        await BrowserFixture.ScreenshotAsync(page, $"{name}-phone.png");
        await page.SetViewportSizeAsync(1366, 900);
    }
}
