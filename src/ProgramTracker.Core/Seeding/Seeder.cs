using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Catalogue;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Units;

namespace ProgramTracker.Core.Seeding;

/// <summary>
/// Writes seed data in one transaction. Idempotent: a record whose natural key exists is left as it is,
/// so a second start adds nothing and never overwrites what users have entered since.
/// </summary>
public sealed class Seeder(ProgramTrackerDbContext db)
{
    private readonly List<(string Step, double Milliseconds)> timings = [];
    private long stepStarted;

    /// <summary>Time each step of the last <see cref="SeedAsync"/> took, in order (start-up logs them; bench/startup reads them).</summary>
    public IReadOnlyList<(string Step, double Milliseconds)> Timings => timings;

    private void Mark(string step)
    {
        timings.Add((step, System.Diagnostics.Stopwatch.GetElapsedTime(stepStarted).TotalMilliseconds));
        stepStarted = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// <summary>Loads what is missing; every row and audit entry it writes is stamped "seed".</summary>
    public async Task<int> SeedAsync(SeedData data, CancellationToken ct = default)
    {
        timings.Clear();
        stepStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        using var actor = db.ActAs(NamedUser.Seed);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = 0;

        var sources = await db.Sources.ToDictionaryAsync(s => s.Code, ct);
        foreach (var s in data.Sources.Where(s => !sources.ContainsKey(s.Code)))
        {
            var entity = new Source { Code = s.Code, Title = s.Title, Publisher = s.Publisher, PublishedOn = s.PublishedOn, Document = s.Document };
            db.Sources.Add(entity);
            sources[s.Code] = entity;
            added++;
        }

        var units = await db.Units.Where(u => !u.IsSynthetic).ToDictionaryAsync(u => u.Slug, ct);
        foreach (var u in data.Units.Where(u => !units.ContainsKey(u.Slug)))
        {
            var entity = new AdministrativeUnit
            {
                Slug = u.Slug, Name = u.Name, Kind = u.Kind, ValidFrom = u.ValidFrom, ValidTo = u.ValidTo, Note = u.Note, StatisticsCode = u.StatisticsCode,
                Source = sources[u.Source], Parent = u.Parent is null ? null : units[u.Parent],
            };
            db.Units.Add(entity);
            units[u.Slug] = entity;
            added++;
        }

        var periods = (await db.Periods.ToListAsync(ct)).ToDictionary(p => p.Code);
        foreach (var p in data.Periods.Where(p => !periods.ContainsKey(p.Code)))
        {
            _ = PeriodCode.TryParse(p.Code, out var year, out var quarter);
            var entity = new ReportingPeriod { Year = year, Quarter = quarter, IsLocked = p.Locked, Deadline = p.Deadline };
            db.Periods.Add(entity);
            periods[p.Code] = entity;
            added++;
        }

        var programmes = await db.Programmes.Include(p => p.Projects).ToDictionaryAsync(p => p.Code, ct);
        foreach (var p in data.Programmes)
        {
            if (!programmes.TryGetValue(p.Code, out var programme))
            {
                programme = new Programme
                {
                    Code = p.Code, Name = p.Name, NameEn = p.NameEn, LocalName = p.LocalName, LegalBasis = p.LegalBasis, Phase = p.Phase,
                    SortOrder = p.SortOrder, Source = sources[p.Source], Targets = p.Targets,
                };
                db.Programmes.Add(programme);
                programmes[p.Code] = programme;
                added++;
            }

            foreach (var project in p.Projects.Where(x => programme.Projects.All(e => e.Number != x.Number)))
            {
                programme.Projects.Add(new ProgrammeProject { Number = project.Number, Name = project.Name, TitleConfirmed = project.TitleConfirmed });
                added++;
            }
        }

        var sets = await db.CriteriaSets.Include(s => s.Criteria).ThenInclude(c => c.Indicators).ToDictionaryAsync(s => s.Code, ct);
        foreach (var s in data.CriteriaSets)
        {
            if (!sets.TryGetValue(s.Code, out var set))
            {
                set = new CriteriaSet
                {
                    Code = s.Code, Name = s.Name, NameEn = s.NameEn, Programme = programmes[s.Programme], Level = s.Level, Tier = s.Tier, Phase = s.Phase,
                    LegalBasis = s.LegalBasis, DeclaredCriteria = s.DeclaredCriteria, DeclaredIndicators = s.DeclaredIndicators,
                    ValidFrom = s.ValidFrom, ValidTo = s.ValidTo, SortOrder = s.SortOrder, Note = s.Note, Source = sources[s.Source],
                    ThresholdScheme = s.ThresholdScheme,
                };
                set.Versions.Add(new CriteriaSetVersion { Number = 1, Changes = ChangeLog.First.Serialize() });
                db.CriteriaSets.Add(set);
                sets[s.Code] = set;
                added++;
            }

            foreach (var c in s.Criteria.Where(c => set.Criteria.All(x => x.Number != c.Number)))
            {
                set.Criteria.Add(new Criterion { Number = c.Number, Name = c.Name, NameEn = c.NameEn, GroupName = c.Group });
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        Mark("sources, units, programmes, sets");

        // Indicators go through the catalogue's own door, as an admin's would; only codes not yet stored are added,
        // so a threshold an admin has changed since is never put back.
        var catalogue = new CatalogueService(db, new SummaryUpdater(db));
        var existingCodes = (await db.Indicators.Select(i => i.Code).ToListAsync(ct)).ToHashSet();
        foreach (var s in data.CriteriaSets)
        {
            var rows = s.Criteria.SelectMany(c => (c.Indicators ?? []).Select(i => (c.Number, i)))
                .Where(x => !existingCodes.Contains(x.i.Code))
                .Select(x => new IndicatorDefinition(
                    x.i.Code, x.Number, x.i.Name, x.i.Unit, x.i.ValueType, x.i.Comparator,
                    (x.i.Thresholds ?? new Dictionary<string, decimal?>())
                        .Select(t => KeyValuePair.Create(t.Key, new ThresholdInput(t.Value)))
                        .Prepend(KeyValuePair.Create(Zones.Common, new ThresholdInput(x.i.Threshold, x.i.ThresholdText)))
                        .ToDictionary(),
                    x.i.Note, x.i.Frequency, x.i.Source is null ? null : sources[x.i.Source].Id, Combine: x.i.Combine ?? QuarterCombine.Last, CombineReason: x.i.CombineReason))
                .ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var result = await catalogue.ApplyAsync(s.Code, rows, null, "Dữ liệu khởi tạo", Formats.Vietnamese, ct); // stored audit note: Vietnamese
            if (!result.Ok)
            {
                throw new SeedException("catalogue/criteria-sets.json", $"$.criteriaSets[?(@.code=='{s.Code}')]", string.Join(" ", result.Errors.Select(e => e.Message)));
            }

            added += result.Added;
        }

        Mark("indicators (catalogue)");
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, ct);
        added += await Validation.RuleSeed.SeedAsync(db, ct);
        Mark("validation rules");
        added += await SeedUnitsHistoryAsync(data, sources, units, ct);
        Mark("reorganisations, classifications");

        var standards = await db.PovertyStandards.ToDictionaryAsync(s => s.Code, ct);
        foreach (var s in data.PovertyStandards.Where(s => !standards.ContainsKey(s.Code)))
        {
            var entity = new PovertyStandard
            {
                Code = s.Code, Name = s.Name, ShortName = s.ShortName, LegalBasis = s.LegalBasis, RuralIncomeLine = s.RuralIncomeLine,
                UrbanIncomeLine = s.UrbanIncomeLine, ValidFrom = s.ValidFrom, ValidTo = s.ValidTo, SortOrder = s.SortOrder, Source = sources[s.Source],
            };
            db.PovertyStandards.Add(entity);
            standards[s.Code] = entity;
            added++;
        }

        // Save the catalogue first so that figures below can be matched by database keys.
        await db.SaveChangesAsync(ct);
        added += await SeedFiguresAsync(data, sources, units, periods, programmes, sets, indicators, standards, ct);
        Mark("standards, figures");

        // The register last: its thousands of units are not tracked while the figures above are saved.
        added += await SeedRegisterAsync(data.Register, sources, ct);
        Mark("register");
        await tx.CommitAsync(ct);
        Mark("commit");
        // Whoever uses this context next (start-up's demo accounts) saves without walking thousands of tracked units.
        db.ChangeTracker.Clear();
        return added;
    }

    /// <summary>Reorganisations (through the same service as the admin form) and the units' regions and groups.</summary>
    private async Task<int> SeedUnitsHistoryAsync(SeedData data, Dictionary<string, Source> sources, Dictionary<string, AdministrativeUnit> units, CancellationToken ct)
    {
        var added = 0;
        var recorded = (await db.Set<Reorganisation>().Select(r => r.Code).ToListAsync(ct)).ToHashSet();
        var service = new ReorganisationService(db, db.Clock); // the context's clock (the portal's TimeProvider), not the machine's
        for (var i = 0; i < data.Reorganisations.Count; i++)
        {
            var r = data.Reorganisations[i];
            if (recorded.Contains(r.Code))
            {
                continue;
            }

            var successor = r.Successor;
            var input = new ReorganisationInput(
                r.Code, r.ActNumber, r.ActDate, r.EffectiveOn,
                new SuccessorInput(successor.Existing ? units[successor.Slug].Id : null, successor.Slug, successor.Name, successor.Kind, units[successor.Parent].Id, successor.StatisticsCode),
                r.Predecessors.Select(p => new PredecessorInput(p.Unit is null ? null : units[p.Unit].Id, p.Name, p.Whole)).ToList(),
                r.Note, sources[r.Source].Id);
            var result = await service.RecordAsync(input, ct);
            if (!result.Ok)
            {
                throw new SeedException("reorganisations.json", $"$.reorganisations[{i}]", string.Join(" ", result.Errors.Select(e => e.Message)));
            }

            units[successor.Slug] = await db.Units.SingleAsync(u => u.Id == result.SuccessorId, ct);
            added++;
        }

        var classified = (await db.Set<UnitClassification>().Select(c => new { c.UnitId, c.ValidFrom }).ToListAsync(ct))
            .Select(c => (c.UnitId, c.ValidFrom)).ToHashSet();
        foreach (var c in data.Classifications)
        {
            if (!units.TryGetValue(c.Unit, out var unit))
            {
                throw new SeedException("unit-classifications.json", "$.classifications", $"unknown unit '{c.Unit}'");
            }

            if (!classified.Add((unit.Id, c.ValidFrom)))
            {
                continue;
            }

            db.Set<UnitClassification>().Add(new UnitClassification
            {
                Unit = unit, ValidFrom = c.ValidFrom, ValidTo = c.ValidTo, Region = c.Region, CommuneGroup = c.CommuneGroup,
                EspeciallyDisadvantaged = c.EspeciallyDisadvantaged, Note = c.Note, Source = sources[c.Source],
            });
            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>
    /// The official register: a unit already stored with the statistics code is that unit (Ba Chẽ's successors, recorded
    /// by the reorganisations, keep their slugs, lineage and data); a province stored before codes were kept is matched by
    /// its name and given its code. Every other unit is added, with a country-unique slug (<see cref="UnitSlugs"/>), in
    /// one save.
    /// </summary>
    private async Task<int> SeedRegisterAsync(UnitRegister register, Dictionary<string, Source> sources, CancellationToken ct)
    {
        if (register.Provinces.Count == 0)
        {
            return 0;
        }

        // Every start after the first: one narrow query says the register is in (each code stored with its source),
        // instead of loading and matching thousands of units.
        var seeded = (await db.Units.Where(u => !u.IsSynthetic && u.StatisticsCode != null && u.SourceId != null)
            .Select(u => u.StatisticsCode!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (register.Provinces.All(p => seeded.Contains(p.Code)) && register.Units.All(u => seeded.Contains(u.Code)))
        {
            return 0;
        }

        var all = await db.Units.ToListAsync(ct);
        var byCode = all.Where(u => !u.IsSynthetic && u.StatisticsCode is not null)
            .GroupBy(u => u.StatisticsCode!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var taken = all.Select(u => u.Slug).ToHashSet(StringComparer.Ordinal);
        var (provinceSource, unitSource) = (sources[register.ProvincesSource], sources[register.UnitsSource]);
        var added = new List<AdministrativeUnit>();

        var provinces = new Dictionary<string, AdministrativeUnit>(StringComparer.Ordinal);
        var missingProvinces = new List<RegisterProvince>();
        foreach (var p in register.Provinces)
        {
            if (byCode.TryGetValue(p.Code, out var known) && AdministrativeUnit.IsProvinceLevelKind(known.Kind))
            {
                provinces[p.Code] = known;
            }
            else if (all.FirstOrDefault(u => !u.IsSynthetic && u.StatisticsCode is null && u.ParentId is null && u.ValidTo is null
                         && AdministrativeUnit.IsProvinceLevelKind(u.Kind) && UnitSlugs.Slugify(u.Name) == UnitSlugs.Slugify(p.Name)) is { } named)
            {
                named.StatisticsCode = p.Code;
                named.Source ??= provinceSource;
                provinces[p.Code] = named;
            }
            else
            {
                missingProvinces.Add(p);
            }
        }

        var provinceSlugs = UnitSlugs.Assign(missingProvinces.Select(p => new SlugRequest(p.Code, p.Name, p.Kind, null)).ToList(), taken);
        foreach (var p in missingProvinces)
        {
            var unit = new AdministrativeUnit
            {
                Slug = provinceSlugs[p.Code], Name = p.Name, Kind = p.Kind, ValidFrom = register.ValidFrom, StatisticsCode = p.Code, Source = provinceSource,
            };
            provinces[p.Code] = unit;
            taken.Add(unit.Slug);
            added.Add(unit);
        }

        var missing = new List<RegisterUnit>();
        foreach (var u in register.Units)
        {
            if (byCode.TryGetValue(u.Code, out var known))
            {
                known.Source ??= unitSource;
            }
            else
            {
                missing.Add(u);
            }
        }

        var slugs = UnitSlugs.Assign(missing.Select(u => new SlugRequest(u.Code, u.Name, u.Kind, provinces[u.ProvinceCode].Slug)).ToList(), taken);

        // The provinces (a few dozen) through the change tracker, for their keys; their communes (thousands) set-based
        // below: tracking 3,300 new units and saving them one statement each cost ~2-3 s of every fresh start.
        db.Units.AddRange(added);
        await db.SaveChangesAsync(ct);
        var communes = missing.Select(u => new AdministrativeUnit
        {
            Slug = slugs[u.Code], Name = u.Name, Kind = u.Kind, ParentId = provinces[u.ProvinceCode].Id, ValidFrom = register.ValidFrom,
            StatisticsCode = u.Code, SourceId = unitSource.Id,
        }).ToList();
        await InsertUntrackedAsync(communes, ct);
        return added.Count + communes.Count;
    }

    /// <summary>
    /// Inserts new units in multi-row INSERT statements within the current transaction, bypassing the change tracker:
    /// every mapped column but the key, each value through the column's own type mapping (enums, dates), so the rows
    /// are those SaveChanges would write. The catalogue's data version rises at commit as for a tracked change.
    /// </summary>
    private async Task InsertUntrackedAsync(IReadOnlyList<AdministrativeUnit> units, CancellationToken ct)
    {
        if (units.Count == 0)
        {
            return;
        }

        db.PendingScopes.MarkCatalogue();
        var entityType = db.Model.FindEntityType(typeof(AdministrativeUnit))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var columns = entityType.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
        var columnList = string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        const int RowsPerStatement = 500; // 500 x ~10 parameters: well under SQLite's and PostgreSQL's limits

        foreach (var chunk in units.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var rows = new List<string>(chunk.Length);
            var n = 0;
            foreach (var unit in chunk)
            {
                var names = new List<string>(columns.Count);
                foreach (var column in columns)
                {
                    var value = column.IsShadowProperty() ? null : column.PropertyInfo?.GetValue(unit) ?? column.FieldInfo?.GetValue(unit);
                    if (value is not null && column.GetTypeMapping().Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@p" + n++;
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                    names.Add(parameter.ParameterName);
                }

                rows.Add("(" + string.Join(", ", names) + ")");
            }

            command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columnList}) VALUES {string.Join(", ", rows)}";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task<int> SeedFiguresAsync(
        SeedData data,
        Dictionary<string, Source> sources,
        Dictionary<string, AdministrativeUnit> units,
        Dictionary<string, ReportingPeriod> periods,
        Dictionary<string, Programme> programmes,
        Dictionary<string, CriteriaSet> sets,
        Dictionary<string, Indicator> indicators,
        Dictionary<string, PovertyStandard> standards,
        CancellationToken ct)
    {
        var added = 0;
        var seedUnitIds = units.Values.Select(u => u.Id).ToList();

        var reportedKeys = (await db.ReportedAttainments
                .Where(r => r.Scope.Any(s => seedUnitIds.Contains(s.UnitId)))
                .Select(r => new { r.CriteriaSetId, r.PeriodId, r.Kind, Units = r.Scope.Select(s => s.UnitId).ToList() })
                .ToListAsync(ct))
            .Select(r => ReportedKey(r.CriteriaSetId, r.PeriodId, r.Kind, r.Units))
            .ToHashSet();
        foreach (var r in data.ReportedAttainments)
        {
            var scope = r.Units.Select(u => units[u].Id).ToList();
            if (!reportedKeys.Add(ReportedKey(sets[r.CriteriaSet].Id, periods[r.Period].Id, r.Kind, scope)))
            {
                continue;
            }

            var entity = new ReportedAttainment
            {
                CriteriaSet = sets[r.CriteriaSet], Period = periods[r.Period], AsOf = r.AsOf, Kind = r.Kind, CriteriaMet = r.CriteriaMet,
                IndicatorsMet = r.IndicatorsMet, UnitsAchieved = r.UnitsAchieved, Note = r.Note, Source = sources[r.Source],
            };
            entity.Scope.AddRange(scope.Select(id => new ReportedAttainmentUnit { UnitId = id }));
            db.ReportedAttainments.Add(entity);
            added++;
        }

        var valueKeys = (await db.IndicatorValues.Where(v => seedUnitIds.Contains(v.UnitId))
            .Select(v => new { v.UnitId, v.IndicatorId, v.PeriodId }).ToListAsync(ct))
            .Select(v => (v.UnitId, v.IndicatorId, v.PeriodId)).ToHashSet();
        var seededValues = new List<IndicatorValue>();
        foreach (var v in data.IndicatorValues)
        {
            var (unit, indicator, period) = (units[v.Unit], indicators[v.Indicator], periods[v.Period]);
            if (!valueKeys.Add((unit.Id, indicator.Id, period.Id)))
            {
                continue;
            }

            seededValues.Add(db.IndicatorValues.Add(new IndicatorValue
            {
                Unit = unit, Indicator = indicator, Period = period, Value = v.Value, Qualifier = v.Qualifier, AsOf = v.AsOf,
                Note = v.Note, Source = sources[v.Source], Version = 1,
            }).Entity);
            added++;
        }

        var povertyKeys = (await db.PovertyRecords.Where(p => seedUnitIds.Contains(p.UnitId))
            .Select(p => new { p.UnitId, p.PeriodId, p.StandardId }).ToListAsync(ct))
            .Select(p => (p.UnitId, p.PeriodId, p.StandardId)).ToHashSet();
        foreach (var p in data.PovertyRecords)
        {
            var (unit, period, standard) = (units[p.Unit], periods[p.Period], standards[p.Standard]);
            if (!povertyKeys.Add((unit.Id, period.Id, standard.Id)))
            {
                continue;
            }

            db.PovertyRecords.Add(new PovertyRecord
            {
                Unit = unit, Period = period, Standard = standard, AsOf = p.AsOf, HouseholdsTotal = p.HouseholdsTotal,
                PoorHouseholds = p.PoorHouseholds, NearPoorHouseholds = p.NearPoorHouseholds, ReportedPoorRate = p.ReportedPoorRate,
                ReportedNearPoorRate = p.ReportedNearPoorRate, Note = p.Note, Source = sources[p.Source],
            });
            added++;
        }

        var capitalKeys = (await db.CapitalFigures.IgnoreQueryFilters().Where(c => seedUnitIds.Contains(c.UnitId))
            .Select(c => new { c.ProgrammeId, c.UnitId, c.PeriodId, c.Measure, c.SourceId }).ToListAsync(ct))
            .Select(c => (c.ProgrammeId, c.UnitId, c.PeriodId, c.Measure, c.SourceId)).ToHashSet();
        foreach (var c in data.CapitalFigures)
        {
            var (programme, unit, period, source) = (programmes[c.Programme], units[c.Unit], periods[c.Period], sources[c.Source]);
            if (!capitalKeys.Add((programme.Id, unit.Id, period.Id, c.Measure, (int?)source.Id)))
            {
                continue;
            }

            db.CapitalFigures.Add(new CapitalFigure
            {
                Programme = programme, Project = c.Project is { } n ? programme.Projects.Single(p => p.Number == n) : null,
                Unit = unit, Period = period, Measure = c.Measure, Kind = c.Kind, FundingSource = c.FundingSource, AmountVnd = c.AmountVnd,
                Qualifier = c.Qualifier, WorksCount = c.WorksCount, AsOf = c.AsOf, Description = c.Description, Source = source,
            });
            added++;
        }

        var targetKeys = (await db.Targets.Where(t => seedUnitIds.Contains(t.UnitId))
            .Select(t => new { t.UnitId, t.IndicatorId, t.Year }).ToListAsync(ct))
            .Select(t => (t.UnitId, t.IndicatorId, t.Year)).ToHashSet();
        foreach (var t in data.Targets)
        {
            var (unit, indicator) = (units[t.Unit], indicators[t.Indicator]);
            if (!targetKeys.Add((unit.Id, indicator.Id, t.Year)))
            {
                continue;
            }

            db.Targets.Add(new Target
            {
                Unit = unit, Indicator = indicator, Year = t.Year, Comparator = t.Comparator, Value = t.Value, Note = t.Note, Source = sources[t.Source],
            });
            added++;
        }

        var highlightKeys = (await db.ReportHighlights.Where(h => seedUnitIds.Contains(h.UnitId))
            .Select(h => new { h.UnitId, h.PeriodId, h.Topic }).ToListAsync(ct))
            .Select(h => (h.UnitId, h.PeriodId, h.Topic)).ToHashSet();
        var sort = 0;
        foreach (var h in data.Highlights)
        {
            sort++;
            var (unit, period) = (units[h.Unit], periods[h.Period]);
            if (!highlightKeys.Add((unit.Id, period.Id, h.Topic)))
            {
                continue;
            }

            db.ReportHighlights.Add(new ReportHighlight
            {
                Programme = h.Programme is null ? null : programmes[h.Programme], Unit = unit, Period = period, Topic = h.Topic,
                Text = h.Text, SortOrder = sort, Source = sources[h.Source],
            });
            added++;
        }

        await db.SaveChangesAsync(ct);

        // The attainment read model of the values just seeded (and of rows from before it held its counts), in the same transaction.
        var setOf = await db.Indicators.AsNoTracking().Select(i => new { i.Id, i.Criterion.CriteriaSetId }).ToDictionaryAsync(i => i.Id, i => i.CriteriaSetId, ct);
        await new SummaryUpdater(db).RefreshAsync(seededValues.Select(v => (v.UnitId, v.PeriodId, setOf[v.IndicatorId])).Distinct().ToList(), ct);
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static string ReportedKey(int setId, int periodId, ReportedKind kind, IEnumerable<int> units) =>
        $"{setId}|{periodId}|{kind}|{string.Join(',', units.Order())}";
}
