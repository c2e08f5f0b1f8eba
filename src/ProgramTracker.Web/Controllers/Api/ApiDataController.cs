using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Web.Infrastructure.Api;
using ProgramTracker.Web.Models.Api;

namespace ProgramTracker.Web.Controllers.Api;

/// <summary>
/// The figures: values, attainment (reported and computed, labelled), poverty, capital, targets, submissions and a
/// value's audit. Every list takes the same filters (unit with its descendants, period range, set), is ordered by a
/// key that never changes and is paged by cursor.
/// </summary>
[Route("api/v1")]
public sealed class ApiDataController(ProgramTrackerDbContext db, ApiFilters filters) : ApiControllerBase
{
    [HttpGet("values")]
    public async Task<ActionResult<Page<ValueDto>>> Values(string? unit, string? set, string? period, string? from, string? to, string? cursor, int? limit, CancellationToken ct)
    {
        var f = await ReadFiltersAsync(unit, set, period, from, to, cursor, limit, 1, ct);
        if (f.Error is not null)
        {
            return f.Error;
        }

        var last = f.After?[0] ?? 0;
        var rows = await ValueQueries.Project(db, ValueQueries.Filter(db, f.Units, f.Set, f.From, f.To).Where(v => v.Id > last).OrderBy(v => v.Id).Take(f.Take + 1))
            .ToListAsync(ct);
        return Cursor.Cut(rows, f.Take, v => [v.Id]);
    }

    [HttpGet("attainment/reported")]
    public async Task<ActionResult<Page<ReportedAttainmentDto>>> Reported(string? unit, string? set, string? period, string? from, string? to, string? cursor, int? limit, CancellationToken ct)
    {
        var f = await ReadFiltersAsync(unit, set, period, from, to, cursor, limit, 1, ct);
        if (f.Error is not null)
        {
            return f.Error;
        }

        var (units, setId, lo, hi, last) = (f.Units, f.Set, f.From, f.To, (int)(f.After?[0] ?? 0));
        var rows = await db.ReportedAttainments.AsNoTracking()
            .Where(r => r.Id > last && (units == null || r.Scope.Any(s => units.Contains(s.UnitId))) && (setId == null || r.CriteriaSetId == setId)
                && (r.Period.Year * 10) + (r.Period.Quarter ?? 0) >= lo && (r.Period.Year * 10) + (r.Period.Quarter ?? 0) <= hi)
            .OrderBy(r => r.Id).Take(f.Take + 1)
            .Select(r => new ReportedAttainmentDto(r.Id, "reported", r.CriteriaSet.Code, PeriodCode.Format(r.Period.Year, r.Period.Quarter), r.Kind,
                r.Scope.OrderBy(s => s.UnitId).Select(s => s.Unit.Slug).ToList(), r.CriteriaMet, r.IndicatorsMet, r.UnitsAchieved,
                r.CriteriaSet.DeclaredCriteria, r.CriteriaSet.DeclaredIndicators, r.AsOf, r.Note, new SourceRef(r.Source.Code, r.Source.Title)))
            .ToListAsync(ct);
        return Cursor.Cut(rows, f.Take, r => [r.Id]);
    }

    [HttpGet("attainment/computed")]
    public async Task<ActionResult<Page<ComputedAttainmentDto>>> Computed(string? unit, string? set, string? period, string? from, string? to, string? cursor, int? limit, CancellationToken ct)
    {
        var f = await ReadFiltersAsync(unit, set, period, from, to, cursor, limit, 3, ct);
        if (f.Error is not null)
        {
            return f.Error;
        }

        var (units, setId, lo, hi) = (f.Units, f.Set, f.From, f.To);
        var (u0, s0, p0) = f.After is { } a ? ((int)a[0], (int)a[1], (int)a[2]) : (0, 0, 0);
        var rows = await db.AttainmentSummaries.AsNoTracking()
            .Where(s => (units == null || units.Contains(s.UnitId)) && (setId == null || s.CriteriaSetId == setId)
                && (s.Period.Year * 10) + (s.Period.Quarter ?? 0) >= lo && (s.Period.Year * 10) + (s.Period.Quarter ?? 0) <= hi
                && (s.UnitId > u0 || (s.UnitId == u0 && (s.CriteriaSetId > s0 || (s.CriteriaSetId == s0 && s.PeriodId > p0)))))
            .OrderBy(s => s.UnitId).ThenBy(s => s.CriteriaSetId).ThenBy(s => s.PeriodId).Take(f.Take + 1)
            .Select(s => new
            {
                s.UnitId, s.CriteriaSetId, s.PeriodId,
                Dto = new ComputedAttainmentDto("computed", s.Unit.Slug, s.CriteriaSet.Code, PeriodCode.Format(s.Period.Year, s.Period.Quarter), s.CriteriaMet,
                    s.IndicatorsMet, s.ValuesEntered, s.CriteriaSet.DeclaredCriteria, s.CriteriaSet.DeclaredIndicators, s.Achieved, s.Status, s.UpdatedAtUtc),
            })
            .ToListAsync(ct);
        var page = Cursor.Cut(rows, f.Take, r => [r.UnitId, r.CriteriaSetId, r.PeriodId]);
        return new Page<ComputedAttainmentDto>(page.Items.Select(r => r.Dto).ToList(), page.Next);
    }

