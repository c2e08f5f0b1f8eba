using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using ProgramTracker.Core.Accounts;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>
/// Two portal processes on one database, as behind a load balancer (fault test; defect 8): a session, an antiforgery
/// token and the page cache work across them, and the sign-in limit is one count for both.
/// </summary>
public sealed class TwoPortalsTests : IAsyncLifetime
{
    private const string Entry = "/communes/nam-son/entry/2023-Q4";
    private TestDatabase _database = null!;
    private PortalFactory _a = null!;
    private PortalFactory _b = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _a = Portal(initialize: true);
        _ = _a.Server; // migrates and seeds
        _b = Portal(initialize: false);
        _ = _b.Server;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _database.DisposeAsync();
    }

    private PortalFactory Portal(bool initialize)
    {
        var portal = new PortalFactory("Postgres", _database.ConnectionString);
        portal.Settings["Database:Initialize"] = initialize ? "true" : "false";
        portal.Settings["Security:SignInRateLimit:PermitLimit"] = "3";
        portal.Settings["Security:SignInRateLimit:WindowSeconds"] = "600";
        portal.Settings["Security:TrustForwardedHeaders"] = "true"; // each test client its own address
        return portal;
    }

    /// <summary>A client of each portal sharing one cookie jar: a browser whose requests the balancer spreads.</summary>
    private (HttpClient A, HttpClient B) Browser(string address)
    {
        var jar = new CookieContainer();
        var a = _a.CreateDefaultClient(new CookieContainerHandler(jar));
        var b = _b.CreateDefaultClient(new CookieContainerHandler(jar));
        a.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        b.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return (a, b);
    }

    [Fact]
    public async Task A_session_an_antiforgery_token_and_the_page_cache_agree_across_two_processes()
    {
        var (a, b) = Browser("198.51.100.1");

        // The sign-in form comes from A, its POST goes to B.
        var token = await a.AntiforgeryTokenAsync("/account/login");
        var signIn = await b.PostFormAsync("/account/login", new() { ["UserName"] = "xa.namson", ["Password"] = PortalClients.DemoPassword }, token);
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await a.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.OK, "B's session cookie is read by A");

        // A caches the unit page; B saves a value; A shows it on the next request.
        const string Page = "/communes/nam-son?period=2023-Q4";
        (await a.GetStringAsync(Page)).Should().NotContain("43,21");
        var cells = await EntryFormPage.CellsAsync(a, Entry);
        var save = await b.PostFormAsync(Entry, EntryFormPage.Fields(cells, new() { ["ntm-xa.3.1"] = "43,21" }), await a.AntiforgeryTokenAsync(Entry));
        save.StatusCode.Should().Be(HttpStatusCode.Redirect, "A's antiforgery token is accepted by B");
        (await a.GetStringAsync(Page)).Should().Contain("43,21", "the page cache of A sees B's write");

        // Signing out on B ends the session on A too.
        var signOut = await b.PostFormAsync("/account/logout", [], await b.AntiforgeryTokenAsync("/communes"));
        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await a.GetAsync("/communes")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_change_of_rights_on_one_process_applies_on_the_other_at_once()
    {
        // A holds its catalogue snapshot (units, users' bound units) from the officer's first requests.
        const string DonDac = "/communes/don-dac/entry/2023-Q4";
        var (officer, _) = Browser("198.51.100.3");
        (await officer.SignInAsync("xa.dondac", PortalClients.DemoPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await SaveAsync(officer, DonDac, "ntm-xa.3.1", "41,5")).StatusCode.Should().Be(HttpStatusCode.Redirect, "xa.dondac changes Đồn Đạc's data");
        (await SaveAsync(officer, Entry, "ntm-xa.3.1", "41,5")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "but not Nam Sơn's");

        // On B, the admin binds xa.dondac to Nam Sơn instead.
        var (_, admin) = Browser("198.51.100.4");
        (await admin.SignInAsync("admin", PortalClients.DemoPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = Regex.Match(await admin.GetStringAsync("/admin/users"), "href=\"/admin/users/([^\"/]+)\"[^>]*>[^<]*xa\\.dondac").Groups[1].Value;
        var namSon = await _b.WithDbAsync(db => db.Units.Where(u => u.Slug == "nam-son").Select(u => u.Id).SingleAsync());
        var rebind = await admin.PostFormAsync($"/admin/users/{id}",
            [new("FullName", "Cán bộ xã"), new("Role", Roles.CommuneOfficer), new("UnitIds", namSon.ToString(CultureInfo.InvariantCulture))],
            await admin.AntiforgeryTokenAsync($"/admin/users/{id}"));
        rebind.StatusCode.Should().Be(HttpStatusCode.Redirect);

        // A answers by the new rights on the next request (signing in again, in case the change ended the session).
        var (again, _) = Browser("198.51.100.5");
        (await again.SignInAsync("xa.dondac", PortalClients.DemoPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await SaveAsync(again, Entry, "ntm-xa.3.1", "42,5")).StatusCode.Should().Be(HttpStatusCode.Redirect, "A read B's change of rights");
        (await SaveAsync(again, DonDac, "ntm-xa.3.1", "42,5")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string form, string code, string value) =>
        await client.PostFormAsync(form, EntryFormPage.Fields(await EntryFormPage.CellsAsync(client, form), new() { [code] = value }),
            await client.AntiforgeryTokenAsync(form));

    [Fact]
    public async Task The_sign_in_limit_is_one_count_for_both_processes()
    {
        var (a, b) = Browser("198.51.100.2");
        var statuses = new List<HttpStatusCode>();
        foreach (var portal in new[] { a, b, a, b })
        {
            statuses.Add((await portal.SignInAsync("lanhdao", "sai-mat-khau")).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
    }
}
