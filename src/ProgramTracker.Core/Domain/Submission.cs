namespace ProgramTracker.Core.Domain;

public enum SubmissionStatus
{
    /// <summary>Nháp.</summary>
    Draft = 0,
    /// <summary>Đã gửi.</summary>
    Submitted = 1,
    /// <summary>Đã duyệt: values are locked.</summary>
    Approved = 2,
    /// <summary>Trả lại, with a required comment.</summary>
    Returned = 3,
}

/// <summary>The review state of one unit's values for one criteria set in one period.</summary>
public class Submission : UnitSetPeriodRow
{
    public int Id { get; set; }
    /// <summary>The reviewer's comment when returned, or the reason when reopened.</summary>
    public string? Comment { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public int Version { get; set; }

    /// <summary>Values under review or approved are not edited by the commune.</summary>
    public bool LocksValues => Workflow.WorkflowRules.LocksValues(Status);
}
