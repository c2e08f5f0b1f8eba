namespace ProgramTracker.Core.Domain;

/// <summary>A qualitative point of a report (models promoted, themes), kept with its source.</summary>
public class ReportHighlight
{
    public int Id { get; set; }
    public int? ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
    public int PeriodId { get; set; }
    public ReportingPeriod Period { get; set; } = null!;
    public required string Topic { get; set; }
    public required string Text { get; set; }
    public int SortOrder { get; set; }
    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;
}
