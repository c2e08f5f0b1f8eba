namespace ProgramTracker.Core.Domain;

/// <summary>A target for an indicator in a year, e.g. income ≥ 70 triệu đồng/người/năm in 2023.</summary>
public class Target : KeptFigure
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
}
