using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Workflow;

namespace ProgramTracker.Tests.Unit;

/// <summary>
/// The workflow's predicates and the attainment counts at their edges, written from the mutants Stryker.NET left alive
/// or uncovered (issue 29's mutation check). Expected values are worked by hand from the rules in docs and design.md.
/// </summary>
public class RuleEdgesTests
{
    [Theory]
    [InlineData(SubmissionStatus.Draft, false)]
    [InlineData(SubmissionStatus.Submitted, true)]
    [InlineData(SubmissionStatus.Approved, true)]
    [InlineData(SubmissionStatus.Returned, false)]
    public void Values_are_locked_while_submitted_or_approved(SubmissionStatus status, bool locked) =>
        WorkflowRules.LocksValues(status).Should().Be(locked);

    [Theory]
    [InlineData(WorkflowStep.Submit, false, false)]
    [InlineData(WorkflowStep.Approve, true, false)]
    [InlineData(WorkflowStep.Return, true, true)]
    [InlineData(WorkflowStep.Reopen, true, true)]
    public void Review_steps_and_steps_that_need_a_comment(WorkflowStep step, bool review, bool comment)
    {
        WorkflowRules.IsReviewStep(step).Should().Be(review);
        WorkflowRules.NeedsComment(step).Should().Be(comment);
    }

    [Theory]
    [InlineData(SubmissionStatus.Draft, WorkflowStep.Submit, true)]
    [InlineData(SubmissionStatus.Draft, WorkflowStep.Approve, false)]
    [InlineData(SubmissionStatus.Submitted, WorkflowStep.Approve, true)]
    [InlineData(SubmissionStatus.Approved, WorkflowStep.Return, false)]
    [InlineData(SubmissionStatus.Approved, WorkflowStep.Reopen, true)]
    public void A_page_offers_a_step_only_where_it_exists(SubmissionStatus from, WorkflowStep step, bool offered) =>
        WorkflowRules.Allows(from, step).Should().Be(offered);

    [Theory]
    [InlineData(0, 0, 0, CriterionStatus.Unknown)]
    [InlineData(0, 3, 0, CriterionStatus.Unknown)]
    [InlineData(2, 2, 0, CriterionStatus.Met)]
    [InlineData(2, 3, 0, CriterionStatus.Met)]
    [InlineData(2, 1, 0, CriterionStatus.Unknown)]
    [InlineData(2, 1, 1, CriterionStatus.NotMet)]
    [InlineData(2, 2, 1, CriterionStatus.NotMet)]
    public void A_criterion_from_its_counts(int defined, int met, int notMet, CriterionStatus expected) =>
        AttainmentRules.EvaluateCriterion(defined, met, notMet).Should().Be(expected);

    [Theory]
    [InlineData(Comparator.AtMost, 1.5, 1.5, true)]
    [InlineData(Comparator.AtMost, 1.5001, 1.5, false)]
    [InlineData(Comparator.AtLeast, 50, 50, true)]
    [InlineData(Comparator.AtLeast, 49.9999, 50, false)]
    [InlineData(Comparator.Equal, 3, 3, true)]
    [InlineData(Comparator.Equal, 4, 3, false)]
    public void A_value_on_its_threshold_meets_it(Comparator comparator, double value, double threshold, bool holds) =>
        AttainmentRules.Holds(comparator, (decimal)value, (decimal)threshold).Should().Be(holds);

    [Theory]
    [InlineData(Comparator.AtLeast, ">=")]
    [InlineData(Comparator.AtMost, "<=")]
    [InlineData(Comparator.Equal, "=")]
    public void Each_comparator_has_its_SQL_operator(Comparator comparator, string sql) =>
        AttainmentRules.SqlOperator(comparator).Should().Be(sql);

