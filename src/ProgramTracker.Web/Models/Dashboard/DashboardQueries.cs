using ProgramTracker.Core.Periods;
using ProgramTracker.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Poverty;

namespace ProgramTracker.Web.Models.Dashboard;

/// <summary>
/// Loads a district's dashboard. Every figure is aggregated or projected in the database, and the number of
/// queries is fixed (9, one more for the summary's highlights, one more when no period is named, one more for
/// approved figures only) whatever the number of communes; units, periods, sets and rules come from the catalogue
/// snapshot (<see cref="CurrentCatalogue"/>).
/// </summary>
public sealed class DashboardQueries(ProgramTrackerDbContext db, CurrentCatalogue catalogue)
{
    /// <summary>How many periods, ending with the selected one, the trends cover.</summary>
    public const int WindowSize = 8;

    /// <summary>Null when the unit is not a district or the period code is malformed or unknown: the caller answers 404.</summary>
    /// <summary>
    /// The district (or province) a dashboard would show, found as <see cref="LoadAsync"/> finds it, so that access is
    /// checked before any of its data is read; null when there is none.
    /// </summary>
    public async Task<int?> DistrictIdAsync(string? unitSlug, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        if (string.IsNullOrWhiteSpace(unitSlug))
        {
            return snapshot.UpperUnits.OrderBy(u => u.Kind == UnitKind.District ? 0 : 1).Select(u => (int?)u.Id).FirstOrDefault();
        }

        return snapshot.Unit(unitSlug.Trim()) is { } unit && IsDashboardUnit(unit.Kind) ? unit.Id : null;
    }

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
    public async Task<DashboardData?> LoadAsync(string? unitSlug, string? periodCode, bool withHighlights, CancellationToken ct, bool approvedOnly = false,
        ReadScope? selector = null)
    {
        var key = default(PeriodKey);
        var periodNamed = !string.IsNullOrWhiteSpace(periodCode);
        if (periodNamed && !PeriodKey.TryParse(periodCode, out key))
        {
            return null;
        }

        // One query serves the selector and the lookup: the units the reader may read (not the ~760 of the country
        // for a district's leader), and always the unit asked for (its access was checked before).
        var slug = unitSlug?.Trim();
        var snapshot = await catalogue.GetAsync(ct);
        // A reader bound to a district reads a handful of units: look those up rather than walk every unit of the country.
        var asked = snapshot.Unit(slug) is { } a && IsDashboardUnit(a.Kind) ? a : null;
        IEnumerable<UnitNode> units = selector switch
        {
            null when slug is null => snapshot.UpperUnits,
            null => asked is null ? [] : [asked],
            { All: true } => snapshot.UpperUnits,
            _ => selector.UnitIds.Select(snapshot.Unit).OfType<UnitNode>().Where(u => IsDashboardUnit(u.Kind)).Append(asked).OfType<UnitNode>()
                .DistinctBy(u => u.Id).OrderBy(u => u.IsSynthetic).ThenBy(u => u.Id),
        };

        var districts = units.Select(u => new DashUnit(u.Id, u.Slug, u.Name, u.Kind)).ToList();
        var district = string.IsNullOrWhiteSpace(unitSlug)
            ? districts.FirstOrDefault(d => d.Kind == UnitKind.District) ?? districts.FirstOrDefault()
            : districts.FirstOrDefault(d => d.Slug == slug);
        if (district is null)
        {
            return null;
        }

        var did = district.Id;
        var periods = snapshot.Periods.Select(p => new DashPeriod(p.Id, p.Year, p.Quarter)).OrderBy(p => p.SortKey).ToList();
        var period = !periodNamed ? await LatestWithDataAsync(snapshot, did, periods, ct)
            : key.Span == PeriodSpan.Quarter ? periods.FirstOrDefault(p => p.Year == key.Year && p.Quarter == key.Quarter)
            : CombinedPeriodOf(key, periods);
        if (period is null)
        {
            return null;
        }

        // A half-year or a year is combined from its stored quarters (issue 26.1): those quarters' periods, in order.
        var combinedQuarters = period.Quarter is null
            ? periods.Where(p => p.Quarter is { } q && period.Key.Covers(p.Year, q)).ToList()
            : [];
        var window = periods.Where(p => p.SortKey < period.SortKey).Append(period).TakeLast(WindowSize).ToList();
        var windowIds = window.Select(p => p.Id).ToList();
        var (starts, ends) = (period.StartsOn, period.EndsOn);

        var communeKinds = AdministrativeUnit.CommuneLevelKinds;
        var communes = snapshot.ChildrenOf(did)
            .Where(u => communeKinds.Contains(u.Kind) && (u.ValidFrom == null || u.ValidFrom <= ends) && (u.ValidTo == null || u.ValidTo >= starts))
            .Select(u => new DashUnit(u.Id, u.Slug, u.Name, u.Kind))
            .ToList();
        // A province before 01/07/2025 held its communes through districts: name those, so the page can send the reader there.
        var middle = snapshot.ChildrenOf(did)
            .Where(u => IsDashboardUnit(u.Kind) && (u.ValidFrom == null || u.ValidFrom <= ends) && (u.ValidTo == null || u.ValidTo >= starts))
            .Select(u => new DashUnit(u.Id, u.Slug, u.Name, u.Kind))
            .ToList();
        // The district and its communes by id: every figure query filters on this list, which the unit-first
        // indexes serve directly (a join to units with "parent = district" made PostgreSQL scan the whole table).
        var unitIds = communes.Select(c => c.Id).Append(did).ToList();
        // A successor's trend shows its predecessors before its start (issue 23): their attainment is read too, from the
        // reorganisations in the snapshot, and used for nothing else (cells, risk and sums stay the communes' own).
        var predecessors = Predecessors(snapshot, communes);
        var figureUnitIds = unitIds.Concat(predecessors.Select(p => p.Predecessor.Id)).Distinct().ToList();

        // District-level sets judge districts only: a province's dashboard has no such table, whatever the period.
        var sets = snapshot.Sets.Where(s => s.InForce(starts, ends) && (s.Level != UnitLevel.District || district.IsDistrict))
            .Select(s => new DashSet(s.Id, s.Code, s.Name, s.ProgrammeCode, s.Level, s.Tier, s.DeclaredCriteria, s.DeclaredIndicators,
                s.DefinedIndicators, s.SortOrder, s.ProgrammeName, s.ProgrammeSort, s.ProgrammeNameEn, s.NameEn)).ToList();
        var setIds = sets.Select(s => s.Id).ToList();
        var computedSetIds = sets.Where(s => s.DefinedIndicators > 0).Select(s => s.Id).ToList();

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

        // Values are judged by the RuleBook (the version in force in each period, the unit's region or group): one
        // projection of four numbers per value of the dashboard's units in the window, bounded by units × periods × indicators.
        var book = snapshot.Rules;
        var rawValues = await db.IndicatorValues.AsNoTracking()
            .Where(v => windowIds.Contains(v.PeriodId) && figureUnitIds.Contains(v.UnitId) && computedSetIds.Contains(v.Indicator.Criterion.CriteriaSetId))
            .Select(v => new { v.UnitId, v.PeriodId, v.IndicatorId, SetId = v.Indicator.Criterion.CriteriaSetId, v.Value })
            .ToListAsync(ct);
        if (approvedOnly)
        {
            var approved = (await db.Submissions.AsNoTracking()
                    .Where(s => windowIds.Contains(s.PeriodId) && unitIds.Contains(s.UnitId) && s.Status == SubmissionStatus.Approved)
                    .Select(s => new { s.UnitId, s.PeriodId, s.CriteriaSetId })
                    .ToListAsync(ct))
                .Select(s => (s.UnitId, s.PeriodId, s.CriteriaSetId)).ToHashSet();
            rawValues = rawValues.Where(v => approved.Contains((v.UnitId, v.PeriodId, v.SetId))).ToList();
        }

        var startOf = window.ToDictionary(p => p.Id, p => p.StartsOn);
        var combined = period.Quarter is null ? CombineWindow(snapshot, period, combinedQuarters, rawValues.Select(v => (v.UnitId, v.PeriodId, v.IndicatorId, v.SetId, v.Value))) : null;

        var setById = sets.ToDictionary(s => s.Id);
        var attainment = new List<AttainmentFigure>();
        var achievements = new List<AchievementFigure>();
        foreach (var group in reported.GroupBy(r => r.ReportedAttainmentId))
        {
            var r = group.First();
            var set = setById[r.CriteriaSetId];
            var scope = group.Select(x => x.UnitId).Order().ToList();
            if (r.Kind == ReportedKind.UnitsAchieved)
            {
                achievements.Add(new AchievementFigure(set.Id, r.PeriodId, r.AsOf, r.UnitsAchieved ?? 0, scope, r.SourceId, r.Note));
                continue;
            }

            var kind = r.Kind == ReportedKind.GroupAverage ? FigureKind.GroupAverage : FigureKind.Reported;
            attainment.AddRange(scope.Select(unitId => new AttainmentFigure(unitId, set.Id, r.PeriodId, kind, r.CriteriaMet, set.DeclaredCriteria,
                r.IndicatorsMet, set.DeclaredIndicators, r.AsOf, r.SourceId, scope)));
        }

        foreach (var g in rawValues.GroupBy(v => (v.UnitId, v.SetId, v.PeriodId)))
        {
            var set = setById[g.Key.SetId];
            var rules = book.For(set.Id, g.Key.UnitId, startOf[g.Key.PeriodId]);
            var values = g.Where(v => rules.Defines(v.IndicatorId)).ToDictionary(v => v.IndicatorId, v => v.Value);
            var withValue = values.Count(v => v.Value is not null);
            if (withValue == 0)
            {
                continue;
            }

            var result = AttainmentRules.Evaluate(rules.CriterionIds, rules.Indicators, values, set.DeclaredCriteria, set.DeclaredIndicators);
            var judged = result.Indicators.Values.Count(s => s is IndicatorStatus.Met or IndicatorStatus.NotMet);
            attainment.Add(new AttainmentFigure(g.Key.UnitId, set.Id, g.Key.PeriodId, FigureKind.Computed,
                result.CriteriaMet, set.DeclaredCriteria, result.IndicatorsMet, set.DeclaredIndicators, null, null, [g.Key.UnitId],
                new ComputedCounts(rules.Indicators.Count, withValue, judged, result.CriteriaUnknown,
                    result.Criteria.Values.Count(c => c is CriterionStatus.Met or CriterionStatus.NotMet))));
        }

        if (combined is not null)
        {
            // The window's own figures (issue 26.1): the combined values judged as a quarter's are, where the unit has no
            // values stored for a whole year; a report's figure and a poverty record are levels, so the latest quarter's stands.
            var lastStart = combinedQuarters.Count > 0 ? combinedQuarters[^1].StartsOn : period.StartsOn;
            foreach (var (pair, values) in combined.Values)
            {
                var (unitId, setId) = pair;
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

            var quarterRank = combinedQuarters.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
            foreach (var latest in attainment.Where(a => a.Kind != FigureKind.Computed && quarterRank.ContainsKey(a.PeriodId))
                         .GroupBy(a => (a.UnitId, a.SetId)).Select(g => g.MaxBy(a => quarterRank[a.PeriodId])!).ToList())
            {
                attainment.Add(latest with { PeriodId = period.Id });
            }

            achievements.AddRange(achievements.Where(a => quarterRank.ContainsKey(a.PeriodId)).GroupBy(a => a.SetId)
                .Select(g => g.MaxBy(a => quarterRank[a.PeriodId])! with { PeriodId = period.Id }).ToList());
        }

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
            .Where(p => windowIds.Contains(p.PeriodId) && unitIds.Contains(p.UnitId) && p.UnitId != did)
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
        if (combined is not null)
        {
            var quarterRank = combinedQuarters.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
            poverty.AddRange(poverty.Where(p => quarterRank.ContainsKey(p.PeriodId)).GroupBy(p => (p.UnitId, p.StandardId))
                .Where(g => !poverty.Any(p => p.UnitId == g.Key.UnitId && p.StandardId == g.Key.StandardId && p.PeriodId == period.Id))
                .Select(g => g.MaxBy(p => quarterRank[p.PeriodId])! with { PeriodId = period.Id }).ToList());
        }

        // The standards in force in the period, and any other that a figure of the period was recorded under.
        var standards = snapshot.PovertyStandards
            .Where(s => (s.ValidFrom == null || s.ValidFrom <= ends) && (s.ValidTo == null || s.ValidTo >= starts)
                || poverty.Any(p => p.StandardId == s.Id && p.PeriodId == period.Id))
            .Select(s => new PovertyStandardInfo(s.Id, s.Code, s.Name, s.ShortName))
            .ToList();
        // A district without its own record gets rates from its communes' counts, but only when every commune has counts.
        foreach (var s in communeSums.Where(s => communes.Count > 0 && s.Counted >= communes.Count
                     && !poverty.Any(p => p.UnitId == did && p.PeriodId == s.PeriodId && p.StandardId == s.StandardId)))
        {
            var rates = PovertyRates.Of(s.Households, s.Poor, s.NearPoor, null, null);
            poverty.Add(new PovertyFigure(did, s.PeriodId, s.StandardId, s.AsOf, rates.Poor, rates.NearPoor, PovertyOrigin.CommuneCounts,
                s.Households, s.Poor, s.NearPoor, null));
        }

        // A window's capital: the figures of its latest quarter that has any (capital is reported to date, not per quarter).
        var capitalPeriodId = period.Id;
        if (combined is not null && combinedQuarters.Count > 0)
        {
            var quarterIds = combinedQuarters.Select(p => p.Id).ToList();
            var withCapital = await db.CapitalFigures.AsNoTracking().Where(c => quarterIds.Contains(c.PeriodId) && unitIds.Contains(c.UnitId))
                .Select(c => c.PeriodId).Distinct().ToListAsync(ct);
            capitalPeriodId = combinedQuarters.LastOrDefault(p => withCapital.Contains(p.Id))?.Id ?? period.Id;
        }

        var capital = (await db.CapitalFigures.AsNoTracking()
                .Where(c => c.PeriodId == capitalPeriodId && unitIds.Contains(c.UnitId))
                .GroupBy(c => new
                {
                    DistrictOwn = c.UnitId == did, ProgrammeCode = c.Programme.Code, ProgrammeName = c.Programme.Name, ProgrammeSort = c.Programme.SortOrder,
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
            .Select(c => new CapitalLine(c.Key.DistrictOwn, c.Key.ProgrammeCode, c.Key.ProgrammeName, c.Key.ProgrammeSort, c.Key.ProjectNumber, c.Key.ProjectName,
                c.Key.FundingSource, c.Key.Kind, c.Key.Measure, c.Amount,
                c.AnyEstimate == 1 ? ValueQualifier.Estimate : c.AnyMoreThan == 1 ? ValueQualifier.MoreThan : ValueQualifier.None,
                c.WorksKnown > 0 ? c.Works : null, c.AsOf, c.Count, c.Count == 1 ? c.Description : null,
                new[] { c.MinSource, c.MaxSource }.OfType<int>().Distinct().ToList()))
            .OrderBy(c => c.DistrictOwn ? 0 : 1).ThenBy(c => c.ProgrammeSort).ThenBy(c => c.ProjectNumber ?? 0).ThenBy(c => c.FundingSource).ThenBy(c => c.Measure)
            .ToList();

        // The actual of a target is the latest value of its year up to the selected period.
        var upToQuarter = period.Half > 0 ? period.Key.Quarters[^1] : period.Quarter;
        var targets = (await db.Targets.AsNoTracking()
                .Where(t => t.Year == period.Year && unitIds.Contains(t.UnitId))
                .OrderBy(t => t.UnitId == did ? 0 : 1).ThenBy(t => t.UnitId).ThenBy(t => t.Indicator.SortOrder)
                .Select(t => new
                {
                    t.UnitId, t.IndicatorId, t.Indicator.Name, t.Indicator.NameEn, t.Indicator.Unit, t.Indicator.ValueType, t.Year, t.Comparator, t.Value, t.SourceId,
                    Actual = db.IndicatorValues
                        // The district filter repeats the outer one so that the database never ranks other districts' values.
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

        // The district's own indicator figures: per indicator, the latest value of this year or the previous one.
        var recentIds = periods.Where(p => p.SortKey <= period.SortKey && p.Year >= period.Year - 1).Select(p => p.Id).ToList();
        var figures = (await db.IndicatorValues.AsNoTracking()
                .Where(v => v.UnitId == did && recentIds.Contains(v.PeriodId) && v.Value != null)
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

        var highlights = withHighlights
            ? await db.ReportHighlights.AsNoTracking()
                .Where(h => h.UnitId == did && h.PeriodId == period.Id)
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

        return new DashboardData(district, communes, period, window, periods, districts, sets, attainment, achievements, standards, poverty, capital,
            targets, figures, highlights, sources, approvedOnly, predecessors, middle,
            combined is null ? null : new CombinedPeriod(combinedQuarters.Select(p => p.Quarter!.Value).ToList(), combined.Gaps, combined.Values.Count > 0));
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
            var combinedValues = new Dictionary<int, decimal?>();
            foreach (var indicator in g.GroupBy(v => v.IndicatorId))
            {
                var rule = snapshot.Indicators.TryGetValue(indicator.Key, out var node) ? node.Combine : QuarterCombine.Last;
                var byQuarter = indicator.GroupBy(v => quarterOf[v.PeriodId]).ToDictionary(q => q.Key, q => q.First().Value);
                combinedValues[indicator.Key] = WindowCombination.Combine(period.Key, rule, byQuarter).Value;
            }

            values[g.Key] = combinedValues;
            var missing = WindowCombination.MissingQuarters(period.Key, g.Where(v => v.Value is not null).Select(v => quarterOf[v.PeriodId]));
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

    /// <summary>The one default-period rule (Core/Periods/DefaultPeriod) over the district and its communes.</summary>
    private async Task<DashPeriod?> LatestWithDataAsync(CatalogueSnapshot snapshot, int did, List<DashPeriod> periods, CancellationToken ct)
    {
        // The unit and the communes directly under it: a province's districts of before 01/07/2025 are not on its
        // dashboard (their communes are under them), so their figures must not pick a period that shows no commune.
        var ids = snapshot.ChildrenOf(did).Where(u => AdministrativeUnit.CommuneLevelKinds.Contains(u.Kind)).Select(u => u.Id).Append(did).ToList();
        var withData = await DefaultPeriod.PeriodsWithFiguresAsync(db, ids, ct);
        return DefaultPeriod.Pick(periods, p => p.Id, p => p.SortKey, withData);
    }
}
