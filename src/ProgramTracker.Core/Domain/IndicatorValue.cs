namespace ProgramTracker.Core.Domain;

/// <summary>How a reported number is hedged in its source: "ước" (estimate), "hơn"/"trên" (more than).</summary>
public enum ValueQualifier
{
    None = 0,
    Estimate = 1,
    MoreThan = 2,
}

/// <summary>The value of one indicator for one unit in one period.</summary>
public class IndicatorValue : ProgramTracker.Core.Data.IChangeStamped
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public int PeriodId { get; set; }
    public ReportingPeriod Period { get; set; } = null!;
    /// <summary>Numbers, percents, money and counts; for boolean indicators 1 = đạt, 0 = không đạt.</summary>
    public decimal? Value { get; set; }
    public ValueQualifier Qualifier { get; set; }
    public DateOnly? AsOf { get; set; }
    public string? Note { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    void ProgramTracker.Core.Data.IChangeStamped.StampChange(ProgramTracker.Core.Data.Stamp stamp) => (UpdatedBy, UpdatedAtUtc) = (stamp.By, stamp.AtUtc);
    /// <summary>Concurrency token: bumped on every write, checked on save.</summary>
    public int Version { get; set; }
}
