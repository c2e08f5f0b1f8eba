using Npgsql;
using ProgramTracker.Core.Data;
using ProgramTracker.Tests.Integration.Reliability;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// Issue 13, goals 4 and 5 (docs/adr/0008): a save raises the data version of its own province only, at its
/// commit, so another province's cached pages stay valid and saves of different units never wait for each other.
/// </summary>
public sealed class DataScopeTests : IAsyncLifetime, IDisposable
{
    private const string OtherProvinceCommune = "/communes/tan-thanh";
    private readonly TempSeeds _seeds = new();
    private PortalFactory _factory = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        // A second province with one commune, through the seed (the door a deployment uses to load its units).
        _seeds.Edit("units.json", "\"units\": [", """
            "units": [
                { "slug": "lang-son", "name": "Lạng Sơn", "kind": "Province", "parent": null, "source": "ba-che-2023-08-25" },
                { "slug": "tan-thanh", "name": "Tân Thành", "kind": "Commune", "parent": "lang-son", "source": "ba-che-2023-08-25" },
            """);
        (_factory, _database) = await PortalFactory.OnPostgresAsync(_seeds.Path);
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    public void Dispose() => _seeds.Dispose();

    [Fact]
    public async Task A_save_in_one_province_leaves_another_provinces_cached_pages_valid_and_its_own_fresh()
    {
        var admin = await _factory.SignedInClientAsync("admin");
        (await GetAsync(admin, OtherProvinceCommune)).FromCache.Should().BeFalse();
        (await GetAsync(admin, OtherProvinceCommune)).FromCache.Should().BeTrue("the second read of an unchanged page comes from the page cache");
        (await GetAsync(admin, "/communes/nam-son?period=2023-Q4")).FromCache.Should().BeFalse();

        var huyen = await _factory.SignedInClientAsync("huyen");
        // 77 % is under the indicator's 80 % threshold, so the page lists it among the set's gaps, beside the indicator's name.
        (await SaveAsync(huyen, "/communes/nam-son/entry/2023-Q4", "ntm-xa.3.1", "77")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await GetAsync(admin, OtherProvinceCommune)).FromCache.Should().BeTrue("a save in Quảng Ninh changes nothing Lạng Sơn's pages show");
        var namSon = await GetAsync(admin, "/communes/nam-son?period=2023-Q4");
        namSon.FromCache.Should().BeFalse("the saved commune's page must never be served stale");
        namSon.Html.Should().MatchRegex("(?s)data-set=\"ntm-xa\">(?:(?!data-set=).)*>Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động</a>: 77 %,",
            "the saved value is shown in its set's gap line");
        (await GetAsync(admin, "/overview")).FromCache.Should().BeFalse();
        (await GetAsync(admin, "/overview")).FromCache.Should().BeTrue();

        // A save in Lạng Sơn: its page is built again, and the country's overview too.
        (await SaveAsync(admin, "/communes/tan-thanh/entry/2026-Q3", null, "12")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await GetAsync(admin, OtherProvinceCommune)).FromCache.Should().BeFalse();
        (await GetAsync(admin, "/overview")).FromCache.Should().BeFalse();
    }

