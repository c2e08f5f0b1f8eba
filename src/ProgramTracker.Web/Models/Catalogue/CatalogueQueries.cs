using ProgramTracker.Core.Attainment;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.Catalogue;

/// <summary>
/// Reads for the programme, criteria-set and indicator pages. The catalogue itself is national; the figures of
/// units shown on these pages are limited to the caller's <see cref="ReadScope"/>.
/// </summary>
public sealed class CatalogueQueries(ProgramTrackerDbContext db)
{
    public Task<List<ProgrammeRow>> ProgrammesAsync(CancellationToken ct) =>
        db.Programmes.AsNoTracking().OrderBy(p => p.SortOrder)
            .Select(p => new ProgrammeRow(p.Code, p.Name, p.LocalName, p.LegalBasis, p.Phase, p.Projects.Count, p.CriteriaSets.Count, null, p.NameEn))
            .ToListAsync(ct);

    public async Task<ProgrammePageModel?> ProgrammeAsync(string code, ReadScope scope, CancellationToken ct)
    {
        var p = await db.Programmes.AsNoTracking().Where(x => x.Code == code)
            .Select(x => new { Row = new ProgrammeRow(x.Code, x.Name, x.LocalName, x.LegalBasis, x.Phase, x.Projects.Count, x.CriteriaSets.Count, x.Targets, x.NameEn), x.Id, x.Source })
            .FirstOrDefaultAsync(ct);
        if (p is null)
        {
            return null;
        }

        var projects = await db.ProgrammeProjects.AsNoTracking().Where(x => x.ProgrammeId == p.Id).OrderBy(x => x.Number).ToListAsync(ct);
        var sets = await SetRows(db.CriteriaSets.Where(s => s.ProgrammeId == p.Id)).ToListAsync(ct);
        var capital = (await Scoped(db.CapitalFigures.AsNoTracking().Where(c => c.ProgrammeId == p.Id), scope)
                .OrderBy(c => c.UnitId).ThenBy(c => c.Measure)
                .Select(c => new { c.Programme.Code, c.Programme.Name, Project = c.Project != null ? c.Project.Name : null, c.Period.Year, c.Period.Quarter, c.Measure, c.Kind, c.FundingSource, c.AmountVnd, c.Qualifier, c.WorksCount, c.AsOf, c.Description, c.Source, UnitName = c.Unit.Name, UnitKind = c.Unit.Kind })
                .ToListAsync(ct))
            .Select(c => new CapitalRow(c.Code, Formats.Current.UnitName(c.UnitKind, c.UnitName), c.Project, Formats.Current.Period(c.Year, c.Quarter), c.Measure, c.Kind,
                c.FundingSource, c.AmountVnd, c.Qualifier, c.WorksCount, c.AsOf, c.Description, SourceRef.From(c.Source)))
            .ToList();
        var highlights = (await Scoped(db.ReportHighlights.AsNoTracking().Where(h => h.ProgrammeId == p.Id), scope).OrderBy(h => h.SortOrder)
                .Select(h => new { h.Topic, h.Text, h.Period.Year, h.Period.Quarter, h.Source }).ToListAsync(ct))
            .Select(h => new HighlightRow(code, h.Topic, h.Text, Formats.Current.Period(h.Year, h.Quarter), SourceRef.From(h.Source)!))
            .ToList();
        return new ProgrammePageModel(p.Row, SourceRef.From(p.Source), projects, sets, capital, highlights);
    }

    public async Task<CriteriaSetPageModel?> CriteriaSetAsync(string code, ReadScope scope, CancellationToken ct)
    {
        var set = await db.CriteriaSets.AsNoTracking().Where(s => s.Code == code)
            .Select(s => new { s.Id, s.Note, s.ValidFrom, s.ValidTo, s.ThresholdScheme, s.Source, ProgrammeCode = s.Programme.Code, ProgrammeName = s.Programme.Name })
            .FirstOrDefaultAsync(ct);
        if (set is null)
        {
            return null;
        }

        var row = await SetRows(db.CriteriaSets.Where(s => s.Id == set.Id)).SingleAsync(ct);
        // The indicators of the latest version, each with its rule there; the versions list says what changed when.
        var book = await RuleBook.LoadAsync(db, [set.Id], [], ct);
        var allVersions = book.Versions(set.Id);
        var latest = allVersions.Count == 0 ? null : allVersions[^1];
        var criteria = (await db.Criteria.AsNoTracking().Where(c => c.CriteriaSetId == set.Id).OrderBy(c => c.Number)
                .Select(c => new
                {
                    c.Number, c.Name, c.NameEn, c.GroupName,
                    Indicators = c.Indicators.OrderBy(i => i.SortOrder).Select(i => new { i.Id, i.Code, i.Name, i.NameEn, i.Unit, i.ValueType, i.Source }).ToList(),
                })
                .ToListAsync(ct))
            .Select(c => new CriterionRow(c.Number, c.Name, c.GroupName, c.Indicators
                .Select(i => (i, Rules: latest is null ? [] : book.ZoneRules(latest.Id, i.Id)))
                .Where(x => x.Rules.Count > 0)
                .Select(x => Row(x.i.Id, x.i.Code, x.i.Name, x.i.Unit, x.i.ValueType, x.Rules, SourceRef.From(x.i.Source), x.i.NameEn))
                .ToList(), c.NameEn))
            .ToList();
        var versions = await db.CriteriaSetVersions.AsNoTracking().Where(v => v.CriteriaSetId == set.Id).OrderBy(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.EffectiveFrom, v.Changes, v.CreatedBy, v.CreatedAtUtc, v.Thresholds.Count(t => t.Zone == Zones.Common)))
            .ToListAsync(ct);
        var reportedRows = db.ReportedAttainments.AsNoTracking().Where(r => r.CriteriaSetId == set.Id);
        if (!scope.All)
        {
            // A figure about a group of units is shown when the user reads any unit of the group.
            var readable = scope.UnitIds;
            reportedRows = reportedRows.Where(r => r.Scope.Any(s => readable.Contains(s.UnitId)));
        }

