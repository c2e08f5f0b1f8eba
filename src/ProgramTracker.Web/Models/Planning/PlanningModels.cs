using System.ComponentModel.DataAnnotations;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.Planning;

public sealed class TargetsPage
{
    public required UnitHeader District { get; init; }
    public required int Year { get; init; }
    public required IReadOnlyList<TargetRowEdit> Rows { get; init; }
    public bool CanEdit { get; set; }
    public string? Message { get; set; }
    public bool IsError { get; set; }
    public string Path => Infrastructure.Links.Targets(District.Slug, Year);
}

public sealed class TargetRowEdit
{
    public required int IndicatorId { get; init; }
    public required int Index { get; init; }
    public required string Name { get; init; }
    public string? NameEn { get; init; }
    public string? Unit { get; init; }
    public string? SetName { get; init; }
    public Comparator Comparator { get; set; } = Comparator.AtLeast;
    public string? Value { get; set; }
    public int Version { get; set; }
    public string? Error { get; set; }
}

public sealed class TargetsForm
{
    public List<TargetPost> Rows { get; set; } = [];
}

public sealed class TargetPost
{
    public int IndicatorId { get; set; }
    public Comparator Comparator { get; set; } = Comparator.AtLeast;
    public string? Value { get; set; }
    public int Version { get; set; }
}

public sealed class CapitalPage
{
    public required UnitHeader District { get; init; }
    public required ReportingPeriod Period { get; init; }
    public required IReadOnlyList<(int Id, string Name)> Units { get; init; }
    public required IReadOnlyList<(int Id, string Code, string Name)> Programmes { get; init; }
    public required IReadOnlyList<(int Id, int ProgrammeId, string Name)> Projects { get; init; }
    public required IReadOnlyList<CapitalRow> Figures { get; init; }
    /// <summary>Each figure's id, version and values as the edit form shows them, in the order of <see cref="Figures"/>.</summary>
    public required IReadOnlyList<CapitalEdit> Edits { get; init; }
    public CapitalForm Form { get; set; } = new();
    /// <summary>The row being edited (?edit=ID), or null when the form adds a row.</summary>
    public CapitalEdit? Editing { get; set; }
    public bool CanEdit { get; set; }
    public string? Message { get; set; }
    public string Path => Infrastructure.Links.Capital(District.Slug, Period.Code);
}

/// <summary>The capital form; display names are the form's labels, so a refusal of a tampered field names what the person sees.</summary>
public sealed class CapitalForm
{
    [Display(Name = "Common.Programme")]
    public int? ProgrammeId { get; set; }

    [Display(Name = "Planning.Project")]
    public int? ProjectId { get; set; }

    [Display(Name = "Common.Unit")]
    public int? UnitId { get; set; }

    [Display(Name = "Planning.Measure")]
    public CapitalMeasure? Measure { get; set; }

    [Display(Name = "Planning.CapitalKind")]
    public CapitalKind Kind { get; set; }

    [Display(Name = "Planning.FundingSource")]
    public string? FundingSource { get; set; }

    [Display(Name = "Planning.AmountVnd")]
    public string? Amount { get; set; }

    [Display(Name = "Planning.Description")]
    public string? Description { get; set; }
}

/// <summary>A capital row as its edit form starts: its id, the version the person sees, its values.</summary>
public sealed record CapitalEdit(int Id, int Version, CapitalForm Form);
