namespace ProgramTracker.Core.Domain;

/// <summary>
/// Computed attainment of one unit for one criteria set in one period, kept current on every write
/// (value saved, workflow step) so that provincial and national overviews read aggregates, not values.
/// </summary>
public class AttainmentSummary : ProgramTracker.Core.Data.IChangeStamped
{
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
    public int CriteriaSetId { get; set; }
    public CriteriaSet CriteriaSet { get; set; } = null!;
    public int PeriodId { get; set; }
    public ReportingPeriod Period { get; set; } = null!;
    public int CriteriaMet { get; set; }
    public int IndicatorsMet { get; set; }
    public int ValuesEntered { get; set; }
    public bool Achieved { get; set; }
    public SubmissionStatus Status { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    void ProgramTracker.Core.Data.IChangeStamped.StampChange(ProgramTracker.Core.Data.Stamp stamp) => UpdatedAtUtc = stamp.AtUtc;
}
