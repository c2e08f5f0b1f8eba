using ProgramTracker.Core.Periods;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Poverty;
using ProgramTracker.Web.Models.Dashboard;

namespace ProgramTracker.Web.Models.Units;

/// <summary>
/// Reads for commune and district pages. A page costs a fixed number of queries whatever the size of the country:
/// units, periods, sets, rules, indicators and reorganisations come from the catalogue snapshot; only the unit's
/// figures are read from the database.
/// </summary>
public sealed class UnitQueries(ProgramTrackerDbContext db, CurrentCatalogue catalogue)
{
    /// <summary>A commune-level unit (communeLevel) or a district, province or city (the /districts/ pages), by slug.</summary>
    public Task<UnitHeader?> FindAsync(string slug, bool communeLevel, CancellationToken ct) =>
        FindAsync(slug, communeLevel ? Infrastructure.UnitTier.CommuneLevel : Infrastructure.UnitTier.Upper, ct);

    /// <summary>A unit of the tier by slug (any tier: every unit but the synthetic ones), from the catalogue snapshot only.</summary>
    public async Task<UnitHeader?> FindAsync(string slug, Infrastructure.UnitTier tier, CancellationToken ct)
    {
        UnitKind[] kinds = tier switch
        {
            Infrastructure.UnitTier.CommuneLevel => AdministrativeUnit.CommuneLevelKinds,
            Infrastructure.UnitTier.Upper => [UnitKind.District, UnitKind.Province, UnitKind.City],
            _ => Enum.GetValues<UnitKind>(),
        };
        var snapshot = await catalogue.GetAsync(ct);
        if (snapshot.Unit(slug) is not { } u || !kinds.Contains(u.Kind) || (tier == Infrastructure.UnitTier.Any && u.IsSynthetic))
        {
            return null;
        }

        var parent = u.ParentId is { } p ? snapshot.Unit(p) : null;
        return new UnitHeader(u.Id, u.Slug, u.Name, u.Kind, AdministrativeUnit.FullNameOf(u.Kind, u.Name),
            parent is null ? null : AdministrativeUnit.FullNameOf(parent.Kind, parent.Name), parent?.Slug, u.ValidTo, u.Note, u.ValidFrom, u.StatisticsCode, parent?.Kind);
    }

    /// <summary>
    /// The reorganisations a unit took part in: the units it went into, and the units (transitively) that went into
    /// it, with their reported figures labelled by their own names. Figures of predecessors are never added up.
    /// </summary>
    public async Task<UnitLineage> LineageAsync(int unitId, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        var successors = snapshot.PartsFrom(unitId)
            .Select(p => (Part: p, Unit: snapshot.Unit(p.SuccessorId)!))
            .Select(x => new LineageLink(x.Unit.Slug, AdministrativeUnit.FullNameOf(x.Unit.Kind, x.Unit.Name), true, x.Part.Whole, x.Part.ActNumber, x.Part.EffectiveOn, null))
            .ToList();
        var predecessors = new List<LineageLink>();
        var seen = new HashSet<int> { unitId };
        var generation = new List<int> { unitId };
        for (var depth = 0; generation.Count > 0 && depth < 10; depth++)
        {
            var found = generation.Order().SelectMany(snapshot.PartsInto).ToList();
            generation = [];
            foreach (var p in found)
            {
                var predecessor = p.PredecessorId is { } pid ? snapshot.Unit(pid) : null;
                predecessors.Add(new LineageLink(predecessor?.Slug, p.PredecessorName, predecessor is not null && AdministrativeUnit.IsCommuneLevelKind(predecessor.Kind),
                    p.Whole, p.ActNumber, p.EffectiveOn, depth == 0 ? null : snapshot.Unit(p.SuccessorId)!.Name));
                if (p.PredecessorId is { } id && seen.Add(id))
                {
                    generation.Add(id);
                }
            }
        }

        var ids = seen.Where(id => id != unitId).ToList();
        var history = ids.Count == 0 ? [] : (await db.Set<ReportedAttainmentUnit>().AsNoTracking()
                .Where(s => ids.Contains(s.UnitId) && s.ReportedAttainment.Kind != ReportedKind.UnitsAchieved)
                .OrderBy(s => s.UnitId).ThenByDescending(s => s.ReportedAttainment.AsOf)
                .Select(s => new
                {
                    s.Unit.Slug, UnitKind = s.Unit.Kind, s.Unit.Name, s.ReportedAttainment.Period.Year, s.ReportedAttainment.Period.Quarter, s.ReportedAttainment.AsOf,
                    s.ReportedAttainment.Kind, SetName = s.ReportedAttainment.CriteriaSet.Name, s.ReportedAttainment.CriteriaMet, s.ReportedAttainment.IndicatorsMet,
                    s.ReportedAttainment.CriteriaSet.DeclaredCriteria, s.ReportedAttainment.CriteriaSet.DeclaredIndicators, s.ReportedAttainment.Source,
                })
                .ToListAsync(ct))
            .Select(r => new PredecessorFigure(r.Slug, AdministrativeUnit.FullNameOf(r.UnitKind, r.Name), r.SetName, PeriodLabel(r.Year, r.Quarter), r.AsOf,
                MetCountsText(r.CriteriaMet, r.DeclaredCriteria, r.IndicatorsMet, r.DeclaredIndicators), r.Kind == ReportedKind.GroupAverage, SourceRef.From(r.Source)!))
            .ToList();
        return new UnitLineage(successors, predecessors, history);
    }

