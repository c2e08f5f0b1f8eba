using System.ComponentModel.DataAnnotations;

namespace ProgramTracker.Web.Models.Admin;

/// <summary>The admin form for one reorganisation: the act, the units that go into one successor, and the successor.</summary>
public sealed class ReorganisationForm
{
    [Required(ErrorMessage = "Check.ReorganisationForm.Code.Required")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,79}$", ErrorMessage = "Check.ReorganisationForm.Code.RegularExpression")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Check.ReorganisationForm.ActNumber.Required")]
    [StringLength(120, ErrorMessage = "Check.ReorganisationForm.ActNumber.StringLength")]
    public string? ActNumber { get; set; }

    [Required(ErrorMessage = "Check.ReorganisationForm.ActDate.Required")]
    public DateOnly? ActDate { get; set; }

    [Required(ErrorMessage = "Check.ReorganisationForm.EffectiveOn.Required")]
    public DateOnly? EffectiveOn { get; set; }

    /// <summary>Units of the portal that go into the successor.</summary>
    public List<int> PredecessorIds { get; set; } = [];

    /// <summary>Of those, the ones that go in only in part ("một phần").</summary>
    public List<int> PartialIds { get; set; } = [];

    /// <summary>Units outside the portal, one per line; a line ending in "(một phần)" goes in part.</summary>
    [StringLength(2000, ErrorMessage = "Check.ReorganisationForm.OtherPredecessors.StringLength")]
    public string? OtherPredecessors { get; set; }

    /// <summary>An existing unit as the successor; when empty, a new unit is created from the fields below.</summary>
    public int? ExistingSuccessorId { get; set; }

    public string? SuccessorSlug { get; set; }

    public string? SuccessorName { get; set; }

    public UnitKind? SuccessorKind { get; set; }

    public int? SuccessorParent { get; set; }

    public string? SuccessorStatisticsCode { get; set; }

    [StringLength(1000, ErrorMessage = "Check.ReorganisationForm.Note.StringLength")]
    public string? Note { get; set; }
}

public sealed record ReorganisationRow(string Code, string ActNumber, DateOnly ActDate, DateOnly EffectiveOn, string Successor, string? SuccessorSlug, bool SuccessorIsCommune,
    IReadOnlyList<string> Predecessors, string? CreatedBy, string? Note);

public sealed record UnitOption(int Id, string Label, UnitKind Kind, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <param name="Provinces">The province-level units to choose from (slug, label); <paramref name="Units"/> holds the chosen one's tree only.</param>
/// <param name="Province">The chosen province's slug, null when none is chosen yet.</param>
public sealed record ReorganisationsPage(
    IReadOnlyList<ReorganisationRow> Rows, ReorganisationForm Form, IReadOnlyList<UnitOption> Units,
    IReadOnlyList<(string Slug, string Label)> Provinces, string? Province);