    /// <summary>
    /// Issue 24 (docs/adr/0022): a commune's page keys on its own data version and every page's model is kept per data
    /// version, so a save in Nam Sơn leaves Đồn Đạc's cached page (same province) valid, and with every cache warm the next
    /// read of Nam Sơn's page and of the district's dashboard under a new address shows the saved figure, never the model
    /// built before it.
    /// </summary>
    [Fact]
    public async Task A_save_shows_at_once_with_every_cache_warm_and_leaves_another_communes_page_of_the_province_cached()
    {
        const string Form = "/communes/nam-son/entry/2023-Q4";
        const string Page = "/communes/nam-son?period=2023-Q4";
        const string Dashboard = "/dashboard?unit=ba-che&period=2023-Q4";
        const string Summary = "/reports/summary?unit=ba-che&period=2023-Q4";
        var admin = await _factory.SignedInClientAsync("admin");
        var huyen = await _factory.SignedInClientAsync("huyen");
        (await SaveAsync(huyen, Form, "ntm-xa.3.1", "95")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await GetAsync(admin, "/communes/don-dac")).FromCache.Should().BeFalse();
        (await GetAsync(admin, "/communes/don-dac")).FromCache.Should().BeTrue();
        var pageBefore = await GetAsync(admin, Page + "&v=1");
        (await GetAsync(admin, Page + "&v=1")).FromCache.Should().BeTrue("the page cache holds the page built just now");
        var dashboardBefore = (await GetAsync(admin, Dashboard + "&v=1")).Html;
        var summaryBefore = (await GetAsync(admin, Summary + "&v=1")).Html;
        // Another address of the same figures: rendered from the model already built, and the same page.
        Comparable((await GetAsync(admin, Dashboard + "&v=1b")).Html).Should().Be(Comparable(dashboardBefore));

        // 77 % is under the indicator's 80 % threshold (95 % met it): the commune's set loses a met indicator.
        (await SaveAsync(huyen, Form, "ntm-xa.3.1", "77")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await GetAsync(admin, "/communes/don-dac")).FromCache.Should().BeTrue("a save in Nam Sơn changes nothing Đồn Đạc's page shows");
        var pageAfter = await GetAsync(admin, Page + "&v=2");
        pageAfter.FromCache.Should().BeFalse();
        pageBefore.Html.Should().NotMatchRegex(GapLine);
        pageAfter.Html.Should().MatchRegex(GapLine, "the saved value is shown at once, not the model built before the save");
        (await GetAsync(admin, Page + "&v=1")).Html.Should().MatchRegex(GapLine, "the address cached before the save is built again");
        Comparable((await GetAsync(admin, Dashboard + "&v=2")).Html).Should().NotBe(Comparable(dashboardBefore),
            "the district's dashboard counts the commune's met indicators: the save shows at once");
        Comparable((await GetAsync(admin, Summary + "&v=2")).Html).Should().NotBe(Comparable(summaryBefore));
    }

    /// <summary>
    /// A save that is warned writes its flag rows beside the values: they belong to the commune, so they raise its
    /// province's version only. (They once raised the catalogue's, which made every save in the country a change to every
    /// cached page and to the catalogue snapshot: the lock every save waited on in the bench's 16 saves at once.)
    /// </summary>
    [Fact]
    public async Task A_warned_save_writes_its_flag_and_still_leaves_another_provinces_cached_page_valid()
    {
        var admin = await _factory.SignedInClientAsync("admin");
        var officer = await _factory.SignedInClientAsync("xa.namson");
        (await SaveAsync(officer, "/communes/nam-son/entry/2024-Q1", "ntm-xa.3.1", "8")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await GetAsync(admin, OtherProvinceCommune)).FromCache.Should().BeFalse();
        (await GetAsync(admin, OtherProvinceCommune)).FromCache.Should().BeTrue();

        // Ten times last quarter's value: saved and warned (a flag row written by the save).
        (await SaveAsync(officer, "/communes/nam-son/entry/2024-Q2", "ntm-xa.3.1", "80")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await officer.GetStringAsync("/communes/nam-son/entry/2024-Q2")).Should().Contain("gấp 10 lần quý trước");

        (await GetAsync(admin, OtherProvinceCommune)).FromCache.Should().BeTrue("a warned save in Quảng Ninh changes nothing Lạng Sơn's pages show");
    }

