using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Attainment;

/// <summary>
/// Recomputes <see cref="AttainmentSummary"/> rows for one unit and period from its stored values, with the same
/// rules the pages use. Called inside the write's own transaction, so an overview is never stale.
/// </summary>
public sealed class SummaryUpdater(ProgramTrackerDbContext db)
{
    public async Task UpdateAsync(int unitId, int periodId, IReadOnlyCollection<int> criteriaSetIds, DateTime nowUtc, CancellationToken ct)
    {
        if (criteriaSetIds.Count == 0)
        {
            return;
        }

        var sets = await db.CriteriaSets.AsNoTracking().Where(s => criteriaSetIds.Contains(s.Id))
            .Select(s => new { s.Id, s.DeclaredCriteria, s.DeclaredIndicators, CriterionIds = s.Criteria.Select(c => c.Id).ToList() })
            .ToListAsync(ct);
        var rules = await db.Indicators.AsNoTracking().Where(i => criteriaSetIds.Contains(i.Criterion.CriteriaSetId))
            .Select(i => new { Rule = new IndicatorRule(i.Id, i.CriterionId, i.ValueType, i.Comparator, i.Threshold), SetId = i.Criterion.CriteriaSetId })
            .ToListAsync(ct);
        var ruleIds = rules.Select(r => r.Rule.IndicatorId).ToList();

        // Read inside the caller's transaction, after its SaveChanges: the values just written are seen.
        var values = await db.IndicatorValues.Where(v => v.UnitId == unitId && v.PeriodId == periodId && ruleIds.Contains(v.IndicatorId))
            .ToDictionaryAsync(v => v.IndicatorId, v => v.Value, ct);
        var statuses = await db.Submissions.AsNoTracking().Where(s => s.UnitId == unitId && s.PeriodId == periodId && criteriaSetIds.Contains(s.CriteriaSetId))
            .ToDictionaryAsync(s => s.CriteriaSetId, s => s.Status, ct);
        var existing = await db.AttainmentSummaries.Where(s => s.UnitId == unitId && s.PeriodId == periodId && criteriaSetIds.Contains(s.CriteriaSetId))
            .ToDictionaryAsync(s => s.CriteriaSetId, ct);

        foreach (var set in sets)
        {
            var setRules = rules.Where(r => r.SetId == set.Id).Select(r => r.Rule).ToList();
            var result = AttainmentRules.Evaluate(set.CriterionIds, setRules, values.Where(v => setRules.Any(r => r.IndicatorId == v.Key)).ToDictionary(), set.DeclaredCriteria, set.DeclaredIndicators);
            if (!existing.TryGetValue(set.Id, out var summary))
            {
                summary = db.AttainmentSummaries.Add(new AttainmentSummary { UnitId = unitId, PeriodId = periodId, CriteriaSetId = set.Id }).Entity;
            }

            summary.CriteriaMet = result.CriteriaMet;
            summary.IndicatorsMet = result.IndicatorsMet;
            summary.ValuesEntered = setRules.Count(r => values.GetValueOrDefault(r.IndicatorId) is not null);
            summary.Achieved = result.Achieved;
            summary.Status = statuses.GetValueOrDefault(set.Id, SubmissionStatus.Draft);
            summary.UpdatedAtUtc = nowUtc;
        }
    }
}
