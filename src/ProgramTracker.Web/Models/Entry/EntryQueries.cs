using ProgramTracker.Core.Periods;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.Entry;

/// <summary>An entry address's quarter and the entry forms' reads.</summary>
public sealed class EntryQueries(ProgramTrackerDbContext db, CurrentCatalogue catalogue)
{
    /// <summary>
    /// The stored quarter of an entry address, read afresh (its lock and deadline); the unit and the quarter are bound and
    /// known before (UnitAttribute, PeriodAttribute). Null when the quarter went since.
    /// </summary>
    public Task<ReportingPeriod?> PeriodAsync(PeriodKey quarter, CancellationToken ct) =>
        db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Year == quarter.Year && p.Quarter == quarter.Quarter, ct);

    /// <summary>
    /// Builds the form from stored values: a fixed number of queries whatever the catalogue's size. Only the sets
    /// valid in the period are offered, each with the version in force then and the thresholds of the unit's zone.
    /// </summary>
    public async Task<EntryPageModel> PageAsync(UnitHeader unit, ReportingPeriod period, CancellationToken ct) =>
        (await PagesAsync([unit], period, ct))[0];

    /// <summary>
    /// What a workflow step posted from the form needs of it, from the catalogue snapshot (no query): the sets the form shows (in
    /// force in the period at the unit's level, with indicators for the unit, as <see cref="PagesAsync"/> picks them), whether
    /// the unit existed then, and the form's address. A step used to build the whole form (five queries and every row) for this.
    /// </summary>
    public async Task<EntryTarget> TargetAsync(UnitHeader unit, ReportingPeriod period, CancellationToken ct)
    {
        var sets = FormSets(await catalogue.GetAsync(ct), unit, period).Where(s => s.Rules.Indicators.Count > 0).Select(s => s.Set.Id).ToHashSet();
        return new EntryTarget(sets, AdministrativeUnit.Overlaps(unit.ValidFrom, unit.ValidTo, period.StartsOn, period.EndsOn),
            Infrastructure.Links.Entry(unit.Kind, unit.Slug, period.Code));
    }

    /// <summary>
    /// The sets in force in the period at the unit's level, in order, each with its rules for the unit (the version then, the
    /// thresholds of its zone), from the catalogue snapshot (ADR 0010): no query. The form shows those with indicators.
    /// </summary>
    private static List<(SetNode Set, SetRules Rules)> FormSets(CatalogueSnapshot snapshot, UnitHeader unit, ReportingPeriod period)
    {
        var level = unit.Kind == UnitKind.District ? UnitLevel.District : UnitLevel.Commune;
        return snapshot.Sets.Where(s => s.Level == level && s.InForce(period.StartsOn, period.EndsOn)).OrderBy(s => s.SortOrder)
            .Select(s => (s, snapshot.Rules.For(s.Id, unit.Id, period.StartsOn))).ToList();
    }

    /// <summary>
    /// The forms of several units for one period (a reviewer's workbook: a district and its communes) with the same
    /// rules and the same fixed number of queries as one form: each query reads every unit at once.
    /// </summary>
    public async Task<IReadOnlyList<EntryPageModel>> PagesAsync(IReadOnlyList<UnitHeader> units, ReportingPeriod period, CancellationToken ct)
    {
        var unitIds = units.Select(u => u.Id).Distinct().ToList();
        // The quarters, the sets in force with their rules, and the indicators' names from the catalogue snapshot (ADR 0010): no
        // query (issue 24: the form and its POST read only the unit's values, submissions and flags).
        var snapshot = await catalogue.GetAsync(ct);
        var periods = snapshot.Quarters;
        var previous = periods.FirstOrDefault(p => p.Year < period.Year || (p.Year == period.Year && p.Quarter < period.Quarter));
        var (starts, ends) = (period.StartsOn, period.EndsOn);
        var setsOf = units.DistinctBy(u => u.Id).ToDictionary(u => u.Id, u => FormSets(snapshot, u, period));
        var indicators = snapshot.Indicators;

        var periodIds = previous is null ? new[] { period.Id } : [period.Id, previous.Id];
        var values = (await db.IndicatorValues.AsNoTracking()
                .Where(v => unitIds.Contains(v.UnitId) && periodIds.Contains(v.PeriodId))
                .Select(v => new { v.UnitId, v.IndicatorId, v.PeriodId, v.Value, v.Qualifier, v.Note, v.Version, v.UpdatedBy, v.UpdatedAtUtc })
                .ToListAsync(ct))
            .ToLookup(v => v.UnitId);

        var submissions = (await db.Submissions.AsNoTracking()
                .Where(s => unitIds.Contains(s.UnitId) && s.PeriodId == period.Id)
                .ToListAsync(ct))
            .ToLookup(s => s.UnitId);

        var flags = (await db.ValueFlags.AsNoTracking()
                .Where(fl => unitIds.Contains(fl.UnitId) && fl.PeriodId == period.Id)
                .Select(fl => new { fl.UnitId, fl.IndicatorId, fl.Value, fl.Measure, fl.Rule, fl.FollowUp, fl.FollowUpClosed })
                .ToListAsync(ct))
            .ToLookup(fl => (fl.UnitId, fl.IndicatorId));

        return units.Select(unit =>
        {
            var sets = setsOf[unit.Id].Select(s => s.Set).ToList();
            var rules = setsOf[unit.Id].ToDictionary(s => s.Set.Id, s => s.Rules);
            var unitValues = values[unit.Id].ToList();
            var current = unitValues.Where(v => v.PeriodId == period.Id).ToDictionary(v => v.IndicatorId);
            var before = unitValues.Where(v => v.PeriodId == previous?.Id).ToDictionary(v => v.IndicatorId);
            var unitSubmissions = submissions[unit.Id].ToDictionary(s => s.CriteriaSetId);

            var index = 0;
            var entrySets = sets.Where(s => rules[s.Id].Indicators.Count > 0).Select(set =>
            {
                unitSubmissions.TryGetValue(set.Id, out var s);
                var setRules = rules[set.Id];
                var criteria = setRules.Indicators
                    .Select(r => (Rule: r, Info: indicators[r.IndicatorId]))
                    .OrderBy(x => x.Info.CriterionNumber).ThenBy(x => x.Info.SortOrder)
                    .GroupBy(x => (x.Info.CriterionNumber, x.Info.CriterionName, x.Info.GroupName, x.Info.CriterionNameEn))
                    .Select(c => new EntryCriterion(c.Key.CriterionNumber, c.Key.CriterionName, c.Key.GroupName,
                        c.Select(x =>
                        {
                            var (rule, i) = x;
                            current.TryGetValue(i.Id, out var v);
                            before.TryGetValue(i.Id, out var p);
                            return new EntryRow
                            {
                                IndicatorId = i.Id, Index = index++, Code = i.Code, Name = i.Name, NameEn = i.NameEn, Unit = i.Unit, ValueType = i.ValueType,
                                Comparator = rule.Comparator, Threshold = rule.Threshold, ThresholdText = rule.ThresholdText, ThresholdWhy = rule.Why,
                                PreviousValue = p?.Value, StoredValue = v?.Value,
                                StoredQualifier = v?.Qualifier ?? ValueQualifier.None, StoredBy = v?.UpdatedBy, StoredAtUtc = v?.UpdatedAtUtc,
                                Status = AttainmentRules.Evaluate(i.ValueType, rule.Comparator, rule.Threshold, v?.Value),
                                Raw = RawOf(v?.Value, i.ValueType), Note = v?.Note, Version = v?.Version ?? 0,
                                Warnings = flags[(unit.Id, i.Id)].Where(fl => fl.Value == v?.Value)
                                    .Select(fl => ProgramTracker.Core.Validation.ValueChecks.Describe(fl.Rule, fl.Measure, Formats.Current)).ToList(),
                                FollowUp = flags[(unit.Id, i.Id)].Any(fl => fl.FollowUp && !fl.FollowUpClosed),
                            };
                        }).ToList(), c.Key.CriterionNameEn)).ToList();
                return new EntrySet(set.Id, set.Code, set.Name, set.DeclaredCriteria, set.DeclaredIndicators,
                    s?.Status ?? SubmissionStatus.Draft, s?.Comment, s?.SubmittedBy, s?.SubmittedAtUtc, s?.ReviewedBy, s?.ReviewedAtUtc, criteria,
                    setRules.Version?.Number, set.NameEn);
            }).ToList();

            return new EntryPageModel
            {
                // The period picker offers only quarters in which the unit existed (xã Ba Chẽ from 01/07/2025: not 2022), and the one shown.
                Unit = unit, Period = period, PreviousPeriod = previous,
                Periods = periods.Where(p => p.Id == period.Id || AdministrativeUnit.Overlaps(unit.ValidFrom, unit.ValidTo, p.StartsOn, p.EndsOn)).ToList(),
                Sets = entrySets,
                UnitValidInPeriod = AdministrativeUnit.Overlaps(unit.ValidFrom, unit.ValidTo, starts, ends),
                SetsWithoutIndicators = sets.Where(s => rules[s.Id].Indicators.Count == 0).Select(s => (s.Code, s.Name)).ToList(),
            };
        }).ToList();
    }

    /// <summary>The text a cell shows for a stored value: "14,5", or "1"/"0" for đạt/không đạt selects.</summary>
    public static string? RawOf(decimal? value, ProgramTracker.Core.Domain.ValueKind type) =>
        value is not { } v ? null
        : type == ProgramTracker.Core.Domain.ValueKind.Boolean ? (v == 1 ? "1" : "0")
        : Formats.Current.Editable(v);
}

/// <summary>The form a workflow step is posted from: its sets, whether the unit existed in the period, its address.</summary>
public sealed record EntryTarget(IReadOnlySet<int> SetIds, bool UnitValidInPeriod, string EntryPath);