    [HttpGet("poverty")]
    public async Task<ActionResult<Page<PovertyDto>>> Poverty(string? unit, string? period, string? from, string? to, string? cursor, int? limit, CancellationToken ct)
    {
        var f = await ReadFiltersAsync(unit, null, period, from, to, cursor, limit, 1, ct);
        if (f.Error is not null)
        {
            return f.Error;
        }

        var (units, lo, hi, last) = (f.Units, f.From, f.To, (int)(f.After?[0] ?? 0));
        var rows = await db.PovertyRecords.AsNoTracking()
            .Where(r => r.Id > last && (units == null || units.Contains(r.UnitId))
                && (r.Period.Year * 10) + (r.Period.Quarter ?? 0) >= lo && (r.Period.Year * 10) + (r.Period.Quarter ?? 0) <= hi)
            .OrderBy(r => r.Id).Take(f.Take + 1)
            .Select(r => new PovertyDto(r.Id, r.Unit.Slug, PeriodCode.Format(r.Period.Year, r.Period.Quarter), r.Standard.Code, r.AsOf, r.HouseholdsTotal,
                r.PoorHouseholds, r.NearPoorHouseholds, r.ReportedPoorRate, r.ReportedNearPoorRate, r.Note,
                r.Source == null ? null : new SourceRef(r.Source.Code, r.Source.Title), r.Version))
            .ToListAsync(ct);
        return Cursor.Cut(rows, f.Take, r => [r.Id]);
    }

    [HttpGet("capital")]
    public async Task<ActionResult<Page<CapitalDto>>> Capital(string? unit, string? period, string? from, string? to, string? cursor, int? limit, CancellationToken ct)
    {
        var f = await ReadFiltersAsync(unit, null, period, from, to, cursor, limit, 1, ct);
        if (f.Error is not null)
        {
            return f.Error;
        }

        var (units, lo, hi, last) = (f.Units, f.From, f.To, (int)(f.After?[0] ?? 0));
        var rows = await db.CapitalFigures.AsNoTracking()
            .Where(r => r.Id > last && (units == null || units.Contains(r.UnitId))
                && (r.Period.Year * 10) + (r.Period.Quarter ?? 0) >= lo && (r.Period.Year * 10) + (r.Period.Quarter ?? 0) <= hi)
            .OrderBy(r => r.Id).Take(f.Take + 1)
            .Select(r => new CapitalDto(r.Id, r.Unit.Slug, PeriodCode.Format(r.Period.Year, r.Period.Quarter), r.Programme.Code,
                r.Project == null ? null : r.Project.Number, r.Measure, r.Kind, r.FundingSource, r.AmountVnd, r.Qualifier, r.WorksCount, r.AsOf, r.Description,
                r.Source == null ? null : new SourceRef(r.Source.Code, r.Source.Title)))
            .ToListAsync(ct);
        return Cursor.Cut(rows, f.Take, r => [r.Id]);
    }

    /// <summary>Targets by year: `from`/`to` ("2023" or "2023-Q1") select the years.</summary>
    [HttpGet("targets")]
    public async Task<ActionResult<Page<TargetDto>>> Targets(string? unit, string? set, string? from, string? to, string? cursor, int? limit, CancellationToken ct)
    {
        var f = await ReadFiltersAsync(unit, set, null, from, to, cursor, limit, 1, ct);
        if (f.Error is not null)
        {
            return f.Error;
        }

        var (units, setId, lo, hi, last) = (f.Units, f.Set, f.From / 10, f.To / 10, (int)(f.After?[0] ?? 0));
        var rows = await db.Targets.AsNoTracking()
            .Where(t => t.Id > last && (units == null || units.Contains(t.UnitId)) && (setId == null || t.Indicator.Criterion.CriteriaSetId == setId)
                && t.Year >= lo && t.Year <= hi)
            .OrderBy(t => t.Id).Take(f.Take + 1)
            .Select(t => new TargetDto(t.Id, t.Unit.Slug, t.IndicatorId, t.Indicator.Code, t.Year, t.Comparator, t.Value, t.Note,
                t.Source == null ? null : new SourceRef(t.Source.Code, t.Source.Title), t.Version))
            .ToListAsync(ct);
        return Cursor.Cut(rows, f.Take, r => [r.Id]);
    }

