using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Tests.Unit;

public class AttainmentRulesTests
{
    [Theory]
    [InlineData(Comparator.AtLeast, 70, 68, IndicatorStatus.NotMet)]
    [InlineData(Comparator.AtLeast, 70, 70, IndicatorStatus.Met)]
    [InlineData(Comparator.AtMost, 1.5, 0.46, IndicatorStatus.Met)]
    [InlineData(Comparator.AtMost, 1.5, 2.17, IndicatorStatus.NotMet)]
    [InlineData(Comparator.Equal, 0, 0, IndicatorStatus.Met)]
    public void Number_indicator_is_judged_by_its_comparator(Comparator comparator, double threshold, double value, IndicatorStatus expected) =>
        AttainmentRules.Evaluate(ValueKind.Number, comparator, (decimal)threshold, (decimal)value).Should().Be(expected);

    [Fact]
    public void Missing_value_is_no_value_not_unmet() =>
        AttainmentRules.Evaluate(ValueKind.Percent, Comparator.AtLeast, 90m, null).Should().Be(IndicatorStatus.NoValue);

    [Fact]
    public void Unknown_threshold_is_never_guessed() =>
        AttainmentRules.Evaluate(ValueKind.Number, Comparator.AtLeast, null, 68m).Should().Be(IndicatorStatus.NoThreshold);

    [Theory]
    [InlineData(1, IndicatorStatus.Met)]
    [InlineData(0, IndicatorStatus.NotMet)]
    public void Boolean_indicator_needs_no_threshold(int value, IndicatorStatus expected) =>
        AttainmentRules.Evaluate(ValueKind.Boolean, Comparator.Equal, null, value).Should().Be(expected);

    [Fact]
    public void Criterion_with_one_unmet_indicator_is_not_met() =>
        AttainmentRules.EvaluateCriterion([IndicatorStatus.Met, IndicatorStatus.NotMet, IndicatorStatus.NoValue]).Should().Be(CriterionStatus.NotMet);

    [Fact]
    public void Criterion_with_a_missing_value_is_unknown() =>
        AttainmentRules.EvaluateCriterion([IndicatorStatus.Met, IndicatorStatus.NoValue]).Should().Be(CriterionStatus.Unknown);

    [Fact]
    public void Criterion_without_defined_indicators_is_unknown() =>
        AttainmentRules.EvaluateCriterion([]).Should().Be(CriterionStatus.Unknown);

    [Fact]
    public void Set_counts_against_declared_totals_even_when_fewer_indicators_are_defined()
    {
        // Two criteria defined of 19 declared, three indicators defined of 75 declared.
        IndicatorRule[] rules =
        [
            new(1, 10, ValueKind.Boolean, Comparator.Equal, null),
            new(2, 10, ValueKind.Number, Comparator.AtLeast, 70m),
            new(3, 11, ValueKind.Percent, Comparator.AtMost, 1.5m),
        ];
        var values = new Dictionary<int, decimal?> { [1] = 1m, [2] = 72m, [3] = 2.17m };

        var result = AttainmentRules.Evaluate([10, 11], rules, values, declaredCriteria: 19, declaredIndicators: 75);

        result.CriteriaMet.Should().Be(1);
        result.CriteriaDeclared.Should().Be(19);
        result.IndicatorsMet.Should().Be(2);
        result.IndicatorsDeclared.Should().Be(75);
        result.Achieved.Should().BeFalse();
        result.Criteria[11].Should().Be(CriterionStatus.NotMet);
        result.Gaps.Should().ContainSingle().Which.Should().BeEquivalentTo(new { IndicatorId = 3, Value = 2.17m, Threshold = 1.5m, Distance = 0.67m });
    }

    [Fact]
    public void Set_is_achieved_only_when_every_declared_criterion_is_met()
    {
        IndicatorRule[] rules = [new(1, 10, ValueKind.Boolean, Comparator.Equal, null), new(2, 11, ValueKind.Boolean, Comparator.Equal, null)];
        var values = new Dictionary<int, decimal?> { [1] = 1m, [2] = 1m };

        AttainmentRules.Evaluate([10, 11], rules, values, 2, 2).Achieved.Should().BeTrue();
        AttainmentRules.Evaluate([10, 11], rules, values, 3, 2).Achieved.Should().BeFalse();
        AttainmentRules.Evaluate([10, 11], rules, values, null, 2).Achieved.Should().BeFalse();
    }

    [Fact]
    public void Boolean_gap_has_no_distance()
    {
        IndicatorRule[] rules = [new(1, 10, ValueKind.Boolean, Comparator.Equal, null)];
        var result = AttainmentRules.Evaluate([10], rules, new Dictionary<int, decimal?> { [1] = 0m }, 1, 1);
        result.Gaps.Should().ContainSingle().Which.Distance.Should().BeNull();
    }
}
