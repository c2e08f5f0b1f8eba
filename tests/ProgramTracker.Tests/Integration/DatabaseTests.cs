using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Seeding;
using ProgramTracker.TestSupport;
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
        before["units"].Should().Be(10);
        before["reported"].Should().Be(9);
        before["values"].Should().Be(10);
    }

    [Fact]
    public async Task Seeding_keeps_a_value_that_a_user_changed_since()
    {
        var (factory, database) = await PortalFactory.OnPostgresAsync();
        await using var db = database;
        await using var f = factory;
        _ = f.Server;
        await f.WithDbAsync(async ctx =>
        {
            var value = await ctx.IndicatorValues.SingleAsync(v => v.Indicator.Code == "dtts-bhyt");
            value.Value = 99.5m;
            return await ctx.SaveChangesAsync();
        });

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