    /// <summary>
    /// The unit's page for a quarter, a stored year, or a half-year or year combined from its quarters (issue 26.1); null
    /// (the caller answers 404) for a half-year or year none of whose quarters the portal has opened.
    /// </summary>
    public async Task<UnitPageModel?> PageAsync(UnitHeader unit, string? periodCode, CancellationToken ct)
    {
        var level = unit.Kind == UnitKind.District ? UnitLevel.District : UnitLevel.Commune;
        var snapshot = await catalogue.GetAsync(ct);
        var periods = snapshot.Periods.ToList();
        var stored = periods.Select(p => new DashPeriod(p.Id, p.Year, p.Quarter)).OrderBy(p => p.SortKey).ToList();
        UnitWindowScope? window = null;
        // A period that does not parse is left out: the page picks the default one (a hand-edited address never fails).
        PeriodKey? named = PeriodKey.TryParse(periodCode, out var key) ? key : null;
        if (named is not null && key.Span != PeriodSpan.Quarter)
        {
            window = UnitWindowScope.Of(key, stored);
            if (window is null && (key.Span == PeriodSpan.Half || !periods.Any(p => p.Year == key.Year && p.Quarter is null)))
            {
                return null;
            }
        }

        // A window's stored year (if any) stands as the page's period for the links that take a stored one; a half-year has none.
        var period = window is not null
            ? periods.FirstOrDefault(p => p.Id == window.StoredYear?.Id)
            : await SelectPeriodAsync(unit.Id, periods, named, ct);
        var readIds = window?.PeriodIds ?? (period is null ? [] : [period.Id]);

        // The sets of the unit's level that were in force at some time while the unit existed.
        var (unitFrom, unitTo) = (unit.ValidFrom, unit.ValidTo);
        var sets = snapshot.Sets
            .Where(s => s.Level == level && (unitTo == null || s.ValidFrom == null || s.ValidFrom <= unitTo) && (unitFrom == null || s.ValidTo == null || s.ValidTo >= unitFrom))
            .OrderBy(s => s.SortOrder)
            .ToList();
        var book = snapshot.Rules;
        var ruleDay = window?.RuleDay ?? period?.StartsOn ?? DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var setRules = sets.ToDictionary(s => s.Id, s => book.For(s.Id, unit.Id, ruleDay));
        var names = snapshot.Indicators;

        // The unit's sourced figures and every value of the period, in one query: the period's values are also what
        // the computed attainment judges.
        var figureRows = await db.IndicatorValues.AsNoTracking()
                .Where(v => v.UnitId == unit.Id && (v.SourceId != null || readIds.Contains(v.PeriodId)))
                .OrderBy(v => v.Indicator.Criterion.CriteriaSet.SortOrder).ThenBy(v => v.Indicator.SortOrder).ThenByDescending(v => v.Period.Year)
                .Select(v => new
                {
                    v.IndicatorId, v.Indicator.Code, v.Indicator.Name, v.Indicator.Unit, v.Indicator.ValueType, v.Period.Year, v.Period.Quarter,
                    v.Value, v.Qualifier, v.AsOf, v.Note, v.Source, v.PeriodId, SetId = v.Indicator.Criterion.CriteriaSetId, v.Indicator.CombineReason,
                })
                .ToListAsync(ct);
        var valueMap = period is null || window is not null ? [] : figureRows.Where(v => v.PeriodId == period.Id).ToDictionary(v => v.IndicatorId, v => v.Value);
        var windowRaw = window is null ? [] : figureRows.Where(v => window.PeriodIds.Contains(v.PeriodId)).Select(v => new WindowRawValue(v.PeriodId, v.IndicatorId, v.SetId, v.Value)).ToList();
        QuarterCombine RuleOf(int id) => names.TryGetValue(id, out var node) ? node.Combine : QuarterCombine.Last;
        var windowValues = new Dictionary<int, SetWindowValues>();
        var figures = figureRows
            .Select(v => new IndicatorFigure(v.IndicatorId, v.Code, v.Name, v.Unit, v.ValueType, PeriodLabel(v.Year, v.Quarter), v.Value, v.Qualifier,
                v.AsOf, v.Note, SourceRef.From(v.Source)))
            .ToList();


        var reported = await db.ReportedAttainments.AsNoTracking()
            .Where(r => r.Scope.Any(s => s.UnitId == unit.Id))
            .OrderByDescending(r => r.AsOf)
            .Select(r => new
            {
                r.CriteriaSetId, r.Period.Year, r.Period.Quarter, r.AsOf, r.Kind, r.CriteriaMet, r.IndicatorsMet, r.UnitsAchieved, r.Note, r.Source,
                Scope = r.Scope.OrderBy(s => s.UnitId).Select(s => new { s.Unit.Kind, s.Unit.Name }).ToList(),
            })
            .ToListAsync(ct);

        var blocks = sets.Select(s =>
        {
            var rules = setRules[s.Id];
            ComputedBlock? computed = null;
            var (starts, ends) = window is not null ? (window.Period.StartsOn, window.Period.EndsOn) : period is null ? (DateOnly.MaxValue, DateOnly.MinValue) : (period.StartsOn, period.EndsOn);
            var inForce = (window is not null || period is not null) && (s.ValidFrom == null || s.ValidFrom <= ends) && (s.ValidTo == null || s.ValidTo >= starts);
            if (window is not null && inForce)
            {
                // A half-year or a year: the quarters' values combined by each indicator's rule, judged as a quarter's are.
                var combined = windowValues[s.Id] = window.Combine(s.Id, windowRaw, RuleOf);
                if (rules.Indicators.Count > 0 && UnitWindowScope.Judge(rules, combined, s.DeclaredCriteria, s.DeclaredIndicators) is { } judged)
                {
                    var byId = rules.Indicators.ToDictionary(r => r.IndicatorId);
                    computed = new ComputedBlock(
                        judged.Attainment,
                        judged.Attainment.Gaps.Select(g => new GapRow(g.IndicatorId, names[g.IndicatorId].Name, names[g.IndicatorId].Unit, byId[g.IndicatorId].ValueType,
                            g.Value, g.Threshold, g.Comparator, g.Distance)).ToList(),
                        judged.WithValue,
                        combined.MissingQuarters);
                }
            }
            else if (rules.Indicators.Count > 0 && inForce)
            {
                var setValues = rules.Indicators.Where(r => valueMap.ContainsKey(r.IndicatorId)).ToDictionary(r => r.IndicatorId, r => valueMap[r.IndicatorId]);
                var attainment = AttainmentRules.Evaluate(rules.CriterionIds, rules.Indicators, setValues, s.DeclaredCriteria, s.DeclaredIndicators);
                var byId = rules.Indicators.ToDictionary(r => r.IndicatorId);
                computed = new ComputedBlock(
                    attainment,
                    attainment.Gaps.Select(g => new GapRow(g.IndicatorId, names[g.IndicatorId].Name, names[g.IndicatorId].Unit, byId[g.IndicatorId].ValueType,
                        g.Value, g.Threshold, g.Comparator, g.Distance)).ToList(),
                    setValues.Count);
            }

            return new SetBlock(s.Code, s.Name, s.ProgrammeCode, s.Tier, s.DeclaredCriteria, s.DeclaredIndicators, rules.Indicators.Count, s.ValidFrom,
                reported.Where(r => r.CriteriaSetId == s.Id)
                    .Select(r => new ReportedRow(PeriodLabel(r.Year, r.Quarter), r.AsOf, r.Kind, r.CriteriaMet, r.IndicatorsMet, r.UnitsAchieved,
                        r.Scope.Select(u => AdministrativeUnit.FullNameOf(u.Kind, u.Name)).ToList(), r.Note, SourceRef.From(r.Source)!))
                    .ToList(),
                computed,
                s.NameEn);
        }).ToList();

        var poverty = (await db.PovertyRecords.AsNoTracking()
                .Where(p => p.UnitId == unit.Id)
                .OrderByDescending(p => p.Period.Year).ThenByDescending(p => p.Period.Quarter).ThenBy(p => p.Standard.SortOrder)
                .Select(p => new { p.Standard.Name, p.Standard.Code, p.Period.Year, p.Period.Quarter, p.AsOf, p.HouseholdsTotal, p.PoorHouseholds, p.NearPoorHouseholds, p.ReportedPoorRate, p.ReportedNearPoorRate, p.Source })
                .ToListAsync(ct))
            .Select(p =>
            {
                var rates = PovertyRates.Of(p.HouseholdsTotal, p.PoorHouseholds, p.NearPoorHouseholds, p.ReportedPoorRate, p.ReportedNearPoorRate);
                return new PovertyFigure(p.Name, p.Code, PeriodLabel(p.Year, p.Quarter), p.AsOf, rates.Poor, rates.NearPoor, rates.FromCounts,
                    p.HouseholdsTotal, p.PoorHouseholds, p.NearPoorHouseholds, SourceRef.From(p.Source));
            })
            .ToList();

        var capital = (await db.CapitalFigures.AsNoTracking()
                .Where(c => c.UnitId == unit.Id)
                .OrderBy(c => c.Programme.SortOrder).ThenBy(c => c.Measure)
                .Select(c => new { c.Programme.Code, c.Programme.Name, Project = c.Project != null ? c.Project.Name : null, c.Period.Year, c.Period.Quarter, c.Measure, c.Kind, c.FundingSource, c.AmountVnd, c.Qualifier, c.WorksCount, c.AsOf, c.Description, c.Source })
                .ToListAsync(ct))
            .Select(c => new CapitalRow(c.Code, c.Name, c.Project, PeriodLabel(c.Year, c.Quarter), c.Measure, c.Kind, c.FundingSource, c.AmountVnd, c.Qualifier,
                c.WorksCount, c.AsOf, c.Description, SourceRef.From(c.Source)))
            .ToList();

        var targets = await TargetsAsync(unit.Id, ct);

        var highlights = (await db.ReportHighlights.AsNoTracking()
                .Where(h => h.UnitId == unit.Id)
                .OrderBy(h => h.SortOrder)
                .Select(h => new { Programme = h.Programme != null ? h.Programme.Code : null, h.Topic, h.Text, h.Period.Year, h.Period.Quarter, h.Source })
                .ToListAsync(ct))
            .Select(h => new HighlightRow(h.Programme, h.Topic, h.Text, PeriodLabel(h.Year, h.Quarter), SourceRef.From(h.Source)!))
            .ToList();

        var children = unit.Kind == UnitKind.District || AdministrativeUnit.IsProvinceLevelKind(unit.Kind) ? await ChildrenAsync(unit.Id, ct) : [];

        var windowModel = window is null ? null : WindowModel(window, sets, windowValues, figureRows.Where(v => window.PeriodIds.Contains(v.PeriodId))
            .Select(v => (v.IndicatorId, v.PeriodId, v.Value, v.CombineReason)).ToList(), snapshot);
        return new UnitPageModel(unit, period, periods, blocks, figures, poverty, capital, targets, highlights, children, await LineageAsync(unit.Id, ct),
            windowModel, DashPeriod.Picker(stored));
    }

