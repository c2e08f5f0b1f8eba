using Npgsql;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Tools.Synthetic;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// One database seeded by the portal's own start-up (the seeded template: migrations, the seed with the official register,
/// the calendar's quarters up to the test day), then filled by the generator at the tiny scale, once, for the read-only tests.
/// </summary>
public sealed class TinyGeneratedDatabase : IAsyncLifetime
{
    private TestDatabase? _database;

    public string ConnectionString => _database!.ConnectionString;

    public GenerationResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await SeededTemplate.CopyAsync();
        Result = await SyntheticDataGenerator.GenerateAsync(ConnectionString, SyntheticScale.Tiny, RepoPaths.Seeds, clock: TestClock.Provider);
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
    /// <summary>The tiny scale: Lai Châu (statistics code 12), the register's smallest province.</summary>
    private const string Province = "12";

    /// <summary>Two sets in force in every quarter (ntm-xa-kieu-mau has no indicator to report).</summary>
    private const int SetsPerQuarter = 2;

    /// <summary>The synthetic indicators: 38 + 42 commune ones of 2021–2025, 38 district ones, 47 of 2026.</summary>
    private const int SyntheticIndicators = 38 + 42 + 38 + 47;

    /// <summary>The quarters the register's units exist in, up to the test day's (2025-Q3 … 2026-Q4 on 2026-12-07).</summary>
    private static readonly List<(int Year, int Quarter)> Quarters = QuartersFrom((2025, 3), TestClock.CurrentQuarter);

    private static readonly List<string> Units =
        RegisterFiles.Units.Where(u => u.ProvinceCode == Province).Select(u => u.Code).Order(StringComparer.Ordinal).ToList();

    private static long ExpectedValues => Quarters.Sum(q => (long)Units.Count * IndicatorsIn(q.Year));

    /// <summary>
    /// What the tiny scale writes, worked out by hand for each clock day the suite runs at (<see cref="TestClock.Dates"/>), for the
    /// 38 communes of Lai Châu: quarters from 2025-Q3 to the day's; values 92 per commune in each 2025 quarter and 51 from 2026;
    /// one poverty record per commune and quarter while a national standard is in force (NĐ 07/2021 to 2026, NĐ 351/2025 in
    /// 2027–2030, none after); capital 2 × 2 rows per programme-year with a fourth quarter filled (3 programmes in 2025, the
    /// merged one from 2026).
    /// </summary>
    private static readonly Dictionary<DateOnly, (int Quarters, long Values, int Poverty, int Capital)> Expected = new()
    {
        [new(2026, 12, 7)] = (6, 38 * (2 * 92 + 4 * 51), 38 * 6, (3 + 1) * 2 * 2),
        [new(2030, 6, 1)] = (20, 38 * (2 * 92 + 18 * 51), 38 * 20, (3 + 4) * 2 * 2),
        [new(2031, 12, 31)] = (26, 38 * (2 * 92 + 24 * 51), 38 * 22, (3 + 6) * 2 * 2),
    };

    /// <summary>
    /// Indicators per commune-level unit and quarter: until 2025-Q4 ntm-xa (the 12 the seed confirms and 38 synthetic) and
    /// ntm-xa-nang-cao (42 synthetic); from 2026-Q1 ntm-xa-2026 (47 synthetic) and ctmtqg-2026-theo-doi-xa (the seed's 4).
    /// </summary>
    private static int IndicatorsIn(int year) => year <= 2025 ? 12 + 38 + 42 : 47 + 4;

    [Fact]
    public async Task Values_land_only_on_the_register_units_of_the_scale_and_no_unit_is_invented()
    {
        Units.Should().HaveCount(RegisterFiles.Provinces.Single(p => p.Code == Province).Communes).And.HaveCount(38);
        await using var db = Context(tiny.ConnectionString);

        (await db.Units.CountAsync(u => u.IsSynthetic || u.Name.Contains("[TH]") || u.Slug.StartsWith("th-"))).Should().Be(0);
        var filled = await db.IndicatorValues.Where(v => v.UpdatedBy == SyntheticRows.Writer)
            .Select(v => new { v.Unit.StatisticsCode, v.Unit.Kind, v.Unit.ValidTo }).Distinct().ToListAsync();
        filled.Should().OnlyContain(u => u.StatisticsCode != null && u.ValidTo == null && AdministrativeUnit.IsCommuneLevelKind(u.Kind));
        filled.Select(u => u.StatisticsCode).Order(StringComparer.Ordinal).Should().Equal(Units);

        // Submissions on the same units (the seed has none); capital on their province (code 12) only.
        (await db.Submissions.Select(s => s.Unit.StatisticsCode).Distinct().ToListAsync()).Order(StringComparer.Ordinal).Should().Equal(Units);
        (await db.CapitalFigures.Where(c => c.Description == SyntheticRows.CapitalDescription).Select(c => c.Unit.StatisticsCode).Distinct().ToListAsync())
            .Should().Equal(Province);
    }

