using ProgramTracker.Core.Attainment;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Periods;
using ProgramTracker.Core.Seeding;

namespace ProgramTracker.Tools.Synthetic;

/// <summary>Where a generation is: a stage and, while rows stream, how many of how many are written.</summary>
public sealed record GeneratorProgress(string Stage, long Rows, long Total);

/// <summary>One timed step of a generation; Rows is null for steps that write no rows of their own (index rebuild, ANALYZE).</summary>
public sealed record LoadStep(string Name, long? Rows, TimeSpan Elapsed)
{
    public double? RowsPerSecond => Rows is { } rows && Elapsed.TotalSeconds > 0 ? rows / Elapsed.TotalSeconds : null;
}

public sealed record GenerationResult(GenerationPlan Plan, IReadOnlyList<LoadStep> Steps, TimeSpan Elapsed)
{
    public long RowsWritten => Steps.Sum(s => s.Rows ?? 0);

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? RowsWritten / Elapsed.TotalSeconds : 0;

    public long RowsOf(string table) => Steps.Where(s => s.Name == table).Sum(s => s.Rows ?? 0);
}

/// <summary>
/// Loads a deterministic synthetic dataset onto the real units of the official register (seeds/units-2025), for
/// load tests at province or national size: every commune-level unit of the scale gets values for every quarter it
/// exists in (2025-Q3 to today's quarter) under the criteria sets in force in that quarter, with submissions,
/// household counts and attainment summaries; every province gets capital figures. No unit is invented. What it adds
/// is flagged: values are written by "th.generator", indicators it adds have "syn." codes, "[TH]" names and a note.
/// The large tables stream through binary COPY in one transaction, so a failed load leaves no figure behind.
/// </summary>
public static class SyntheticDataGenerator
{
    public const string NationalStandard = "nd-07-2021";
    public const string ProvincialStandard = "quang-ninh-2023-2025";

