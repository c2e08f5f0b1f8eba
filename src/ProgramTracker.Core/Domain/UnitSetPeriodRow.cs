namespace ProgramTracker.Core.Domain;

/// <summary>
/// A row kept per unit × criteria set × period (the review state of a unit's values, the attainment computed from them):
/// the three keys with their navigations, the review status, and when the row last changed (stamped on save through
/// <see cref="Data.IChangeStamped"/>). Not an entity of its own: each row's table holds these columns.
/// </summary>
public abstract class UnitSetPeriodRow : Data.IChangeStamped
{
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
    public int CriteriaSetId { get; set; }
    public CriteriaSet CriteriaSet { get; set; } = null!;
    public int PeriodId { get; set; }
    public ReportingPeriod Period { get; set; } = null!;
    public SubmissionStatus Status { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    void Data.IChangeStamped.StampChange(Data.Stamp stamp) => UpdatedAtUtc = stamp.AtUtc;
}