    /// <summary>The window's part of the page: per set the quarters missing, per indicator its quarters and its combined value.</summary>
    private static UnitWindow WindowModel(UnitWindowScope window, IReadOnlyList<SetNode> sets, Dictionary<int, SetWindowValues> values,
        List<(int IndicatorId, int PeriodId, decimal? Value, string? Reason)> read, CatalogueSnapshot snapshot)
    {
        var reasons = read.GroupBy(r => r.IndicatorId).ToDictionary(g => g.Key, g => g.First().Reason);
        var notes = new List<WindowSetNote>();
        var rows = new List<WindowIndicatorRow>();
        foreach (var set in sets.Where(s => values.ContainsKey(s.Id)))
        {
            var v = values[set.Id];
            notes.Add(new WindowSetNote(set.Code, set.Name, set.NameEn, v.MissingQuarters, v.FromStoredYear, v.Values.Values.Any(c => c.Value is not null)));
            foreach (var (indicatorId, combined) in v.Values.Where(x => snapshot.Indicators.ContainsKey(x.Key))
                         .OrderBy(x => snapshot.Indicators[x.Key].CriterionId).ThenBy(x => snapshot.Indicators[x.Key].SortOrder))
            {
                var node = snapshot.Indicators[indicatorId];
                var byQuarter = read.Where(r => r.IndicatorId == indicatorId && window.QuarterOf.ContainsKey(r.PeriodId))
                    .GroupBy(r => window.QuarterOf[r.PeriodId]).ToDictionary(g => g.Key, g => g.First().Value);
                rows.Add(new WindowIndicatorRow(indicatorId, set.Code, node.Name, node.Unit, node.ValueType, node.Combine, reasons.GetValueOrDefault(indicatorId),
                    byQuarter, combined, v.FromStoredYear));
            }
        }

        return new UnitWindow(window.Period, window.Quarters.Select(q => q.Quarter!.Value).ToList(), notes, rows);
    }

