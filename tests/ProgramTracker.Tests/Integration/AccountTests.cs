using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Core.Accounts;

namespace ProgramTracker.Tests.Integration;

/// <summary>Sign-in, sign-out and the hardening around them. Tests that change an account make their own.</summary>
public sealed class AccountTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Password = "mot-mat-khau-du-dai";

    [Theory]
    [InlineData("/")]
    [InlineData("/communes")]
    [InlineData("/communes/nam-son")]
    [InlineData("/districts/ba-che")]
    [InlineData("/programmes")]
    [InlineData("/admin/users")]
    [InlineData("/account/two-factor")]
    [InlineData("/khong-ton-tai")]
    public async Task Anonymous_requests_are_redirected_to_the_sign_in_page(string url)
    {
        var response = await fixture.Factory.AnonymousClient().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/account/login?ReturnUrl=");
    }

    [Theory]
    [InlineData("/health", "application/json")]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/lib/bootstrap/dist/js/bootstrap.bundle.min.js", "text/javascript")]
    [InlineData("/account/login", "text/html")]
    public async Task Health_static_files_and_the_sign_in_page_are_open_to_anyone(string url, string mediaType)
    {
        var response = await fixture.Factory.AnonymousClient().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
    }

    [Fact]
    public async Task Error_pages_are_open_to_anyone_and_in_Vietnamese()
    {
        var response = await fixture.Factory.AnonymousClient().GetAsync("/error/404");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Không tìm thấy trang");
    }

    [Fact]
    public async Task Sign_in_page_is_Vietnamese_with_UserName_Password_and_an_antiforgery_token()
    {
        var html = await fixture.Factory.AnonymousClient().GetStringAsync("/account/login");

        html.Should().Contain("<h1 class=\"h3 mb-3\">Đăng nhập</h1>")
            .And.Contain("name=\"UserName\"").And.Contain("name=\"Password\"").And.Contain("type=\"password\"")
            .And.Contain("name=\"__RequestVerificationToken\"")
            .And.Contain("Tên đăng nhập").And.Contain("Mật khẩu");
        html.Should().NotContain("Đăng xuất", "nobody is signed in");
    }

    [Fact]
    public async Task A_demo_user_signs_in_and_lands_on_the_portal_with_a_hardened_cookie()
    {
        var client = fixture.Factory.AnonymousClient();

        var response = await client.SignInAsync("lanhdao", PortalClients.DemoPassword);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".ProgramTracker.Auth=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=lax");
        (await client.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_asked_for_but_never_to_another_site()
    {
        var client = fixture.Factory.AnonymousClient();
        var token = await client.AntiforgeryTokenAsync("/account/login");

        var local = await client.PostFormAsync("/account/login",
            new() { ["UserName"] = "lanhdao", ["Password"] = PortalClients.DemoPassword, ["ReturnUrl"] = "/districts/ba-che" }, token);
        var other = fixture.Factory.AnonymousClient();
        var otherToken = await other.AntiforgeryTokenAsync("/account/login");
        var foreign = await other.PostFormAsync("/account/login",
            new() { ["UserName"] = "lanhdao", ["Password"] = PortalClients.DemoPassword, ["ReturnUrl"] = "https://example.org/" }, otherToken);

        local.Headers.Location!.OriginalString.Should().Be("/districts/ba-che");
        foreign.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task A_wrong_password_shows_a_Vietnamese_error_and_signs_nobody_in()
    {
        var client = fixture.Factory.AnonymousClient();

        var response = await client.SignInAsync("lanhdao", "khong-dung-mat-khau");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khoá hay đã bị vô hiệu hoá");
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should().NotContain(c => c.StartsWith(".ProgramTracker.Auth=", StringComparison.Ordinal));
        (await client.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Empty_fields_get_messages_beside_them()
    {
        var client = fixture.Factory.AnonymousClient();
        var token = await client.AntiforgeryTokenAsync("/account/login");

        var response = await client.PostFormAsync("/account/login", new() { ["UserName"] = "", ["Password"] = "" }, token);

        var html = await response.Content.ReadAsStringAsync();
        html.Should().MatchRegex("data-valmsg-for=\"UserName\"[^>]*>Nhập tên đăng nhập.<")
            .And.MatchRegex("data-valmsg-for=\"Password\"[^>]*>Nhập mật khẩu.<");
    }

    [Fact]
    public async Task A_POST_without_antiforgery_token_is_refused_with_400()
    {
        var signedIn = await fixture.ClientAsync("admin");
        var anonymous = fixture.Factory.AnonymousClient();
        await anonymous.GetAsync("/account/login"); // has the antiforgery cookie, but posts no token

        var logout = await signedIn.PostFormAsync("/account/logout", new Dictionary<string, string>(), token: null);
        var create = await signedIn.PostFormAsync("/admin/users/new", new() { ["UserName"] = "khong.token", ["Role"] = Roles.Admin, ["Password"] = Password, ["ConfirmPassword"] = Password }, token: null);
        var login = await anonymous.PostFormAsync("/account/login", new() { ["UserName"] = "admin", ["Password"] = PortalClients.DemoPassword }, token: null);

        logout.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        create.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        login.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await login.Content.ReadAsStringAsync()).Should().Contain("Yêu cầu không hợp lệ");
        (await fixture.Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "khong.token"))).Should().BeFalse();
        (await signedIn.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.OK, "the refused sign-out left the session alone");
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_and_the_sixth_with_the_right_password_is_refused()
    {
        await CreateUserAsync("khoa.thu", Roles.Leader, "ba-che");
        var client = fixture.Factory.AnonymousClient();

        for (var i = 0; i < 5; i++)
        {
            (await client.SignInAsync("khoa.thu", "sai-mat-khau-" + i)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var sixth = await client.SignInAsync("khoa.thu", Password);

        sixth.StatusCode.Should().Be(HttpStatusCode.OK);
        (await sixth.Content.ReadAsStringAsync()).Should().Contain("tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khoá hay đã bị vô hiệu hoá");
        (await client.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var lockoutEnd = await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "khoa.thu").Select(u => u.LockoutEnd).SingleAsync());
        // The portal's clock (the test's named day), not the machine's: Identity 10's own UserManager read DateTimeOffset.UtcNow
        // (AppUserManager), so the administrators' list, which reads the portal's clock, could show a locked account as active.
        lockoutEnd.Should().BeCloseTo(fixture.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(15), TimeSpan.FromMinutes(1));
        var list = await (await fixture.Factory.SignedInClientAsync("admin")).GetStringAsync("/admin/users");
        Regex.Match(list, "<tr data-user=\"khoa.thu\">.*?</tr>", RegexOptions.Singleline).Value.Should().Contain("Tạm khoá");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await CreateUserAsync("dang.xuat", Roles.Leader, "ba-che");
        var client = await fixture.Factory.SignedInClientAsync("dang.xuat", Password);
        var token = await client.AntiforgeryTokenAsync("/communes");

        var response = await client.PostFormAsync("/account/logout", new Dictionary<string, string>(), token);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/account/login");
        (await client.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/css/site.css")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await fixture.Factory.AnonymousClient().GetAsync(url);

        response.Headers.GetValues("Content-Security-Policy").Single().Should().Be(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("strict-origin-when-cross-origin");
    }

    [Theory]
    [InlineData("/communes/nam-son")]
    [InlineData("/districts/ba-che")]
    [InlineData("/communes")]
    [InlineData("/programmes/ntm")]
    [InlineData("/criteria-sets/ntm-xa-nang-cao")]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/new")]
    [InlineData("/account/two-factor")]
    [InlineData("/account/password")]
    public async Task Pages_have_no_inline_script_or_style_that_the_CSP_would_block(string url)
    {
        var html = await (await fixture.ClientAsync("admin")).GetStringAsync(url);

        html.Should().NotMatchRegex("<script(?![^>]*\\bsrc=)[^>]*>", "scripts come from files only");
        html.Should().NotContain(" style=\"").And.NotContain("<style").And.NotMatchRegex(" on[a-z]+=\"");
    }

    [Fact]
    public async Task Changing_ones_own_password_takes_the_old_one_away()
    {
        await CreateUserAsync("doi.mat.khau", Roles.Leader, "ba-che");
        var client = await fixture.Factory.SignedInClientAsync("doi.mat.khau", Password);
        var token = await client.AntiforgeryTokenAsync("/account/password");

        var wrong = await client.PostFormAsync("/account/password",
            new() { ["CurrentPassword"] = "khong-phai", ["NewPassword"] = "mat-khau-moi-dai-hon", ["ConfirmPassword"] = "mat-khau-moi-dai-hon" }, token);
        var right = await client.PostFormAsync("/account/password",
            new() { ["CurrentPassword"] = Password, ["NewPassword"] = "mat-khau-moi-dai-hon", ["ConfirmPassword"] = "mat-khau-moi-dai-hon" }, token);

        (await wrong.Content.ReadAsStringAsync()).Should().MatchRegex("data-valmsg-for=\"CurrentPassword\"[^>]*>Mật khẩu không đúng.<");
        (await right.Content.ReadAsStringAsync()).Should().Contain("Đã đổi mật khẩu.");
        (await fixture.Factory.AnonymousClient().SignInAsync("doi.mat.khau", Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await fixture.Factory.AnonymousClient().SignInAsync("doi.mat.khau", "mat-khau-moi-dai-hon")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private Task CreateUserAsync(string userName, string role, params string[] unitSlugs) =>
        CreateUserAsync(fixture, userName, Password, role, unitSlugs);

    internal static async Task CreateUserAsync(PortalFixture fixture, string userName, string password, string role, params string[] unitSlugs)
    {
        var unitIds = await fixture.Factory.WithDbAsync(db => db.Units.Where(u => unitSlugs.Contains(u.Slug)).Select(u => u.Id).ToListAsync());
        var result = await fixture.Factory.WithServiceAsync<UserAdministration, IdentityResult>(a =>
            a.CreateAsync(userName, password, new AccountSettings(null, role, unitIds)));
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
