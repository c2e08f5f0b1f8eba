using Microsoft.Extensions.Configuration;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Seeding;
using ProgramTracker.Tests.Integration.Reliability;
using ProgramTracker.Web.Infrastructure;

namespace ProgramTracker.Tests.Integration;

public sealed class DatabaseTests
{
    [Fact]
    public async Task Migrations_apply_on_PostgreSQL_and_leave_nothing_pending()
    {
        var (factory, database) = await PortalFactory.OnPostgresAsync();
        await using var db = database;
        await using var f = factory;
        _ = f.Server;

        var pending = await f.WithDbAsync(async ctx => (await ctx.Database.GetPendingMigrationsAsync()).ToList());
        var applied = await f.WithDbAsync(async ctx => (await ctx.Database.GetAppliedMigrationsAsync()).ToList());

        pending.Should().BeEmpty();
        applied.Should().NotBeEmpty();
        (await f.WithDbAsync(ctx => Task.FromResult(ctx.Database.ProviderName))).Should().Be("Npgsql.EntityFrameworkCore.PostgreSQL");
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        var (factory, database) = await PortalFactory.OnPostgresAsync();
        await using var db = database;
        await using var f = factory;
        _ = f.Server;
        var before = await CountsAsync(f);

        var addedAgain = await f.WithDbAsync(ctx => new Seeder(ctx).SeedAsync(SeedLoader.Load(RepoPaths.Seeds)));
        await DatabaseInitializer.MigrateAndSeedAsync(f.Services, f.Services.GetService(typeof(IConfiguration)) as IConfiguration ?? throw new InvalidOperationException());

        addedAgain.Should().Be(0);
        (await CountsAsync(f)).Should().BeEquivalentTo(before);
        before["units"].Should().Be(14 + RegisterFiles.Provinces.Count - 1 + RegisterFiles.Units.Count - 3,
            "the report's 10, the 4 units of the 2024 and 2025 reorganisations, and the register less Quảng Ninh and Ba Chẽ's 3 successors (already there)");
        before["reported"].Should().Be(9);
        before["values"].Should().Be(10);
        before["users"].Should().Be(9);
        before["roles"].Should().Be(5, "Admin, ProvinceAdmin, DistrictStaff, Leader, CommuneOfficer");
    }

    [Fact]
    public async Task Demo_users_are_seeded_with_their_roles_and_units()
    {
        var (factory, database) = await PortalFactory.OnPostgresAsync();
        await using var db = database;
        await using var f = factory;
        _ = f.Server;

        var users = await f.WithDbAsync(ctx => ctx.Users
            .Select(u => new
            {
                u.UserName,
                Role = ctx.UserRoles.Where(r => r.UserId == u.Id).Join(ctx.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).Single(),
                Units = u.Units.Select(x => x.Unit.Slug).ToList(),
            })
            .ToDictionaryAsync(u => u.UserName!));

        users.Keys.Should().BeEquivalentTo("admin", "huyen", "lanhdao", "xa.namson", "xa.dondac", "tinh", "lanhdao.tinh", "xa.bache", "quantri.qn");
        (users["quantri.qn"].Role, users["quantri.qn"].Units.Single()).Should().Be(("ProvinceAdmin", "quang-ninh"));
        (users["tinh"].Role, users["tinh"].Units.Single()).Should().Be(("DistrictStaff", "quang-ninh"));
        (users["lanhdao.tinh"].Role, users["lanhdao.tinh"].Units.Single()).Should().Be(("Leader", "quang-ninh"));
        (users["xa.bache"].Role, users["xa.bache"].Units.Single()).Should().Be(("CommuneOfficer", "xa-ba-che"));
        users["admin"].Role.Should().Be("Admin");
        users["admin"].Units.Should().BeEmpty();
        users["huyen"].Role.Should().Be("DistrictStaff");
        users["huyen"].Units.Should().Equal("ba-che");
        users["lanhdao"].Role.Should().Be("Leader");
        users["lanhdao"].Units.Should().Equal("ba-che");
        users["xa.namson"].Role.Should().Be("CommuneOfficer");
        users["xa.namson"].Units.Should().Equal("nam-son");
        users["xa.dondac"].Units.Should().Equal("don-dac");
    }