    [Fact]
    public async Task Counts_are_units_times_quarters_times_the_indicators_in_force()
    {
        var expected = TestClock.ForToday(Expected);
        Quarters.Should().HaveCount(expected.Quarters, "2025-Q3 to the test day's quarter").And.StartWith((2025, 3));
        await using var db = Context(tiny.ConnectionString);

        var perQuarter = await db.IndicatorValues.Where(v => v.UpdatedBy == SyntheticRows.Writer)
            .GroupBy(v => new { v.Period.Year, v.Period.Quarter })
            .Select(g => new { g.Key.Year, g.Key.Quarter, Rows = g.LongCount(), Units = g.Select(v => v.UnitId).Distinct().Count() })
            .ToListAsync();
        perQuarter.Select(q => (q.Year, q.Quarter!.Value)).Should().BeEquivalentTo(Quarters);
        perQuarter.Should().OnlyContain(q => q.Units == Units.Count && q.Rows == (long)Units.Count * IndicatorsIn(q.Year));

        var values = await db.IndicatorValues.LongCountAsync(v => v.UpdatedBy == SyntheticRows.Writer);
        values.Should().Be(ExpectedValues).And.Be(expected.Values);
        // Every (unit, indicator, period) once: no gaps, no duplicates.
        (await db.IndicatorValues.Where(v => v.UpdatedBy == SyntheticRows.Writer).Select(v => new { v.UnitId, v.IndicatorId, v.PeriodId }).Distinct().LongCountAsync())
            .Should().Be(values);

        // The sets in force: the 2021–2025 ones until 2025-Q4, the 2026 ones from 2026-Q1.
        var sets = await db.Submissions.Select(s => new { s.CriteriaSet.Code, s.Period.Year }).Distinct().ToListAsync();
        sets.Where(s => s.Year == 2025).Select(s => s.Code).Should().BeEquivalentTo(["ntm-xa", "ntm-xa-nang-cao"]);
        sets.Where(s => s.Year == 2026).Select(s => s.Code).Should().BeEquivalentTo(["ntm-xa-2026", "ctmtqg-2026-theo-doi-xa"]);

        var submissions = Units.Count * SetsPerQuarter * Quarters.Count;
        // Quảng Ninh's own poverty standard is not Lai Châu's: the national one only (NĐ 07/2021 to 2026, NĐ 351/2025 to 2030).
        var poverty = expected.Poverty;
        // Per province: 2025 for the three 2021–2025 programmes, 2026 on for the merged one; planned and disbursed, investment and recurrent.
        var capital = expected.Capital;
        (await db.Submissions.CountAsync()).Should().Be(submissions);
        (await db.PovertyRecords.CountAsync(p => p.Period.Year >= 2025)).Should().Be(poverty);
        (await db.CapitalFigures.CountAsync(c => c.Description == SyntheticRows.CapitalDescription)).Should().Be(capital);
        (await db.AttainmentSummaries.CountAsync(s => s.Unit.StatisticsCode != null && Units.Contains(s.Unit.StatisticsCode))).Should().Be(submissions);

        tiny.Result.RowsOf(GenerationPlan.IndicatorValues).Should().Be(ExpectedValues);
        tiny.Result.RowsOf(GenerationPlan.Submissions).Should().Be(submissions);
        tiny.Result.RowsOf(GenerationPlan.PovertyRecords).Should().Be(poverty);
        tiny.Result.RowsOf(GenerationPlan.CapitalFigures).Should().Be(capital);
        tiny.Result.RowsOf(GenerationPlan.AttainmentSummaries).Should().Be(submissions);
        tiny.Result.RowsOf(GenerationPlan.Indicators).Should().Be(SyntheticIndicators);
        // The portal's start-up already added the quarters up to today: the generator adds none.
        tiny.Result.RowsOf(GenerationPlan.PeriodsTable).Should().Be(0);
        tiny.Result.Steps.Where(s => s.Rows is not null).Select(s => (s.Name, s.Rows!.Value)).Should().BeEquivalentTo(tiny.Result.Plan.Rows);
        // The dry run announces what the load writes (its periods are those a database holding the seed files only would get).
        SyntheticDataGenerator.Plan(SyntheticScale.Tiny, RepoPaths.Seeds, TestClock.Today).Rows.Where(r => r.Table != GenerationPlan.PeriodsTable)
            .Should().Equal(tiny.Result.Plan.Rows.Where(r => r.Table != GenerationPlan.PeriodsTable));
    }