    [HttpGet("submissions")]
    public async Task<ActionResult<Page<SubmissionDto>>> Submissions(string? unit, string? set, string? period, string? from, string? to, SubmissionStatus? status,
        string? cursor, int? limit, CancellationToken ct)
    {
        var f = await ReadFiltersAsync(unit, set, period, from, to, cursor, limit, 1, ct);
        if (f.Error is not null)
        {
            return f.Error;
        }

        var (units, setId, lo, hi, last) = (f.Units, f.Set, f.From, f.To, (int)(f.After?[0] ?? 0));
        var rows = await db.Submissions.AsNoTracking()
            .Where(s => s.Id > last && (units == null || units.Contains(s.UnitId)) && (setId == null || s.CriteriaSetId == setId) && (status == null || s.Status == status)
                && (s.Period.Year * 10) + (s.Period.Quarter ?? 0) >= lo && (s.Period.Year * 10) + (s.Period.Quarter ?? 0) <= hi)
            .OrderBy(s => s.Id).Take(f.Take + 1)
            .Select(s => new SubmissionDto(s.Id, s.Unit.Slug, s.CriteriaSet.Code, PeriodCode.Format(s.Period.Year, s.Period.Quarter), s.Status, s.Comment,
                s.SubmittedBy, s.SubmittedAtUtc, s.ReviewedBy, s.ReviewedAtUtc, s.UpdatedAtUtc, s.Version))
            .ToListAsync(ct);
        return Cursor.Cut(rows, f.Take, r => [r.Id]);
    }

    /// <summary>The history of one value (unit, indicator by id or code, period), oldest first; workflow steps are in /submissions.</summary>
    [HttpGet("audit/value")]
    public async Task<ActionResult<Page<AuditDto>>> ValueAudit(string unit, string indicator, string period, string? cursor, int? limit, CancellationToken ct)
    {
        var f = await ReadFiltersAsync(unit, null, null, null, null, cursor, limit, 1, ct);
        if (f.Error is not null)
        {
            return f.Error;
        }

        var unitId = await db.Units.Where(u => u.Slug == unit).Select(u => u.Id).FirstAsync(ct);
        var indicatorId = await ValueQueries.IndicatorIdAsync(db, indicator, ct);
        var p = await filters.PeriodAsync(period, ct);
        if (indicatorId is null || p is null)
        {
            return NotFoundProblem(indicatorId is null ? F.Format("Api.NoIndicator", indicator) : F.Format("Api.NoPeriod", period));
        }

        var last = f.After?[0] ?? 0;
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Id > last && a.UnitId == unitId && a.IndicatorId == indicatorId && a.PeriodId == p.Id)
            .OrderBy(a => a.Id).Take(f.Take + 1)
            .Select(a => new AuditDto(a.Id, a.AtUtc, a.UserName, a.Action, a.OldValue, a.NewValue, a.Note))
            .ToListAsync(ct);
        return Cursor.Cut(rows, f.Take, r => [r.Id]);
    }

    private sealed record Filters(int[]? Units, int? Set, int From, int To, long[]? After, int Take, ObjectResult? Error);

    private async Task<Filters> ReadFiltersAsync(string? unit, string? set, string? period, string? from, string? to, string? cursor, int? limit, int cursorParts, CancellationToken ct)
    {
        var (lo, hi, periodError) = ApiFilters.PeriodRange(period, from, to);
        if (periodError is not null)
        {
            return new Filters(null, null, 0, 0, null, 0, periodError.ToResult());
        }

        if (!Cursor.TryDecode(cursor, cursorParts, out var after))
        {
            return new Filters(null, null, 0, 0, null, 0, BadRequestProblem(F["Api.UnknownCursor"]));
        }

        var (units, unitError) = await filters.UnitsAsync(User, unit, ct);
        var (setId, setError) = await filters.SetAsync(set, ct);
        var error = unitError ?? setError;
        return error is not null
            ? new Filters(null, null, 0, 0, null, 0, error.ToResult())
            : new Filters(units, setId, lo, hi, after, Cursor.Limit(limit), null);
    }
}
