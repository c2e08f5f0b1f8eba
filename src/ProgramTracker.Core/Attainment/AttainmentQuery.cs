using ProgramTracker.Core.Domain;
using ValueType = ProgramTracker.Core.Domain.ValueType;

namespace ProgramTracker.Core.Attainment;

/// <summary>The status of one stored value, judged in the database.</summary>
public sealed class ValueStatus
{
    public int UnitId { get; init; }
    public int PeriodId { get; init; }
    public int CriteriaSetId { get; init; }
    public int CriterionId { get; init; }
    public int IndicatorId { get; init; }
    public IndicatorStatus Status { get; init; }
}

/// <summary>Per unit, period and criterion: how many of its indicators have a value, are met and are not met.</summary>
public sealed class CriterionTally
{
    public int UnitId { get; init; }
    public int PeriodId { get; init; }
    public int CriteriaSetId { get; init; }
    public int CriterionId { get; init; }
    public int Values { get; init; }
    public int Met { get; init; }
    public int NotMet { get; init; }
}

/// <summary>
/// <see cref="AttainmentRules.Evaluate(ValueType, Comparator, decimal?, decimal?)"/> written as a query, so that
/// dashboards count met indicators with GROUP BY where the values are stored instead of loading every value.
/// The two must agree; the tests hold them side by side.
/// </summary>
public static class AttainmentQuery
{
    public static IQueryable<ValueStatus> Statuses(IQueryable<IndicatorValue> values) =>
        values.Select(v => new ValueStatus
        {
            UnitId = v.UnitId,
            PeriodId = v.PeriodId,
            CriteriaSetId = v.Indicator.Criterion.CriteriaSetId,
            CriterionId = v.Indicator.CriterionId,
            IndicatorId = v.IndicatorId,
            Status = v.Value == null ? IndicatorStatus.NoValue
                : v.Indicator.ValueType == ValueType.Boolean ? (v.Value == 1m ? IndicatorStatus.Met : IndicatorStatus.NotMet)
                : v.Indicator.Threshold == null ? IndicatorStatus.NoThreshold
                : (v.Indicator.Comparator == Comparator.AtLeast ? v.Value >= v.Indicator.Threshold
                    : v.Indicator.Comparator == Comparator.AtMost ? v.Value <= v.Indicator.Threshold
                    : v.Value == v.Indicator.Threshold)
                    ? IndicatorStatus.Met
                    : IndicatorStatus.NotMet,
        });

    /// <summary>
    /// One row per unit, period and criterion that has values: a single GROUP BY in the database. The indicator and
    /// criterion are joined explicitly and the status summed as CASE expressions; grouping over navigation properties
    /// made EF emit one correlated subquery per count (hundreds of milliseconds on a province).
    /// </summary>
    /// <param name="approvedOnly">When given, only values whose unit, set and period have an approved submission count.</param>
    public static IQueryable<CriterionTally> TallyByCriterion(
        IQueryable<IndicatorValue> values, IQueryable<Indicator> indicators, IQueryable<Criterion> criteria, IQueryable<Submission>? approvedOnly = null)
    {
        var joined = from v in values
                     join i in indicators on v.IndicatorId equals i.Id
                     join c in criteria on i.CriterionId equals c.Id
                     select new { v, i, c };
        if (approvedOnly is not null)
        {
            joined = joined.Where(x => approvedOnly.Any(s => s.UnitId == x.v.UnitId && s.PeriodId == x.v.PeriodId
                && s.CriteriaSetId == x.c.CriteriaSetId && s.Status == SubmissionStatus.Approved));
        }

        return (from x in joined
                let status = x.v.Value == null ? 0
                    : x.i.ValueType == ValueType.Boolean ? (x.v.Value == 1m ? 1 : 2)
                    : x.i.Threshold == null ? 3
                    : (x.i.Comparator == Comparator.AtLeast ? x.v.Value >= x.i.Threshold
                        : x.i.Comparator == Comparator.AtMost ? x.v.Value <= x.i.Threshold
                        : x.v.Value == x.i.Threshold) ? 1 : 2
                select new
                {
                    x.v.UnitId, x.v.PeriodId, x.c.CriteriaSetId, x.i.CriterionId,
                    HasValue = status != 0 ? 1 : 0,
                    Met = status == 1 ? 1 : 0,
                    NotMet = status == 2 ? 1 : 0,
                })
            .GroupBy(s => new { s.UnitId, s.PeriodId, s.CriteriaSetId, s.CriterionId })
            .Select(g => new CriterionTally
            {
                UnitId = g.Key.UnitId,
                PeriodId = g.Key.PeriodId,
                CriteriaSetId = g.Key.CriteriaSetId,
                CriterionId = g.Key.CriterionId,
                Values = g.Sum(s => s.HasValue),
                Met = g.Sum(s => s.Met),
                NotMet = g.Sum(s => s.NotMet),
            });
    }
}
