using ProgramTracker.Core.Periods;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Poverty;

namespace ProgramTracker.Web.Models.Dashboard;

/// <summary>
/// Loads the dashboard of an upper unit (a province, a city, or a district before 01/07/2025), block by block. Every figure is aggregated or projected in the database, and the number of
/// queries is fixed (9, one more for the summary's highlights, one more when no period is named, one more for
/// approved figures only) whatever the number of communes; units, periods, sets and rules come from the catalogue
/// snapshot (<see cref="CurrentCatalogue"/>).
/// </summary>
public sealed class DashboardQueries(ProgramTrackerDbContext db, CurrentCatalogue catalogue)
{
    /// <summary>How many periods, ending with the selected one, the trends cover.</summary>
    public const int WindowSize = 8;

    /// <summary>
    /// The upper unit a dashboard shows to a reader who has none of their own (a district first), so that the access
    /// filter refuses it rather than the page answering 404; null when the catalogue has none. From the snapshot, no query.
    /// </summary>
    public async Task<string?> FirstUpperUnitSlugAsync(CancellationToken ct) =>
        (await catalogue.GetAsync(ct)).UpperUnits.OrderBy(u => u.Kind == UnitKind.District ? 0 : 1).Select(u => u.Slug).FirstOrDefault();

    /// <summary>
    /// The dashboard a person opens without naming a unit: the district or province they are bound to; else the first
    /// district they may read. From the catalogue snapshot, no query.
    /// </summary>
    public async Task<string?> DefaultUnitSlugAsync(AccessProfile profile, ReadScope readable, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        var bound = profile.Units.Where(u => IsDashboardUnit(u.Kind)).OrderBy(u => u.Kind).ThenBy(u => u.Id).FirstOrDefault();
        if (bound is not null)
        {
            return snapshot.Unit(bound.Id)?.Slug;
        }

        // Unbound readers (administrators): a unit that exists today, a province before a district that ended in 2025.
        return (snapshot.UpperUnits.FirstOrDefault(u => u.ValidTo is null && AdministrativeUnit.IsProvinceLevelKind(u.Kind) && readable.Includes(u.Id))
                ?? snapshot.UpperUnits.FirstOrDefault(u => u.ValidTo is null && readable.Includes(u.Id))
                ?? snapshot.UpperUnits.FirstOrDefault(u => readable.Includes(u.Id)))?.Slug;
    }

    private static bool IsDashboardUnit(UnitKind kind) => kind is UnitKind.District or UnitKind.Province or UnitKind.City;

    /// <param name="selector">
    /// The units the reader may read, for the page's unit selector (the districts, provinces and cities among them);
    /// null when the page has no selector (the export, the summary): only the unit itself is read then.
    /// </param>
    /// <param name="upperId">The upper unit, bound and its access checked before (UnitAttribute).</param>
    /// <param name="period">The period, bound and known (PeriodAttribute); null for the latest with figures.</param>
    public async Task<DashboardData?> LoadAsync(int upperId, PeriodKey? period, bool withHighlights, CancellationToken ct, bool approvedOnly = false,
        ReadScope? selector = null)
    {
        var snapshot = await catalogue.GetAsync(ct);
        if (await ScopeAsync(snapshot, upperId, period, selector, ct) is not { } scope)
        {
            return null;
        }

        // The blocks: each reads its own figures of the upper unit and its communes, a fixed number of queries whatever their number.
        // A half-year or a year (issue 26.1): its quarters' values combined by each indicator's rule, judged as a quarter's are.
        var combined = scope.CombinedQuarters.Count > 0 ? await CombineAsync(snapshot, scope, approvedOnly, ct) : null;
        var (attainment, achievements) = await AttainmentAsync(snapshot, scope, approvedOnly, combined, ct);
        // A window is compared with the previous window of the same kind, combined the same way (its own figures, no statements).
        var previous = combined is not null ? PreviousWindowScope(scope) : null;
        if (previous is not null)
        {
            AddWindowFigures(snapshot, previous, await CombineAsync(snapshot, previous, approvedOnly, ct), attainment, []);
        }

        var (standards, poverty) = await PovertyAsync(snapshot, scope, ct);
        var capital = await CapitalAsync(scope, ct);
        var targets = await TargetsAsync(scope, ct);
        var figures = await FiguresAsync(scope, ct);
        var highlights = withHighlights
            ? await db.ReportHighlights.AsNoTracking()
                .Where(h => h.UnitId == scope.Upper.Id && h.PeriodId == scope.Period.Id)
                .OrderBy(h => h.SortOrder)
                .Select(h => new HighlightFigure(h.Programme != null ? h.Programme.Code : null, h.Topic, h.Text, h.SourceId))
                .ToListAsync(ct)
            : [];

        var sourceIds = attainment.Select(a => a.SourceId).Concat(achievements.Select(a => a.SourceId)).Concat(poverty.Select(p => p.SourceId))
            .Concat(capital.SelectMany(c => c.SourceIds).Select(i => (int?)i)).Concat(targets.Select(t => t.SourceId)).Concat(targets.Select(t => t.ActualSourceId))
            .Concat(figures.Select(f => f.SourceId)).Concat(highlights.Select(h => (int?)h.SourceId))
            .OfType<int>().Distinct().ToList();
        var sources = sourceIds.Where(snapshot.Sources.ContainsKey).Select(id => snapshot.Sources[id])
            .ToDictionary(s => s.Id, s => new SourceRef(s.Code, s.Title, s.Publisher, s.PublishedOn));

        return new DashboardData(scope.Upper, scope.Communes, scope.Period, scope.Window, scope.Periods, scope.Selectable, scope.Sets, attainment, achievements,
            standards, poverty, capital, targets, figures, highlights, sources, approvedOnly, scope.Predecessors, scope.Middle,
            combined is null ? null : new CombinedPeriod(scope.CombinedQuarters.Select(p => p.Quarter!.Value).ToList(), combined.Gaps, combined.Values.Count > 0),
            previous?.Period);
    }

