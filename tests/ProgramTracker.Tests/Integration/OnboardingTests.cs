using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Domain;
using ProgramTracker.Web.Infrastructure;
using ProgramTracker.Web.Models.CatalogueImport;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// Onboarding at country size (issue 23 part 4), through the pages: accounts in bulk with a dry run, one transaction and
/// one-time passwords changed at first sign-in; the province administrator kept to their province; commune groups by
/// file, read by the threshold rules from their date.
/// </summary>
public sealed partial class OnboardingTests : SeededCopyTests
{
    private const string ProvinceAdmin = "quantri.qn";
    private const string AccountHeader = "Tên đăng nhập,Họ và tên,Email hoặc điện thoại,Vai trò,Mã đơn vị";
    private const string ClassHeader = "Mã đơn vị,Nhóm xã (QĐ 51),Vùng (QĐ 318),Từ ngày,Số quyết định";

    [Fact]
    public async Task Account_dry_run_names_each_bad_row_and_field_in_Vietnamese_and_creates_nothing()
    {
        var admin = await Factory.SignedInClientAsync("admin");
        var before = await Factory.WithDbAsync(db => db.Users.CountAsync());
        var csv = string.Join("\r\n",
            AccountHeader,
            "xa.moi1,Nguyễn Văn A,a@example.vn,Cán bộ xã,06970",
            "xa.moi1,Trần Thị B,,CommuneOfficer,06979",
            "admin,Trùng,,Cán bộ xã,06985",
            "xa.moi2,,,Cán bộ xã,99999",
            "xa.moi3,,,Lãnh đạo,06979",
            "xa.moi4,,khong-phai-email@,Cán bộ xã,06985",
            "xa.moi5,,12345,Cán bộ xã,06985",
            "xa moi6,,0912 345 678,Thủ quỹ,06985");

        var response = await UploadAsync(admin, "/admin/users/import", Encoding.UTF8.GetBytes(csv), "tai-khoan.csv");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain("Tên đăng nhập “xa.moi1” đã có ở dòng 2 của tệp.")
            .And.Contain("Tên đăng nhập “admin” đã có trong cổng.")
            .And.Contain("Không có đơn vị nào mang mã “99999”.")
            .And.Contain("Vai trò “Lãnh đạo” không dùng được ở xã Kỳ Thượng")
            .And.Contain("“khong-phai-email@” không phải địa chỉ email hợp lệ.")
            .And.Contain("“12345” không phải email hay số điện thoại hợp lệ")
            .And.Contain("Tên đăng nhập “xa moi6” không hợp lệ")
            .And.Contain("Không có vai trò “Thủ quỹ”")
            .And.Contain("id=\"count-error-rows\">7<")
            .And.NotContain("name=\"payload\"");
        Regex.IsMatch(html, "<tr data-row=\"3\"><td>3</td><td class=\"text-nowrap\">Tên đăng nhập</td>").Should().BeTrue("the error names its row and field");
        (await Factory.WithDbAsync(db => db.Users.CountAsync())).Should().Be(before);

        var english = await Factory.SignedInClientAsync("admin");
        (await english.GetAsync("/language/en?returnUrl=%2F")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var inEnglish = WebUtility.HtmlDecode(await (await UploadAsync(english, "/admin/users/import", Encoding.UTF8.GetBytes(csv), "accounts.csv")).Content.ReadAsStringAsync());
        inEnglish.Should().Contain("The user name “admin” already exists in the portal.").And.Contain("No unit has the code “99999”.")
            .And.Contain("<td class=\"text-nowrap\">User name</td>");

        foreach (var (bytes, name, message) in new[]
        {
            (Array.Empty<byte>(), "rong.csv", "Tệp rỗng (0 byte)."),
            (Encoding.UTF8.GetBytes("a,b,c\r\n1,2,3"), "sai-cot.csv", "Thiếu cột “Tên đăng nhập” ở dòng tiêu đề (dòng 1)."),
            (Encoding.UTF8.GetBytes("PK\u0003\u0004 không phải zip"), "hong.xlsx", "Tệp không phải bảng tính Excel .xlsx hợp lệ"),
            (Encoding.UTF8.GetBytes(AccountHeader), "chi-tieu-de.csv", "Bảng tính trống"),
            (new byte[6 * 1024 * 1024], "lon.csv", "Tệp 6 MB vượt giới hạn 5 MB"),
        })
        {
            var bad = await UploadAsync(admin, "/admin/users/import", bytes, name);
            bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, name);
            WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()).Should().Contain("id=\"import-errors\"", name).And.Contain(message, name);
        }
    }

    [Fact]
    public async Task Province_admin_imports_accounts_from_xlsx_and_each_must_change_the_one_time_password_at_first_sign_in()
    {
        var client = await Factory.SignedInClientAsync(ProvinceAdmin);
        var xlsx = SetTableWriter.PlainXlsx("Tài khoản", ["Tên đăng nhập", "Họ và tên", "Email hoặc điện thoại", "Vai trò", "Mã đơn vị"],
        [
            ["xa.kythuong.1", "Hoàng Văn Một", "mot@kythuong.vn", "Cán bộ xã", "06979"],
            ["xa.kythuong.2", "Hoàng Thị Hai", "0912.345.678", "CommuneOfficer", "06979"],
            ["xa.luongminh.1", "Lê Văn Ba", null, "Cán bộ xã", "06985"],
        ], [20, 20, 20, 20, 20]);

        var preview = await UploadAsync(client, "/admin/users/import", xlsx, "tai-khoan.xlsx");
        var html = await preview.Content.ReadAsStringAsync();
        preview.StatusCode.Should().Be(HttpStatusCode.OK, html);
        html.Should().Contain("id=\"count-new\">3<").And.Contain("xa.kythuong.2").And.Contain("0912345678");
        (await Factory.WithDbAsync(db => db.Users.CountAsync(u => u.UserName!.StartsWith("xa.kythuong")))).Should().Be(0, "a dry run saves nothing");

        var applied = await ApplyAsync(client, "/admin/users/import/apply", html);
        var done = await applied.Content.ReadAsStringAsync();
        applied.StatusCode.Should().Be(HttpStatusCode.OK, done);
        applied.Headers.CacheControl!.NoStore.Should().BeTrue();
        done.Should().Contain("Đã tạo 3 tài khoản");
        var sheet = Convert.FromBase64String(WebUtility.HtmlDecode(Regex.Match(done, "href=\"data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,([^\"]+)\"").Groups[1].Value));
        var table = SetTableReader.Read("mat-khau.xlsx", sheet, new CatalogueImportOptions(), ProgramTracker.Core.Localization.Formats.Vietnamese);
        table.Errors.Should().BeEmpty();
        table.Rows.Should().HaveCount(4);
        table.Rows[0].Cells[6].Text.Should().Be("Mật khẩu dùng một lần");
        table.Rows[2].Cells[1].Text.Should().Be("xa.kythuong.2");
        var password = table.Rows[2].Cells[6].Text;
        password.Should().MatchRegex("^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$");

        var stored = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "xa.kythuong.2")
            .Select(u => new { u.MustChangePassword, u.PhoneNumber, u.FullName, Units = u.Units.Select(x => x.Unit.Slug).ToList(), u.PasswordHash }).SingleAsync());
        stored.MustChangePassword.Should().BeTrue();
        stored.PhoneNumber.Should().Be("0912345678");
        stored.Units.Should().Equal("ky-thuong");
        stored.PasswordHash.Should().NotContain(password);
        (await Factory.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id join u in db.Users on ur.UserId equals u.Id
                                          where u.UserName == "xa.luongminh.1" select r.Name).SingleAsync())).Should().Be(Roles.CommuneOfficer);

        // First sign-in: the change-password page and nothing else until the password is the user's own.
        var officer = Factory.AnonymousClient();
        var signIn = await officer.SignInAsync("xa.kythuong.2", password);
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.Should().Be("/account/password");
        var elsewhere = await officer.GetAsync("/communes/ky-thuong");
        elsewhere.StatusCode.Should().Be(HttpStatusCode.Redirect);
        elsewhere.Headers.Location!.OriginalString.Should().Be("/account/password");
        var token = await officer.AntiforgeryTokenAsync("/account/password");
        (await officer.GetStringAsync("/account/password")).Should().Contain("Đây là lần đăng nhập đầu với mật khẩu dùng một lần");
        (await officer.PostFormAsync("/account/tokens", new Dictionary<string, string> { ["Name"] = "x" }, token)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "no API token from a one-time password");
        (await officer.GetAsync("/account/tokens")).Headers.Location!.OriginalString.Should().Be("/account/password");
        var blocked = await officer.PostFormAsync("/communes/ky-thuong/entry/2025-Q3", new Dictionary<string, string>(), token);
        blocked.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var changed = await officer.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = password, ["NewPassword"] = "Ky-Thuong-mat-khau-rieng", ["ConfirmPassword"] = "Ky-Thuong-mat-khau-rieng",
        }, token);
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        changed.Headers.Location!.OriginalString.Should().Be("/");
        (await officer.GetAsync("/communes/ky-thuong")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "xa.kythuong.2").Select(u => u.MustChangePassword).SingleAsync())).Should().BeFalse();
        (await Factory.AnonymousClient().SignInAsync("xa.kythuong.2", "Ky-Thuong-mat-khau-rieng")).Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task Apply_creates_nothing_when_a_row_has_become_invalid_since_the_dry_run()
    {
        var admin = await Factory.SignedInClientAsync("admin");
        var csv = string.Join("\r\n", AccountHeader, "xa.mot,,,Cán bộ xã,06970", "xa.hai,,,Cán bộ xã,06979");
        var preview = await (await UploadAsync(admin, "/admin/users/import", Encoding.UTF8.GetBytes(csv), "a.csv")).Content.ReadAsStringAsync();
        preview.Should().Contain("name=\"payload\"");

        // Someone takes the second name between the dry run and "Áp dụng".
        var bacheId = await Factory.WithDbAsync(db => db.Units.Where(u => u.Slug == "xa-ba-che").Select(u => u.Id).SingleAsync());
        (await Factory.WithServiceAsync<UserAdministration, Microsoft.AspNetCore.Identity.IdentityResult>(a =>
            a.CreateAsync("xa.hai", "mat-khau-rat-dai-1", new AccountSettings(null, Roles.CommuneOfficer, [bacheId])))).Succeeded.Should().BeTrue();

        var applied = await ApplyAsync(admin, "/admin/users/import/apply", preview);
        applied.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await applied.Content.ReadAsStringAsync()).Should().Contain("Tên đăng nhập “xa.hai” đã có trong cổng.");
        (await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "xa.mot"))).Should().BeFalse("all or nothing");

        // A payload that is not the portal's own is refused.
        var forged = await admin.PostFormAsync("/admin/users/import/apply", new Dictionary<string, string> { ["payload"] = "abc" }, await admin.AntiforgeryTokenAsync("/admin/users/import"));
        forged.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Province_admin_cannot_touch_another_province_its_periods_or_the_catalogue()
    {
        await AddOtherProvinceAsync();
        var admin = await Factory.SignedInClientAsync("admin");
        var outsider = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "xa.langson").Select(u => u.Id).SingleAsync());
        var national = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
        var inside = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "xa.bache").Select(u => u.Id).SingleAsync());
        (await admin.GetStringAsync("/admin/users")).Should().Contain("data-user=\"xa.langson\"");

        var client = await Factory.SignedInClientAsync(ProvinceAdmin);
        var list = await client.GetStringAsync("/admin/users");
        list.Should().Contain("data-user=\"xa.bache\"").And.NotContain("data-user=\"xa.langson\"").And.NotContain("data-user=\"admin\"");
        (await client.GetAsync($"/admin/users/{inside}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var token = await client.AntiforgeryTokenAsync("/admin/users/new");
        foreach (var id in new[] { outsider, national })
        {
            (await client.GetAsync($"/admin/users/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.GetAsync($"/admin/users/{id}/password")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.PostFormAsync($"/admin/users/{id}/disable", new Dictionary<string, string>(), token)).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.PostFormAsync($"/admin/users/{id}/two-factor/reset", new Dictionary<string, string>(), token)).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.PostFormAsync($"/admin/users/{id}", new Dictionary<string, string> { ["Role"] = Roles.CommuneOfficer }, token)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "xa.langson").Select(u => u.IsDisabled).SingleAsync())).Should().BeFalse();

        // Creating an account in the other province, or an administrator, is refused beside the field.
        var langSonCommune = await Factory.WithDbAsync(db => db.Units.Where(u => u.Slug == "xa-thu-lang-son").Select(u => u.Id).SingleAsync());
        var create = await client.PostFormAsync("/admin/users/new",
            [new("UserName", "ngoai.tinh"), new("Role", Roles.CommuneOfficer), new("UnitIds", langSonCommune.ToString(CultureInfo.InvariantCulture)),
             new("Password", "mat-khau-rat-dai-1"), new("ConfirmPassword", "mat-khau-rat-dai-1")], token);
        create.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await create.Content.ReadAsStringAsync()).Should().Contain("Bạn chỉ được giao vai trò cán bộ, lãnh đạo hoặc cán bộ xã với các đơn vị trong tỉnh của mình.");
        (await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "ngoai.tinh"))).Should().BeFalse();

        var accounts = await UploadAsync(client, "/admin/users/import", Encoding.UTF8.GetBytes(AccountHeader + "\r\nngoai.tinh,,,Cán bộ xã,99001\r\nqt.moi,,,ProvinceAdmin,06970"), "a.csv");
        accounts.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await accounts.Content.ReadAsStringAsync()).Should().Contain("Mã “99001” (xã Thử) không thuộc tỉnh bạn quản trị.")
            .And.Contain("Bạn không được giao vai trò “Quản trị tỉnh” bằng tệp.");
        var classes = await UploadAsync(client, "/admin/unit-classifications/import", Encoding.UTF8.GetBytes(ClassHeader + "\r\n99001,2,,01/01/2026,QĐ 1/QĐ-UBND"), "c.csv");
        classes.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await classes.Content.ReadAsStringAsync()).Should().Contain("Mã “99001” (xã Thử) không thuộc tỉnh bạn quản trị.");

        // Periods, the catalogue and reorganisations are national.
        (await client.GetAsync("/admin/periods")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.PostFormAsync("/admin/periods/2023-Q4/lock", new Dictionary<string, string>(), token)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/admin/criteria-sets/ntm-xa/import")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/admin/reorganisations")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        // Reads its province, enters no data.
        (await client.GetAsync("/communes/xa-ba-che")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/communes/xa-thu-lang-son")).StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await client.PostFormAsync("/communes/xa-ba-che/entry/2025-Q3", new Dictionary<string, string>(), token)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Classification_import_starts_a_commune_group_on_its_date_and_the_threshold_rules_read_it_from_then()
    {
        var client = await Factory.SignedInClientAsync(ProvinceAdmin);
        var bad = await UploadAsync(client, "/admin/unit-classifications/import", Encoding.UTF8.GetBytes(string.Join("\r\n", ClassHeader,
            "06970,4,,01/01/2026,QĐ 12/QĐ-UBND",
            "12345,1,,01/01/2026,QĐ 12/QĐ-UBND",
            "06979,1,,31/02/2026,QĐ 12/QĐ-UBND",
            "06985,,xyz,01/01/2026,",
            "06985,,,01/01/2026,QĐ 12/QĐ-UBND")), "c.csv");
        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()).Should()
            .Contain("Nhóm “4” không hợp lệ: ghi 1, 2 hoặc 3.")
            .And.Contain("Không có đơn vị nào mang mã “12345”.")
            .And.Contain("“31/02/2026” không phải ngày (dd/mm/yyyy).")
            .And.Contain("Không có vùng “xyz”")
            .And.Contain("Thiếu số quyết định của tỉnh.")
            .And.Contain("Dòng không ghi nhóm cũng không ghi vùng.");
        (await Factory.WithDbAsync(db => db.UnitClassifications.CountAsync(c => c.CommuneGroup != null))).Should().Be(0);

        var csv = string.Join("\r\n", ClassHeader, "06970,1,,01/01/2026,QĐ 12/QĐ-UBND", "06979,Nhóm 3,,01/01/2026,QĐ 12/QĐ-UBND");
        var preview = await UploadAsync(client, "/admin/unit-classifications/import", Encoding.UTF8.GetBytes(csv), "phan-nhom.csv");
        var html = await preview.Content.ReadAsStringAsync();
        preview.StatusCode.Should().Be(HttpStatusCode.OK, html);
        html.Should().Contain("id=\"count-added\">2<");
        var applied = await ApplyAsync(client, "/admin/unit-classifications/import/apply", html);
        applied.StatusCode.Should().Be(HttpStatusCode.OK);
        (await applied.Content.ReadAsStringAsync()).Should().Contain("id=\"import-applied\"");

        var rows = await Factory.WithDbAsync(db => db.UnitClassifications.Where(c => c.Unit.Slug == "xa-ba-che").OrderBy(c => c.ValidFrom != null).ThenBy(c => c.ValidFrom)
            .Select(c => new { c.ValidFrom, c.ValidTo, c.CommuneGroup, c.Region, Source = c.Source!.Title }).ToListAsync());
        rows.Should().HaveCount(2);
        rows[0].ValidTo.Should().Be(new DateOnly(2025, 12, 31));
        rows[0].CommuneGroup.Should().BeNull();
        rows[1].ValidFrom.Should().Be(new DateOnly(2026, 1, 1));
        rows[1].CommuneGroup.Should().Be(1);
        rows[1].Region.Should().Be("tdmnpb", "a group does not erase the region");
        rows[1].Source.Should().Be("QĐ 12/QĐ-UBND");

        var (before, after) = await Factory.WithDbAsync(async db =>
        {
            var set = await db.CriteriaSets.Where(s => s.Code == "ntm-xa-2026").Select(s => s.Id).SingleAsync();
            var unit = await db.Units.Where(u => u.Slug == "xa-ba-che").Select(u => u.Id).SingleAsync();
            var book = await RuleBook.LoadAsync(db, [set], [unit], default);
            return (book.ZoneAt(unit, new DateOnly(2025, 10, 1)), book.ZoneAt(unit, new DateOnly(2026, 4, 1)));
        });
        before!.CommuneGroup.Should().BeNull();
        after!.CommuneGroup.Should().Be(1);

        // The same file again changes nothing.
        var again = await (await UploadAsync(client, "/admin/unit-classifications/import", Encoding.UTF8.GetBytes(csv), "phan-nhom.csv")).Content.ReadAsStringAsync();
        again.Should().Contain("id=\"count-unchanged\">2<").And.Contain("id=\"import-nochange\"").And.NotContain("name=\"payload\"");
    }

    private async Task AddOtherProvinceAsync()
    {
        using var seeds = new TempSeeds();
        seeds.Edit("units.json", "\"units\": [", """
            "units": [
                { "slug": "lang-son", "name": "Lạng Sơn", "kind": "Province", "parent": null, "source": "dvhc-quang-ninh", "statisticsCode": "20" },
                { "slug": "xa-thu-lang-son", "name": "Thử", "kind": "Commune", "parent": "lang-son", "source": "dvhc-quang-ninh", "statisticsCode": "99001" },
            """);
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(Factory.Services.GetRequiredService<IConfiguration>())
            .AddInMemoryCollection([new("Seed:Directory", seeds.Path)])
            .Build();
        await DatabaseInitializer.MigrateAndSeedAsync(Factory.Services, configuration);
        var commune = await Factory.WithDbAsync(db => db.Units.Where(u => u.Slug == "xa-thu-lang-son").Select(u => u.Id).SingleAsync());
        (await Factory.WithServiceAsync<UserAdministration, Microsoft.AspNetCore.Identity.IdentityResult>(a =>
            a.CreateAsync("xa.langson", "mat-khau-rat-dai-1", new AccountSettings(null, Roles.CommuneOfficer, [commune])))).Succeeded.Should().BeTrue();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] content, string fileName)
    {
        var token = await client.AntiforgeryTokenAsync(url);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(content), "file", fileName },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync(url, form);
    }

    private static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, string url, string previewHtml)
    {
        var payload = PayloadField().Match(previewHtml);
        payload.Success.Should().BeTrue("the dry run offers Áp dụng");
        var token = TokenField().Match(previewHtml).Groups[1].Value;
        return await client.PostFormAsync(url, new Dictionary<string, string> { ["payload"] = WebUtility.HtmlDecode(payload.Groups[1].Value) }, WebUtility.HtmlDecode(token));
    }

    [GeneratedRegex("name=\"payload\" value=\"([^\"]+)\"")]
    private static partial Regex PayloadField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
