using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Workflow;

public enum WorkflowStep
{
    Submit = 1,
    Approve = 2,
    Return = 3,
    Reopen = 4,
}

/// <summary>
/// The submission workflow: Nháp → Đã gửi → Đã duyệt, or Trả lại (with a comment) and back to Đã gửi.
/// District staff reopen an approved submission with a reason. Pure: who may act on which unit is decided
/// by the caller's access check; this decides which steps exist from which state.
/// </summary>
public static class WorkflowRules
{
    public static SubmissionStatus? Next(SubmissionStatus from, WorkflowStep step) => (from, step) switch
    {
        (SubmissionStatus.Draft or SubmissionStatus.Returned, WorkflowStep.Submit) => SubmissionStatus.Submitted,
        (SubmissionStatus.Submitted, WorkflowStep.Approve) => SubmissionStatus.Approved,
        (SubmissionStatus.Submitted, WorkflowStep.Return) => SubmissionStatus.Returned,
        (SubmissionStatus.Approved, WorkflowStep.Reopen) => SubmissionStatus.Draft,
        _ => null,
    };

    /// <summary>Whether <paramref name="step"/> exists from <paramref name="from"/>: what a page may offer.</summary>
    public static bool Allows(SubmissionStatus from, WorkflowStep step) => Next(from, step) is not null;

    /// <summary>A submitted or approved form's values are locked until it is returned or reopened.</summary>
    public static bool LocksValues(SubmissionStatus status) => status is SubmissionStatus.Submitted or SubmissionStatus.Approved;

    /// <summary>Which role performs a step: the unit's own people submit; the district reviews.</summary>
    public static bool IsReviewStep(WorkflowStep step) => step is WorkflowStep.Approve or WorkflowStep.Return or WorkflowStep.Reopen;

    public static bool NeedsComment(WorkflowStep step) => step is WorkflowStep.Return or WorkflowStep.Reopen;
}