    /// <summary>
    /// The half-year or year before a window, of the same kind (2026-H1: 2025-H2; 2026: 2025), as a scope of its own over the
    /// same units and sets; null when the portal has opened none of its quarters.
    /// </summary>
    private static DashScope? PreviousWindowScope(DashScope scope)
    {
        var key = scope.Period.Key;
        var before = key.Span == PeriodSpan.Half
            ? key.Part == 1 ? PeriodKey.OfHalf(key.Year - 1, 2) : PeriodKey.OfHalf(key.Year, 1)
            : PeriodKey.OfYear(key.Year - 1);
        var quarters = scope.Periods.Where(p => p.Quarter is { } q && before.Covers(p.Year, q)).ToList();
        return quarters.Count == 0 || CombinedPeriodOf(before, scope.Periods) is not { } period
            ? null
            : new DashScope(scope.Upper, scope.Selectable, period, scope.Periods, scope.Window, scope.Communes, scope.Middle, scope.Predecessors, scope.Sets, quarters);
    }

    /// <summary>
    /// What a dashboard is about, from the catalogue snapshot: the upper unit (a province, city or district), the period and
    /// its window, the communes in force, the sets in force. Null when the unit or the period is unknown.
    /// </summary>
    private sealed record DashScope(
        DashUnit Upper,
        IReadOnlyList<DashUnit> Selectable,
        DashPeriod Period,
        IReadOnlyList<DashPeriod> Periods,
        IReadOnlyList<DashPeriod> Window,
        IReadOnlyList<DashUnit> Communes,
        IReadOnlyList<DashUnit> Middle,
        List<PredecessorLink> Predecessors,
        IReadOnlyList<DashSet> Sets,
        IReadOnlyList<DashPeriod> CombinedQuarters)
    {
        public List<int> WindowIds { get; } = Window.Select(p => p.Id).ToList();

        /// <summary>A half-year's or year's quarters by their order in it (empty for a quarter): "the window's latest quarter" for levels.</summary>
        public Dictionary<int, int> QuarterRank { get; } = CombinedQuarters.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);