    [Fact]
    public void The_SQL_rule_names_each_ordering_comparator_and_falls_back_to_equality()
    {
        var sql = AttainmentRules.MetSql("t", "c", "th", "v");

        sql.Should().Contain("WHEN c = 1 THEN v >= th").And.Contain("WHEN c = 2 THEN v <= th").And.Contain("ELSE v = th END")
            .And.NotContain("WHEN c = 3", "equality is the ELSE branch");
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(3, 0, false)]
    [InlineData(2, 3, false)]
    [InlineData(3, 3, true)]
    public void A_set_is_achieved_when_every_declared_criterion_is_met(int met, int declared, bool achieved) =>
        new SetAttainment(met, declared, 0, null, 0, 0, 0, new Dictionary<int, CriterionStatus>(), new Dictionary<int, IndicatorStatus>(), []).Achieved.Should().Be(achieved);

    [Fact]
    public void The_counts_of_a_set_separate_met_unknown_missing_and_unjudged()
    {
        // Criterion 1: a met rate and a yes/no "không đạt" (its threshold 1 as the catalogue may store it) → not met. Criterion 2: a count with no value → unknown.
        // Criterion 3: a number with no threshold → unknown. Criterion 4: a met yes/no → met.
        IndicatorRule[] rules =
        [
            new(11, 1, ValueKind.Percent, Comparator.AtMost, 1.5m),
            new(12, 1, ValueKind.Boolean, Comparator.Equal, 1m),
            new(21, 2, ValueKind.Count, Comparator.AtLeast, 10m),
            new(31, 3, ValueKind.Number, Comparator.AtLeast, null),
            new(41, 4, ValueKind.Boolean, Comparator.Equal, null),
        ];
        var values = new Dictionary<int, decimal?> { [11] = 1.2m, [12] = 0m, [31] = 70m, [41] = 1m };

        var result = AttainmentRules.Evaluate([1, 2, 3, 4], rules, values, 4, 5);

        (result.CriteriaMet, result.CriteriaUnknown, result.IndicatorsMet, result.IndicatorsWithoutValue, result.IndicatorsWithoutThreshold)
            .Should().Be((1, 2, 2, 1, 1));
        result.Criteria.Should().Equal(new Dictionary<int, CriterionStatus> { [1] = CriterionStatus.NotMet, [2] = CriterionStatus.Unknown, [3] = CriterionStatus.Unknown, [4] = CriterionStatus.Met });
        result.Gaps.Should().ContainSingle().Which.Should().Be(new Gap(12, 1, 0m, 1m, Comparator.Equal, null), "a yes/no gap has no distance, even beside a threshold");
    }

    [Fact]
    public void A_gap_says_how_far_a_number_is_from_its_threshold()
    {
        var result = AttainmentRules.Evaluate([1], [new IndicatorRule(11, 1, ValueKind.Percent, Comparator.AtMost, 1.5m)], new Dictionary<int, decimal?> { [11] = 2.25m }, 1, 1);

        result.Gaps.Should().ContainSingle().Which.Distance.Should().Be(0.75m);
    }

    [Fact]
    public void An_ungrouped_commune_gets_no_threshold_but_the_common_rules_direction()
    {
        ZoneRule[] rules = [new(Zones.Common, Comparator.AtMost, 5m, null), new("nhom-1", Comparator.AtMost, 3m, null)];

        ThresholdRules.Pick(ThresholdScheme.CommuneGroup, new UnitZone(null, null, false), rules)
            .Should().Be(new PickedThreshold(Zones.Common, Comparator.AtMost, null, null, new ThresholdWhy(ThresholdReason.Ungrouped)));
    }

    [Fact]
    public void With_no_common_rule_an_ungrouped_or_unmatched_unit_has_no_threshold()
    {
        ZoneRule[] groups = [new("nhom-1", Comparator.AtMost, 3m, null)];
        ZoneRule[] regions = [new("dbsh", Comparator.AtLeast, 95m, null)];

        ThresholdRules.Pick(ThresholdScheme.CommuneGroup, new UnitZone(null, null, false), groups)
            .Should().Be(new PickedThreshold(Zones.Common, Comparator.AtLeast, null, null, new ThresholdWhy(ThresholdReason.Ungrouped)));
        ThresholdRules.Pick(ThresholdScheme.Region, new UnitZone("btb", null, false), regions)
            .Should().Be(new PickedThreshold(Zones.Common, Comparator.AtLeast, null, null, new ThresholdWhy(ThresholdReason.NoSpecific, "btb")));
    }
}
