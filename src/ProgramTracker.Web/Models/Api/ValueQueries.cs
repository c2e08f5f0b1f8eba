using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Web.Models.Api;

/// <summary>Indicator values as the API lists and exports them.</summary>
public static class ValueQueries
{
    public static IQueryable<IndicatorValue> Filter(ProgramTrackerDbContext db, int[]? units, int? setId, int from, int to) =>
        db.IndicatorValues.AsNoTracking()
            .Where(v => (units == null || units.Contains(v.UnitId)) && (setId == null || v.Indicator.Criterion.CriteriaSetId == setId)
                && (v.Period.Year * 10) + (v.Period.Quarter ?? 0) >= from && (v.Period.Year * 10) + (v.Period.Quarter ?? 0) <= to);

    /// <summary>Each value with its set's workflow status for the unit and period (Draft when nothing was submitted).</summary>
    public static IQueryable<ValueDto> Project(ProgramTrackerDbContext db, IQueryable<IndicatorValue> values) =>
        values.Select(v => new ValueDto(v.Id, v.Unit.Slug, v.Indicator.Criterion.CriteriaSet.Code, v.IndicatorId, v.Indicator.Code,
            PeriodCode.Format(v.Period.Year, v.Period.Quarter), v.Value, v.Qualifier, v.AsOf, v.Note,
            v.Source == null ? null : new SourceRef(v.Source.Code, v.Source.Title),
            db.Submissions.Where(s => s.UnitId == v.UnitId && s.PeriodId == v.PeriodId && s.CriteriaSetId == v.Indicator.Criterion.CriteriaSetId)
                .Select(s => (SubmissionStatus?)s.Status).FirstOrDefault() ?? SubmissionStatus.Draft,
            v.Version, v.UpdatedBy, v.UpdatedAtUtc));

    /// <summary>An indicator named by its id ("12") or its code ("ntm-xa.10.1").</summary>
    public static async Task<int?> IndicatorIdAsync(ProgramTrackerDbContext db, string indicator, CancellationToken ct) =>
        int.TryParse(indicator, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.Indicators.AnyAsync(i => i.Id == id, ct) ? id : null
            : await db.Indicators.Where(i => i.Code == indicator).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
}