    [Fact]
    public async Task Demo_users_are_not_created_when_Seed_DemoUsers_is_false()
    {
        var (factory, database) = await PortalFactory.OnPostgresAsync();
        await using var db = database;
        await using var f = factory;
        f.Settings["Seed:DemoUsers"] = "false";
        _ = f.Server;

        (await f.WithDbAsync(ctx => ctx.Users.CountAsync())).Should().Be(0);
        (await f.WithDbAsync(ctx => ctx.Roles.Select(r => r.Name).ToListAsync())).Should().BeEquivalentTo("Admin", "ProvinceAdmin", "DistrictStaff", "Leader", "CommuneOfficer");
        var client = f.AnonymousClient();
        (await client.SignInAsync("admin", PortalClients.DemoPassword)).StatusCode.Should().Be(HttpStatusCode.OK, "the sign-in form comes back with an error");
    }

    [Fact]
    public async Task Seeding_keeps_a_value_that_a_user_changed_since()
    {
        var (factory, database) = await PortalFactory.OnPostgresAsync();
        await using var db = database;
        await using var f = factory;
        _ = f.Server;
        // District staff change the seeded value through their form.
        var huyen = await f.SignedInClientAsync("huyen");
        const string form = "/districts/ba-che/entry/2023-Q3";
        var cells = await EntryFormPage.CellsAsync(huyen, form);
        (await huyen.PostFormAsync(form, EntryFormPage.Fields(cells, new() { ["dtts-bhyt"] = "99,5" }), await huyen.AntiforgeryTokenAsync(form)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        await f.WithDbAsync(ctx => new Seeder(ctx).SeedAsync(SeedLoader.Load(RepoPaths.Seeds)));

        (await f.WithDbAsync(ctx => ctx.IndicatorValues.Where(v => v.Indicator.Code == "dtts-bhyt").Select(v => v.Value).SingleAsync()))
            .Should().Be(99.5m);
    }

    [Fact]
    public async Task A_malformed_seed_stops_start_up_naming_file_and_field_and_writes_nothing()
    {
        using var seeds = new TempSeeds();
        seeds.Edit("ba-che/poverty.json", "\"standard\": \"nd-07-2021\"", "\"standard\": \"nd-07\"");
        var (factory, database) = await PortalFactory.OnPostgresAsync(seeds.Path);
        await using var db = database;
        await using var f = factory;

        var start = () => f.Server;

        start.Should().Throw<SeedException>()
            .Where(e => e.File == "ba-che/poverty.json" && e.Field == "$.povertyRecords[1].standard" && e.Message.Contains("nd-07"));
        await using var check = new Npgsql.NpgsqlConnection(db.ConnectionString);
        await check.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select count(*) from information_schema.tables where table_schema = 'public'", check);
        ((long)(await cmd.ExecuteScalarAsync())!).Should().Be(0);
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_does_not()
    {
        await using var f = new PortalFactoryWithoutInit("Host=127.0.0.1;Port=1;Username=none;Database=none;Timeout=2");
        var client = f.CreateClient();

        var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"status\":\"Unhealthy\"");
    }

    private static Task<Dictionary<string, int>> CountsAsync(PortalFactory f) => f.WithDbAsync(async ctx => new Dictionary<string, int>
    {
        ["units"] = await ctx.Units.CountAsync(),
        ["sources"] = await ctx.Sources.CountAsync(),
        ["sets"] = await ctx.CriteriaSets.CountAsync(),
        ["criteria"] = await ctx.Criteria.CountAsync(),
        ["indicators"] = await ctx.Indicators.CountAsync(),
        ["projects"] = await ctx.ProgrammeProjects.CountAsync(),
        ["reported"] = await ctx.ReportedAttainments.CountAsync(),
        ["values"] = await ctx.IndicatorValues.CountAsync(),
        ["poverty"] = await ctx.PovertyRecords.CountAsync(),
        ["capital"] = await ctx.CapitalFigures.CountAsync(),
        ["targets"] = await ctx.Targets.CountAsync(),
        ["periods"] = await ctx.Periods.CountAsync(),
        ["users"] = await ctx.Users.CountAsync(),
        ["roles"] = await ctx.Roles.CountAsync(),
        ["userUnits"] = await ctx.UserUnits.CountAsync(),
    });

    private sealed class PortalFactoryWithoutInit(string connectionString) : PortalFactory("Postgres", connectionString)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Initialize", "false");
        }
    }
}
