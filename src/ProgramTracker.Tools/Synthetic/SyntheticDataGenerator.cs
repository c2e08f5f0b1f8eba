using ProgramTracker.Core.Attainment;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
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
/// Loads a deterministic synthetic dataset on top of the Ba Chẽ seed, for load tests at province or national size.
/// Everything it adds is flagged: units are IsSynthetic and named "[TH] …", indicators have "syn." codes and a note.
/// Units and catalogue rows are few and written first; the large tables stream through binary COPY in one
/// transaction, so a failed load leaves no synthetic unit or figure behind.
/// </summary>
public static class SyntheticDataGenerator
{
    public const string NationalStandard = "nd-07-2021";
    public const string ProvincialStandard = "quang-ninh-2023-2025";

    public static IReadOnlyList<string> PovertyStandardCodes { get; } = [NationalStandard, ProvincialStandard];

    /// <summary>What a generation would write into a database that holds the seed only; touches no database.</summary>
    public static GenerationPlan Plan(SyntheticScale scale, string seedsDirectory) =>
        GenerationPlan.ForSeed(scale, SeedLoader.Load(seedsDirectory));

    public static async Task<GenerationResult> GenerateAsync(
        string connectionString,
        SyntheticScale scale,
        string seedsDirectory,
        IProgress<GeneratorProgress>? progress = null,
        CancellationToken ct = default)
    {
        var total = Stopwatch.StartNew();
        var steps = new List<LoadStep>();
        var clock = Stopwatch.StartNew();
        void Step(string name, long? rows)
        {
            steps.Add(new LoadStep(name, rows, clock.Elapsed));
            clock.Restart();
        }

        // Parse the seed before touching the database, as the portal does at start-up.
        var seed = SeedLoader.Load(seedsDirectory);
        progress?.Report(new GeneratorProgress("migrations and Ba Chẽ seed", 0, 0));
        var options = new DbContextOptionsBuilder<PostgresProgramTrackerDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(options, connectionString);
        await using var db = new PostgresProgramTrackerDbContext(options.Options);
        await db.Database.MigrateAsync(ct);
        await new Seeder(db).SeedAsync(seed, ct);
        Step("migrations + seed", null);

        if (await db.Units.AnyAsync(u => u.IsSynthetic, ct))
        {
            throw new InvalidOperationException(
                "The database already holds synthetic units ([TH]); generate into a fresh database (the generator never deletes data).");
        }

        var plan = await PlanForDatabaseAsync(db, scale, ct);
        var units = UnitPlan.Build(scale);

        progress?.Report(new GeneratorProgress("periods and synthetic indicators", 0, 0));
        var addedPeriods = await EnsurePeriodsAsync(db, ct);
        Step(GenerationPlan.PeriodsTable, addedPeriods);
        var addedIndicators = await EnsureIndicatorsAsync(db, ct);
        Step(GenerationPlan.Indicators, addedIndicators);

        var periods = await db.Periods.AsNoTracking()
            .Where(p => p.Quarter != null && p.Year >= ValueModel.FirstYear && p.Year < ValueModel.FirstYear + ValueModel.Years)
            .Select(p => new SyntheticPeriod(p.Id, p.Year, p.Quarter!.Value))
            .ToListAsync(ct);
        var communeIndicators = await ModelIndicatorsAsync(db, SyntheticCatalogue.CommuneSets, ct);
        var districtIndicators = await ModelIndicatorsAsync(db, SyntheticCatalogue.DistrictSets, ct);
        var setIds = await db.CriteriaSets.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        // The 2021–2025 programmes only: synthetic years are 2021–2025, before the merged programme began.
        var programmes = (await db.Programmes.AsNoTracking().Where(p => p.Code != SyntheticCatalogue.MergedProgramme).Select(p => new { p.Id, p.Code }).ToListAsync(ct)).Select(p => (p.Id, p.Code)).ToList();
        var standards = await db.PovertyStandards.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        foreach (var code in PovertyStandardCodes.Where(c => !standards.ContainsKey(c)))
        {
            throw new InvalidOperationException($"The poverty standard '{code}' is missing from the catalogue; the seed should define it.");
        }

        // One long-lived connection for the bulk load: no command timeout (an index rebuild on 17 million rows takes a while).
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '256MB'", ct);

            var written = await WriteUnitsAsync(connection, units, progress, ct);
            Step(GenerationPlan.Units, written.Count);

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

            var submissions = SyntheticRows.Submissions(written, periods,
                SyntheticCatalogue.CommuneSets.Select(c => setIds[c]).ToList(), SyntheticCatalogue.DistrictSets.Select(c => setIds[c]).ToList());
            Step(GenerationPlan.Submissions, await CopyAsync(connection, SubmissionCopy, submissions, WriteSubmission,
                GenerationPlan.Submissions, plan.RowsOf(GenerationPlan.Submissions), progress, ct));

            var poverty = SyntheticRows.Poverty(written, periods, standards[NationalStandard], standards[ProvincialStandard]);
            Step(GenerationPlan.PovertyRecords, await CopyAsync(connection, PovertyCopy, poverty, WritePoverty,
                GenerationPlan.PovertyRecords, plan.RowsOf(GenerationPlan.PovertyRecords), progress, ct));

            var capital = SyntheticRows.Capital(written, periods, programmes);
            Step(GenerationPlan.CapitalFigures, await CopyAsync(connection, CapitalCopy, capital, WriteCapital,
                GenerationPlan.CapitalFigures, plan.RowsOf(GenerationPlan.CapitalFigures), progress, ct));

            var values = SyntheticRows.IndicatorValues(written, periods, communeIndicators, districtIndicators);
            Step(GenerationPlan.IndicatorValues, await CopyAsync(connection, ValueCopy, values, WriteValue,
                GenerationPlan.IndicatorValues, plan.RowsOf(GenerationPlan.IndicatorValues), progress, ct));

            // Overviews read aggregates kept current on write; a bulk load writes them once, with the same rules in SQL.
            progress?.Report(new GeneratorProgress("attainment summaries", 0, 0));
            Step(GenerationPlan.AttainmentSummaries, await ExecuteCountAsync(connection, SummaryRebuild.PostgresSql("u.\"IsSynthetic\""), ct, new NpgsqlParameter("stamped_at", db.Stamp().AtUtc)));

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
        await ExecuteAsync(connection, "ANALYZE units, periods, indicators, indicator_values, submissions, poverty_records, capital_figures, attainment_summaries", ct);
        Step("analyze", null);
        return new GenerationResult(plan, steps, total.Elapsed);
    }

