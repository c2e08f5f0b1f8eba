using System.Globalization;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Attainment;

public enum IndicatorStatus
{
    Met = 1,
    NotMet = 2,
    /// <summary>chưa có số liệu.</summary>
    NoValue = 3,
    /// <summary>the threshold is not known, so the value cannot be judged.</summary>
    NoThreshold = 4,
}

public enum CriterionStatus
{
    Met = 1,
    NotMet = 2,
    /// <summary>some indicator has no value or no threshold, or the criterion has no defined indicator.</summary>
    Unknown = 3,
}

/// <summary>
/// The definition of one indicator as the rules need it. <paramref name="Zone"/> and <paramref name="Why"/> say which
/// threshold applied to the unit and why ("" and null for the common one).
/// </summary>
public sealed record IndicatorRule(int IndicatorId, int CriterionId, ValueKind ValueType, Comparator Comparator, decimal? Threshold,
    string Zone = "", string? ThresholdText = null, ThresholdWhy? Why = null);

/// <summary>An unmet indicator with how far it is from its threshold (null for đạt/không đạt indicators).</summary>
public sealed record Gap(int IndicatorId, int CriterionId, decimal? Value, decimal? Threshold, Comparator Comparator, decimal? Distance);

public sealed record SetAttainment(
    int CriteriaMet,
    int? CriteriaDeclared,
    int IndicatorsMet,
    int? IndicatorsDeclared,
    int CriteriaUnknown,
    int IndicatorsWithoutValue,
    int IndicatorsWithoutThreshold,
    IReadOnlyDictionary<int, CriterionStatus> Criteria,
    IReadOnlyDictionary<int, IndicatorStatus> Indicators,
    IReadOnlyList<Gap> Gaps)
{
    /// <summary>A set is achieved when every declared criterion is met.</summary>
    public bool Achieved => CriteriaDeclared is > 0 && CriteriaMet >= CriteriaDeclared;
}

/// <summary>The attainment rules: pure functions, no storage.</summary>
public static class AttainmentRules
{
    public static IndicatorStatus Evaluate(ValueKind valueType, Comparator comparator, decimal? threshold, decimal? value)
    {
        if (value is not { } v)
        {
            return IndicatorStatus.NoValue;
        }

        if (valueType == ValueKind.Boolean)
        {
            return v == 1m ? IndicatorStatus.Met : IndicatorStatus.NotMet;
        }

        if (threshold is not { } t)
        {
            return IndicatorStatus.NoThreshold;
        }

        return Holds(comparator, v, t) ? IndicatorStatus.Met : IndicatorStatus.NotMet;
    }

    /// <summary>The comparison itself: does <paramref name="value"/> meet <paramref name="threshold"/> (a target too) by the comparator.</summary>
    public static bool Holds(Comparator comparator, decimal value, decimal threshold) => SqlOperator(comparator) switch
    {
        ">=" => value >= threshold,
        "<=" => value <= threshold,
        _ => value == threshold,
    };

    /// <summary>The comparison's operator, the one table both <see cref="Holds"/> and <see cref="MetSql"/> read.</summary>
    public static string SqlOperator(Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => ">=",
        Comparator.AtMost => "<=",
        _ => "=",
    };

    /// <summary>
    /// <see cref="Evaluate(ValueKind, Comparator, decimal?, decimal?)"/> == Met, as a SQL expression over the given
    /// columns, generated from the enums (no number is written by hand). A property test evaluates both on
    /// PostgreSQL over every value kind, comparator and null case.
    /// </summary>
    public static string MetSql(string valueType, string comparator, string threshold, string value)
    {
        var comparisons = string.Join(" ", Enum.GetValues<Comparator>().Where(c => SqlOperator(c) != "=")
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"WHEN {comparator} = {(int)c} THEN {value} {SqlOperator(c)} {threshold}")));
        return string.Create(CultureInfo.InvariantCulture, $"""
            CASE WHEN {value} IS NULL THEN false
                 WHEN {valueType} = {(int)ValueKind.Boolean} THEN {value} = 1
                 WHEN {threshold} IS NULL THEN false
                 {comparisons}
                 ELSE {value} = {threshold} END
            """);
    }

    /// <summary>A criterion is met when all its defined indicators are; not met when any is not.</summary>
    public static CriterionStatus EvaluateCriterion(IReadOnlyCollection<IndicatorStatus> indicatorStatuses)
    {
        if (indicatorStatuses.Count == 0)
        {
            return CriterionStatus.Unknown;
        }

        if (indicatorStatuses.Any(s => s == IndicatorStatus.NotMet))
        {
            return CriterionStatus.NotMet;
        }

        return indicatorStatuses.All(s => s == IndicatorStatus.Met) ? CriterionStatus.Met : CriterionStatus.Unknown;
    }

    /// <summary>The same rule from counts: <paramref name="defined"/> indicators, of which so many met and so many not met.</summary>
    public static CriterionStatus EvaluateCriterion(int defined, int met, int notMet) =>
        defined == 0 ? CriterionStatus.Unknown
        : notMet > 0 ? CriterionStatus.NotMet
        : met >= defined ? CriterionStatus.Met
        : CriterionStatus.Unknown;

    /// <summary>
    /// Attainment of a set for one unit: criteria met / declared and indicators met / declared.
    /// Criteria of the set that define no indicator count as unknown, never as met.
    /// </summary>
    public static SetAttainment Evaluate(
        IReadOnlyCollection<int> criterionIds,
        IReadOnlyCollection<IndicatorRule> indicators,
        IReadOnlyDictionary<int, decimal?> values,
        int? declaredCriteria,
        int? declaredIndicators)
    {
        var indicatorStatuses = new Dictionary<int, IndicatorStatus>(indicators.Count);
        var gaps = new List<Gap>();
        foreach (var rule in indicators)
        {
            values.TryGetValue(rule.IndicatorId, out var value);
            var status = Evaluate(rule.ValueType, rule.Comparator, rule.Threshold, value);
            indicatorStatuses[rule.IndicatorId] = status;
            if (status == IndicatorStatus.NotMet)
            {
                gaps.Add(new Gap(rule.IndicatorId, rule.CriterionId, value, rule.Threshold, rule.Comparator, Distance(rule, value)));
            }
        }

        var byCriterion = indicators.ToLookup(i => i.CriterionId);
        var criterionStatuses = criterionIds.ToDictionary(
            id => id,
            id => EvaluateCriterion(byCriterion[id].Select(i => indicatorStatuses[i.IndicatorId]).ToList()));

        return new SetAttainment(
            CriteriaMet: criterionStatuses.Values.Count(s => s == CriterionStatus.Met),
            CriteriaDeclared: declaredCriteria,
            IndicatorsMet: indicatorStatuses.Values.Count(s => s == IndicatorStatus.Met),
            IndicatorsDeclared: declaredIndicators,
            CriteriaUnknown: criterionStatuses.Values.Count(s => s == CriterionStatus.Unknown),
            IndicatorsWithoutValue: indicatorStatuses.Values.Count(s => s == IndicatorStatus.NoValue),
            IndicatorsWithoutThreshold: indicatorStatuses.Values.Count(s => s == IndicatorStatus.NoThreshold),
            Criteria: criterionStatuses,
            Indicators: indicatorStatuses,
            Gaps: gaps);
    }

    private static decimal? Distance(IndicatorRule rule, decimal? value) =>
        rule.ValueType == ValueKind.Boolean || value is null || rule.Threshold is null
            ? null
            : Math.Abs(value.Value - rule.Threshold.Value);
}