    /// <summary>
    /// The reporting season's work (sign-ins, saves with and without a warning, a submit, an approval) changes figures,
    /// never the catalogue: the catalogue's version row stays as it was, so no page of another province and no catalogue
    /// snapshot is thrown away by it. A new kind of row written on these paths without a scope fails here.
    /// </summary>
    [Fact]
    public async Task The_reporting_seasons_work_never_raises_the_catalogues_version()
    {
        static Task<long> CatalogueVersion(ProgramTrackerDbContext db) =>
            db.DataVersions.Where(v => v.Id == DataScopes.Catalogue).Select(v => v.Value).FirstOrDefaultAsync();
        var before = await _factory.WithDbAsync(CatalogueVersion);

        var officer = await _factory.SignedInClientAsync("xa.namson");
        (await SaveAsync(officer, "/communes/nam-son/entry/2024-Q1", "ntm-xa.3.1", "8")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await SaveAsync(officer, "/communes/nam-son/entry/2024-Q2", "ntm-xa.3.1", "80")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        // Every cell of the quarter's form filled (a submit needs them all), then submitted and approved.
        const string Form = "/communes/nam-son/entry/2023-Q4";
        var cells = await EntryFormPage.CellsAsync(officer, Form);
        var filled = cells.Values.Where(c => c.Raw.Length == 0).ToDictionary(c => c.Code, _ => "1"); // "1": a number, or «đạt» in a yes/no cell
        var saved = await officer.PostFormAsync(Form, EntryFormPage.Fields(cells, filled), await officer.AntiforgeryTokenAsync(Form));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(await saved.Content.ReadAsStringAsync(), "invalid-feedback[^>]*>([^<]+)").Select(m => m.Groups[1].Value)));
        var setId = await _factory.WithDbAsync(db => db.CriteriaSets.Where(c => c.Code == "ntm-xa").Select(c => c.Id).SingleAsync());
        var step = new Dictionary<string, string> { ["SetId"] = setId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Step"] = "submit" };
        (await officer.PostFormAsync(Form + "/workflow", step, await officer.AntiforgeryTokenAsync(Form))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var reviewer = await _factory.SignedInClientAsync("huyen");
        step["Step"] = "approve";
        (await reviewer.PostFormAsync(Form + "/workflow", step, await reviewer.AntiforgeryTokenAsync(Form))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await _factory.WithDbAsync(db => db.Submissions.Where(x => x.Unit.Slug == "nam-son" && x.CriteriaSetId == setId && x.Period.Year == 2023 && x.Period.Quarter == 4)
            .Select(x => x.Status).SingleAsync())).Should().Be(Core.Domain.SubmissionStatus.Approved, "the work really happened");
        (await _factory.WithDbAsync(db => db.ValueFlags.CountAsync(f => f.Unit.Slug == "nam-son"))).Should().BeGreaterThan(0, "the warned save wrote its flag");
        (await _factory.WithDbAsync(CatalogueVersion)).Should().Be(before);
    }

    private const string GapLine =
        "(?s)data-set=\"ntm-xa\">(?:(?!data-set=).)*>Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động</a>: 77 %,";

    /// <summary>A page without what differs between two renderings of the same figures (antiforgery tokens, the request's address).</summary>
    private static string Comparable(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "CfDJ8[A-Za-z0-9_-]+|([?&]|%26|%3F)v(=|%3D)[0-9a-z]+", "");

    [Fact]
    public async Task A_unit_whose_save_is_held_open_does_not_hold_up_another_units_save()
    {
        var first = await _factory.SignedInClientAsync("huyen");
        var second = await _factory.SignedInClientAsync("huyen");
        var firstForm = await EntryFormPage.CellsAsync(first, "/communes/nam-son/entry/2023-Q4");
        var secondForm = await EntryFormPage.CellsAsync(second, "/communes/don-dac/entry/2023-Q4");
        var firstToken = await first.AntiforgeryTokenAsync("/communes/nam-son/entry/2023-Q4");
        var secondToken = await second.AntiforgeryTokenAsync("/communes/don-dac/entry/2023-Q4");

        // Another session locks Nam Sơn's unit row: the save of Nam Sơn stops at its first row that refers to it
        // (a key-share lock), in the middle of its transaction, as a slow save would.
        await using var holder = new NpgsqlConnection(_database.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM units WHERE \"Slug\" = 'nam-son' FOR UPDATE", holder, hold))
        {
            await lockRow.ExecuteScalarAsync();
        }

        var held = first.PostFormAsync("/communes/nam-son/entry/2023-Q4", EntryFormPage.Fields(firstForm, new() { ["ntm-xa.3.1"] = "81" }), firstToken);
        (await _database.WaitForLockWaitAsync()).Should().BeTrue("the Nam Sơn save should be waiting on the held row");

        var other = second.PostFormAsync("/communes/don-dac/entry/2023-Q4", EntryFormPage.Fields(secondForm, new() { ["ntm-xa.3.1"] = "82" }), secondToken);
        var finished = await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(20)));
        finished.Should().BeSameAs(other, "Đồn Đạc's save must not wait for Nam Sơn's open transaction");
        (await other).StatusCode.Should().Be(HttpStatusCode.Redirect);
        held.IsCompleted.Should().BeFalse();

        await hold.RollbackAsync();
        (await held).StatusCode.Should().Be(HttpStatusCode.Redirect);
        // Each value in its own cell of its own form (by indicator code), as stored.
        (await EntryFormPage.CellsAsync(first, "/communes/nam-son/entry/2023-Q4"))["ntm-xa.3.1"].Raw.Should().Be("81");
        (await EntryFormPage.CellsAsync(second, "/communes/don-dac/entry/2023-Q4"))["ntm-xa.3.1"].Raw.Should().Be("82");
    }

    /// <summary>
    /// Issue 24 goal 6: commits of two communes of one province raise different rows of the province's version (stripes by
    /// unit, docs/adr/0008), so a commit that holds its row does not hold up the other commune's save. A held stripe of Nam
    /// Sơn's holds up a save of Nam Sơn (the lock is real) and not Đạp Thanh's.
    /// </summary>
    [Fact]
    public async Task A_commit_holding_its_communes_version_stripe_does_not_hold_up_another_communes_save_of_the_province()
    {
        string[] slugs = ["quang-ninh", "nam-son", "xa-ba-che", "dap-thanh", "ky-thuong"];
        var ids = await _factory.WithDbAsync(db => db.Units.Where(u => slugs.Contains(u.Slug)).ToDictionaryAsync(u => u.Slug, u => u.Id));
        // A save raises its commune's stripe and its successor's (Nam Sơn went into xã Ba Chẽ, Đạp Thanh into Kỳ Thượng in 2025).
        new[] { ids["nam-son"], ids["xa-ba-che"] }.Select(i => i % DataScopes.RootStripes)
            .Should().NotIntersectWith(new[] { ids["dap-thanh"], ids["ky-thuong"] }.Select(i => i % DataScopes.RootStripes), "precondition: the two saves raise different stripes");
        var namSon = await _factory.SignedInClientAsync("huyen");
        var dapThanh = await _factory.SignedInClientAsync("huyen");
        var namSonForm = await EntryFormPage.CellsAsync(namSon, "/communes/nam-son/entry/2023-Q4");
        var dapThanhForm = await EntryFormPage.CellsAsync(dapThanh, "/communes/dap-thanh/entry/2023-Q4");
        var namSonToken = await namSon.AntiforgeryTokenAsync("/communes/nam-son/entry/2023-Q4");
        var dapThanhToken = await dapThanh.AntiforgeryTokenAsync("/communes/dap-thanh/entry/2023-Q4");

        // Another session raises Nam Sơn's stripe and does not commit: a commit of Nam Sơn's caught between its last
        // statement and its COMMIT, as a slow one would be.
        await using var holder = new NpgsqlConnection(_database.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        var stripe = DataScopes.OfRootStripe(ids["quang-ninh"], ids["nam-son"]);
        await using (var raise = new NpgsqlCommand(
            $"INSERT INTO data_version (\"Id\", \"Value\") VALUES ({stripe}, 1) ON CONFLICT (\"Id\") DO UPDATE SET \"Value\" = data_version.\"Value\" + 1", holder, hold))
        {
            await raise.ExecuteNonQueryAsync();
        }

        var held = namSon.PostFormAsync("/communes/nam-son/entry/2023-Q4", EntryFormPage.Fields(namSonForm, new() { ["ntm-xa.3.1"] = "83" }), namSonToken);
        (await _database.WaitForLockWaitAsync()).Should().BeTrue("Nam Sơn's save raises the held stripe, so it waits for it");

        var other = dapThanh.PostFormAsync("/communes/dap-thanh/entry/2023-Q4", EntryFormPage.Fields(dapThanhForm, new() { ["ntm-xa.3.1"] = "84" }), dapThanhToken);
        var finished = await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(20)));
        finished.Should().BeSameAs(other, "Đạp Thanh's commit raises another stripe of Quảng Ninh's version");
        (await other).StatusCode.Should().Be(HttpStatusCode.Redirect);
        held.IsCompleted.Should().BeFalse();

        await hold.RollbackAsync();
        (await held).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await EntryFormPage.CellsAsync(namSon, "/communes/nam-son/entry/2023-Q4"))["ntm-xa.3.1"].Raw.Should().Be("83");
        (await EntryFormPage.CellsAsync(dapThanh, "/communes/dap-thanh/entry/2023-Q4"))["ntm-xa.3.1"].Raw.Should().Be("84");
    }

    private static async Task<(bool FromCache, string Html)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        // The output cache marks a copy it serves with an Age header; a page built for this request has none.
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Saves an entry form with one value changed (the given indicator, or the form's first cell).</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string form, string? code, string value)
    {
        var cells = await EntryFormPage.CellsAsync(client, form);
        cells.Should().NotBeEmpty(form);
        if (code is not null)
        {
            cells.Keys.Should().Contain(code, form);
        }

        var token = await client.AntiforgeryTokenAsync(form);
        return await client.PostFormAsync(form, EntryFormPage.Fields(cells, new() { [code ?? cells.Values.MinBy(c => c.Index)!.Code] = value }), token);
    }
}
