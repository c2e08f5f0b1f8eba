namespace ProgramTracker.Tests.Integration;

/// <summary>A portal with Security:RequireTwoFactor on, as in Production.</summary>
public sealed partial class TwoFactorTests : IAsyncLifetime
{
    private readonly SeededPortal _portal = new() { Settings = { ["Security:RequireTwoFactor"] = "true" } };

    private PortalFactory Factory => _portal.Factory;

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Admin_without_an_authenticator_is_sent_to_set_one_up_then_signs_in_with_a_code()
    {
        var client = await Factory.SignedInClientAsync("admin");

        var page = await client.GetAsync("/communes");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.Should().Be("/account/two-factor");
        var token = await client.AntiforgeryTokenAsync("/account/two-factor");
        (await client.PostFormAsync("/admin/users/new", new() { ["UserName"] = "x" }, token)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var setup = await client.GetStringAsync("/account/two-factor");
        setup.Should().Contain("phải bật xác thực hai bước");
        var key = SharedKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        key.Should().NotBeEmpty();
        setup.Should().MatchRegex($"otpauth://totp/[^\"<]*\\?secret={key.ToUpperInvariant()}&amp;issuer=");

        var wrong = await client.PostFormAsync("/account/two-factor", new() { ["Form.Code"] = "000000" == Totp.Code(key) ? "111111" : "000000" }, token);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("Mã xác thực không đúng");
        var enabled = await client.PostFormAsync("/account/two-factor", new() { ["Form.Code"] = Totp.Code(key) }, token);
        enabled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.OK);

        // Next time: password, then code.
        var again = Factory.AnonymousClient();
        var password = await again.SignInAsync("admin", PortalClients.DemoPassword);
        password.Headers.Location!.OriginalString.Should().StartWith("/account/login-2fa");
        (await again.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the password alone does not sign in");
        var codeToken = await again.AntiforgeryTokenAsync("/account/login-2fa");
        var badCode = await again.PostFormAsync("/account/login-2fa", new() { ["Code"] = "12345" }, codeToken);
        (await badCode.Content.ReadAsStringAsync()).Should().Contain("Mã gồm 6 chữ số.");
        var code = await again.PostFormAsync("/account/login-2fa", new() { ["Code"] = Totp.Code(key) }, codeToken);
        code.StatusCode.Should().Be(HttpStatusCode.Redirect);
        code.Headers.Location!.OriginalString.Should().Be("/");
        (await again.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("lanhdao")]
    [InlineData("xa.namson")]
    public async Task Leaders_and_commune_officers_are_not_required_to_use_an_authenticator(string userName)
    {
        var client = await Factory.SignedInClientAsync(userName);

        (await client.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task District_staff_without_an_authenticator_are_sent_to_set_one_up()
    {
        var client = await Factory.SignedInClientAsync("huyen");

        var response = await client.GetAsync("/districts/ba-che");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/account/two-factor");
    }

    [GeneratedRegex("id=\"shared-key\">([a-z0-9 ]+)<")]
    private static partial Regex SharedKey();
}
