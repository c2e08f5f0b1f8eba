using ProgramTracker.Core.Periods;

namespace ProgramTracker.Web.Api;

/// <summary>
/// A list's filters once read and checked: the units (null: every unit), the set, the period range as keys
/// year × 10 + quarter, the cursor's key and the page size.
/// </summary>
public sealed record ApiListQuery(int[]? Units, int? Set, int From, int To, long[]? After, int Take)
{
    public int Last => (int)(After?[0] ?? 0);
}

/// <summary>
/// The figures as the API lists them: values, attainment (reported and computed), poverty, capital, targets,
/// submissions, a value's audit. Each list is ordered by a key that never changes and cut into a page by cursor.
/// </summary>
public sealed class ApiDataQueries(ProgramTrackerDbContext db)
{
    public async Task<Page<ValueDto>> ValuesAsync(ApiListQuery q, CancellationToken ct)
    {
        var last = q.After?[0] ?? 0;
        var rows = await Project(Filter(q.Units, q.Set, q.From, q.To).Where(v => v.Id > last).OrderBy(v => v.Id).Take(q.Take + 1)).ToListAsync(ct);
        return Cursor.Cut(rows, q.Take, v => [v.Id]);
    }

    /// <summary>Every value of the units over the range in key order, streamed (never buffered) for the export.</summary>
    public IAsyncEnumerable<ValueDto> StreamValues(int[]? units, int? setId, int from, int to) =>
        Project(Filter(units, setId, from, to).OrderBy(v => v.Id)).AsAsyncEnumerable();

    public async Task<Page<ReportedAttainmentDto>> ReportedAsync(ApiListQuery q, CancellationToken ct)
    {
        var (units, setId, lo, hi, last) = (q.Units, q.Set, q.From, q.To, q.Last);
        var periods = PeriodsIn(lo, hi);
        var rows = await db.ReportedAttainments.AsNoTracking()
            .Where(r => r.Id > last && (units == null || r.Scope.Any(s => units.Contains(s.UnitId))) && (setId == null || r.CriteriaSetId == setId)
                && periods.Contains(r.PeriodId))
            .OrderBy(r => r.Id).Take(q.Take + 1)
            .Select(r => new ReportedAttainmentDto(r.Id, "reported", r.CriteriaSet.Code, PeriodCode.Format(r.Period.Year, r.Period.Quarter), r.Kind,
                r.Scope.OrderBy(s => s.UnitId).Select(s => s.Unit.Slug).ToList(), r.CriteriaMet, r.IndicatorsMet, r.UnitsAchieved,
                r.CriteriaSet.DeclaredCriteria, r.CriteriaSet.DeclaredIndicators, r.AsOf, r.Note, new SourceRef(r.Source.Code, r.Source.Title)))
            .ToListAsync(ct);
        return Cursor.Cut(rows, q.Take, r => [r.Id]);
    }

    /// <summary>Computed attainment, keyed by unit × set × period (a three-part cursor).</summary>
    public async Task<Page<ComputedAttainmentDto>> ComputedAsync(ApiListQuery q, CancellationToken ct)
    {
        var (units, setId, lo, hi) = (q.Units, q.Set, q.From, q.To);
        var (u0, s0, p0) = q.After is { } a ? ((int)a[0], (int)a[1], (int)a[2]) : (0, 0, 0);
        var periods = PeriodsIn(lo, hi);
        var rows = await db.AttainmentSummaries.AsNoTracking()
            .Where(s => (units == null || units.Contains(s.UnitId)) && (setId == null || s.CriteriaSetId == setId)
                && periods.Contains(s.PeriodId)
                && (s.UnitId > u0 || (s.UnitId == u0 && (s.CriteriaSetId > s0 || (s.CriteriaSetId == s0 && s.PeriodId > p0)))))
            .OrderBy(s => s.UnitId).ThenBy(s => s.CriteriaSetId).ThenBy(s => s.PeriodId).Take(q.Take + 1)
            .Select(s => new
            {
                s.UnitId, s.CriteriaSetId, s.PeriodId,
                Dto = new ComputedAttainmentDto("computed", s.Unit.Slug, s.CriteriaSet.Code, PeriodCode.Format(s.Period.Year, s.Period.Quarter), s.CriteriaMet,
                    s.IndicatorsMet, s.ValuesEntered, s.CriteriaSet.DeclaredCriteria, s.CriteriaSet.DeclaredIndicators, s.Achieved, s.Status, s.UpdatedAtUtc),
            })
            .ToListAsync(ct);
        var page = Cursor.Cut(rows, q.Take, r => [r.UnitId, r.CriteriaSetId, r.PeriodId]);
        return new Page<ComputedAttainmentDto>(page.Items.Select(r => r.Dto).ToList(), page.Next);
    }

    public async Task<Page<PovertyDto>> PovertyAsync(ApiListQuery q, CancellationToken ct)
    {
        var (units, lo, hi, last) = (q.Units, q.From, q.To, q.Last);
        var periods = PeriodsIn(lo, hi);
        var rows = await db.PovertyRecords.AsNoTracking()
            .Where(r => r.Id > last && (units == null || units.Contains(r.UnitId))
                && periods.Contains(r.PeriodId))
            .OrderBy(r => r.Id).Take(q.Take + 1)
            .Select(r => new PovertyDto(r.Id, r.Unit.Slug, PeriodCode.Format(r.Period.Year, r.Period.Quarter), r.Standard.Code, r.AsOf, r.HouseholdsTotal,
                r.PoorHouseholds, r.NearPoorHouseholds, r.ReportedPoorRate, r.ReportedNearPoorRate, r.Note,
                r.Source == null ? null : new SourceRef(r.Source.Code, r.Source.Title), r.Version))
            .ToListAsync(ct);
        return Cursor.Cut(rows, q.Take, r => [r.Id]);
    }

