using ProgramTracker.Core.Localization;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Workflow;

public sealed record WorkflowResult(bool Ok, string? Error, SubmissionStatus Status)
{
    public static WorkflowResult Fail(string error, SubmissionStatus status) => new(false, error, status);
}

/// <summary>Workflow settings (configuration section <c>Workflow</c>).</summary>
public sealed class WorkflowOptions
{
    /// <summary>
    /// False by default (four eyes): whoever submitted a form neither approves nor returns it. True only for units where
    /// one person does both; each such step is then marked as self-approval in the audit trail.
    /// </summary>
    public bool AllowSelfApproval { get; set; }
}

/// <summary>Moves a unit × criteria set × period through the workflow, with an audit entry per step.</summary>
public sealed class WorkflowService(ProgramTrackerDbContext db, SummaryUpdater summaries, WorkflowOptions? options = null)
{
    /// <summary>The longest comment a return or reopen keeps (the column's length).</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>Stored in the audit entry's note: Vietnamese, as every stored note (docs/localization.md).</summary>
    public const string SelfApprovalNote = "Người gửi tự duyệt (Workflow:AllowSelfApproval bật)";

    public Task<WorkflowResult> ApplyAsync(int unitId, int criteriaSetId, int periodId, WorkflowStep step, string? comment, CancellationToken ct = default) =>
        ApplyAsync(unitId, criteriaSetId, periodId, step, comment, source: null, ct);

    /// <summary>As above; <paramref name="source"/> (e.g. "qua API: tên mã") is written into the audit entry's note.</summary>
    public async Task<WorkflowResult> ApplyAsync(int unitId, int criteriaSetId, int periodId, WorkflowStep step, string? comment, string? source, CancellationToken ct = default)
    {
        var userName = db.CurrentUser.Name;
        var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == periodId, ct);
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.UnitId == unitId && s.CriteriaSetId == criteriaSetId && s.PeriodId == periodId, ct);
        var status = submission?.Status ?? SubmissionStatus.Draft;
        if (period.IsLocked)
        {
            return WorkflowResult.Fail(Formats.Current.Format("Workflow.Locked", period.Label), status);
        }

        if (WorkflowRules.Next(status, step) is not { } next)
        {
            return WorkflowResult.Fail(Formats.Current.Format("Workflow.StepNotAllowed", Formats.Current.Step(step), Formats.Current.Status(status)), status);
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (WorkflowRules.NeedsComment(step) && comment is null)
        {
            return WorkflowResult.Fail(Formats.Current[step == WorkflowStep.Return ? "Workflow.ReturnNeedsComment" : "Workflow.ReopenNeedsReason"], status);
        }

        if (comment?.Length > MaxCommentLength)
        {
            return WorkflowResult.Fail(Formats.Current.Format("Workflow.CommentTooLong", comment.Length, MaxCommentLength), status);
        }

        var selfReview = step is WorkflowStep.Approve or WorkflowStep.Return
            && string.Equals(submission?.SubmittedBy, userName, StringComparison.OrdinalIgnoreCase);
        if (selfReview && options?.AllowSelfApproval != true)
        {
            return WorkflowResult.Fail(
                Formats.Current[step == WorkflowStep.Approve ? "Workflow.NoSelfApprove" : "Workflow.NoSelfReturn"],
                status);
        }

        if (step == WorkflowStep.Submit)
        {
            var defined = await db.Indicators.Where(i => i.Criterion.CriteriaSetId == criteriaSetId).Select(i => i.Id).ToListAsync(ct);
            var entered = await db.IndicatorValues.CountAsync(v => v.UnitId == unitId && v.PeriodId == periodId && defined.Contains(v.IndicatorId) && v.Value != null, ct);
            if (defined.Count == 0)
            {
                return WorkflowResult.Fail(Formats.Current["Workflow.NothingToSubmit"], status);
            }

            if (entered < defined.Count)
            {
                return WorkflowResult.Fail(Formats.Current.Format("Workflow.MissingValues", defined.Count - entered, defined.Count), status);
            }

            // Issue 25: a value warned by a soft rule needs a note (the cell's) before the set goes for review.
            var unnoted = await db.ValueFlags.CountAsync(fl => fl.UnitId == unitId && fl.PeriodId == periodId && defined.Contains(fl.IndicatorId)
                && db.IndicatorValues.Any(v => v.UnitId == unitId && v.PeriodId == periodId && v.IndicatorId == fl.IndicatorId && v.Value == fl.Value && v.Note == null), ct);
            if (unnoted > 0)
            {
                return WorkflowResult.Fail(Formats.Current.Format("Trust.SubmitNeedsNotes", unnoted), status);
            }
        }

        // Who submitted or reviewed, and when: the same stamp the context writes on the row itself.
        var stamp = db.Stamp();
        if (submission is null)
        {
            submission = new Submission { UnitId = unitId, CriteriaSetId = criteriaSetId, PeriodId = periodId };
            db.Submissions.Add(submission);
        }

        submission.Status = next;
        submission.Version++;
        switch (step)
        {
            case WorkflowStep.Submit:
                (submission.SubmittedBy, submission.SubmittedAtUtc) = (stamp.By, stamp.AtUtc);
                submission.Comment = null;
                break;
            default:
                (submission.ReviewedBy, submission.ReviewedAtUtc) = (stamp.By, stamp.AtUtc);
                submission.Comment = comment;
                break;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            UnitId = unitId, PeriodId = periodId, CriteriaSetId = criteriaSetId,
            Action = step switch
            {
                WorkflowStep.Submit => AuditAction.Submitted,
                WorkflowStep.Approve => AuditAction.Approved,
                WorkflowStep.Return => AuditAction.Returned,
                _ => AuditAction.Reopened,
            },
            OldValue = status.ToString(), NewValue = next.ToString(),
            Note = WithSource(source, selfReview ? Clip(comment is null ? SelfApprovalNote : $"{SelfApprovalNote}: {comment}") : comment),
        });

        try
        {
            // Inside a caller's transaction (EntryService.SaveAndSubmitAsync) the caller commits.
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.SaveChangesAsync(ct);
            await summaries.UpdateAsync(unitId, periodId, [criteriaSetId], ct);
            await db.SaveChangesAsync(ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        catch (DbUpdateException ex) when (SaveResult.IsLostRace(ex))
        {
            db.ChangeTracker.Clear();
            return WorkflowResult.Fail(Formats.Current["Workflow.ChangedMeanwhile"], status);
        }

        return new WorkflowResult(true, null, next);
    }

    private static string? WithSource(string? source, string? note) => source is null ? note : Clip(note is null ? source : $"{source} · {note}");

    private static string Clip(string text) => text.Length > MaxCommentLength ? text[..MaxCommentLength] : text;
}
