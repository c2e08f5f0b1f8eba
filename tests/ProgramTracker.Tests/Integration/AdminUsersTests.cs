using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Web.Infrastructure.Security;

namespace ProgramTracker.Tests.Integration;

/// <summary>User administration at /admin/users and the create-admin command.</summary>
public sealed class AdminUsersTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Password = "mat-khau-cua-admin-tao";

    [Fact]
    public async Task The_user_list_shows_each_account_with_its_role_and_units()
    {
        var html = await (await fixture.ClientAsync("admin")).GetStringAsync("/admin/users");

        html.Should().Contain("Quản trị người dùng");
        Row(html, "xa.namson").Should().Contain("Cán bộ xã").And.Contain("xã Nam Sơn").And.Contain("Hoạt động");
        Row(html, "huyen").Should().Contain("Cán bộ huyện").And.Contain("huyện Ba Chẽ");
        Row(html, "admin").Should().Contain("Quản trị");
    }

    [Fact]
    public async Task Admin_creates_a_commune_officer_who_then_signs_in_and_edits_only_their_commune()
    {
        var admin = await fixture.ClientAsync("admin");
        var token = await admin.AntiforgeryTokenAsync("/admin/users/new");
        var thanhLam = await UnitIdAsync("thanh-lam");

        var response = await admin.PostFormAsync("/admin/users/new",
            [new("UserName", "xa.thanhlam"), new("FullName", "Cán bộ xã Thanh Lâm"), new("Role", Roles.CommuneOfficer), new("UnitIds", Id(thanhLam)),
             new("Password", Password), new("ConfirmPassword", Password)], token);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/admin/users");
        var officer = await fixture.Factory.SignedInClientAsync("xa.thanhlam", Password);
        var nav = await officer.GetStringAsync("/communes");
        nav.Should().Contain("href=\"/communes/thanh-lam\" data-nav=\"unit\"").And.Contain("Cán bộ xã Thanh Lâm").And.NotContain("Quản trị người dùng");
        (await officer.GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_create_form_puts_Vietnamese_messages_beside_the_fields()
    {
        var admin = await fixture.ClientAsync("admin");
        var token = await admin.AntiforgeryTokenAsync("/admin/users/new");

        var shortPassword = await Html(await admin.PostFormAsync("/admin/users/new",
            [new("UserName", "ngan"), new("Role", Roles.Admin), new("Password", "ngan"), new("ConfirmPassword", "khac")], token));
        var noUnit = await Html(await admin.PostFormAsync("/admin/users/new",
            [new("UserName", "xa.khongdonvi"), new("Role", Roles.CommuneOfficer), new("Password", Password), new("ConfirmPassword", Password)], token));
        var duplicate = await Html(await admin.PostFormAsync("/admin/users/new",
            [new("UserName", "huyen"), new("Role", Roles.Admin), new("Password", Password), new("ConfirmPassword", Password)], token));
        var badName = await Html(await admin.PostFormAsync("/admin/users/new",
            [new("UserName", "có dấu"), new("Role", "Boss"), new("Password", Password), new("ConfirmPassword", Password)], token));

        shortPassword.Should().MatchRegex("data-valmsg-for=\"Password\"[^>]*>Mật khẩu phải có từ 10 đến 128 ký tự.<")
            .And.MatchRegex("data-valmsg-for=\"ConfirmPassword\"[^>]*>Hai lần nhập mật khẩu không khớp.<");
        noUnit.Should().MatchRegex("data-valmsg-for=\"UnitIds\"[^>]*>Cán bộ xã phải gắn với ít nhất một đơn vị cấp xã");
        duplicate.Should().MatchRegex("data-valmsg-for=\"UserName\"[^>]*>Tên đăng nhập “huyen” đã có người dùng.<");
        badName.Should().MatchRegex("data-valmsg-for=\"UserName\"[^>]*>Tên đăng nhập chỉ gồm chữ không dấu");
        (await fixture.Factory.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == "ngan" || u.UserName == "xa.khongdonvi")))
            .Should().Be(0);
    }

    [Fact]
    public async Task An_English_reader_gets_the_account_errors_in_English()
    {
        var admin = await fixture.ClientAsync("admin");
        var token = await admin.AntiforgeryTokenAsync("/admin/users/new?culture=en");

        var duplicate = await Html(await admin.PostFormAsync("/admin/users/new?culture=en",
            [new("UserName", "huyen"), new("Role", Roles.Admin), new("Password", Password), new("ConfirmPassword", Password)], token));

        var noUnit = await Html(await admin.PostFormAsync("/admin/users/new?culture=en",
            [new("UserName", "xa.khongdonvi.en"), new("Role", Roles.CommuneOfficer), new("Password", Password), new("ConfirmPassword", Password)], token));

        duplicate.Should().MatchRegex("data-valmsg-for=\"UserName\"[^>]*>User name “huyen” is already taken.<")
            .And.NotContain("đã có người dùng");
        noUnit.Should().MatchRegex("data-valmsg-for=\"UnitIds\"[^>]*>A commune officer must have at least one commune-level unit");
    }

    [Fact]
    public async Task Admin_changes_role_and_units_and_the_user_then_reads_accordingly()
    {
        await AccountTests.CreateUserAsync(fixture, "doi.vai.tro", Password, Roles.CommuneOfficer, "minh-cam");
        var admin = await fixture.ClientAsync("admin");
        var id = await UserIdAsync("doi.vai.tro");
        var token = await admin.AntiforgeryTokenAsync($"/admin/users/{id}");
        var baChe = await UnitIdAsync("ba-che");

        var wrong = await Html(await admin.PostFormAsync($"/admin/users/{id}",
            [new("Role", Roles.Leader), new("UnitIds", Id(await UnitIdAsync("minh-cam")))], token));
        var right = await admin.PostFormAsync($"/admin/users/{id}", [new("FullName", "Lãnh đạo mới"), new("Role", Roles.Leader), new("UnitIds", Id(baChe))], token);

        wrong.Should().MatchRegex("data-valmsg-for=\"UnitIds\"[^>]*>Cán bộ cấp trên và lãnh đạo phải gắn với ít nhất một huyện hoặc tỉnh");
        right.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == id)
            .Select(u => new { u.FullName, Units = u.Units.Select(x => x.Unit.Slug).ToList() }).SingleAsync());
        after.FullName.Should().Be("Lãnh đạo mới");
        after.Units.Should().Equal("ba-che");
        var leader = await fixture.Factory.SignedInClientAsync("doi.vai.tro", Password);
        (await leader.GetStringAsync("/communes")).Should().Contain("id=\"signed-in-role\">Lãnh đạo<");
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_again()
    {
        await AccountTests.CreateUserAsync(fixture, "tam.dung", Password, Roles.Leader, "ba-che");
        var admin = await fixture.ClientAsync("admin");
        var id = await UserIdAsync("tam.dung");
        var token = await admin.AntiforgeryTokenAsync("/admin/users");

        (await admin.PostFormAsync($"/admin/users/{id}/disable", new Dictionary<string, string>(), token)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        // Issue 32.15: the list says what happened, and the action asks first (a disclosure) and is not on one's own row.
        var list = await admin.GetStringAsync("/admin/users");
        list.Should().Contain("Đã vô hiệu hoá tài khoản tam.dung: người này không đăng nhập được nữa.");
        Row(list, "admin").Should().NotContain("/disable");
        Row(list, "huyen").Should().Contain("<details class=\"d-inline-block disable-confirm\">").And.Contain("Xác nhận vô hiệu hoá huyen");
        var refused = await fixture.Factory.AnonymousClient().SignInAsync("tam.dung", Password);
        (await admin.PostFormAsync($"/admin/users/{id}/enable", new Dictionary<string, string>(), token)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var accepted = await fixture.Factory.AnonymousClient().SignInAsync("tam.dung", Password);

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khoá hay đã bị vô hiệu hoá");
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_sessions_at_their_next_validation()
    {
        await AccountTests.CreateUserAsync(fixture, "phien.cu", Password, Roles.Leader, "ba-che");
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<ProgramTracker.Core.Domain.AppUser>>();
        var user = (await signIn.UserManager.FindByNameAsync("phien.cu"))!;
        var session = await signIn.CreateUserPrincipalAsync(user);

        var before = await signIn.ValidateSecurityStampAsync(session);
        await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetDisabledAsync(user.Id, true);
        var after = await signIn.ValidateSecurityStampAsync(session);

        before.Should().NotBeNull("an enabled account's session validates");
        before!.UserName.Should().Be("phien.cu");
        after.Should().BeNull("a disabled account's cookie no longer validates");
    }

    [Fact]
    public async Task Admin_cannot_disable_their_own_account()
    {
        var admin = await fixture.ClientAsync("admin");
        var token = await admin.AntiforgeryTokenAsync("/admin/users");

        var response = await admin.PostFormAsync($"/admin/users/{await UserIdAsync("admin")}/disable", new Dictionary<string, string>(), token);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.IsDisabled).SingleAsync())).Should().BeFalse();
    }

    [Fact]
    public async Task Resetting_a_password_lifts_a_lockout_and_the_new_password_works()
    {
        await AccountTests.CreateUserAsync(fixture, "quen.mat.khau", Password, Roles.Leader, "ba-che");
        var anonymous = fixture.Factory.AnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.SignInAsync("quen.mat.khau", "sai-" + i);
        }

        // The lockout's effect: now even the right password is refused (five wrong ones lock the account for 15 minutes).
        var locked = await fixture.Factory.AnonymousClient().SignInAsync("quen.mat.khau", Password);
        locked.StatusCode.Should().Be(HttpStatusCode.OK, "a locked account is not signed in");
        (await locked.Content.ReadAsStringAsync()).Should().Contain("tài khoản đang tạm khoá");
        (await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "quen.mat.khau").Select(u => u.LockoutEnd).SingleAsync()))
            .Should().NotBeNull("five wrong passwords set a lockout");

        var admin = await fixture.ClientAsync("admin");
        var id = await UserIdAsync("quen.mat.khau");
        var token = await admin.AntiforgeryTokenAsync($"/admin/users/{id}/password");
        var tooShort = await Html(await admin.PostFormAsync($"/admin/users/{id}/password", new() { ["NewPassword"] = "ngan", ["ConfirmPassword"] = "ngan" }, token));
        var reset = await admin.PostFormAsync($"/admin/users/{id}/password",
            new() { ["NewPassword"] = "mat-khau-moi-cap-lai", ["ConfirmPassword"] = "mat-khau-moi-cap-lai" }, token);

        tooShort.Should().MatchRegex("data-valmsg-for=\"NewPassword\"[^>]*>Mật khẩu phải có từ 10 đến 128 ký tự.<");
        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fixture.Factory.AnonymousClient().SignInAsync("quen.mat.khau", "mat-khau-moi-cap-lai")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task CreateAdminAsync_creates_an_Admin_who_signs_in_and_manages_users()
    {
        var result = await fixture.Factory.WithServiceAsync<UserAdministration, Microsoft.AspNetCore.Identity.IdentityResult>(a =>
            a.CreateAdminAsync("quantri.moi", Password));

        result.Succeeded.Should().BeTrue();
        var client = await fixture.Factory.SignedInClientAsync("quantri.moi", Password);
        (await client.GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await RoleOfAsync("quantri.moi")).Should().Be(Roles.Admin);
    }

    [Fact]
    public async Task The_create_admin_command_reads_the_password_from_redirected_stdin()
    {
        var (exit, output, error) = await RunCreateAdminAsync(["create-admin", "--user", "quantri.lenh"], Password + "\n");

        exit.Should().Be(0, error);
        output.Should().Contain("Đã tạo tài khoản quản trị “quantri.lenh”");
        output.Should().NotContain(Password);
        (await RoleOfAsync("quantri.lenh")).Should().Be(Roles.Admin);
        (await fixture.Factory.AnonymousClient().SignInAsync("quantri.lenh", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_create_admin_command_refuses_a_short_password_an_existing_name_and_a_missing_user()
    {
        var tooShort = await RunCreateAdminAsync(["create-admin", "--user", "quantri.ngan"], "ngan\n");
        var existing = await RunCreateAdminAsync(["create-admin", "--user=admin"], Password + "\n");
        var missing = await RunCreateAdminAsync(["create-admin"], Password + "\n");

        tooShort.Exit.Should().Be(1);
        tooShort.Error.Should().Contain("Mật khẩu phải có ít nhất 10 ký tự.");
        existing.Exit.Should().Be(1);
        existing.Error.Should().Contain("Tên đăng nhập “admin” đã có người dùng.");
        missing.Exit.Should().Be(2);
        missing.Error.Should().Contain("create-admin --user");
        (await fixture.Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "quantri.ngan"))).Should().BeFalse();
    }

    private async Task<(int Exit, string Output, string Error)> RunCreateAdminAsync(string[] args, string stdin)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CreateAdminCommand.RunAsync(fixture.Factory.Services, fixture.Factory.Services.GetRequiredService<IConfiguration>(), args,
            new CreateAdminCommand.PipedSecret(new StringReader(stdin)), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<string?> RoleOfAsync(string userName) => fixture.Factory.WithDbAsync(db =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where u.UserName == userName
         select r.Name).SingleOrDefaultAsync());

    private Task<string> UserIdAsync(string userName) => fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private Task<int> UnitIdAsync(string slug) => fixture.Factory.WithDbAsync(db => db.Units.Where(u => u.Slug == slug).Select(u => u.Id).SingleAsync());

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<string> Html(HttpResponseMessage response) => response.Content.ReadAsStringAsync();

    private static string Row(string html, string userName)
    {
        var start = html.IndexOf($"data-user=\"{userName}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"the list should have a row for {userName}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
