using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Entry;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.Entry;

public sealed class EntryQueries(ProgramTrackerDbContext db)
{
    public Task<ReportingPeriod?> PeriodAsync(string code, CancellationToken ct) =>
        PeriodCode.TryParse(code, out var year, out var quarter) && quarter is not null
            ? db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Year == year && p.Quarter == quarter, ct)
            : Task.FromResult<ReportingPeriod?>(null);

    /// <summary>Builds the form from stored values: a fixed number of queries whatever the catalogue's size.</summary>
    public async Task<EntryPageModel> PageAsync(UnitHeader unit, ReportingPeriod period, CancellationToken ct)
    {
        var level = unit.Kind == UnitKind.District ? UnitLevel.District : UnitLevel.Commune;
        var periods = await db.Periods.AsNoTracking().Where(p => p.Quarter != null)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ToListAsync(ct);
        var previous = periods.FirstOrDefault(p => p.Year < period.Year || (p.Year == period.Year && p.Quarter < period.Quarter));

        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.Criterion.CriteriaSet.Level == level)
            .OrderBy(i => i.Criterion.CriteriaSet.SortOrder).ThenBy(i => i.Criterion.Number).ThenBy(i => i.SortOrder)
            .Select(i => new
            {
                i.Id, i.Code, i.Name, i.Unit, i.ValueType, i.Comparator, i.Threshold, i.CriterionId,
                CriterionNumber = i.Criterion.Number, CriterionName = i.Criterion.Name, i.Criterion.GroupName,
                SetId = i.Criterion.CriteriaSetId, SetCode = i.Criterion.CriteriaSet.Code, SetName = i.Criterion.CriteriaSet.Name,
                i.Criterion.CriteriaSet.DeclaredCriteria, i.Criterion.CriteriaSet.DeclaredIndicators,
            })
            .ToListAsync(ct);

        var periodIds = previous is null ? new[] { period.Id } : [period.Id, previous.Id];
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.UnitId == unit.Id && periodIds.Contains(v.PeriodId))
            .Select(v => new { v.IndicatorId, v.PeriodId, v.Value, v.Qualifier, v.Note, v.Version, v.UpdatedBy, v.UpdatedAtUtc })
            .ToListAsync(ct);
        var current = values.Where(v => v.PeriodId == period.Id).ToDictionary(v => v.IndicatorId);
        var before = values.Where(v => v.PeriodId == previous?.Id).ToDictionary(v => v.IndicatorId);

        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.UnitId == unit.Id && s.PeriodId == period.Id)
            .ToDictionaryAsync(s => s.CriteriaSetId, ct);

        var index = 0;
        var sets = indicators.GroupBy(i => (i.SetId, i.SetCode, i.SetName, i.DeclaredCriteria, i.DeclaredIndicators)).Select(set =>
        {
            submissions.TryGetValue(set.Key.SetId, out var s);
            var criteria = set.GroupBy(i => (i.CriterionNumber, i.CriterionName, i.GroupName)).Select(c => new EntryCriterion(
                c.Key.CriterionNumber, c.Key.CriterionName, c.Key.GroupName,
                c.Select(i =>
                {
                    current.TryGetValue(i.Id, out var v);
                    before.TryGetValue(i.Id, out var p);
                    return new EntryRow
                    {
                        IndicatorId = i.Id, Index = index++, Code = i.Code, Name = i.Name, Unit = i.Unit, ValueType = i.ValueType,
                        Comparator = i.Comparator, Threshold = i.Threshold, PreviousValue = p?.Value, StoredValue = v?.Value,
                        StoredQualifier = v?.Qualifier ?? ValueQualifier.None, StoredBy = v?.UpdatedBy, StoredAtUtc = v?.UpdatedAtUtc,
                        Status = AttainmentRules.Evaluate(i.ValueType, i.Comparator, i.Threshold, v?.Value),
                        Raw = RawOf(v?.Value, i.ValueType), Note = v?.Note, Version = v?.Version ?? 0,
                    };
                }).ToList())).ToList();
            return new EntrySet(set.Key.SetId, set.Key.SetCode, set.Key.SetName, set.Key.DeclaredCriteria, set.Key.DeclaredIndicators,
                s?.Status ?? SubmissionStatus.Draft, s?.Comment, s?.SubmittedBy, s?.SubmittedAtUtc, s?.ReviewedBy, s?.ReviewedAtUtc, criteria);
        }).ToList();

        return new EntryPageModel { Unit = unit, Period = period, PreviousPeriod = previous, Periods = periods, Sets = sets };
    }

    /// <summary>The text a cell shows for a stored value: "14,5", or "1"/"0" for đạt/không đạt selects.</summary>
    public static string? RawOf(decimal? value, ProgramTracker.Core.Domain.ValueType type) =>
        value is not { } v ? null
        : type == ProgramTracker.Core.Domain.ValueType.Boolean ? (v == 1 ? "1" : "0")
        : ProgramTracker.Core.Formatting.Vn.Number(v).Replace(".", "", StringComparison.Ordinal);

}