    [Fact]
    public async Task Bulk_attainment_summaries_match_what_the_portal_computes_on_write()
    {
        await using var db = Context(tiny.ConnectionString);
        var bulk = await db.AttainmentSummaries.AsNoTracking().Where(s => s.Unit.StatisticsCode != null && Units.Contains(s.Unit.StatisticsCode)).ToListAsync();
        bulk.Should().HaveCount(Units.Count * SetsPerQuarter * Quarters.Count);
        bulk.Should().Contain(s => s.CriteriaMet > 0).And.Contain(s => s.Status == SubmissionStatus.Approved);

        // The same rows recomputed by the C# updater that every portal write uses; nothing is saved.
        var sample = bulk.Where((_, i) => i % 7 == 0).ToList();
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
            // The read model's heat-map counts (issue 24) from the SQL and from the C# alike.
            (computed.IndicatorsDefined, computed.IndicatorsJudged, computed.CriteriaJudged, computed.CriteriaUnknown)
                .Should().Be((expected.IndicatorsDefined, expected.IndicatorsJudged, expected.CriteriaJudged, expected.CriteriaUnknown));
        }

        sample.Should().HaveCountGreaterThan(10);
    }

    [Fact]
    public async Task The_catalogue_only_run_adds_the_synthetic_indicators_and_no_figures()
    {
        await using var seedOnly = await SeededTemplate.CopyAsync();
        await SyntheticDataGenerator.GenerateAsync(seedOnly.ConnectionString, SyntheticScale.Tiny, RepoPaths.Seeds, clock: TestClock.Provider, catalogueOnly: true);

        await using var db = Context(seedOnly.ConnectionString);
        (await db.Indicators.CountAsync(i => i.Code.StartsWith(SyntheticCatalogue.CodePrefix)))
            .Should().Be(SyntheticCatalogue.Indicators.Count, "bench/run's seed phase shows the generated dataset's forms, row for row");
        (await db.IndicatorValues.CountAsync(v => v.UpdatedBy == SyntheticRows.Writer)).Should().Be(0);
        (await db.Submissions.CountAsync(s => s.SubmittedBy == SyntheticRows.CommuneOfficer)).Should().Be(0);
    }

    [Fact]
    public async Task Two_fresh_seeded_databases_generated_at_the_same_scale_hold_identical_data()
    {
        await using var second = await SeededTemplate.CopyAsync();
        await SyntheticDataGenerator.GenerateAsync(second.ConnectionString, SyntheticScale.Tiny, RepoPaths.Seeds, clock: TestClock.Provider);

        var first = await FingerprintsAsync(tiny.ConnectionString);
        var again = await FingerprintsAsync(second.ConnectionString);

        first.Should().Equal(again);
        first[0].Should().StartWith($"{ExpectedValues}|");
    }

    [Fact]
    public async Task Every_synthetic_indicator_is_flagged_and_only_the_generator_writes_its_values()
    {
        await using var db = Context(tiny.ConnectionString);

        var indicators = await db.Indicators.Where(i => i.Code.StartsWith("syn.")).ToListAsync();
        indicators.Should().HaveCount(SyntheticIndicators)
            .And.OnlyContain(i => i.Note == "Chỉ tiêu tổng hợp để đo tải, không phải số liệu thật" && i.Name.StartsWith("[TH] "));
        (await db.Indicators.CountAsync(i => i.Code.StartsWith("syn.") && i.Criterion.CriteriaSet.Code == "ntm-xa-2026")).Should().Be(47, "QĐ 51/2025 declares 47");
        indicators.Select(i => i.ValueType).Distinct().Should().BeEquivalentTo([ValueKind.Boolean, ValueKind.Number, ValueKind.Percent, ValueKind.Count]);
        (await db.IndicatorThresholds.Where(t => t.Indicator.Code.StartsWith("syn.") && t.Zone == Zones.Common).Select(t => t.Comparator).Distinct().ToListAsync())
            .Should().BeEquivalentTo([Comparator.AtLeast, Comparator.AtMost, Comparator.Equal]);

        (await db.IndicatorValues.CountAsync(v => v.Indicator.Code.StartsWith("syn.") && v.UpdatedBy != SyntheticRows.Writer)).Should().Be(0);
        (await db.Units.CountAsync(u => u.IsSynthetic)).Should().Be(0);
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
        (await db.IndicatorValues.CountAsync(v => v.UpdatedBy != SyntheticRows.Writer)).Should().Be(10);
        (await db.IndicatorValues.Where(v => v.Unit.Slug == "ba-che" && v.Indicator.Code == "dtts-thu-nhap").Select(v => v.Value).SingleAsync()).Should().Be(68m);

        // Seeded periods keep their lock and deadline.
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
    public async Task Values_stay_in_range_and_approach_the_thresholds_over_a_phase()
    {
        await using var db = Context(tiny.ConnectionString);
        var rows = await db.IndicatorValues.Where(v => v.UpdatedBy == SyntheticRows.Writer && v.Indicator.Code.StartsWith("syn."))
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
        // Late in the 2021–2025 phase most thresholds are met; the 2026 set starts afresh and climbs through its first year.
        var late2025 = MetShare(2025, 4);
        var start = MetShare(2026, 1);
        var end = MetShare(2026, 4);
        late2025.Should().BeInRange(0.5, 0.99);
        start.Should().BeInRange(0.1, 0.8).And.BeLessThan(late2025);
        end.Should().BeGreaterThan(start).And.BeLessThan(1.0);
    }

    [Fact]
    public async Task Past_quarters_are_mostly_approved_and_the_latest_is_a_mix_of_statuses()
    {
        await using var db = Context(tiny.ConnectionString);
        var submissions = await db.Submissions
            .Select(s => new { s.Status, s.Period.Year, s.Period.Quarter, s.Comment, s.ReviewedAtUtc, s.SubmittedAtUtc, s.ReviewedBy })
            .ToListAsync();

        var latest = Quarters[^1];
        var past = submissions.Where(s => (s.Year, s.Quarter!.Value).CompareTo(Quarters[^2]) < 0).ToList();
        past.Should().NotBeEmpty();
        past.Count(s => s.Status == SubmissionStatus.Approved).Should().BeGreaterThan(past.Count * 9 / 10);
        past.Should().NotContain(s => s.Status == SubmissionStatus.Draft);
        var current = submissions.Where(s => s.Year == latest.Year && s.Quarter == latest.Quarter).ToList();
        current.Select(s => s.Status).Should().Contain([SubmissionStatus.Draft, SubmissionStatus.Submitted, SubmissionStatus.Approved]);
        current.Count(s => s.Status == SubmissionStatus.Approved).Should().BeLessThan(current.Count / 2);
        submissions.Where(s => s.Status == SubmissionStatus.Returned).Should().NotBeEmpty().And.OnlyContain(s => !string.IsNullOrEmpty(s.Comment));
        submissions.Where(s => s.Status == SubmissionStatus.Approved)
            .Should().OnlyContain(s => s.ReviewedAtUtc > s.SubmittedAtUtc && s.ReviewedBy == SyntheticRows.ProvinceReviewer);
    }

    [Fact]
    public async Task A_second_generation_into_the_same_database_is_refused_and_writes_nothing()
    {
        var before = await FingerprintsAsync(tiny.ConnectionString);

        var again = () => SyntheticDataGenerator.GenerateAsync(tiny.ConnectionString, SyntheticScale.Tiny, RepoPaths.Seeds, clock: TestClock.Provider);

        await again.Should().ThrowAsync<InvalidOperationException>().WithMessage("*already holds synthetic figures*");
        (await FingerprintsAsync(tiny.ConnectionString)).Should().Equal(before);
    }

    private static List<(int Year, int Quarter)> QuartersFrom((int Year, int Quarter) first, (int Year, int Quarter) last)
    {
        var list = new List<(int, int)>();
        for (var q = first; q.CompareTo(last) <= 0; q = q.Quarter == 4 ? (q.Year + 1, 1) : (q.Year, q.Quarter + 1))
        {
            list.Add(q);
        }

        return list;
    }

    private static PostgresProgramTrackerDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresProgramTrackerDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(options, connectionString);
        return new PostgresProgramTrackerDbContext(options.Options);
    }

    /// <summary>Count, sum and a hash of the ordered rows of each synthetic table, keyed by statistics codes and catalogue codes rather than ids.</summary>
    private static async Task<List<string>> FingerprintsAsync(string connectionString)
    {
        string[] queries =
        [
            """
            SELECT count(*) || '|' || sum(v."Value") || '|' || md5(string_agg(
                u."StatisticsCode" || ';' || i."Code" || ';' || p."Year" || '-' || p."Quarter" || ';' || v."Value" || ';' || extract(epoch FROM v."UpdatedAtUtc"),
                ',' ORDER BY u."StatisticsCode", i."Code", p."Year", p."Quarter"))
            FROM indicator_values v JOIN units u ON u."Id" = v."UnitId" JOIN indicators i ON i."Id" = v."IndicatorId" JOIN periods p ON p."Id" = v."PeriodId"
            WHERE v."UpdatedBy" = 'th.generator'
            """,
            """
            SELECT count(*) || '|' || md5(string_agg(
                u."StatisticsCode" || ';' || s."Code" || ';' || p."Year" || '-' || p."Quarter" || ';' || b."Status" || ';' || coalesce(b."Comment", '') || ';' || b."UpdatedAtUtc",
                ',' ORDER BY u."StatisticsCode", s."Code", p."Year", p."Quarter"))
            FROM submissions b JOIN units u ON u."Id" = b."UnitId" JOIN criteria_sets s ON s."Id" = b."CriteriaSetId" JOIN periods p ON p."Id" = b."PeriodId"
            """,
            """
            SELECT count(*) || '|' || md5(string_agg(
                u."StatisticsCode" || ';' || s."Code" || ';' || p."Year" || '-' || p."Quarter" || ';' || r."HouseholdsTotal" || ';' || r."PoorHouseholds" || ';' || r."NearPoorHouseholds",
                ',' ORDER BY u."StatisticsCode", s."Code", p."Year", p."Quarter"))
            FROM poverty_records r JOIN units u ON u."Id" = r."UnitId" JOIN poverty_standards s ON s."Id" = r."StandardId" JOIN periods p ON p."Id" = r."PeriodId"
            WHERE u."StatisticsCode" IS NOT NULL
            """,
            """
            SELECT count(*) || '|' || sum(c."AmountVnd") || '|' || md5(string_agg(
                u."StatisticsCode" || ';' || g."Code" || ';' || p."Year" || ';' || c."Measure" || ';' || c."Kind" || ';' || c."AmountVnd",
                ',' ORDER BY u."StatisticsCode", g."Code", p."Year", c."Measure", c."Kind"))
            FROM capital_figures c JOIN units u ON u."Id" = c."UnitId" JOIN programmes g ON g."Id" = c."ProgrammeId" JOIN periods p ON p."Id" = c."PeriodId"
            WHERE c."Description" LIKE '[TH]%'
            """,
            """
            SELECT count(*) || '|' || md5(string_agg(
                u."StatisticsCode" || ';' || s."Code" || ';' || p."Year" || '-' || p."Quarter" || ';' || a."CriteriaMet" || ';' || a."IndicatorsMet" || ';' || a."Status",
                ',' ORDER BY u."StatisticsCode", s."Code", p."Year", p."Quarter"))
            FROM attainment_summaries a JOIN units u ON u."Id" = a."UnitId" JOIN criteria_sets s ON s."Id" = a."CriteriaSetId" JOIN periods p ON p."Id" = a."PeriodId"
            WHERE u."StatisticsCode" IS NOT NULL
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