    /// <summary>What a generation would write into a database that holds the seed only, on the given day; touches no database.</summary>
    public static GenerationPlan Plan(SyntheticScale scale, string seedsDirectory, DateOnly? today = null) =>
        GenerationPlan.ForSeed(scale, SeedLoader.Load(seedsDirectory), today ?? Today(TimeProvider.System));

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static async Task<GenerationResult> GenerateAsync(
        string connectionString,
        SyntheticScale scale,
        string seedsDirectory,
        IProgress<GeneratorProgress>? progress = null,
        TimeProvider? clock = null,
        bool catalogueOnly = false,
        CancellationToken ct = default)
    {
        clock ??= TimeProvider.System;
        var total = Stopwatch.StartNew();
        var steps = new List<LoadStep>();
        var stepClock = Stopwatch.StartNew();
        void Step(string name, long? rows)
        {
            steps.Add(new LoadStep(name, rows, stepClock.Elapsed));
            stepClock.Restart();
        }

        // Parse the seed before touching the database, as the portal does at start-up; seeding is idempotent, so a
        // database the portal has already seeded is left as it is.
        var seed = SeedLoader.Load(seedsDirectory);
        var units = UnitPlan.Build(scale, seed.Register);
        progress?.Report(new GeneratorProgress("migrations and seed", 0, 0));
        var options = new DbContextOptionsBuilder<PostgresProgramTrackerDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(options, connectionString);
        await using var db = new PostgresProgramTrackerDbContext(options.Options);
        await db.Database.MigrateAsync(ct);
        await new Seeder(db).SeedAsync(seed, ct);
        Step("migrations + seed", null);

        if (await db.IndicatorValues.AnyAsync(v => v.UpdatedBy == SyntheticRows.Writer, ct) || await db.Units.AnyAsync(u => u.IsSynthetic, ct))
        {
            throw new InvalidOperationException(
                "The database already holds synthetic figures (written by th.generator); generate into a fresh database (the generator never deletes data).");
        }

        var written = await FindUnitsAsync(db, units, ct);

        progress?.Report(new GeneratorProgress("periods and synthetic indicators", 0, 0));
        // The quarters up to today's, as the portal's calendar keeps them at start-up.
        var addedPeriods = await new PeriodCalendar(db, clock).EnsureUpToTodayAsync(ct);
        Step(GenerationPlan.PeriodsTable, addedPeriods);
        var quarters = CatalogueShape.RegisterQuarters(Today(clock));
        var plan = GenerationPlan.For(scale, units, await ShapeAsync(db, quarters, addedPeriods, ct));
        var addedIndicators = await EnsureIndicatorsAsync(db, ct);
        Step(GenerationPlan.Indicators, addedIndicators);
        if (catalogueOnly)
        {
            // The generated dataset's catalogue without its figures (bench/run's seed phase: the same pages, fewer figures).
            return new GenerationResult(plan, steps, total.Elapsed);
        }

        var periods = (await db.Periods.AsNoTracking()
                .Where(p => p.Quarter != null)
                .Select(p => new SyntheticPeriod(p.Id, p.Year, p.Quarter!.Value))
                .ToListAsync(ct))
            .Where(p => quarters.Contains((p.Year, p.Quarter)))
            .ToList();
        if (periods.Count != quarters.Count)
        {
            throw new InvalidOperationException($"The database lacks some of the quarters {quarters[0].Year}-Q{quarters[0].Quarter} to today's; the calendar should have added them.");
        }

        var shape = await ShapeAsync(db, quarters, addedPeriods, ct);
        var catalogue = await QuarterCataloguesAsync(db, shape, periods, ct);
        var programmes = (await db.Programmes.AsNoTracking().Select(p => new { p.Id, p.Code }).ToListAsync(ct))
            .Select(p => (p, Years: CatalogueShape.ProgrammeYears(p.Code)))
            .Select(x => new SyntheticProgramme(x.p.Id, x.p.Code, x.Years.First, x.Years.Last))
            .ToList();
        var standards = await db.PovertyStandards.AsNoTracking().Select(s => new { s.Id, s.Code, s.ValidFrom, s.ValidTo }).ToListAsync(ct);
        if (standards.All(s => s.Code != NationalStandard))
        {
            throw new InvalidOperationException($"The poverty standard '{NationalStandard}' is missing from the catalogue; the seed should define it.");
        }

        IReadOnlyDictionary<int, IReadOnlyList<int>> StandardsBy(Func<string, bool> which) => periods.ToDictionary(p => p.Id,
            p => (IReadOnlyList<int>)standards.Where(s => which(s.Code) && new StandardShape(s.Code, s.ValidFrom, s.ValidTo).InForce(p.Year, p.Quarter)).Select(s => s.Id).ToList());
        var nationalStandards = StandardsBy(c => c != ProvincialStandard);
        var provincialStandards = StandardsBy(c => c == ProvincialStandard);

        // One long-lived connection for the bulk load: no command timeout (an index rebuild on millions of rows takes a while).
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '256MB'", ct);

            // The bulk tables lose their foreign keys and secondary indexes for the load and get them back once
            // at the end: a foreign key checked row by row costs more than the load itself, and re-adding it
            // validates every row in one pass. The primary keys and unique indexes stay and guard the load.
            // All of it is in this transaction: a failure leaves the schema and the data as they were.
            progress?.Report(new GeneratorProgress("suspending foreign keys and secondary indexes", 0, 0));
            var suspended = new List<TableDdl>();
            foreach (var table in BulkTables)
            {
                suspended.Add(await SuspendAsync(connection, table, ct));
            }

            Step("foreign keys and indexes dropped", null);

            var submissions = SyntheticRows.Submissions(written, periods, catalogue);
            Step(GenerationPlan.Submissions, await CopyAsync(connection, SubmissionCopy, submissions, WriteSubmission,
                GenerationPlan.Submissions, plan.RowsOf(GenerationPlan.Submissions), progress, ct));

            var poverty = SyntheticRows.Poverty(written, periods, nationalStandards, provincialStandards);
            Step(GenerationPlan.PovertyRecords, await CopyAsync(connection, PovertyCopy, poverty, WritePoverty,
                GenerationPlan.PovertyRecords, plan.RowsOf(GenerationPlan.PovertyRecords), progress, ct));

            var capital = SyntheticRows.Capital(written, periods, programmes);
            Step(GenerationPlan.CapitalFigures, await CopyAsync(connection, CapitalCopy, capital, WriteCapital,
                GenerationPlan.CapitalFigures, plan.RowsOf(GenerationPlan.CapitalFigures), progress, ct));

            var values = SyntheticRows.IndicatorValues(written, periods, catalogue);
            Step(GenerationPlan.IndicatorValues, await CopyAsync(connection, ValueCopy, values, WriteValue,
                GenerationPlan.IndicatorValues, plan.RowsOf(GenerationPlan.IndicatorValues), progress, ct));

            // Overviews read aggregates kept current on write; a bulk load writes them once, with the same rules in SQL.
            progress?.Report(new GeneratorProgress("attainment summaries", 0, 0));
            Step(GenerationPlan.AttainmentSummaries, await ExecuteCountAsync(connection, SummaryRebuild.PostgresSql($"v.\"UpdatedBy\" = '{SyntheticRows.Writer}'"), ct,
                new NpgsqlParameter("stamped_at", db.Stamp().AtUtc)));

            progress?.Report(new GeneratorProgress("rebuilding indexes and validating foreign keys", 0, 0));
            foreach (var ddl in suspended)
            {
                await RestoreAsync(connection, ddl, ct);
            }

            Step("indexes rebuilt, foreign keys validated", null);
            progress?.Report(new GeneratorProgress("commit", 0, 0));
            await tx.CommitAsync(ct);
            Step("commit", null);
        }