        var reported = (await reportedRows
                .OrderByDescending(r => r.AsOf).ThenBy(r => r.Id)
                .Select(r => new
                {
                    r.Period.Year, r.Period.Quarter, r.AsOf, r.Kind, r.CriteriaMet, r.IndicatorsMet, r.UnitsAchieved, r.Note, r.Source,
                    Scope = r.Scope.OrderBy(s => s.UnitId).Select(s => new { s.Unit.Slug, s.Unit.Name, s.Unit.Kind }).ToList(),
                })
                .ToListAsync(ct))
            .Select(r => new SetReportedRow(Formats.Current.Period(r.Year, r.Quarter), r.AsOf, r.Kind, r.CriteriaMet, r.IndicatorsMet, r.UnitsAchieved,
                r.Scope.Select(s => (s.Slug, Formats.Current.UnitName(s.Kind, s.Name), s.Kind == UnitKind.District)).ToList(), r.Note, SourceRef.From(r.Source)!))
            .ToList();
        return new CriteriaSetPageModel(row, set.ProgrammeCode, set.ProgrammeName, set.Note, set.ValidFrom, SourceRef.From(set.Source), criteria, reported,
            versions, set.ThresholdScheme, set.ValidTo);
    }

    /// <param name="periodCode">A half-year or a year (issue 26): each unit's values of it combined by the indicator's rule; null when
    /// none of its quarters is open (404). Anything else is ignored (the values table lists the stored periods).</param>
    public async Task<IndicatorPageModel?> IndicatorAsync(int id, ReadScope scope, CancellationToken ct, string? periodCode = null)
    {
        var i = await db.Indicators.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Code, x.Name, x.NameEn, x.Unit, x.ValueType, x.Source, x.Note, x.Frequency, x.Combine, x.CombineReason,
                CriterionName = x.Criterion.Name, CriterionNumber = x.Criterion.Number, SetId = x.Criterion.CriteriaSetId, SetCode = x.Criterion.CriteriaSet.Code, SetName = x.Criterion.CriteriaSet.Name,
                CriterionNameEn = x.Criterion.NameEn, SetNameEn = x.Criterion.CriteriaSet.NameEn,
            })
            .FirstOrDefaultAsync(ct);
        if (i is null)
        {
            return null;
        }

        var book = await RuleBook.LoadAsync(db, [i.SetId], [], ct);
        var ruleVersions = book.Versions(i.SetId).Select(v => (v.Number, v.EffectiveFrom, book.ZoneRules(v.Id, i.Id))).Where(v => v.Item3.Count > 0).ToList();
        var shown = ruleVersions.Count > 0 ? ruleVersions[^1].Item3 : [];
        var row = Row(i.Id, i.Code, i.Name, i.Unit, i.ValueType, shown, SourceRef.From(i.Source), i.NameEn);

        // Bounded: the most recent 200 values; national scale has thousands of units per indicator.
        var values = (await Scoped(db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == id), scope)
                .OrderByDescending(v => v.Period.Year).ThenByDescending(v => v.Period.Quarter).ThenBy(v => v.UnitId)
                .Take(200)
                .Select(v => new { v.Unit.Slug, v.Unit.Name, v.Unit.Kind, v.Period.Year, v.Period.Quarter, v.Value, v.Qualifier, v.AsOf, v.Note, v.Source })
                .ToListAsync(ct))
            .Select(v => new IndicatorValueRow(v.Slug, Formats.Current.UnitName(v.Kind, v.Name), v.Kind == UnitKind.District,
                Formats.Current.Period(v.Year, v.Quarter), v.Value, v.Qualifier, v.AsOf, v.Note, SourceRef.From(v.Source)))
            .ToList();
        var targets = (await Scoped(db.Targets.AsNoTracking().Where(t => t.IndicatorId == id), scope).OrderBy(t => t.Year)
                .Select(t => new { t.Year, t.Comparator, t.Value, t.Note, t.Source, t.Unit.Name, t.Unit.Kind }).ToListAsync(ct))
            .Select(t => new IndicatorTargetRow(Formats.Current.UnitName(t.Kind, t.Name), t.Year, t.Comparator, t.Value, t.Note, SourceRef.From(t.Source)))
            .ToList();
        var stored = (await db.Periods.AsNoTracking().Select(p => new Dashboard.DashPeriod(p.Id, p.Year, p.Quarter)).ToListAsync(ct)).OrderBy(p => p.SortKey).ToList();
        IndicatorWindow? window = null;
        if (ProgramTracker.Core.Periods.PeriodKey.TryParse(periodCode, out var key) && key.Span != ProgramTracker.Core.Periods.PeriodSpan.Quarter)
        {
            if (UnitWindowScope.Of(key, stored) is not { } w)
            {
                return null;
            }

            // Bounded like the values table: the units with values in the window's quarters, at most 500 of them.
            var quarterIds = w.Quarters.Select(q => q.Id).ToList();
            var raw = await Scoped(db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == id && quarterIds.Contains(v.PeriodId)), scope)
                .Select(v => new { v.UnitId, v.Unit.Slug, v.Unit.Name, v.Unit.Kind, v.PeriodId, v.Value })
                .ToListAsync(ct);
            var rows = raw.GroupBy(v => (v.UnitId, v.Slug, v.Name, v.Kind)).OrderBy(g => g.Key.UnitId).Take(500)
                .Select(g =>
                {
                    var byQuarter = g.GroupBy(v => w.QuarterOf[v.PeriodId]).ToDictionary(q => q.Key, q => q.First().Value);
                    return new IndicatorWindowRow(g.Key.Slug, Formats.Current.UnitName(g.Key.Kind, g.Key.Name), g.Key.Kind == UnitKind.District, byQuarter,
                        ProgramTracker.Core.Periods.WindowCombination.Combine(key, i.Combine, byQuarter));
                })
                .ToList();
            window = new IndicatorWindow(w.Period, rows);
        }

        return new IndicatorPageModel(row, i.Note, i.Frequency, i.CriterionName, i.CriterionNumber, i.SetCode, i.SetName, i.CriterionNameEn, i.SetNameEn,
            ruleVersions.Select(v => (v.Number, v.EffectiveFrom, v.Item3)).ToList(), values, targets, i.Combine, i.CombineReason,
            Dashboard.DashPeriod.Picker(stored).Where(p => p.Quarter is null).ToList(), window);
    }

    private static IndicatorRow Row(int id, string code, string name, string? unit, ProgramTracker.Core.Domain.ValueKind type, IReadOnlyList<ZoneRule> rules, SourceRef? source, string? nameEn = null)
    {
        var common = rules.FirstOrDefault(r => r.Zone == Zones.Common);
        return new IndicatorRow(id, code, name, unit, type, common?.Comparator ?? Comparator.AtLeast, common?.Value, common?.Text, rules, source, nameEn);
    }

    private static IQueryable<CapitalFigure> Scoped(IQueryable<CapitalFigure> rows, ReadScope scope) =>
        scope.All ? rows : rows.Where(r => scope.UnitIds.Contains(r.UnitId));

    private static IQueryable<ReportHighlight> Scoped(IQueryable<ReportHighlight> rows, ReadScope scope) =>
        scope.All ? rows : rows.Where(r => scope.UnitIds.Contains(r.UnitId));

    private static IQueryable<IndicatorValue> Scoped(IQueryable<IndicatorValue> rows, ReadScope scope) =>
        scope.All ? rows : rows.Where(r => scope.UnitIds.Contains(r.UnitId));

    private static IQueryable<Target> Scoped(IQueryable<Target> rows, ReadScope scope) =>
        scope.All ? rows : rows.Where(r => scope.UnitIds.Contains(r.UnitId));

    private static IQueryable<SetRow> SetRows(IQueryable<CriteriaSet> sets) =>
        sets.AsNoTracking().OrderBy(s => s.SortOrder)
            .Select(s => new SetRow(s.Code, s.Name, s.Level, s.Tier, s.Phase, s.LegalBasis, s.DeclaredCriteria, s.DeclaredIndicators,
                s.Criteria.Count, s.Criteria.SelectMany(c => c.Indicators).Count(), s.NameEn));
}
