namespace ProgramTracker.Core.Domain;

public enum CapitalMeasure
{
    /// <summary>kế hoạch giao.</summary>
    Planned = 1,
    /// <summary>phân bổ.</summary>
    Allocated = 2,
    /// <summary>giải ngân.</summary>
    Disbursed = 3,
    /// <summary>huy động (support mobilised from all sources).</summary>
    Mobilised = 4,
}

public enum CapitalKind
{
    Unspecified = 0,
    /// <summary>đầu tư phát triển.</summary>
    Investment = 1,
    /// <summary>sự nghiệp.</summary>
    Recurrent = 2,
}

/// <summary>An amount of capital for a programme (and project) in a unit and year, in VND.</summary>
public class CapitalFigure : KeptFigure
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme Programme { get; set; } = null!;
    public int? ProjectId { get; set; }
    public ProgrammeProject? Project { get; set; }
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
    public int PeriodId { get; set; }
    public ReportingPeriod Period { get; set; } = null!;
    public CapitalMeasure Measure { get; set; }
    public CapitalKind Kind { get; set; }
    /// <summary>Source of funds (nguồn vốn) as free text, e.g. "ngân sách trung ương"; null when the source does not say.</summary>
    public string? FundingSource { get; set; }
    public decimal AmountVnd { get; set; }
    public ValueQualifier Qualifier { get; set; }
    /// <summary>Number of projects or works the amount covers, when the source gives it.</summary>
    public int? WorksCount { get; set; }
    public DateOnly? AsOf { get; set; }
    public string? Description { get; set; }
    /// <summary>Deleted rows stay for the audit trail and are hidden everywhere by a query filter.</summary>
    public bool IsDeleted { get; set; }
}