    public async Task<Page<CapitalDto>> CapitalAsync(ApiListQuery q, CancellationToken ct)
    {
        var (units, lo, hi, last) = (q.Units, q.From, q.To, q.Last);
        var periods = PeriodsIn(lo, hi);
        var rows = await db.CapitalFigures.AsNoTracking()
            .Where(r => r.Id > last && (units == null || units.Contains(r.UnitId))
                && periods.Contains(r.PeriodId))
            .OrderBy(r => r.Id).Take(q.Take + 1)
            .Select(r => new CapitalDto(r.Id, r.Unit.Slug, PeriodCode.Format(r.Period.Year, r.Period.Quarter), r.Programme.Code,
                r.Project == null ? null : r.Project.Number, r.Measure, r.Kind, r.FundingSource, r.AmountVnd, r.Qualifier, r.WorksCount, r.AsOf, r.Description,
                r.Source == null ? null : new SourceRef(r.Source.Code, r.Source.Title)))
            .ToListAsync(ct);
        return Cursor.Cut(rows, q.Take, r => [r.Id]);
    }

    /// <summary>Targets by year: the range's keys divided by ten are the years.</summary>
    public async Task<Page<TargetDto>> TargetsAsync(ApiListQuery q, CancellationToken ct)
    {
        var (units, setId, lo, hi, last) = (q.Units, q.Set, q.From / 10, q.To / 10, q.Last);
        var rows = await db.Targets.AsNoTracking()
            .Where(t => t.Id > last && (units == null || units.Contains(t.UnitId)) && (setId == null || t.Indicator.Criterion.CriteriaSetId == setId)
                && t.Year >= lo && t.Year <= hi)
            .OrderBy(t => t.Id).Take(q.Take + 1)
            .Select(t => new TargetDto(t.Id, t.Unit.Slug, t.IndicatorId, t.Indicator.Code, t.Year, t.Comparator, t.Value, t.Note,
                t.Source == null ? null : new SourceRef(t.Source.Code, t.Source.Title), t.Version))
            .ToListAsync(ct);
        return Cursor.Cut(rows, q.Take, r => [r.Id]);
    }

    public async Task<Page<SubmissionDto>> SubmissionsAsync(ApiListQuery q, SubmissionStatus? status, CancellationToken ct)
    {
        var (units, setId, lo, hi, last) = (q.Units, q.Set, q.From, q.To, q.Last);
        var periods = PeriodsIn(lo, hi);
        var rows = await db.Submissions.AsNoTracking()
            .Where(s => s.Id > last && (units == null || units.Contains(s.UnitId)) && (setId == null || s.CriteriaSetId == setId) && (status == null || s.Status == status)
                && periods.Contains(s.PeriodId))
            .OrderBy(s => s.Id).Take(q.Take + 1)
            .Select(s => new SubmissionDto(s.Id, s.Unit.Slug, s.CriteriaSet.Code, PeriodCode.Format(s.Period.Year, s.Period.Quarter), s.Status, s.Comment,
                s.SubmittedBy, s.SubmittedAtUtc, s.ReviewedBy, s.ReviewedAtUtc, s.UpdatedAtUtc, s.Version))
            .ToListAsync(ct);
        return Cursor.Cut(rows, q.Take, r => [r.Id]);
    }

    /// <summary>The history of one value, oldest first.</summary>
    public async Task<Page<AuditDto>> ValueAuditAsync(int unitId, int indicatorId, int periodId, ApiListQuery q, CancellationToken ct)
    {
        var last = q.After?[0] ?? 0;
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Id > last && a.UnitId == unitId && a.IndicatorId == indicatorId && a.PeriodId == periodId)
            .OrderBy(a => a.Id).Take(q.Take + 1)
            .Select(a => new AuditDto(a.Id, a.AtUtc, a.UserName, a.Action, a.OldValue, a.NewValue, a.Note))
            .ToListAsync(ct);
        return Cursor.Cut(rows, q.Take, r => [r.Id]);
    }

    /// <summary>The ids of the stored periods in the range (a subquery of the list's own query, not a query of its own).</summary>
    private IQueryable<int> PeriodsIn(int from, int to) => db.Periods.Where(ApiFilters.StoredRankBetween(from, to)).Select(p => p.Id);

    private IQueryable<IndicatorValue> Filter(int[]? units, int? setId, int from, int to)
    {
        var periods = PeriodsIn(from, to);
        return db.IndicatorValues.AsNoTracking()
            .Where(v => (units == null || units.Contains(v.UnitId)) && (setId == null || v.Indicator.Criterion.CriteriaSetId == setId)
                && periods.Contains(v.PeriodId));
    }

    /// <summary>Each value with its set's workflow status for the unit and period (Draft when nothing was submitted).</summary>
    private IQueryable<ValueDto> Project(IQueryable<IndicatorValue> values) =>
        values.Select(v => new ValueDto(v.Id, v.Unit.Slug, v.Indicator.Criterion.CriteriaSet.Code, v.IndicatorId, v.Indicator.Code,
            PeriodCode.Format(v.Period.Year, v.Period.Quarter), v.Value, v.Qualifier, v.AsOf, v.Note,
            v.Source == null ? null : new SourceRef(v.Source.Code, v.Source.Title),
            db.Submissions.Where(s => s.UnitId == v.UnitId && s.PeriodId == v.PeriodId && s.CriteriaSetId == v.Indicator.Criterion.CriteriaSetId)
                .Select(s => (SubmissionStatus?)s.Status).FirstOrDefault() ?? SubmissionStatus.Draft,
            v.Version, v.UpdatedBy, v.UpdatedAtUtc));
}
