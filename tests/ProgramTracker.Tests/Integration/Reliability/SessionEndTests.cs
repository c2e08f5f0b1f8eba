namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Defect 6: sign-out, disabling a user and a password change end every session of that user, even a cookie saved before.</summary>
public sealed class SessionEndTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task A_cookie_saved_before_sign_out_no_longer_works_and_other_sessions_end_too()
    {
        var first = await SessionAsync("lanhdao", PortalClients.DemoPassword);
        var second = await SessionAsync("lanhdao", PortalClients.DemoPassword);
        (await first.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.OK);
        var saved = first.Cookies;

        var logout = await first.PostAsync("/account/logout", [], await first.TokenAsync("/communes"));
        logout.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var replay = new Session(portal.Factory, saved);
        (await replay.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the saved cookie was signed out");
        (await second.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.Redirect, "sign-out ends every session of the user");
        (await (await SessionAsync("lanhdao", PortalClients.DemoPassword)).GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_open_session_at_once()
    {
        var officer = await SessionAsync("xa.dondac", PortalClients.DemoPassword);
        (await officer.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.OK);
        var admin = await portal.Factory.SignedInClientAsync("admin");
        var users = await admin.GetStringAsync("/admin/users");
        var id = System.Text.RegularExpressions.Regex.Match(users, "href=\"/admin/users/([^\"/]+)\"[^>]*>[^<]*xa\\.dondac").Groups[1].Value;
        id.Should().NotBeEmpty();

        var disabled = await admin.PostFormAsync($"/admin/users/{id}/disable", new(), await admin.AntiforgeryTokenAsync("/admin/users"));

        disabled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await officer.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_the_one_that_changed_it()
    {
        const string user = "xa.namson";
        var other = await SessionAsync(user, PortalClients.DemoPassword);
        var client = await portal.Factory.SignedInClientAsync(user);

        var changed = await client.PostFormAsync("/account/password", new()
        {
            ["CurrentPassword"] = PortalClients.DemoPassword, ["NewPassword"] = "Mat-khau-moi-2026", ["ConfirmPassword"] = "Mat-khau-moi-2026",
        }, await client.AntiforgeryTokenAsync("/account/password"));

        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await other.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private async Task<Session> SessionAsync(string userName, string password)
    {
        var session = new Session(portal.Factory, []);
        var token = await session.TokenAsync("/account/login");
        var response = await session.PostAsync("/account/login", [new("UserName", userName), new("Password", password)], token);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return session;
    }

    /// <summary>A client whose cookies are kept by hand, so a test can save them and replay them later.</summary>
    private sealed class Session(PortalFactory factory, Dictionary<string, string> cookies)
    {
        private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        public Dictionary<string, string> Cookies => new(cookies);

        public async Task<HttpResponseMessage> GetAsync(string url) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

        public async Task<HttpResponseMessage> PostAsync(string url, List<KeyValuePair<string, string>> fields, string token) =>
            await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))) });

        public async Task<string> TokenAsync(string url)
        {
            var html = await (await GetAsync(url)).Content.ReadAsStringAsync();
            var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
            return WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await _client.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var header in set)
                {
                    var pair = header.Split(';')[0];
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                    if (value.Length == 0)
                    {
                        cookies.Remove(name);
                    }
                    else
                    {
                        cookies[name] = value;
                    }
                }
            }

            return response;
        }
    }
}
