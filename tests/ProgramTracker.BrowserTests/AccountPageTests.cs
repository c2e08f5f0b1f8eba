using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

[Trait("Category", "Browser")]
public sealed class AccountPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_Vietnamese_sign_in_page()
    {
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync("/communes/nam-son");

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/account/login?ReturnUrl=%2Fcommunes%2Fnam-son")));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Tên đăng nhập")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        errors.Should().BeEmpty("the CSP blocks nothing the page needs");
        await BrowserFixture.ScreenshotAsync(page, "login-desktop.png");
    }

    [Fact]
    public async Task The_sign_in_page_fits_a_phone_and_returns_to_the_page_asked_for()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/districts/ba-che");
        await Expect(page.GetByLabel("Tên đăng nhập")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "login-phone.png");

        await page.GetByLabel("Tên đăng nhập").FillAsync("lanhdao");
        await page.GetByLabel("Mật khẩu").FillAsync(ProgramTracker.TestSupport.PortalClients.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        overflow.Should().BeLessThanOrEqualTo(0);
        await page.WaitForURLAsync("**/districts/ba-che");
        await Expect(page.Locator("h1")).ToHaveTextAsync("huyện Ba Chẽ", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_on_the_form()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");

        await page.GetByLabel("Tên đăng nhập").FillAsync("huyen");
        await page.GetByLabel("Mật khẩu").FillAsync("khong-dung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khoá hay đã bị vô hiệu hoá", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("admin", "Quản trị", "Quản trị hệ thống", null, true, "/dashboard")]
    [InlineData("huyen", "Cán bộ duyệt", "Cán bộ huyện Ba Chẽ", "/districts/ba-che", false, "/inbox")]
    [InlineData("lanhdao", "Lãnh đạo", "Lãnh đạo huyện Ba Chẽ", "/districts/ba-che", false, "/dashboard")]
    [InlineData("xa.namson", "Cán bộ xã", "Cán bộ xã Nam Sơn", "/communes/nam-son", false, "/inbox")]
    [InlineData("xa.dondac", "Cán bộ xã", "Cán bộ xã Đồn Đạc", "/communes/don-dac", false, "/inbox")]
    public async Task Each_demo_role_signs_in_through_the_form_and_sees_its_navigation(string user, string role, string name, string? unitLink, bool adminLink, string home)
    {
        // Signs in through the form (not the fixture's saved sign-in): where each role lands is under test.
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, user);

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(home) + "$")); // each role lands on its home page
        await BrowserFixture.AssertAccessibleAsync(page);
        await Expect(page.Locator("#signed-in-role")).ToHaveTextAsync(role, new() { UseInnerText = true });
        await Expect(page.Locator("#signed-in-user")).ToContainTextAsync(name, new() { UseInnerText = true });
        await Expect(page.Locator("[data-nav='admin-users']")).ToHaveCountAsync(adminLink ? 1 : 0);
        if (unitLink is null)
        {
            await Expect(page.Locator("[data-nav='unit']")).ToHaveCountAsync(0);
        }
        else
        {
            await Expect(page.Locator("[data-nav='unit']")).ToHaveAttributeAsync("href", unitLink);
        }

        if (adminLink)
        {
            await page.Locator("[data-nav='admin-users']").ClickAsync();
            await page.WaitForURLAsync("**/admin/users");
            await Expect(page.Locator("#users tr[data-user='xa.namson']")).ToContainTextAsync("Cán bộ xã", new() { UseInnerText = true });
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, "admin-users-desktop.png");
        }

        await page.Locator("#signed-in-user").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        fixture.ForgetSignIn(user); // signing out ends every session of the user, the fixture's saved one too
        await page.WaitForURLAsync("**/account/login");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/communes");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/account/login")));
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_admin_create_form_shows_Vietnamese_messages_beside_the_fields()
    {
        var page = await fixture.SignedInPageAsync("admin");
        await page.GotoAsync("/admin/users/new");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Tên đăng nhập").FillAsync("xa.moi");
        await page.GetByLabel("Vai trò").SelectOptionAsync("CommuneOfficer");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync("ngan");
        await page.GetByLabel("Nhập lại mật khẩu").FillAsync("khac");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();

        await Expect(page.Locator("[data-valmsg-for='Password']")).ToHaveTextAsync("Mật khẩu phải có từ 10 đến 128 ký tự.", new() { UseInnerText = true });
        await Expect(page.Locator("[data-valmsg-for='ConfirmPassword']")).ToHaveTextAsync("Hai lần nhập mật khẩu không khớp.", new() { UseInnerText = true });
        await Expect(page.GetByLabel("Tên đăng nhập")).ToHaveValueAsync("xa.moi"); // what was typed is kept
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "admin-user-new-desktop.png");
    }

    [Fact]
    public async Task The_two_factor_page_shows_the_key_to_type_into_an_authenticator_app()
    {
        var page = await fixture.SignedInPageAsync("lanhdao");

        await page.GotoAsync("/account/two-factor");
        fixture.ForgetSignIn("lanhdao"); // the first visit makes a key, which renews the security stamp: other saved sessions end

        await Expect(page.Locator("#shared-key")).ToHaveTextAsync(new Regex("^[a-z2-7]{4}( [a-z2-7]{1,4})+$"), new() { UseInnerText = true });
        await Expect(page.Locator("#authenticator-uri")).ToHaveTextAsync(new Regex("^otpauth://totp/"));
        await BrowserFixture.AssertAccessibleAsync(page);
        // The key is masked: it is a secret, and it changes on every run.
        await BrowserFixture.ScreenshotAsync(page, "two-factor-setup-desktop.png", mask: page.Locator("#shared-key"));
    }
}
