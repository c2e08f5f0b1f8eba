using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Tests.Integration;

/// <summary>Who reads and changes which unit, enforced on the server whatever the page shows.</summary>
public sealed class ScopingTests(PortalFixture fixture) : IAsyncLifetime, IClassFixture<PortalFixture>
{
    private static readonly string[] DistrictUnits = ["ba-che", "nam-son", "don-dac", "thanh-son", "thanh-lam", "dap-thanh", "luong-mong", "minh-cam", "thi-tran-ba-che", "luong-minh-2024"];

    public Task InitializeAsync() => fixture.EnsureOtherDistrictAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/communes/nam-son")]
    [InlineData("/communes/don-dac")]
    [InlineData("/districts/ba-che")]
    public async Task A_user_of_another_district_gets_403_for_Ba_Che_pages(string url)
    {
        var client = await fixture.ClientAsync(PortalFixture.OtherDistrictUser);

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Không có quyền truy cập").And.NotContain("16/19");
    }

    [Fact]
    public async Task A_user_of_another_district_reads_their_own_district_and_commune()
    {
        var client = await fixture.ClientAsync(PortalFixture.OtherDistrictUser);

        (await client.GetAsync($"/districts/{PortalFixture.OtherDistrict}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/communes/{PortalFixture.OtherCommune}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_communes_list_shows_only_units_the_user_may_read()
    {
        var other = await (await fixture.ClientAsync(PortalFixture.OtherDistrictUser)).GetStringAsync("/communes");
        var namSon = await (await fixture.ClientAsync("xa.namson")).GetStringAsync("/communes");
        // The list is per province (issue 23); the administrator picks Quảng Ninh, today's units and the ended ones.
        var adminClient = await fixture.ClientAsync("admin");
        var admin = await adminClient.GetStringAsync("/communes?province=quang-ninh&status=ended")
            + await adminClient.GetStringAsync("/communes?province=quang-ninh&status=current&page=2")
            + await adminClient.GetStringAsync("/communes?province=quang-ninh&status=current");

        other.Should().Contain($"href=\"/communes/{PortalFixture.OtherCommune}\"").And.NotContain("href=\"/communes/nam-son\"").And.NotContain("Ba Chẽ");
        namSon.Should().Contain("href=\"/communes/nam-son\"").And.Contain("href=\"/communes/don-dac\"")
            .And.NotContain($"href=\"/communes/{PortalFixture.OtherCommune}\"");
        admin.Should().Contain("href=\"/communes/nam-son\"").And.Contain($"href=\"/communes/{PortalFixture.OtherCommune}\"");
    }

    [Fact]
    public async Task A_commune_officer_reads_the_neighbouring_communes_and_the_district_of_their_own()
    {
        var client = await fixture.ClientAsync("xa.dondac");

        (await client.GetAsync("/communes/nam-son")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/districts/ba-che")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/communes/{PortalFixture.OtherCommune}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Catalogue_pages_show_reported_figures_only_of_units_the_user_may_read()
    {
        var other = await (await fixture.ClientAsync(PortalFixture.OtherDistrictUser)).GetStringAsync("/criteria-sets/ntm-xa-nang-cao");
        var huyen = await (await fixture.ClientAsync("huyen")).GetStringAsync("/criteria-sets/ntm-xa-nang-cao");
        var otherProgramme = await (await fixture.ClientAsync(PortalFixture.OtherDistrictUser)).GetStringAsync("/programmes/ntm");

        huyen.Should().Contain("16/19").And.Contain("14,5/19");
        other.Should().Contain("id=\"declared-criteria\">19<", "the catalogue itself is national").And.NotContain("16/19").And.NotContain("14,5/19");
        otherProgramme.Should().NotContain("hơn 55 tỷ đồng");
    }

    [Fact]
    public async Task Commune_officer_cannot_rebind_another_communes_officer_and_the_database_is_unchanged()
    {
        var dondac = await fixture.ClientAsync("xa.dondac");
        var (namSonId, donDacId) = await fixture.Factory.WithDbAsync(async db => (
            await db.Users.Where(u => u.UserName == "xa.namson").Select(u => u.Id).SingleAsync(),
            await db.Units.Where(u => u.Slug == "don-dac").Select(u => u.Id).SingleAsync()));
        var token = await dondac.AntiforgeryTokenAsync("/communes/don-dac");

        var edit = await dondac.PostFormAsync($"/admin/users/{namSonId}",
            [new("FullName", "hijacked"), new("Role", Roles.CommuneOfficer), new("UnitIds", donDacId.ToString(System.Globalization.CultureInfo.InvariantCulture))], token);
        var disable = await dondac.PostFormAsync($"/admin/users/{namSonId}/disable", new Dictionary<string, string>(), token);

        edit.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        disable.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var after = await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == namSonId)
            .Select(u => new { u.FullName, u.IsDisabled, Units = u.Units.Select(x => x.Unit.Slug).ToList() }).SingleAsync());
        after.FullName.Should().Be("Cán bộ xã Nam Sơn");
        after.IsDisabled.Should().BeFalse();
        after.Units.Should().Equal("nam-son");
    }

    [Fact]
    public async Task UnitAccess_lets_a_commune_officer_edit_only_their_commune_and_read_only_their_district()
    {
        var ids = await fixture.Factory.WithDbAsync(db => db.Units.ToDictionaryAsync(u => u.Slug, u => u.Id));

        var (canEditOwn, canEditNeighbour, canReadNeighbour, canReadOther, scope) = await WithAccessAsync("xa.dondac", async (access, user) => (
            await access.CanEditAsync(user, ids["don-dac"]),
            await access.CanEditAsync(user, ids["nam-son"]),
            await access.CanReadAsync(user, ids["nam-son"]),
            await access.CanReadAsync(user, ids[PortalFixture.OtherCommune]),
            await access.ReadScopeAsync(user)));

        canEditOwn.Should().BeTrue();
        canEditNeighbour.Should().BeFalse();
        canReadNeighbour.Should().BeTrue();
        canReadOther.Should().BeFalse();
        scope.All.Should().BeFalse();
        scope.UnitIds.Should().BeEquivalentTo(DistrictUnits.Select(s => ids[s]));
    }

    [Fact]
    public async Task UnitAccess_lets_district_staff_edit_their_communes_and_leaders_edit_nothing()
    {
        var ids = await fixture.Factory.WithDbAsync(db => db.Units.ToDictionaryAsync(u => u.Slug, u => u.Id));

        var staff = await WithAccessAsync("huyen", async (access, user) =>
            (await access.CanEditAsync(user, ids["nam-son"]), await access.CanEditAsync(user, ids[PortalFixture.OtherCommune]), await access.CanApproveAsync(user, ids["don-dac"], await fixture.Factory.WithDbAsync(db => db.Periods.SingleAsync(p => p.Year == 2023 && p.Quarter == 3)))));
        var leader = await WithAccessAsync("lanhdao", async (access, user) =>
            (await access.CanEditAsync(user, ids["nam-son"]), await access.CanReadAsync(user, ids["nam-son"])));
        var admin = await WithAccessAsync("admin", async (access, user) => (await access.ReadScopeAsync(user)).All);

        staff.Should().Be((true, false, true));
        leader.Should().Be((false, true));
        admin.Should().BeTrue();
    }

    /// <summary>Runs against UnitAccess with the principal the app would build for the user at sign-in.</summary>
    private async Task<T> WithAccessAsync<T>(string userName, Func<UnitAccess, ClaimsPrincipal, Task<T>> work)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var principal = await factory.CreateAsync((await users.FindByNameAsync(userName))!);
        return await work(scope.ServiceProvider.GetRequiredService<UnitAccess>(), principal);
    }
}
