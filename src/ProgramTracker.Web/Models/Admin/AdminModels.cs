using System.ComponentModel.DataAnnotations;

namespace ProgramTracker.Web.Models.Admin;

public sealed class PeriodForm
{
    [Required(ErrorMessage = "Check.PeriodForm.Code.Required")]
    [RegularExpression(@"^\d{4}(-Q[1-4])?$", ErrorMessage = "Check.PeriodForm.Code.RegularExpression")]
    public string? Code { get; set; }

    public DateOnly? Deadline { get; set; }
}

public sealed record PeriodsPage(IReadOnlyList<ReportingPeriod> Periods, PeriodForm Form)
{
    /// <summary>A deadline typed wrong in one period's row: the text as typed and the message shown beside it.</summary>
    public DeadlineError? DeadlineError { get; init; }
}

public sealed record DeadlineError(string PeriodCode, string? Typed, string Message);

public sealed class IndicatorForm
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Check.IndicatorForm.CriterionId.Required")]
    public int? CriterionId { get; set; }

    [Required(ErrorMessage = "Check.IndicatorForm.Code.Required")]
    [RegularExpression("^[a-z0-9][a-z0-9.-]{0,58}$", ErrorMessage = "Check.IndicatorForm.Code.RegularExpression")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Check.IndicatorForm.Name.Required")]
    [StringLength(400, ErrorMessage = "Check.IndicatorForm.Name.StringLength")]
    public string? Name { get; set; }

    /// <summary>The English name, shown to English readers beside the official Vietnamese; empty for none.</summary>
    [StringLength(400, ErrorMessage = "Check.IndicatorForm.NameEn.StringLength")]
    public string? NameEn { get; set; }

    [StringLength(60, ErrorMessage = "Check.IndicatorForm.Unit.StringLength")]
    public string? Unit { get; set; }

    [Required(ErrorMessage = "Check.IndicatorForm.ValueType.Required")]
    public ValueKind? ValueType { get; set; }

    [Required(ErrorMessage = "Check.IndicatorForm.Comparator.Required")]
    public Comparator? Comparator { get; set; }

    /// <summary>Typed as text so "14,5" is accepted; empty means the threshold is not known.</summary>
    public string? Threshold { get; set; }

    /// <summary>The threshold as the source words it, when it is a rule rather than a number.</summary>
    [StringLength(600, ErrorMessage = "Check.IndicatorForm.ThresholdText.StringLength")]
    public string? ThresholdText { get; set; }

    /// <summary>Thresholds by region or commune group (zone code → typed number); empty ones fall back to the common one.</summary>
    public Dictionary<string, string?> Zones { get; set; } = [];

    /// <summary>The first period the change applies to (2026-Q1); empty: from the set's first version.</summary>
    public string? EffectiveFrom { get; set; }

    [StringLength(1000, ErrorMessage = "Check.IndicatorForm.Note.StringLength")]
    public string? Note { get; set; }
}

public sealed record IndicatorFormPage(string SetCode, string SetName, int? DeclaredIndicators, int DefinedIndicators, IReadOnlyList<(int Id, string Label)> Criteria, IndicatorForm Form)
{
    public IReadOnlyDictionary<int, int> Numbers { get; init; } = new Dictionary<int, int>();
    public IReadOnlyList<(string Code, string Name)> ZoneChoices { get; init; } = [];
    public IReadOnlyList<string> Versions { get; init; } = [];
}
