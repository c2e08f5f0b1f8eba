namespace ProgramTracker.Core.Domain;

/// <summary>A target for an indicator in a year, e.g. income ≥ 70 triệu đồng/người/năm in 2023.</summary>
public class Target : ProgramTracker.Core.Data.IChangeStamped
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public int Year { get; set; }
    public Comparator Comparator { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }

    void ProgramTracker.Core.Data.IChangeStamped.StampChange(ProgramTracker.Core.Data.Stamp stamp) => (UpdatedBy, UpdatedAtUtc) = (stamp.By, stamp.AtUtc);
    /// <summary>Concurrency token: bumped on every write, checked on save.</summary>
    public int Version { get; set; }
}