    /// <summary>The communes and towns the user may read, grouped by district.</summary>
    public async Task<IReadOnlyList<CommuneListRow>> CommunesAsync(ReadScope scope, CancellationToken ct)
    {
        var kinds = AdministrativeUnit.CommuneLevelKinds;
        var units = db.Units.AsNoTracking().Where(u => kinds.Contains(u.Kind) && u.Parent != null);
        if (!scope.All)
        {
            var readable = scope.UnitIds;
            units = units.Where(u => readable.Contains(u.Id));
        }

        var communes = await units
            .OrderBy(u => u.ParentId).ThenBy(u => u.Kind).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Slug, u.Kind, u.Name, District = u.Parent!.Name, ParentKind = u.Parent.Kind, DistrictSlug = u.Parent.Slug, u.ValidFrom, u.ValidTo })
            .ToListAsync(ct);
        var latest = await LatestReportedAsync(communes.Select(c => c.Id).ToList(), ct);
        return communes.Select(c => new CommuneListRow(c.Slug, AdministrativeUnit.FullNameOf(c.Kind, c.Name), AdministrativeUnit.FullNameOf(c.ParentKind, c.District), c.DistrictSlug,
            latest.TryGetValue(c.Id, out var l) ? l : [], c.ValidFrom, c.ValidTo)).ToList();
    }

    private async Task<IReadOnlyList<ChildUnitRow>> ChildrenAsync(int districtId, CancellationToken ct)
    {
        var children = (await catalogue.GetAsync(ct)).ChildrenOf(districtId).ToList();
        var latest = await LatestReportedAsync(children.Select(c => c.Id).ToList(), ct);
        return children.Select(c => new ChildUnitRow(c.Slug, AdministrativeUnit.FullNameOf(c.Kind, c.Name), latest.TryGetValue(c.Id, out var l) ? l : [], c.Kind, c.ValidFrom, c.ValidTo)).ToList();
    }

    /// <summary>Per unit, the latest reported criteria/indicator figures, one line per set ("NTM nâng cao: 16/19 tiêu chí, 72/75 chỉ tiêu").</summary>
    internal async Task<Dictionary<int, IReadOnlyList<string>>> LatestReportedAsync(List<int> unitIds, CancellationToken ct)
    {
        var rows = await db.Set<ReportedAttainmentUnit>().AsNoTracking()
            .Where(s => unitIds.Contains(s.UnitId) && s.ReportedAttainment.Kind != ReportedKind.UnitsAchieved)
            .Select(s => new
            {
                s.UnitId, s.ReportedAttainment.AsOf, s.ReportedAttainment.Kind, s.ReportedAttainment.CriteriaMet, s.ReportedAttainment.IndicatorsMet,
                SetName = s.ReportedAttainment.CriteriaSet.Name, SetId = s.ReportedAttainment.CriteriaSetId,
                s.ReportedAttainment.CriteriaSet.DeclaredCriteria, s.ReportedAttainment.CriteriaSet.DeclaredIndicators,
            })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.UnitId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)g.GroupBy(r => r.SetId).Select(s => s.OrderByDescending(r => r.AsOf).First())
                .Select(r => $"{r.SetName}: {MetCountsText(r.CriteriaMet, r.DeclaredCriteria, r.IndicatorsMet, r.DeclaredIndicators)}"
                    + (r.Kind == ReportedKind.GroupAverage ? $" ({Formats.Current["Dash.HowAverage"]})" : ""))
                .ToList());
    }

    private async Task<IReadOnlyList<TargetRow>> TargetsAsync(int unitId, CancellationToken ct)
    {
        var targets = await db.Targets.AsNoTracking()
            .Where(t => t.UnitId == unitId)
            .Select(t => new { t.IndicatorId, t.Indicator.Name, t.Indicator.Unit, t.Year, t.Comparator, t.Value, t.Note, t.Source })
            .ToListAsync(ct);
        if (targets.Count == 0)
        {
            return [];
        }

        var indicatorIds = targets.Select(t => t.IndicatorId).ToList();
        var years = targets.Select(t => t.Year).Distinct().ToList();
        var actuals = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.UnitId == unitId && indicatorIds.Contains(v.IndicatorId) && years.Contains(v.Period.Year) && v.Value != null)
            .Select(v => new { v.IndicatorId, v.Period.Year, v.Period.Quarter, v.Value, v.Qualifier })
            .ToListAsync(ct);
        return targets.Select(t =>
        {
            // The latest value of the target's year stands for the actual.
            var actual = actuals.Where(a => a.IndicatorId == t.IndicatorId && a.Year == t.Year)
                .OrderByDescending(a => ProgramTracker.Core.Periods.PeriodKey.Of(a.Year, a.Quarter).SortKey).FirstOrDefault();
            return new TargetRow(t.IndicatorId, t.Name, t.Unit, t.Year, t.Comparator, t.Value, actual?.Value, actual?.Qualifier ?? ValueQualifier.None,
                actual is null ? null : PeriodLabel(actual.Year, actual.Quarter), t.Note, SourceRef.From(t.Source));
        }).ToList();
    }

    /// <summary>The stored period named (null when none is), else the default one; a half-year never gets here (it is a window).</summary>
    private async Task<ReportingPeriod?> SelectPeriodAsync(int unitId, List<ReportingPeriod> periods, PeriodKey? named, CancellationToken ct)
    {
        if (named is { } key)
        {
            return key.StoredIn(periods);
        }

        // The one default-period rule (Core/Periods/DefaultPeriod).
        var withFigures = await DefaultPeriod.PeriodsWithFiguresAsync(db, [unitId], ct);
        return DefaultPeriod.Pick(periods, p => p.Id, p => DefaultPeriod.SortKey(p.Year, p.Quarter), withFigures);
    }

    /// <summary>"16/19 tiêu chí, 72/75 chỉ tiêu": the met counts against the declared ones, in the reader's language.</summary>
    public static string MetCountsText(decimal? criteriaMet, int? declaredCriteria, decimal? indicatorsMet, int? declaredIndicators)
    {
        var parts = new List<string>();
        if (criteriaMet is not null)
        {
            parts.Add(Formats.Current.Format("Dash.CriteriaRatio", Formats.Current.Ratio(criteriaMet, declaredCriteria)));
        }

        if (indicatorsMet is not null)
        {
            parts.Add(Formats.Current.Format("Dash.IndicatorsRatio", Formats.Current.Ratio(indicatorsMet, declaredIndicators)));
        }

        return string.Join(", ", parts);
    }

    public static string PeriodLabel(int year, int? quarter) => PeriodCode.Label(year, quarter);

    public static string KindLabel(UnitKind kind) => AdministrativeUnit.LabelOf(kind);
}
