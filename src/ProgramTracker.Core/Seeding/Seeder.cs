using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Seeding;

/// <summary>
/// Writes seed data in one transaction. Idempotent: a record whose natural key exists is left as it is,
/// so a second start adds nothing and never overwrites what users have entered since.
/// </summary>
public sealed class Seeder(ProgramTrackerDbContext db)
{
    public async Task<int> SeedAsync(SeedData data, CancellationToken ct = default)
    {
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
                Slug = u.Slug, Name = u.Name, Kind = u.Kind, ValidFrom = u.ValidFrom, ValidTo = u.ValidTo, Note = u.Note,
                Parent = u.Parent is null ? null : units[u.Parent],
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
                    Code = p.Code, Name = p.Name, LocalName = p.LocalName, LegalBasis = p.LegalBasis, Phase = p.Phase,
                    SortOrder = p.SortOrder, Source = sources[p.Source],
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
        var indicators = sets.Values.SelectMany(s => s.Criteria).SelectMany(c => c.Indicators).ToDictionary(i => i.Code);
        foreach (var s in data.CriteriaSets)
        {
            if (!sets.TryGetValue(s.Code, out var set))
            {
                set = new CriteriaSet
                {
                    Code = s.Code, Name = s.Name, Programme = programmes[s.Programme], Level = s.Level, Tier = s.Tier, Phase = s.Phase,
                    LegalBasis = s.LegalBasis, DeclaredCriteria = s.DeclaredCriteria, DeclaredIndicators = s.DeclaredIndicators,
                    ValidFrom = s.ValidFrom, ValidTo = s.ValidTo, SortOrder = s.SortOrder, Note = s.Note, Source = sources[s.Source],
                };
                db.CriteriaSets.Add(set);
                sets[s.Code] = set;
                added++;
            }

            foreach (var c in s.Criteria)
            {
                var criterion = set.Criteria.FirstOrDefault(x => x.Number == c.Number);
                if (criterion is null)
                {
                    criterion = new Criterion { Number = c.Number, Name = c.Name, GroupName = c.Group };
                    set.Criteria.Add(criterion);
                    added++;
                }

                var order = 0;
                foreach (var i in c.Indicators ?? [])
                {
                    order++;
                    if (indicators.ContainsKey(i.Code))
                    {
                        continue;
                    }

                    var indicator = new Indicator
                    {
                        Code = i.Code, Name = i.Name, Unit = i.Unit, ValueType = i.ValueType, Comparator = i.Comparator,
                        Threshold = i.Threshold, Frequency = i.Frequency, Note = i.Note, SortOrder = order,
                    };
                    criterion.Indicators.Add(indicator);
                    indicators[i.Code] = indicator;
                    added++;
                }
            }
        }

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
        await tx.CommitAsync(ct);
        return added;
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
        var now = DateTime.UtcNow;
        foreach (var v in data.IndicatorValues)
        {
            var (unit, indicator, period) = (units[v.Unit], indicators[v.Indicator], periods[v.Period]);
            if (!valueKeys.Add((unit.Id, indicator.Id, period.Id)))
            {
                continue;
            }

            db.IndicatorValues.Add(new IndicatorValue
            {
                Unit = unit, Indicator = indicator, Period = period, Value = v.Value, Qualifier = v.Qualifier, AsOf = v.AsOf,
                Note = v.Note, Source = sources[v.Source], UpdatedBy = "seed", UpdatedAtUtc = now, Version = 1,
            });
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

        var capitalKeys = (await db.CapitalFigures.Where(c => seedUnitIds.Contains(c.UnitId))
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
        return added;
    }

    private static string ReportedKey(int setId, int periodId, ReportedKind kind, IEnumerable<int> units) =>
        $"{setId}|{periodId}|{kind}|{string.Join(',', units.Order())}";
}
