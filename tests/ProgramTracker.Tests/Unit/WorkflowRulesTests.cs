using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Workflow;

namespace ProgramTracker.Tests.Unit;

public class WorkflowRulesTests
{
    public static TheoryData<SubmissionStatus, WorkflowStep, SubmissionStatus?> Transitions()
    {
        var allowed = new Dictionary<(SubmissionStatus, WorkflowStep), SubmissionStatus>
        {
            [(SubmissionStatus.Draft, WorkflowStep.Submit)] = SubmissionStatus.Submitted,
            [(SubmissionStatus.Returned, WorkflowStep.Submit)] = SubmissionStatus.Submitted,
            [(SubmissionStatus.Submitted, WorkflowStep.Approve)] = SubmissionStatus.Approved,
            [(SubmissionStatus.Submitted, WorkflowStep.Return)] = SubmissionStatus.Returned,
            [(SubmissionStatus.Approved, WorkflowStep.Reopen)] = SubmissionStatus.Draft,
        };
        var data = new TheoryData<SubmissionStatus, WorkflowStep, SubmissionStatus?>();
        foreach (var from in Enum.GetValues<SubmissionStatus>())
        {
            foreach (var step in Enum.GetValues<WorkflowStep>())
            {
                data.Add(from, step, allowed.TryGetValue((from, step), out var to) ? to : null);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Every_transition_and_every_forbidden_one(SubmissionStatus from, WorkflowStep step, SubmissionStatus? expected) =>
        WorkflowRules.Next(from, step).Should().Be(expected);

    [Fact]
    public void Returning_and_reopening_need_a_comment()
    {
        WorkflowRules.NeedsComment(WorkflowStep.Return).Should().BeTrue();
        WorkflowRules.NeedsComment(WorkflowStep.Reopen).Should().BeTrue();
        WorkflowRules.NeedsComment(WorkflowStep.Submit).Should().BeFalse();
        WorkflowRules.NeedsComment(WorkflowStep.Approve).Should().BeFalse();
    }
}
