using System.ComponentModel.DataAnnotations;
using ProgramTracker.Core.Domain;
using ValueType = ProgramTracker.Core.Domain.ValueType;

namespace ProgramTracker.Web.Models.Admin;

public sealed class PeriodForm
{
    [Required(ErrorMessage = "Nhập mã kỳ, ví dụ 2024-Q1.")]
    [RegularExpression(@"^\d{4}(-Q[1-4])?$", ErrorMessage = "Mã kỳ có dạng 2024-Q1 (quý) hoặc 2024 (năm).")]
    public string? Code { get; set; }

    public DateOnly? Deadline { get; set; }
}

public sealed record PeriodsPage(IReadOnlyList<ReportingPeriod> Periods, PeriodForm Form);

public sealed class IndicatorForm
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Chọn tiêu chí.")]
    public int? CriterionId { get; set; }

    [Required(ErrorMessage = "Nhập mã chỉ tiêu.")]
    [RegularExpression("^[a-z0-9][a-z0-9.-]{0,58}$", ErrorMessage = "Mã chỉ gồm chữ thường không dấu, số, dấu chấm và gạch ngang (ví dụ 8.1 hoặc xa-nc.10.1).")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Nhập tên chỉ tiêu.")]
    [StringLength(400, ErrorMessage = "Tên dài tối đa 400 ký tự.")]
    public string? Name { get; set; }

    [StringLength(60, ErrorMessage = "Đơn vị tính dài tối đa 60 ký tự.")]
    public string? Unit { get; set; }

    [Required(ErrorMessage = "Chọn kiểu giá trị.")]
    public ValueType? ValueType { get; set; }

    [Required(ErrorMessage = "Chọn cách so sánh.")]
    public Comparator? Comparator { get; set; }

    /// <summary>Typed as text so "14,5" is accepted; empty means the threshold is not known.</summary>
    public string? Threshold { get; set; }

    /// <summary>The threshold as the source words it, when it is a rule rather than a number.</summary>
    [StringLength(600, ErrorMessage = "Mô tả ngưỡng dài tối đa 600 ký tự.")]
    public string? ThresholdText { get; set; }

    /// <summary>Thresholds by region or commune group (zone code → typed number); empty ones fall back to the common one.</summary>
    public Dictionary<string, string?> Zones { get; set; } = [];

    /// <summary>The first period the change applies to (2026-Q1); empty: from the set's first version.</summary>
    public string? EffectiveFrom { get; set; }

    [StringLength(1000, ErrorMessage = "Ghi chú dài tối đa 1000 ký tự.")]
    public string? Note { get; set; }
}

public sealed record IndicatorFormPage(string SetCode, string SetName, int? DeclaredIndicators, int DefinedIndicators, IReadOnlyList<(int Id, string Label)> Criteria, IndicatorForm Form)
{
    public IReadOnlyDictionary<int, int> Numbers { get; init; } = new Dictionary<int, int>();
    public IReadOnlyList<(string Code, string Name)> ZoneChoices { get; init; } = [];
    public IReadOnlyList<string> Versions { get; init; } = [];
}
