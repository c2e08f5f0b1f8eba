using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Attainment;

/// <summary>
/// Recomputes <see cref="AttainmentSummary"/> rows from stored values, with the rules the pages use (the
/// <see cref="RuleBook"/>: the version in force and the unit's threshold). Called inside the write's own
/// transaction, so an overview is never stale: after a value is saved, and after a catalogue change for every
/// period it affects.
/// </summary>
public sealed class SummaryUpdater(ProgramTrackerDbContext db)
{
    public async Task UpdateAsync(int unitId, int periodId, IReadOnlyCollection<int> criteriaSetIds, DateTime nowUtc, CancellationToken ct)
    {
        if (criteriaSetIds.Count == 0)
        {
            return;
        }

        var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == periodId, ct);
        var book = await RuleBook.LoadAsync(db, criteriaSetIds, [unitId], ct);
        var ruleIds = criteriaSetIds.SelectMany(s => book.For(s, unitId, period.StartsOn).Indicators).Select(r => r.IndicatorId).ToList();

        // Read inside the caller's transaction, after its SaveChanges: the values just written are seen.
        var values = await db.IndicatorValues.Where(v => v.UnitId == unitId && v.PeriodId == periodId && ruleIds.Contains(v.IndicatorId))
            .ToDictionaryAsync(v => v.IndicatorId, v => v.Value, ct);
        var statuses = await db.Submissions.AsNoTracking().Where(s => s.UnitId == unitId && s.PeriodId == periodId && criteriaSetIds.Contains(s.CriteriaSetId))
            .ToDictionaryAsync(s => s.CriteriaSetId, s => s.Status, ct);
        var existing = await db.AttainmentSummaries.Where(s => s.UnitId == unitId && s.PeriodId == periodId && criteriaSetIds.Contains(s.CriteriaSetId))
            .ToDictionaryAsync(s => s.CriteriaSetId, ct);

        foreach (var setId in criteriaSetIds.Distinct())
        {
            var rules = book.For(setId, unitId, period.StartsOn);
            Apply(rules, values, statuses.GetValueOrDefault(setId, SubmissionStatus.Draft), existing.GetValueOrDefault(setId), unitId, periodId, nowUtc);
        }
    }

    /// <summary>
    /// Recomputes the summaries of every unit and period that has values of the set, from <paramref name="from"/> on
    /// (null: all periods). Used after a catalogue change, inside its transaction.
    /// </summary>
    public async Task RebuildSetAsync(int setId, DateOnly? from, DateTime nowUtc, CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().ToListAsync(ct);
        var periodIds = periods.Where(p => from is null || p.StartsOn >= from).Select(p => p.Id).ToArray();
        var start = periods.ToDictionary(p => p.Id, p => p.StartsOn);
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => periodIds.Contains(v.PeriodId) && v.Indicator.Criterion.CriteriaSetId == setId)
            .Select(v => new { v.UnitId, v.PeriodId, v.IndicatorId, v.Value })
            .ToListAsync(ct);
        var existing = await db.AttainmentSummaries.Where(s => s.CriteriaSetId == setId && periodIds.Contains(s.PeriodId)).ToListAsync(ct);
        var unitIds = values.Select(v => v.UnitId).Concat(existing.Select(e => e.UnitId)).Distinct().ToList();
        var book = await RuleBook.LoadAsync(db, [setId], unitIds, ct);
        var statuses = await db.Submissions.AsNoTracking().Where(s => s.CriteriaSetId == setId && periodIds.Contains(s.PeriodId))
            .ToDictionaryAsync(s => (s.UnitId, s.PeriodId), s => s.Status, ct);
        var byKey = existing.ToDictionary(e => (e.UnitId, e.PeriodId));
        var grouped = values.GroupBy(v => (v.UnitId, v.PeriodId)).ToDictionary(g => g.Key, g => g.ToDictionary(v => v.IndicatorId, v => v.Value));
        foreach (var key in grouped.Keys.Union(byKey.Keys))
        {
            var rules = book.For(setId, key.UnitId, start[key.PeriodId]);
            var unitValues = grouped.GetValueOrDefault(key) ?? [];
            Apply(rules, unitValues.Where(v => rules.Defines(v.Key)).ToDictionary(), statuses.GetValueOrDefault(key, SubmissionStatus.Draft),
                byKey.GetValueOrDefault(key), key.UnitId, key.PeriodId, nowUtc);
        }
    }

    private void Apply(SetRules rules, Dictionary<int, decimal?> values, SubmissionStatus status, AttainmentSummary? summary, int unitId, int periodId, DateTime nowUtc)
    {
        var setValues = rules.Indicators.Where(r => values.ContainsKey(r.IndicatorId)).ToDictionary(r => r.IndicatorId, r => values[r.IndicatorId]);
        var result = AttainmentRules.Evaluate(rules.CriterionIds, rules.Indicators, setValues, rules.DeclaredCriteria, rules.DeclaredIndicators);
        summary ??= db.AttainmentSummaries.Add(new AttainmentSummary { UnitId = unitId, PeriodId = periodId, CriteriaSetId = rules.SetId }).Entity;
        summary.CriteriaMet = result.CriteriaMet;
        summary.IndicatorsMet = result.IndicatorsMet;
        summary.ValuesEntered = setValues.Count(v => v.Value is not null);
        summary.Achieved = result.Achieved;
        summary.Status = status;
        summary.UpdatedAtUtc = nowUtc;
    }
}