        progress?.Report(new GeneratorProgress("analyze", 0, 0));
        await ExecuteAsync(connection, "ANALYZE periods, indicators, indicator_values, submissions, poverty_records, capital_figures, attainment_summaries", ct);
        Step("analyze", null);
        return new GenerationResult(plan, steps, total.Elapsed);
    }

    /// <summary>The scale's register units in the database, found by statistics code; a missing one means the register is not seeded.</summary>
    private static async Task<List<WrittenUnit>> FindUnitsAsync(ProgramTrackerDbContext db, UnitPlan plan, CancellationToken ct)
    {
        var stored = await db.Units.AsNoTracking()
            .Where(u => u.StatisticsCode != null && u.ValidTo == null)
            .Select(u => new { u.Id, u.StatisticsCode, u.Kind })
            .ToListAsync(ct);
        var provinces = stored.Where(u => AdministrativeUnit.IsProvinceLevelKind(u.Kind)).ToDictionary(u => u.StatisticsCode!, u => u.Id);
        var communes = stored.Where(u => AdministrativeUnit.IsCommuneLevelKind(u.Kind)).ToDictionary(u => u.StatisticsCode!, u => u.Id);
        var result = new List<WrittenUnit>(plan.Units.Count);
        foreach (var unit in plan.Units)
        {
            var ids = unit.IsProvince ? provinces : communes;
            if (!ids.TryGetValue(unit.Code, out var id))
            {
                throw new InvalidOperationException(
                    $"The register's unit {unit.Code} is not in the database (or has ended); the seed should have put the register there.");
            }

            result.Add(new WrittenUnit(id, unit));
        }

        return result;
    }

    /// <summary>The database's catalogue as the plan reads it.</summary>
    private static async Task<CatalogueShape> ShapeAsync(ProgramTrackerDbContext db, IReadOnlyList<(int Year, int Quarter)> quarters, int newPeriods, CancellationToken ct)
    {
        var sets = await db.CriteriaSets.AsNoTracking().Select(s => new { s.Code, s.Level, s.ValidFrom, s.ValidTo }).ToListAsync(ct);
        var codes = await db.Indicators.AsNoTracking().Select(i => new { Set = i.Criterion.CriteriaSet.Code, i.Code }).ToListAsync(ct);
        var programmes = await db.Programmes.AsNoTracking().Select(p => p.Code).ToListAsync(ct);
        var standards = await db.PovertyStandards.AsNoTracking().Select(s => new StandardShape(s.Code, s.ValidFrom, s.ValidTo)).ToListAsync(ct);
        return new CatalogueShape(
            quarters,
            sets.Select(s => new SetShape(s.Code, s.Level, s.ValidFrom, s.ValidTo, codes.Where(c => c.Set == s.Code).Select(c => c.Code).ToList())).ToList(),
            programmes,
            standards,
            newPeriods);
    }

    /// <summary>Per period: the ids of the commune-level sets in force and all their indicators, as stored (an administrator may have added some or changed thresholds).</summary>
    private static async Task<Dictionary<int, QuarterCatalogue>> QuarterCataloguesAsync(
        ProgramTrackerDbContext db, CatalogueShape shape, IReadOnlyList<SyntheticPeriod> periods, CancellationToken ct)
    {
        var definitions = SyntheticCatalogue.Indicators.ToDictionary(i => i.Code);
        var setIds = await db.CriteriaSets.AsNoTracking().ToDictionaryAsync(s => s.Code, s => new { s.Id, s.ValidFrom }, ct);
        var indicators = await db.Indicators.AsNoTracking()
            .Select(i => new { i.Id, i.Code, i.ValueType, Set = i.Criterion.CriteriaSet.Code })
            .ToListAsync(ct);
        // The rule of each indicator in its set's latest version: the common one where there is one.
        var rules = (await db.IndicatorThresholds.AsNoTracking()
                .Select(t => new { t.IndicatorId, t.Zone, t.Comparator, t.Value, t.Version.Number })
                .ToListAsync(ct))
            .GroupBy(t => t.IndicatorId)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Zone == Zones.Common ? 1 : 0).ThenBy(t => t.Number).Last());

        ModelIndicator Model(int id, string code, ValueKind type, string set)
        {
            var rule = rules.GetValueOrDefault(id);
            var comparator = rule?.Comparator ?? Comparator.AtLeast;
            var threshold = rule?.Zone == Zones.Common ? rule.Value : null;
            var model = definitions.TryGetValue(code, out var d)
                ? new ModelIndicator(id, code, type, comparator, threshold, d.Spread, d.Difficulty)
                : ModelIndicator.Generic(id, code, type, comparator, threshold);
            // A set of the 2026–2030 phase starts its units afresh; the 2021–2025 sets run from 2021-Q1.
            var from = setIds[set].ValidFrom;
            return model with { PhaseStart = from is { Year: > 2025 } f ? ValueModel.TimeIndex(f.Year, 1) : 0 };
        }

        var result = new Dictionary<int, QuarterCatalogue>();
        foreach (var period in periods)
        {
            var sets = shape.ReportedSets(period.Year, period.Quarter).Select(s => s.Code).ToHashSet();
            result[period.Id] = new QuarterCatalogue(
                sets.Select(s => setIds[s].Id).Order().ToList(),
                indicators.Where(i => sets.Contains(i.Set)).Select(i => Model(i.Id, i.Code, i.ValueType, i.Set)).OrderBy(i => i.Id).ToList());
        }

        return result;
    }

    /// <summary>Adds the synthetic indicators that are missing, after any indicator the criterion already has.</summary>
    private static async Task<int> EnsureIndicatorsAsync(ProgramTrackerDbContext db, CancellationToken ct)
    {
        var sets = SyntheticCatalogue.Indicators.Select(i => i.SetCode).Distinct().ToList();
        var criteria = (await db.Criteria.AsNoTracking()
                .Where(c => sets.Contains(c.CriteriaSet.Code))
                .Select(c => new { c.Id, c.CriteriaSetId, Set = c.CriteriaSet.Code, c.Number, LastSort = c.Indicators.Max(i => (int?)i.SortOrder) ?? 0 })
                .ToListAsync(ct))
            .ToDictionary(c => (c.Set, c.Number));
        var existing = (await db.Indicators.AsNoTracking().Where(i => i.Code.StartsWith(SyntheticCatalogue.CodePrefix)).Select(i => i.Code).ToListAsync(ct))
            .ToHashSet();
        var setIds = criteria.Values.Select(c => c.CriteriaSetId).Distinct().ToList();
        var versions = (await db.CriteriaSetVersions.AsNoTracking().Where(v => setIds.Contains(v.CriteriaSetId)).Select(v => new { v.CriteriaSetId, v.Id }).ToListAsync(ct))
            .GroupBy(v => v.CriteriaSetId).ToDictionary(g => g.Key, g => g.Select(v => v.Id).ToList());

        var sortOrders = new Dictionary<int, int>();
        var added = 0;
        foreach (var s in SyntheticCatalogue.Indicators.Where(i => !existing.Contains(i.Code)))
        {
            if (!criteria.TryGetValue((s.SetCode, s.CriterionNumber), out var criterion))
            {
                throw new InvalidOperationException($"The criteria set '{s.SetCode}' has no criterion {s.CriterionNumber} for the synthetic indicator '{s.Code}'.");
            }

            var sort = sortOrders[criterion.Id] = sortOrders.GetValueOrDefault(criterion.Id, criterion.LastSort) + 1;
            var indicator = db.Indicators.Add(new Indicator
            {
                Code = s.Code, CriterionId = criterion.Id, Name = s.Name, Unit = s.Unit, ValueType = s.ValueType,
                Frequency = SyntheticCatalogue.Frequency, SortOrder = sort, Note = SyntheticCatalogue.Note,
            }).Entity;

            // The rule goes into every version of the set, as the common threshold: it applies to a unit without a
            // region or commune group, as most register units are (the RuleBook picks it for them).
            foreach (var versionId in versions[criterion.CriteriaSetId])
            {
                db.IndicatorThresholds.Add(new IndicatorThreshold { VersionId = versionId, Indicator = indicator, Zone = Zones.Common, Comparator = s.Comparator, Value = s.Threshold });
            }

            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    private const string ValueCopy =
        "COPY indicator_values (\"UnitId\", \"IndicatorId\", \"PeriodId\", \"Value\", \"Qualifier\", \"AsOf\", \"UpdatedBy\", \"UpdatedAtUtc\", \"Version\") FROM STDIN (FORMAT BINARY)";

    private const string SubmissionCopy =
        "COPY submissions (\"UnitId\", \"CriteriaSetId\", \"PeriodId\", \"Status\", \"Comment\", \"SubmittedBy\", \"SubmittedAtUtc\", \"ReviewedBy\", \"ReviewedAtUtc\", \"UpdatedAtUtc\", \"Version\") FROM STDIN (FORMAT BINARY)";

    private const string PovertyCopy =
        "COPY poverty_records (\"UnitId\", \"PeriodId\", \"StandardId\", \"AsOf\", \"HouseholdsTotal\", \"PoorHouseholds\", \"NearPoorHouseholds\", \"Version\") FROM STDIN (FORMAT BINARY)";

    private const string CapitalCopy =
        "COPY capital_figures (\"ProgrammeId\", \"UnitId\", \"PeriodId\", \"Measure\", \"Kind\", \"FundingSource\", \"AmountVnd\", \"Qualifier\", \"WorksCount\", \"AsOf\", \"Description\") FROM STDIN (FORMAT BINARY)";

    // Row writers use the importer's synchronous calls: rows are produced on this thread anyway and the
    // importer only blocks when its 8 KB buffer goes to the server; the async calls cost a state machine per column.
    private static void WriteValue(NpgsqlBinaryImporter w, ValueRow r)
    {
        w.Write(r.UnitId, NpgsqlDbType.Integer);
        w.Write(r.IndicatorId, NpgsqlDbType.Integer);
        w.Write(r.PeriodId, NpgsqlDbType.Integer);
        w.Write(r.Value, NpgsqlDbType.Numeric);
        w.Write((int)ValueQualifier.None, NpgsqlDbType.Integer);
        w.Write(r.AsOf, NpgsqlDbType.Date);
        w.Write(SyntheticRows.Writer, NpgsqlDbType.Varchar);
        w.Write(r.UpdatedAtUtc, NpgsqlDbType.TimestampTz);
        w.Write(1, NpgsqlDbType.Integer);
    }

    private static void WriteSubmission(NpgsqlBinaryImporter w, SubmissionRow r)
    {
        w.Write(r.UnitId, NpgsqlDbType.Integer);
        w.Write(r.CriteriaSetId, NpgsqlDbType.Integer);
        w.Write(r.PeriodId, NpgsqlDbType.Integer);
        w.Write((int)r.Status, NpgsqlDbType.Integer);
        WriteOrNull(w, r.Comment, NpgsqlDbType.Varchar);
        WriteOrNull(w, r.SubmittedBy, NpgsqlDbType.Varchar);
        WriteOrNull(w, r.SubmittedAtUtc, NpgsqlDbType.TimestampTz);
        WriteOrNull(w, r.ReviewedBy, NpgsqlDbType.Varchar);
        WriteOrNull(w, r.ReviewedAtUtc, NpgsqlDbType.TimestampTz);
        w.Write(r.UpdatedAtUtc, NpgsqlDbType.TimestampTz);
        w.Write(r.Version, NpgsqlDbType.Integer);
    }

    private static void WritePoverty(NpgsqlBinaryImporter w, PovertyRow r)
    {
        w.Write(r.UnitId, NpgsqlDbType.Integer);
        w.Write(r.PeriodId, NpgsqlDbType.Integer);
        w.Write(r.StandardId, NpgsqlDbType.Integer);
        w.Write(r.AsOf, NpgsqlDbType.Date);
        w.Write(r.HouseholdsTotal, NpgsqlDbType.Integer);
        w.Write(r.PoorHouseholds, NpgsqlDbType.Integer);
        w.Write(r.NearPoorHouseholds, NpgsqlDbType.Integer);
        w.Write(1, NpgsqlDbType.Integer); // concurrency token of a written record
    }

    private static void WriteCapital(NpgsqlBinaryImporter w, CapitalRow r)
    {
        w.Write(r.ProgrammeId, NpgsqlDbType.Integer);
        w.Write(r.UnitId, NpgsqlDbType.Integer);
        w.Write(r.PeriodId, NpgsqlDbType.Integer);
        w.Write((int)r.Measure, NpgsqlDbType.Integer);
        w.Write((int)r.Kind, NpgsqlDbType.Integer);
        w.Write(r.FundingSource, NpgsqlDbType.Varchar);
        w.Write(r.AmountVnd, NpgsqlDbType.Numeric);
        w.Write((int)ValueQualifier.None, NpgsqlDbType.Integer);
        WriteOrNull(w, r.WorksCount, NpgsqlDbType.Integer);
        w.Write(r.AsOf, NpgsqlDbType.Date);
        w.Write(SyntheticRows.CapitalDescription, NpgsqlDbType.Varchar);
    }

    private static void WriteOrNull<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : class
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, type);
        }
    }

    private static void WriteOrNull<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            w.Write(v, type);
        }
        else
        {
            w.WriteNull();
        }
    }

    /// <summary>Streams rows into one binary COPY, reporting progress about fifty times along the way.</summary>
    private static async Task<long> CopyAsync<T>(
        NpgsqlConnection connection,
        string copy,
        IEnumerable<T> rows,
        Action<NpgsqlBinaryImporter, T> write,
        string stage,
        long expected,
        IProgress<GeneratorProgress>? progress,
        CancellationToken ct)
    {
        progress?.Report(new GeneratorProgress(stage, 0, expected));
        var every = Math.Max(10_000, expected / 50);
        long count = 0;
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
            if (++count % every == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new GeneratorProgress(stage, count, expected));
            }
        }

        await importer.CompleteAsync(ct);
        progress?.Report(new GeneratorProgress(stage, count, expected));
        return count;
    }

    private static readonly string[] BulkTables = ["indicator_values", "submissions", "poverty_records", "capital_figures"];

    /// <summary>What a table had before the load: foreign keys and non-unique indexes, each with its definition.</summary>
    private sealed record TableDdl(string Table, List<(string Name, string Definition)> ForeignKeys, List<(string Name, string Definition)> Indexes);

    /// <summary>Drops the table's foreign keys and its indexes other than the primary key and unique ones, keeping their definitions.</summary>
    private static async Task<TableDdl> SuspendAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        const string foreignKeys = """
            SELECT quote_ident(conname), pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE conrelid = to_regclass(@table) AND contype = 'f'
            ORDER BY conname
            """;
        const string indexes = """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_indexdef(c.oid)
            FROM pg_index x
            JOIN pg_class c ON c.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE x.indrelid = to_regclass(@table) AND NOT x.indisunique AND NOT x.indisprimary
            ORDER BY c.relname
            """;
        var ddl = new TableDdl(table, await PairsAsync(connection, foreignKeys, table, ct), await PairsAsync(connection, indexes, table, ct));
        foreach (var (name, _) in ddl.ForeignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {name}", ct);
        }

        foreach (var (name, _) in ddl.Indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}", ct);
        }

        return ddl;
    }

    /// <summary>Recreates the indexes, then re-adds the foreign keys, which checks every row against its parent.</summary>
    private static async Task RestoreAsync(NpgsqlConnection connection, TableDdl ddl, CancellationToken ct)
    {
        foreach (var (_, definition) in ddl.Indexes)
        {
            await ExecuteAsync(connection, definition, ct);
        }

        foreach (var (name, definition) in ddl.ForeignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {ddl.Table} ADD CONSTRAINT {name} {definition}", ct);
        }
    }

    private static async Task<List<(string, string)>> PairsAsync(NpgsqlConnection connection, string sql, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("table", table);
        var result = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add((reader.GetString(0), reader.GetString(1)));
        }

        return result;
    }

    private static async Task<long> ExecuteCountAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
