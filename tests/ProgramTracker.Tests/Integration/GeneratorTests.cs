using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.TestSupport;
using ProgramTracker.Tools.Synthetic;

namespace ProgramTracker.Tests.Integration;

/// <summary>One database with the Ba Chẽ seed and the tiny synthetic dataset, generated once for the read-only tests.</summary>
public sealed class TinyGeneratedDatabase : IAsyncLifetime
{
    private TestDatabase? _database;

    public string ConnectionString => _database!.ConnectionString;

    public GenerationResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Result = await SyntheticDataGenerator.GenerateAsync(ConnectionString, SyntheticScale.Tiny, RepoPaths.Seeds);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class GeneratorTests(TinyGeneratedDatabase tiny) : IClassFixture<TinyGeneratedDatabase>
{
    // The tiny scale: 1 province, 2 districts, 10 communes; 5 years of quarters; 38 + 42 commune and 38 district indicators.
    private const int Districts = 2;
    private const int Communes = 10;
    private const int Quarters = 20;
    private const int CommuneIndicators = 80;
    /// <summary>The QĐ 318 indicators the seed confirms (ntm-xa): synthetic communes report them too.</summary>
    private const int SeededCommuneIndicators = 12;
    private const int DistrictIndicators = 38;

    [Fact]
    public async Task Bulk_attainment_summaries_match_what_the_portal_computes_on_write()
    {
        await using var db = Context(tiny.ConnectionString);
        var bulk = await db.AttainmentSummaries.AsNoTracking().Where(s => s.Unit.IsSynthetic).ToListAsync();
        bulk.Should().HaveCount(Communes * 2 * Quarters + Districts * Quarters);
        bulk.Should().Contain(s => s.CriteriaMet > 0).And.Contain(s => s.Status == SubmissionStatus.Approved);

        // The same rows recomputed by the C# updater that every portal write uses; nothing is saved.
        var sample = bulk.Where((_, i) => i % 29 == 0).ToList();
        var updater = new SummaryUpdater(db);
        foreach (var group in sample.GroupBy(s => (s.UnitId, s.PeriodId)))
        {
            await updater.UpdateAsync(group.Key.UnitId, group.Key.PeriodId, group.Select(s => s.CriteriaSetId).ToList(), default);
        }

        foreach (var expected in sample)
        {
            var computed = db.ChangeTracker.Entries<AttainmentSummary>()
                .Single(e => e.Entity.UnitId == expected.UnitId && e.Entity.PeriodId == expected.PeriodId && e.Entity.CriteriaSetId == expected.CriteriaSetId).Entity;
            (computed.CriteriaMet, computed.IndicatorsMet, computed.ValuesEntered, computed.Achieved, computed.Status)
                .Should().Be((expected.CriteriaMet, expected.IndicatorsMet, expected.ValuesEntered, expected.Achieved, expected.Status));
        }

        sample.Should().HaveCountGreaterThan(10);
    }

    [Fact]
    public async Task The_tiny_scale_loads_into_an_empty_database_with_the_expected_row_counts()
    {
        await using var db = Context(tiny.ConnectionString);
        var synthetic = db.Units.Where(u => u.IsSynthetic);

        (await synthetic.CountAsync(u => u.Kind == UnitKind.Province)).Should().Be(1);
        (await synthetic.CountAsync(u => u.Kind == UnitKind.District)).Should().Be(Districts);
        (await synthetic.CountAsync(u => u.Kind == UnitKind.Commune)).Should().Be(Communes);
        (await db.Periods.CountAsync(p => p.Quarter != null && p.Year >= 2021 && p.Year <= 2025)).Should().Be(Quarters);
        (await IndicatorCount(db, "ntm-xa") + await IndicatorCount(db, "ntm-xa-nang-cao")).Should().Be(CommuneIndicators + SeededCommuneIndicators);
        (await IndicatorCount(db, "ntm-huyen-nang-cao")).Should().Be(DistrictIndicators);

        const int values = Communes * (CommuneIndicators + SeededCommuneIndicators) * Quarters + Districts * DistrictIndicators * Quarters;
        const int submissions = Communes * 2 * Quarters + Districts * 1 * Quarters;
        const int poverty = Communes * Quarters * 2;
        const int capital = Districts * 3 * 5 * 2 * 2;
        (await db.IndicatorValues.CountAsync(v => v.Unit.IsSynthetic)).Should().Be(values);
        (await db.Submissions.CountAsync(s => s.Unit.IsSynthetic)).Should().Be(submissions);
        (await db.PovertyRecords.CountAsync(p => p.Unit.IsSynthetic)).Should().Be(poverty);
        (await db.CapitalFigures.CountAsync(c => c.Unit.IsSynthetic)).Should().Be(capital);

        // Every (unit, indicator, period) once: no gaps, no duplicates.
        (await db.IndicatorValues.Where(v => v.Unit.IsSynthetic).Select(v => new { v.UnitId, v.IndicatorId, v.PeriodId }).Distinct().CountAsync())
            .Should().Be(values);

        tiny.Result.RowsOf(GenerationPlan.IndicatorValues).Should().Be(values);
        tiny.Result.RowsOf(GenerationPlan.Submissions).Should().Be(submissions);
        tiny.Result.RowsOf(GenerationPlan.PovertyRecords).Should().Be(poverty);
        tiny.Result.RowsOf(GenerationPlan.CapitalFigures).Should().Be(capital);
        tiny.Result.RowsOf(GenerationPlan.Units).Should().Be(1 + Districts + Communes);
        // The dry run announces exactly what the load writes.
        SyntheticDataGenerator.Plan(SyntheticScale.Tiny, RepoPaths.Seeds).Rows.Should().Equal(tiny.Result.Plan.Rows);
        tiny.Result.Steps.Where(s => s.Rows is not null).Select(s => (s.Name, s.Rows!.Value)).Should().BeEquivalentTo(tiny.Result.Plan.Rows);
    }

    [Fact]
    public async Task Two_databases_generated_at_the_same_scale_hold_identical_data()
    {
        await using var second = await TestDatabase.CreateAsync();
        await SyntheticDataGenerator.GenerateAsync(second.ConnectionString, SyntheticScale.Tiny, RepoPaths.Seeds);

        var first = await FingerprintsAsync(tiny.ConnectionString);
        var again = await FingerprintsAsync(second.ConnectionString);

        first.Should().Equal(again);
        first[0].Should().StartWith($"{Communes * (CommuneIndicators + SeededCommuneIndicators) * Quarters + Districts * DistrictIndicators * Quarters}|");
    }

    [Fact]
    public async Task Every_synthetic_unit_and_indicator_is_flagged_as_synthetic()
    {
        await using var db = Context(tiny.ConnectionString);

        var units = await db.Units.Select(u => new { u.Slug, u.Name, u.IsSynthetic }).ToListAsync();
        units.Where(u => u.IsSynthetic).Should().HaveCount(1 + Districts + Communes)
            .And.OnlyContain(u => u.Name.StartsWith("[TH] ") && u.Slug.StartsWith("th-"));
        units.Where(u => !u.IsSynthetic).Should().HaveCount(14 + RegisterFiles.Provinces.Count - 1 + RegisterFiles.Units.Count - 3, "the seed's units and the register's")
            .And.OnlyContain(u => !u.Name.Contains("[TH]"));

        var indicators = await db.Indicators.Where(i => i.Code.StartsWith("syn.")).ToListAsync();
        indicators.Should().HaveCount(CommuneIndicators + DistrictIndicators)
            .And.OnlyContain(i => i.Note == "Chỉ tiêu tổng hợp để đo tải, không phải số liệu thật" && i.Name.StartsWith("[TH] "));
        indicators.Select(i => i.ValueType).Distinct().Should().BeEquivalentTo([ValueKind.Boolean, ValueKind.Number, ValueKind.Percent, ValueKind.Count]);
        (await db.IndicatorThresholds.Where(t => t.Indicator.Code.StartsWith("syn.") && t.Zone == Zones.Common).Select(t => t.Comparator).Distinct().ToListAsync())
            .Should().BeEquivalentTo([Comparator.AtLeast, Comparator.AtMost, Comparator.Equal]);

        // Synthetic figures belong to synthetic units only.
        (await db.IndicatorValues.CountAsync(v => v.Indicator.Code.StartsWith("syn.") && !v.Unit.IsSynthetic)).Should().Be(0);
    }

    [Fact]
    public async Task The_Ba_Che_seed_is_intact_after_generation()
    {
        await using var db = Context(tiny.ConnectionString);

        var namSon = await db.ReportedAttainments
            .Where(r => r.CriteriaSet.Code == "ntm-xa-nang-cao" && r.Kind == ReportedKind.Exact && r.Scope.Any(s => s.Unit.Slug == "nam-son"))
            .Select(r => new { r.CriteriaMet, r.IndicatorsMet, r.Period.Year, r.Period.Quarter })
            .SingleAsync();
        namSon.Should().BeEquivalentTo(new { CriteriaMet = 16m, IndicatorsMet = 72m, Year = 2023, Quarter = (int?)3 });
        (await db.ReportedAttainments.CountAsync()).Should().Be(9);
        (await db.IndicatorValues.CountAsync(v => !v.Unit.IsSynthetic)).Should().Be(10);
        (await db.IndicatorValues.Where(v => v.Unit.Slug == "ba-che" && v.Indicator.Code == "dtts-thu-nhap").Select(v => v.Value).SingleAsync()).Should().Be(68m);
        (await db.Submissions.CountAsync(s => !s.Unit.IsSynthetic)).Should().Be(0);

        // Seeded periods keep their lock and deadline; the generator only adds the quarters that were missing.
        var seeded = await db.Periods.Where(p => p.Year == 2022 && p.Quarter == 4 || p.Year == 2023 && p.Quarter == 3).OrderBy(p => p.Year).ToListAsync();
        seeded.Select(p => (p.IsLocked, p.Deadline)).Should().Equal((true, (DateOnly?)null), (false, new DateOnly(2023, 10, 10)));
    }

    [Fact]
    public async Task The_load_gives_back_every_index_and_foreign_key_it_suspended()
    {
        await using var migratedOnly = await TestDatabase.CreateAsync();
        await using (var db = Context(migratedOnly.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }

        var expected = await SchemaAsync(migratedOnly.ConnectionString);
        var actual = await SchemaAsync(tiny.ConnectionString);

        expected.Should().Contain(d => d.Contains("IX_indicator_values_IndicatorId_PeriodId") && d.StartsWith("CREATE INDEX"))
            .And.Contain(d => d.Contains("FK_indicator_values_units_UnitId") && d.Contains("FOREIGN KEY"));
        actual.Should().Equal(expected);
    }

    [Fact]
    public async Task Values_stay_in_range_and_approach_the_thresholds_over_the_years()
    {
        await using var db = Context(tiny.ConnectionString);
        var rows = await db.IndicatorValues.Where(v => v.Unit.IsSynthetic)
            .Select(v => new
            {
                v.Value, v.Indicator.ValueType, v.Period.Year, v.Period.Quarter,
                Comparator = db.IndicatorThresholds.Where(t => t.IndicatorId == v.IndicatorId && t.Zone == Zones.Common).OrderByDescending(t => t.Version.Number).Select(t => t.Comparator).First(),
                Threshold = db.IndicatorThresholds.Where(t => t.IndicatorId == v.IndicatorId && t.Zone == Zones.Common).OrderByDescending(t => t.Version.Number).Select(t => t.Value).First(),
            })
            .ToListAsync();

        rows.Should().OnlyContain(r => r.Value != null && r.Value >= 0);
        rows.Where(r => r.ValueType == ValueKind.Percent).Should().OnlyContain(r => r.Value <= 100);
        rows.Where(r => r.ValueType == ValueKind.Boolean).Should().OnlyContain(r => r.Value == 0 || r.Value == 1);
        rows.Where(r => r.ValueType == ValueKind.Count).Should().OnlyContain(r => r.Value == decimal.Truncate(r.Value!.Value));

        double MetShare(int year, int quarter) => rows.Where(r => r.Year == year && r.Quarter == quarter)
            .Average(r => AttainmentRules.Evaluate(r.ValueType, r.Comparator, r.Threshold, r.Value) == IndicatorStatus.Met ? 1.0 : 0.0);
        var first = MetShare(2021, 1);
        var middle = MetShare(2023, 2);
        var last = MetShare(2025, 4);
        first.Should().BeInRange(0.2, 0.8);
        middle.Should().BeGreaterThan(first);
        last.Should().BeGreaterThan(middle).And.BeLessThan(1.0);
    }

    [Fact]
    public async Task Past_quarters_are_mostly_approved_and_the_latest_is_a_mix_of_statuses()
    {
        await using var db = Context(tiny.ConnectionString);
        var submissions = await db.Submissions.Where(s => s.Unit.IsSynthetic)
            .Select(s => new { s.Status, s.Period.Year, s.Period.Quarter, s.Comment, s.ReviewedAtUtc, s.SubmittedAtUtc })
            .ToListAsync();

        var past = submissions.Where(s => s.Year < 2025).ToList();
        past.Count(s => s.Status == SubmissionStatus.Approved).Should().BeGreaterThan(past.Count * 9 / 10);
        past.Should().NotContain(s => s.Status == SubmissionStatus.Draft);
        var latest = submissions.Where(s => s.Year == 2025 && s.Quarter == 4).ToList();
        latest.Select(s => s.Status).Should().Contain([SubmissionStatus.Draft, SubmissionStatus.Submitted, SubmissionStatus.Approved]);
        latest.Count(s => s.Status == SubmissionStatus.Approved).Should().BeLessThan(latest.Count / 2);
        submissions.Where(s => s.Status == SubmissionStatus.Returned).Should().NotBeEmpty().And.OnlyContain(s => !string.IsNullOrEmpty(s.Comment));
        submissions.Where(s => s.Status == SubmissionStatus.Approved).Should().OnlyContain(s => s.ReviewedAtUtc > s.SubmittedAtUtc);
    }

    [Fact]
    public async Task A_second_generation_into_the_same_database_is_refused_and_writes_nothing()
    {
        var before = await FingerprintsAsync(tiny.ConnectionString);

        var again = () => SyntheticDataGenerator.GenerateAsync(tiny.ConnectionString, SyntheticScale.Tiny, RepoPaths.Seeds);

        await again.Should().ThrowAsync<InvalidOperationException>().WithMessage("*already holds synthetic units*");
        (await FingerprintsAsync(tiny.ConnectionString)).Should().Equal(before);
    }

    private static PostgresProgramTrackerDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresProgramTrackerDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(options, connectionString);
        return new PostgresProgramTrackerDbContext(options.Options);
    }

    private static Task<int> IndicatorCount(ProgramTrackerDbContext db, string set) => db.Indicators.CountAsync(i => i.Criterion.CriteriaSet.Code == set);

    /// <summary>Count, sum and a hash of the ordered rows of each synthetic table, keyed by slugs and codes rather than ids.</summary>
    private static async Task<List<string>> FingerprintsAsync(string connectionString)
    {
        string[] queries =
        [
            """
            SELECT count(*) || '|' || sum(v."Value") || '|' || md5(string_agg(
                u."Slug" || ';' || i."Code" || ';' || p."Year" || '-' || p."Quarter" || ';' || v."Value" || ';' || extract(epoch FROM v."UpdatedAtUtc"),
                ',' ORDER BY u."Slug", i."Code", p."Year", p."Quarter"))
            FROM indicator_values v JOIN units u ON u."Id" = v."UnitId" JOIN indicators i ON i."Id" = v."IndicatorId" JOIN periods p ON p."Id" = v."PeriodId"
            WHERE u."IsSynthetic"
            """,
            """
            SELECT count(*) || '|' || md5(string_agg(
                u."Slug" || ';' || s."Code" || ';' || p."Year" || '-' || p."Quarter" || ';' || b."Status" || ';' || coalesce(b."Comment", ''),
                ',' ORDER BY u."Slug", s."Code", p."Year", p."Quarter"))
            FROM submissions b JOIN units u ON u."Id" = b."UnitId" JOIN criteria_sets s ON s."Id" = b."CriteriaSetId" JOIN periods p ON p."Id" = b."PeriodId"
            WHERE u."IsSynthetic"
            """,
            """
            SELECT count(*) || '|' || md5(string_agg(
                u."Slug" || ';' || s."Code" || ';' || p."Year" || '-' || p."Quarter" || ';' || r."HouseholdsTotal" || ';' || r."PoorHouseholds" || ';' || r."NearPoorHouseholds",
                ',' ORDER BY u."Slug", s."Code", p."Year", p."Quarter"))
            FROM poverty_records r JOIN units u ON u."Id" = r."UnitId" JOIN poverty_standards s ON s."Id" = r."StandardId" JOIN periods p ON p."Id" = r."PeriodId"
            WHERE u."IsSynthetic"
            """,
            """
            SELECT count(*) || '|' || sum(c."AmountVnd") || '|' || md5(string_agg(
                u."Slug" || ';' || g."Code" || ';' || p."Year" || ';' || c."Measure" || ';' || c."Kind" || ';' || c."AmountVnd",
                ',' ORDER BY u."Slug", g."Code", p."Year", c."Measure", c."Kind"))
            FROM capital_figures c JOIN units u ON u."Id" = c."UnitId" JOIN programmes g ON g."Id" = c."ProgrammeId" JOIN periods p ON p."Id" = c."PeriodId"
            WHERE u."IsSynthetic"
            """,
            """
            SELECT count(*) || '|' || md5(string_agg(u."Slug" || ';' || u."Name" || ';' || coalesce(parent."Slug", ''), ',' ORDER BY u."Slug"))
            FROM units u LEFT JOIN units parent ON parent."Id" = u."ParentId"
            WHERE u."IsSynthetic"
            """,
        ];

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var result = new List<string>();
        foreach (var sql in queries)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            result.Add((string)(await command.ExecuteScalarAsync())!);
        }

        return result;
    }

    /// <summary>Every index and constraint definition of the public schema, sorted.</summary>
    private static async Task<List<string>> SchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            ORDER BY 1
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