        /// <summary>
        /// The upper unit and its communes by id: every figure query filters on this list, which the unit-first indexes serve
        /// directly (a join to units with "parent = upper unit" made PostgreSQL scan the whole table).
        /// </summary>
        public List<int> UnitIds { get; } = Communes.Select(c => c.Id).Append(Upper.Id).ToList();
    }

    private async Task<DashScope?> ScopeAsync(CatalogueSnapshot snapshot, int upperId, PeriodKey? key, ReadScope? selector, CancellationToken ct)
    {
        // The units the reader may read for the selector (not the ~760 of the country for a district's leader), and always
        // the unit asked for (its access was checked before). A reader bound to one unit reads a handful: looked up, not walked.
        if (snapshot.Unit(upperId) is not { } asked || !IsDashboardUnit(asked.Kind))
        {
            return null;
        }

        IEnumerable<UnitNode> units = selector switch
        {
            null => [asked],
            { All: true } => snapshot.UpperUnits,
            _ => selector.UnitIds.Select(snapshot.Unit).OfType<UnitNode>().Where(u => IsDashboardUnit(u.Kind)).Append(asked)
                .DistinctBy(u => u.Id).OrderBy(u => u.IsSynthetic).ThenBy(u => u.Id),
        };

        var selectable = units.Select(u => new DashUnit(u.Id, u.Slug, u.Name, u.Kind)).ToList();
        var upper = selectable.First(d => d.Id == asked.Id);
        var periods = snapshot.Periods.Select(p => new DashPeriod(p.Id, p.Year, p.Quarter)).OrderBy(p => p.SortKey).ToList();
        var period = key is not { } named ? await LatestWithDataAsync(snapshot, upper.Id, periods, ct)
            : named.Span == PeriodSpan.Quarter ? periods.FirstOrDefault(p => p.Year == named.Year && p.Quarter == named.Quarter)
            : CombinedPeriodOf(named, periods);
        if (period is null)
        {
            return null;
        }

        // A half-year or a year is combined from its stored quarters (issue 26.1): those quarters' periods, in order.
        var combinedQuarters = period.Quarter is null
            ? periods.Where(p => p.Quarter is { } q && period.Key.Covers(p.Year, q)).ToList()
            : [];
        var window = periods.Where(p => p.SortKey < period.SortKey).Append(period).TakeLast(WindowSize).ToList();
        var (starts, ends) = (period.StartsOn, period.EndsOn);
        bool InForce(UnitNode u) => (u.ValidFrom == null || u.ValidFrom <= ends) && (u.ValidTo == null || u.ValidTo >= starts);
        var communes = snapshot.ChildrenOf(upper.Id)
            .Where(u => AdministrativeUnit.CommuneLevelKinds.Contains(u.Kind) && InForce(u))
            .Select(u => new DashUnit(u.Id, u.Slug, u.Name, u.Kind))
            .ToList();
        // A province before 01/07/2025 held its communes through districts: name those, so the page can send the reader there.
        var middle = snapshot.ChildrenOf(upper.Id)
            .Where(u => IsDashboardUnit(u.Kind) && InForce(u))
            .Select(u => new DashUnit(u.Id, u.Slug, u.Name, u.Kind))
            .ToList();
        // District-level sets judge districts only: a province's dashboard has no such table, whatever the period.
        var sets = snapshot.Sets.Where(s => s.InForce(starts, ends) && (s.Level != UnitLevel.District || upper.IsDistrict))
            .Select(s => new DashSet(s.Id, s.Code, s.Name, s.ProgrammeCode, s.Level, s.Tier, s.DeclaredCriteria, s.DeclaredIndicators,
                s.DefinedIndicators, s.SortOrder, s.ProgrammeName, s.ProgrammeSort, s.ProgrammeNameEn, s.NameEn)).ToList();
        return new DashScope(upper, selectable, period, periods, window, communes, middle, Predecessors(snapshot, communes), sets, combinedQuarters);
    }

    /// <summary>
    /// Attainment: reported figures (a unit's own or a group's average, and "n units achieved"), and computed attainment
    /// from the read model kept current on write (<see cref="AttainmentSummary"/>): one row per unit, set and period of
    /// the window, whatever the number of values behind it. A successor's trend shows its predecessors before its start
    /// (issue 23): their rows are read too, and used for nothing else (cells, risk and sums stay the communes' own).
    /// </summary>
    private async Task<(List<AttainmentFigure> Attainment, List<AchievementFigure> Achievements)> AttainmentAsync(
        CatalogueSnapshot snapshot, DashScope scope, bool approvedOnly, Combination? combined, CancellationToken ct)
    {
        var (windowIds, unitIds) = (scope.WindowIds, scope.UnitIds);
        var figureUnitIds = unitIds.Concat(scope.Predecessors.Select(p => p.Predecessor.Id)).Distinct().ToList();
        var setIds = scope.Sets.Select(s => s.Id).ToList();
        var computedSetIds = scope.Sets.Where(s => s.DefinedIndicators > 0).Select(s => s.Id).ToList();
        var reported = await db.Set<ReportedAttainmentUnit>().AsNoTracking()
            .Where(s => windowIds.Contains(s.ReportedAttainment.PeriodId) && setIds.Contains(s.ReportedAttainment.CriteriaSetId)
                && figureUnitIds.Contains(s.UnitId))
            .Select(s => new
            {
                s.UnitId, s.ReportedAttainmentId, s.ReportedAttainment.CriteriaSetId, s.ReportedAttainment.PeriodId, s.ReportedAttainment.Kind,
                s.ReportedAttainment.CriteriaMet, s.ReportedAttainment.IndicatorsMet, s.ReportedAttainment.UnitsAchieved, s.ReportedAttainment.AsOf,
                s.ReportedAttainment.SourceId, s.ReportedAttainment.Note,
            })
            .ToListAsync(ct);
        // Approved figures only: the rows whose submission is approved, of the unit and its communes.
        var approvedOnlyUnits = approvedOnly ? unitIds : null;
        var computed = await db.AttainmentSummaries.AsNoTracking()
            .Where(s => windowIds.Contains(s.PeriodId) && figureUnitIds.Contains(s.UnitId) && computedSetIds.Contains(s.CriteriaSetId) && s.ValuesEntered > 0)
            .Where(s => approvedOnlyUnits == null || (approvedOnlyUnits.Contains(s.UnitId) && s.Status == SubmissionStatus.Approved))
            .Select(s => new
            {
                s.UnitId, s.CriteriaSetId, s.PeriodId, s.CriteriaMet, s.IndicatorsMet, s.ValuesEntered, s.IndicatorsDefined, s.IndicatorsJudged,
                s.CriteriaJudged, s.CriteriaUnknown,
            })
            .ToListAsync(ct);

        var setById = scope.Sets.ToDictionary(s => s.Id);
        var attainment = new List<AttainmentFigure>();
        var achievements = new List<AchievementFigure>();
        foreach (var group in reported.GroupBy(r => r.ReportedAttainmentId))
        {
            var r = group.First();
            var set = setById[r.CriteriaSetId];
            var unitScope = group.Select(x => x.UnitId).Order().ToList();
            if (r.Kind == ReportedKind.UnitsAchieved)
            {
                achievements.Add(new AchievementFigure(set.Id, r.PeriodId, r.AsOf, r.UnitsAchieved ?? 0, unitScope, r.SourceId, r.Note));
                continue;
            }

            var kind = r.Kind == ReportedKind.GroupAverage ? FigureKind.GroupAverage : FigureKind.Reported;
            attainment.AddRange(unitScope.Select(unitId => new AttainmentFigure(unitId, set.Id, r.PeriodId, kind, r.CriteriaMet, set.DeclaredCriteria,
                r.IndicatorsMet, set.DeclaredIndicators, r.AsOf, r.SourceId, unitScope)));
        }

        foreach (var c in computed)
        {
            var set = setById[c.CriteriaSetId];
            attainment.Add(new AttainmentFigure(c.UnitId, set.Id, c.PeriodId, FigureKind.Computed,
                c.CriteriaMet, set.DeclaredCriteria, c.IndicatorsMet, set.DeclaredIndicators, null, null, [c.UnitId],
                new ComputedCounts(c.IndicatorsDefined, c.ValuesEntered, c.IndicatorsJudged, c.CriteriaUnknown, c.CriteriaJudged)));
        }

        if (combined is not null)
        {
            AddWindowFigures(snapshot, scope, combined, attainment, achievements);
        }

        return (attainment, achievements);
    }

    /// <summary>
    /// The window's own figures (issue 26.1): the combined values judged as a quarter's are (by the rules in force in its
    /// last quarter), where the unit has none stored for a whole year; a report's figure is a level, so the latest quarter's stands.
    /// </summary>
    private static void AddWindowFigures(CatalogueSnapshot snapshot, DashScope scope, Combination combined, List<AttainmentFigure> attainment, List<AchievementFigure> achievements)
    {
        var (period, quarters) = (scope.Period, scope.CombinedQuarters);
        var setById = scope.Sets.ToDictionary(s => s.Id);
        var book = snapshot.Rules;
        var lastStart = quarters.Count > 0 ? quarters[^1].StartsOn : period.StartsOn;
        foreach (var ((unitId, setId), values) in combined.Values)
        {
            if (attainment.Any(a => a.UnitId == unitId && a.SetId == setId && a.PeriodId == period.Id) || !setById.TryGetValue(setId, out var set))
            {
                continue;
            }

            var rules = book.For(set.Id, unitId, lastStart);
            var judgedValues = values.Where(v => rules.Defines(v.Key)).ToDictionary(v => v.Key, v => v.Value);
            var withValue = judgedValues.Count(v => v.Value is not null);
            if (withValue == 0)
            {
                continue;
            }

            var result = AttainmentRules.Evaluate(rules.CriterionIds, rules.Indicators, judgedValues, set.DeclaredCriteria, set.DeclaredIndicators);
            var judged = result.Indicators.Values.Count(s => s is IndicatorStatus.Met or IndicatorStatus.NotMet);
            attainment.Add(new AttainmentFigure(unitId, set.Id, period.Id, FigureKind.Computed,
                result.CriteriaMet, set.DeclaredCriteria, result.IndicatorsMet, set.DeclaredIndicators, null, null, [unitId],
                new ComputedCounts(rules.Indicators.Count, withValue, judged, result.CriteriaUnknown,
                    result.Criteria.Values.Count(c => c is CriterionStatus.Met or CriterionStatus.NotMet))));
        }

        var quarterRank = scope.QuarterRank;
        foreach (var latest in attainment.Where(a => a.Kind != FigureKind.Computed && quarterRank.ContainsKey(a.PeriodId))
                     .GroupBy(a => (a.UnitId, a.SetId)).Select(g => g.MaxBy(a => quarterRank[a.PeriodId])!).ToList())
        {
            attainment.Add(latest with { PeriodId = period.Id });
        }

        achievements.AddRange(achievements.Where(a => quarterRank.ContainsKey(a.PeriodId)).GroupBy(a => a.SetId)
            .Select(g => g.MaxBy(a => quarterRank[a.PeriodId])! with { PeriodId = period.Id }).ToList());
    }

    /// <summary>
    /// The values of the window's quarters (one projection per value of the dashboard's units, approved ones only when
    /// asked), combined per unit and set by each indicator's rule, with the quarters each unit and set has no value in.
    /// The read model holds quarters; a half-year or a year is judged here from its combined values.
    /// </summary>
    private async Task<Combination> CombineAsync(CatalogueSnapshot snapshot, DashScope scope, bool approvedOnly, CancellationToken ct)
    {
        var quarterIds = scope.CombinedQuarters.Select(p => p.Id).ToList();
        var unitIds = scope.UnitIds;
        var computedSetIds = scope.Sets.Where(s => s.DefinedIndicators > 0).Select(s => s.Id).ToList();
        var rawValues = await db.IndicatorValues.AsNoTracking()
            .Where(v => quarterIds.Contains(v.PeriodId) && unitIds.Contains(v.UnitId) && computedSetIds.Contains(v.Indicator.Criterion.CriteriaSetId))
            .Select(v => new { v.UnitId, v.PeriodId, v.IndicatorId, SetId = v.Indicator.Criterion.CriteriaSetId, v.Value })
            .ToListAsync(ct);
        if (approvedOnly)
        {
            var approved = (await db.Submissions.AsNoTracking()
                    .Where(s => quarterIds.Contains(s.PeriodId) && unitIds.Contains(s.UnitId) && s.Status == SubmissionStatus.Approved)
                    .Select(s => new { s.UnitId, s.PeriodId, s.CriteriaSetId })
                    .ToListAsync(ct))
                .Select(s => (s.UnitId, s.PeriodId, s.CriteriaSetId)).ToHashSet();
            rawValues = rawValues.Where(v => approved.Contains((v.UnitId, v.PeriodId, v.SetId))).ToList();
        }

        return CombineWindow(snapshot, scope.Period, scope.CombinedQuarters, rawValues.Select(v => (v.UnitId, v.PeriodId, v.IndicatorId, v.SetId, v.Value)));
    }

    /// <summary>
    /// Poverty: the records of the upper unit and its communes under the standards in force, and the upper unit's rates
    /// from its communes' household counts where it has no record of its own and every commune has counts.
    /// </summary>
    private async Task<(List<PovertyStandardInfo> Standards, List<PovertyFigure> Poverty)> PovertyAsync(CatalogueSnapshot snapshot, DashScope scope, CancellationToken ct)
    {
        var (windowIds, unitIds, upperId) = (scope.WindowIds, scope.UnitIds, scope.Upper.Id);
        var poverty = (await db.PovertyRecords.AsNoTracking()
                .Where(p => windowIds.Contains(p.PeriodId) && unitIds.Contains(p.UnitId))
                .Select(p => new
                {
                    p.UnitId, p.PeriodId, p.StandardId, p.AsOf, p.HouseholdsTotal, p.PoorHouseholds, p.NearPoorHouseholds, p.ReportedPoorRate,
                    p.ReportedNearPoorRate, p.SourceId,
                })
                .ToListAsync(ct))
            .Select(p =>
            {
                var rates = PovertyRates.Of(p.HouseholdsTotal, p.PoorHouseholds, p.NearPoorHouseholds, p.ReportedPoorRate, p.ReportedNearPoorRate);
                return new PovertyFigure(p.UnitId, p.PeriodId, p.StandardId, p.AsOf, rates.Poor, rates.NearPoor,
                    rates.FromCounts ? PovertyOrigin.Counts : PovertyOrigin.Reported, p.HouseholdsTotal, p.PoorHouseholds, p.NearPoorHouseholds, p.SourceId);
            })
            .ToList();
        var communeSums = await db.PovertyRecords.AsNoTracking()
            .Where(p => windowIds.Contains(p.PeriodId) && unitIds.Contains(p.UnitId) && p.UnitId != upperId)
            .GroupBy(p => new { p.PeriodId, p.StandardId })
            .Select(g => new
            {
                g.Key.PeriodId, g.Key.StandardId,
                Counted = g.Count(p => p.HouseholdsTotal > 0 && p.PoorHouseholds != null && p.NearPoorHouseholds != null),
                Households = g.Sum(p => p.HouseholdsTotal ?? 0),
                Poor = g.Sum(p => p.PoorHouseholds ?? 0),
                NearPoor = g.Sum(p => p.NearPoorHouseholds ?? 0),
                AsOf = g.Max(p => p.AsOf),
            })
            .ToListAsync(ct);
        // The standards in force in the period, and any other that a figure of the period was recorded under.
        var (period, starts, ends) = (scope.Period, scope.Period.StartsOn, scope.Period.EndsOn);
        var standards = snapshot.PovertyStandards
            .Where(s => (s.ValidFrom == null || s.ValidFrom <= ends) && (s.ValidTo == null || s.ValidTo >= starts)
                || poverty.Any(p => p.StandardId == s.Id && p.PeriodId == period.Id))
            .Select(s => new PovertyStandardInfo(s.Id, s.Code, s.Name, s.ShortName))
            .ToList();
        var communeCount = scope.Communes.Count;
        foreach (var s in communeSums.Where(s => communeCount > 0 && s.Counted >= communeCount
                     && !poverty.Any(p => p.UnitId == upperId && p.PeriodId == s.PeriodId && p.StandardId == s.StandardId)))
        {
            var rates = PovertyRates.Of(s.Households, s.Poor, s.NearPoor, null, null);
            poverty.Add(new PovertyFigure(upperId, s.PeriodId, s.StandardId, s.AsOf, rates.Poor, rates.NearPoor, PovertyOrigin.CommuneCounts,
                s.Households, s.Poor, s.NearPoor, null));
        }

        if (scope.CombinedQuarters.Count > 0)
        {
            // A window's poverty: the latest quarter's records (households are a level, not summed).
            var quarterRank = scope.QuarterRank;
            poverty.AddRange(poverty.Where(p => quarterRank.ContainsKey(p.PeriodId)).GroupBy(p => (p.UnitId, p.StandardId))
                .Where(g => !poverty.Any(p => p.UnitId == g.Key.UnitId && p.StandardId == g.Key.StandardId && p.PeriodId == period.Id))
                .Select(g => g.MaxBy(p => quarterRank[p.PeriodId])! with { PeriodId = period.Id }).ToList());
        }

        return (standards, poverty);
    }

    /// <summary>Capital of the period: the upper unit's own lines, and its communes' summed per programme, project, source and measure.</summary>
    private async Task<List<CapitalLine>> CapitalAsync(DashScope scope, CancellationToken ct)
    {
        var (unitIds, upperId, periodId) = (scope.UnitIds, scope.Upper.Id, scope.Period.Id);
        if (scope.CombinedQuarters.Count > 0)
        {
            // A window's capital: the figures of its latest quarter that has any (capital is reported to date, not per quarter).
            var quarterIds = scope.CombinedQuarters.Select(p => p.Id).ToList();
            var withCapital = await db.CapitalFigures.AsNoTracking().Where(c => quarterIds.Contains(c.PeriodId) && unitIds.Contains(c.UnitId))
                .Select(c => c.PeriodId).Distinct().ToListAsync(ct);
            periodId = scope.CombinedQuarters.LastOrDefault(p => withCapital.Contains(p.Id))?.Id ?? periodId;
        }

        return (await db.CapitalFigures.AsNoTracking()
                .Where(c => c.PeriodId == periodId && unitIds.Contains(c.UnitId))
                .GroupBy(c => new
                {
                    UpperOwn = c.UnitId == upperId, ProgrammeCode = c.Programme.Code, ProgrammeName = c.Programme.Name, ProgrammeSort = c.Programme.SortOrder,
                    ProjectNumber = c.Project != null ? (int?)c.Project.Number : null, ProjectName = c.Project != null ? c.Project.Name : null,
                    c.FundingSource, c.Kind, c.Measure,
                })
                .Select(g => new
                {
                    g.Key,
                    Amount = g.Sum(c => c.AmountVnd),
                    AnyEstimate = g.Max(c => c.Qualifier == ValueQualifier.Estimate ? 1 : 0),
                    AnyMoreThan = g.Max(c => c.Qualifier == ValueQualifier.MoreThan ? 1 : 0),
                    WorksKnown = g.Count(c => c.WorksCount != null),
                    Works = g.Sum(c => c.WorksCount ?? 0),
                    AsOf = g.Max(c => c.AsOf),
                    Count = g.Count(),
                    Description = g.Max(c => c.Description),
                    MinSource = g.Min(c => c.SourceId),
                    MaxSource = g.Max(c => c.SourceId),
                })
                .ToListAsync(ct))
            .Select(c => new CapitalLine(c.Key.UpperOwn, c.Key.ProgrammeCode, c.Key.ProgrammeName, c.Key.ProgrammeSort, c.Key.ProjectNumber, c.Key.ProjectName,
                c.Key.FundingSource, c.Key.Kind, c.Key.Measure, c.Amount,
                c.AnyEstimate == 1 ? ValueQualifier.Estimate : c.AnyMoreThan == 1 ? ValueQualifier.MoreThan : ValueQualifier.None,
                c.WorksKnown > 0 ? c.Works : null, c.AsOf, c.Count, c.Count == 1 ? c.Description : null,
                new[] { c.MinSource, c.MaxSource }.OfType<int>().Distinct().ToList()))
            .OrderBy(c => c.UpperOwn ? 0 : 1).ThenBy(c => c.ProgrammeSort).ThenBy(c => c.ProjectNumber ?? 0).ThenBy(c => c.FundingSource).ThenBy(c => c.Measure)
            .ToList();
    }

    /// <summary>Targets of the period's year, each with its actual: the latest value of its year up to the selected period.</summary>
    private async Task<List<TargetFigure>> TargetsAsync(DashScope scope, CancellationToken ct)
    {
        var (unitIds, upperId, period) = (scope.UnitIds, scope.Upper.Id, scope.Period);
        var upToQuarter = period.Half > 0 ? period.Key.Quarters[^1] : period.Quarter;
        return (await db.Targets.AsNoTracking()
                .Where(t => t.Year == period.Year && unitIds.Contains(t.UnitId))
                .OrderBy(t => t.UnitId == upperId ? 0 : 1).ThenBy(t => t.UnitId).ThenBy(t => t.Indicator.SortOrder)
                .Select(t => new
                {
                    t.UnitId, t.IndicatorId, t.Indicator.Name, t.Indicator.NameEn, t.Indicator.Unit, t.Indicator.ValueType, t.Year, t.Comparator, t.Value, t.SourceId,
                    Actual = db.IndicatorValues
                        // The unit filter repeats the outer one so that the database never ranks other units' values.
                        .Where(v => unitIds.Contains(v.UnitId) && v.Period.Year == period.Year)
                        .Where(v => v.UnitId == t.UnitId && v.IndicatorId == t.IndicatorId && v.Value != null && v.Period.Year == t.Year
                            && (upToQuarter == null || (v.Period.Quarter != null && v.Period.Quarter <= upToQuarter)))
                        .OrderByDescending(v => v.Period.Quarter ?? PeriodKey.WholeYearRank)
                        .Select(v => new { v.Value, v.Qualifier, v.PeriodId, v.AsOf, v.SourceId })
                        .FirstOrDefault(),
                })
                .ToListAsync(ct))
            .Select(t => new TargetFigure(t.UnitId, t.IndicatorId, t.Name, t.Unit, t.ValueType, t.Year, t.Comparator, t.Value, t.Actual?.Value,
                t.Actual?.Qualifier ?? ValueQualifier.None, t.Actual?.PeriodId, t.Actual?.AsOf, t.SourceId, t.Actual?.SourceId, t.NameEn))
            .ToList();
    }

    /// <summary>The upper unit's own indicator figures: per indicator, the latest value of this year or the previous one.</summary>
    private async Task<List<IndicatorFigure>> FiguresAsync(DashScope scope, CancellationToken ct)
    {
        var (upperId, period) = (scope.Upper.Id, scope.Period);
        var recentIds = scope.Periods.Where(p => p.SortKey <= period.SortKey && p.Year >= period.Year - 1).Select(p => p.Id).ToList();
        return (await db.IndicatorValues.AsNoTracking()
                .Where(v => v.UnitId == upperId && recentIds.Contains(v.PeriodId) && v.Value != null)
                .Select(v => new
                {
                    v.IndicatorId, v.Indicator.Code, v.Indicator.Name, v.Indicator.NameEn, v.Indicator.Unit, v.Indicator.ValueType, v.Value, v.Qualifier, v.AsOf, v.PeriodId,
                    v.Note, v.SourceId, v.Period.Year, Quarter = v.Period.Quarter ?? PeriodKey.WholeYearRank, SetSort = v.Indicator.Criterion.CriteriaSet.SortOrder,
                    IndicatorSort = v.Indicator.SortOrder,
                })
                .GroupBy(v => v.IndicatorId)
                .Select(g => g.OrderByDescending(v => v.Year).ThenByDescending(v => v.Quarter).First())
                .ToListAsync(ct))
            .OrderBy(v => v.SetSort).ThenBy(v => v.IndicatorSort)
            .Select(v => new IndicatorFigure(v.IndicatorId, v.Code, v.Name, v.Unit, v.ValueType, v.Value, v.Qualifier, v.AsOf, v.PeriodId, v.Note, v.SourceId, v.NameEn))
            .ToList();
    }

    /// <summary>
    /// A half-year or a year named in the address (issue 26.1): the stored whole year where there is one, else a window
    /// not stored (a negative id no row has); null when the portal has opened none of its quarters (the caller answers 404).
    /// </summary>
    private static DashPeriod? CombinedPeriodOf(PeriodKey key, IReadOnlyList<DashPeriod> periods)
    {
        if (!periods.Any(p => p.Quarter is { } q && key.Covers(p.Year, q)))
        {
            return key.Span == PeriodSpan.Year ? periods.FirstOrDefault(p => p.Year == key.Year && p.Quarter is null) : null;
        }

        return key.Span == PeriodSpan.Year
            ? periods.FirstOrDefault(p => p.Year == key.Year && p.Quarter is null) ?? new DashPeriod(-key.SortKey, key.Year, null)
            : new DashPeriod(-key.SortKey, key.Year, null, key.Part);
    }

    /// <summary>
    /// Each unit's and set's indicator values combined over the window's quarters by each indicator's rule
    /// (<see cref="WindowCombination"/>), and the quarters each unit and set has no value in.
    /// </summary>
    private sealed record Combination(Dictionary<(int UnitId, int SetId), Dictionary<int, decimal?>> Values, List<WindowGap> Gaps);

    private static Combination CombineWindow(
        CatalogueSnapshot snapshot, DashPeriod period, IReadOnlyList<DashPeriod> quarters,
        IEnumerable<(int UnitId, int PeriodId, int IndicatorId, int SetId, decimal? Value)> rawValues)
    {
        var quarterOf = quarters.ToDictionary(p => p.Id, p => p.Quarter!.Value);
        var values = new Dictionary<(int UnitId, int SetId), Dictionary<int, decimal?>>();
        var gaps = new List<WindowGap>();
        foreach (var g in rawValues.Where(v => quarterOf.ContainsKey(v.PeriodId)).GroupBy(v => (v.UnitId, v.SetId)))
        {
            var (combinedValues, missing) = WindowCombination.CombineSet(period.Key, g.Select(v => (quarterOf[v.PeriodId], v.IndicatorId, v.Value)),
                id => snapshot.Indicators.TryGetValue(id, out var node) ? node.Combine : QuarterCombine.Last);
            values[g.Key] = combinedValues.ToDictionary(v => v.Key, v => v.Value.Value);
            if (missing.Count > 0)
            {
                gaps.Add(new WindowGap(g.Key.UnitId, g.Key.SetId, missing));
            }
        }

        return new Combination(values, gaps);
    }

    /// <summary>Every unit that went, whole or in part and through any number of acts, into one of the communes.</summary>
    private static List<PredecessorLink> Predecessors(CatalogueSnapshot snapshot, IReadOnlyList<DashUnit> communes)
    {
        var links = new List<PredecessorLink>();
        foreach (var commune in communes)
        {
            if (snapshot.Unit(commune.Id)?.ValidFrom is not { } from)
            {
                continue;
            }

            var seen = new HashSet<int> { commune.Id };
            var pending = new Stack<int>([commune.Id]);
            while (pending.Count > 0)
            {
                foreach (var part in snapshot.PartsInto(pending.Pop()))
                {
                    if (part.PredecessorId is { } id && seen.Add(id) && snapshot.Unit(id) is { } unit)
                    {
                        links.Add(new PredecessorLink(commune.Id, new DashUnit(unit.Id, unit.Slug, unit.Name, unit.Kind), from));
                        pending.Push(id);
                    }
                }
            }
        }

        return links;
    }

    /// <summary>The one default-period rule (Core/Periods/DefaultPeriod) over the upper unit and its communes.</summary>
    private async Task<DashPeriod?> LatestWithDataAsync(CatalogueSnapshot snapshot, int upperId, List<DashPeriod> periods, CancellationToken ct)
    {
        // The unit and the communes directly under it: a province's districts of before 01/07/2025 are not on its
        // dashboard (their communes are under them), so their figures must not pick a period that shows no commune.
        var ids = snapshot.ChildrenOf(upperId).Where(u => AdministrativeUnit.CommuneLevelKinds.Contains(u.Kind)).Select(u => u.Id).Append(upperId).ToList();
        var withData = await DefaultPeriod.PeriodsWithFiguresAsync(db, ids, ct);
        return DefaultPeriod.Pick(periods, p => p.Id, p => p.SortKey, withData);
    }
}
