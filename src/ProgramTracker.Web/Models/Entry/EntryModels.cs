using ProgramTracker.Core.Attainment;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.Entry;

/// <summary>The entry form of one unit for one period: every indicator of every set that applies, grouped by criterion.</summary>
public sealed class EntryPageModel
{
    public required UnitHeader Unit { get; init; }
    public required ReportingPeriod Period { get; init; }
    public ReportingPeriod? PreviousPeriod { get; init; }
    public required IReadOnlyList<ReportingPeriod> Periods { get; init; }
    public required IReadOnlyList<EntrySet> Sets { get; init; }
    public bool CanEdit { get; set; }
    public bool CanReview { get; set; }
    /// <summary>Who reviews this unit's submissions in this period ("huyện Ba Chẽ", "tỉnh Quảng Ninh"), or null when nobody does.</summary>
    public string? Reviewer { get; set; }
    public string? Message { get; set; }
    /// <summary>The set whose buttons caused <see cref="Message"/>: it is shown beside them, not at the top of the page.</summary>
    public int? MessageSetId { get; set; }

    /// <summary>After a step that went through: the next form on the person's list, offered beside the result.</summary>
    public ProgramTracker.Web.Models.Inbox.InboxItem? Next { get; set; }
    /// <summary>True when <see cref="Message"/> is a refusal (shown as one), false when it reports success.</summary>
    public bool MessageIsError { get; set; }
    /// <summary>The id of a workflow field the refusal is about (an empty return comment), marked invalid on the page.</summary>
    public string? InvalidField { get; set; }
    /// <summary>The comment typed with the step that was refused for its characters, shown again in its box.</summary>
    public string? InvalidComment { get; set; }
    public bool HasConflicts { get; set; }
    /// <summary>False when the unit did not exist in this period (merged away, or not yet created): nothing can be entered.</summary>
    public bool UnitValidInPeriod { get; init; } = true;
    /// <summary>Sets valid in the period whose catalogue defines no indicator yet: shown so the gap is visible.</summary>
    public IReadOnlyList<(string Code, string Name)> SetsWithoutIndicators { get; init; } = [];
    public string BasePath => Infrastructure.Links.Unit(Unit.Kind, Unit.Slug);
    public string EntryPath => Infrastructure.Links.Entry(Unit.Kind, Unit.Slug, Period.Code);
}

public sealed record EntrySet(
    int Id,
    string Code,
    string Name,
    int? DeclaredCriteria,
    int? DeclaredIndicators,
    SubmissionStatus Status,
    string? Comment,
    string? SubmittedBy,
    DateTime? SubmittedAtUtc,
    string? ReviewedBy,
    DateTime? ReviewedAtUtc,
    IReadOnlyList<EntryCriterion> Criteria,
    int? VersionNumber = null,
    string? NameEn = null)
{
    public bool LocksValues => ProgramTracker.Core.Workflow.WorkflowRules.LocksValues(Status);

    /// <summary>Whether the form's state allows <paramref name="step"/> (who may take it is the page's CanEdit / CanReview).</summary>
    public bool Allows(ProgramTracker.Core.Workflow.WorkflowStep step) => ProgramTracker.Core.Workflow.WorkflowRules.Allows(Status, step);
    public int IndicatorCount => Criteria.Sum(c => c.Rows.Count);
}

public sealed record EntryCriterion(int Number, string Name, string? Group, IReadOnlyList<EntryRow> Rows, string? NameEn = null);

public sealed class EntryRow
{
    public required int IndicatorId { get; init; }
    public required int Index { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    /// <summary>The indicator's English name, shown to English readers beside <see cref="Name"/> (docs/localization.md).</summary>
    public string? NameEn { get; init; }
    public string? Unit { get; init; }
    public ValueKind ValueType { get; init; }
    public Comparator Comparator { get; init; }
    public decimal? Threshold { get; init; }
    /// <summary>The threshold's wording when the source gives a rule rather than a number.</summary>
    public string? ThresholdText { get; init; }
    /// <summary>Which threshold applied and why (region, commune group, Điều 1, common).</summary>
    public ProgramTracker.Core.Attainment.ThresholdWhy? ThresholdWhy { get; init; }
    public decimal? PreviousValue { get; init; }
    public decimal? StoredValue { get; init; }
    public ValueQualifier StoredQualifier { get; init; }
    public string? StoredBy { get; init; }
    public DateTime? StoredAtUtc { get; init; }
    public IndicatorStatus Status { get; init; }
    public string? Raw { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
    public string? Error { get; set; }
    /// <summary>Set when someone else saved this cell meanwhile: their value, shown beside the person's own input.</summary>
    public string? ConflictText { get; set; }
    /// <summary>The soft rules the stored value breaks (issue 25), in the reader's language.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>A reviewer marked this value for follow-up (and has not closed it).</summary>
    public bool FollowUp { get; init; }
}

/// <summary>What the form posts: one entry per cell, in page order.</summary>
public sealed class EntryForm
{
    public List<CellPost> Cells { get; set; } = [];

    /// <summary>Set by "Lưu và gửi duyệt": the criteria set to submit once the typed cells are saved (one transaction).</summary>
    public int? SubmitSet { get; set; }
}

public sealed class CellPost
{
    public int IndicatorId { get; set; }
    public string? Raw { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
}

public sealed class WorkflowForm
{
    public int SetId { get; set; }
    public string? Step { get; set; }
    public string? Comment { get; set; }
}