    private static async Task<GenerationPlan> PlanForDatabaseAsync(ProgramTrackerDbContext db, SyntheticScale scale, CancellationToken ct)
    {
        var quarters = (await db.Periods.AsNoTracking().Where(p => p.Quarter != null).Select(p => new { p.Year, p.Quarter }).ToListAsync(ct))
            .Select(p => (p.Year, p.Quarter!.Value)).ToList();
        var sets = SyntheticCatalogue.CommuneSets.Concat(SyntheticCatalogue.DistrictSets).ToList();
        var codes = await db.Indicators.AsNoTracking()
            .Where(i => sets.Contains(i.Criterion.CriteriaSet.Code))
            .Select(i => new { Set = i.Criterion.CriteriaSet.Code, i.Code })
            .ToListAsync(ct);
        var bySet = sets.ToDictionary(s => s, s => (IReadOnlyCollection<string>)codes.Where(c => c.Set == s).Select(c => c.Code).ToList());
        return GenerationPlan.For(scale, quarters, bySet, await db.Programmes.CountAsync(p => p.Code != SyntheticCatalogue.MergedProgramme, ct));
    }

    /// <summary>Adds the quarters of 2021–2025 that are missing; existing periods keep their lock and deadline.</summary>
    private static async Task<int> EnsurePeriodsAsync(ProgramTrackerDbContext db, CancellationToken ct)
    {
        var existing = (await db.Periods.Where(p => p.Quarter != null).Select(p => new { p.Year, p.Quarter }).ToListAsync(ct))
            .Select(p => (p.Year, p.Quarter!.Value)).ToHashSet();
        var lastYear = ValueModel.FirstYear + ValueModel.Years - 1;
        var added = 0;
        for (var year = ValueModel.FirstYear; year <= lastYear; year++)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                if (existing.Contains((year, quarter)))
                {
                    continue;
                }

                // Earlier years are history (locked); the last year stays open. Deadline: the 10th after the quarter.
                db.Periods.Add(new ReportingPeriod
                {
                    Year = year, Quarter = quarter, IsLocked = year < lastYear, Deadline = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(9),
                });
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
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

            // The rule goes into every version of the set, as the common threshold (synthetic units have no region or group).
            foreach (var versionId in versions[criterion.CriteriaSetId])
            {
                db.IndicatorThresholds.Add(new IndicatorThreshold { VersionId = versionId, Indicator = indicator, Zone = Zones.Common, Comparator = s.Comparator, Value = s.Threshold });
            }

            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Every indicator of the sets, as stored (an administrator may have added some or changed thresholds).</summary>
    private static async Task<List<ModelIndicator>> ModelIndicatorsAsync(ProgramTrackerDbContext db, IReadOnlyList<string> sets, CancellationToken ct)
    {
        var definitions = SyntheticCatalogue.Indicators.ToDictionary(i => i.Code);
        // The common rule of each indicator in its set's latest version.
        var rows = (await db.IndicatorThresholds.AsNoTracking()
                .Where(t => t.Zone == Zones.Common && sets.Contains(t.Version.CriteriaSet.Code))
                .Select(t => new { t.IndicatorId, t.Indicator.Code, t.Indicator.ValueType, t.Comparator, Threshold = t.Value, t.Version.Number })
                .ToListAsync(ct))
            .GroupBy(t => t.IndicatorId)
            .Select(g => g.OrderBy(t => t.Number).Last())
            .OrderBy(t => t.IndicatorId)
            .Select(t => new { Id = t.IndicatorId, t.Code, t.ValueType, t.Comparator, t.Threshold })
            .ToList();
        return rows.Select(r => definitions.TryGetValue(r.Code, out var d)
                ? new ModelIndicator(r.Id, r.Code, r.ValueType, r.Comparator, r.Threshold, d.Spread, d.Difficulty)
                : ModelIndicator.Generic(r.Id, r.Code, r.ValueType, r.Comparator, r.Threshold))
            .ToList();
    }

    /// <summary>Writes provinces, districts and communes level by level and reads their ids back by slug.</summary>
    private static async Task<List<WrittenUnit>> WriteUnitsAsync(NpgsqlConnection connection, UnitPlan plan, IProgress<GeneratorProgress>? progress, CancellationToken ct)
    {
        var ids = new Dictionary<string, int>(plan.Units.Count);
        foreach (var kind in new[] { UnitKind.Province, UnitKind.District, UnitKind.Commune })
        {
            var level = plan.Units.Where(u => u.Kind == kind).ToList();
            progress?.Report(new GeneratorProgress($"units ({kind})", 0, level.Count));
            await using (var importer = await connection.BeginBinaryImportAsync(
                "COPY units (\"Slug\", \"Name\", \"Kind\", \"ParentId\", \"IsSynthetic\", \"Note\") FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var unit in level)
                {
                    await importer.StartRowAsync(ct);
                    await importer.WriteAsync(unit.Slug, NpgsqlDbType.Varchar, ct);
                    await importer.WriteAsync(unit.Name, NpgsqlDbType.Varchar, ct);
                    await importer.WriteAsync((int)unit.Kind, NpgsqlDbType.Integer, ct);
                    if (unit.ParentOrdinal is { } parent)
                    {
                        await importer.WriteAsync(ids[plan.Units[parent].Slug], NpgsqlDbType.Integer, ct);
                    }
                    else
                    {
                        await importer.WriteNullAsync(ct);
                    }

                    await importer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                    await importer.WriteAsync(UnitPlan.Note, NpgsqlDbType.Varchar, ct);
                }

                await importer.CompleteAsync(ct);
            }

            await using var read = new NpgsqlCommand("SELECT \"Slug\", \"Id\" FROM units WHERE \"IsSynthetic\" AND \"Kind\" = @kind", connection);
            read.Parameters.AddWithValue("kind", (int)kind);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        return plan.Units.Select(u => new WrittenUnit(ids[u.Slug], u)).ToList();
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
