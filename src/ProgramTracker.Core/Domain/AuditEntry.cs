namespace ProgramTracker.Core.Domain;

public enum AuditAction
{
    ValueChanged = 1,
    Submitted = 2,
    Approved = 3,
    Returned = 4,
    Reopened = 5,
    PeriodChanged = 6,
    CatalogueChanged = 7,
    PovertyChanged = 8,
    TargetChanged = 9,
    CapitalChanged = 10,
    UnitsReorganised = 11,
}

/// <summary>
/// One line of the append-only audit trail: a value change (old → new) or a workflow step.
/// The context refuses to update or delete these rows.
/// </summary>
public class AuditEntry : ProgramTracker.Core.Data.ICreationStamped
{
    public long Id { get; set; }
    /// <summary>When, stamped by the context as it saves (<see cref="Data.StampInterceptor"/>).</summary>
    public DateTime AtUtc { get; set; }

    /// <summary>Who, stamped by the context from its current user as it saves.</summary>
    public string UserName { get; set; } = "";

    void ProgramTracker.Core.Data.ICreationStamped.StampCreation(ProgramTracker.Core.Data.Stamp stamp) => (UserName, AtUtc) = (stamp.By, stamp.AtUtc);
    public AuditAction Action { get; set; }
    public int? UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    public int? PeriodId { get; set; }
    public ReportingPeriod? Period { get; set; }
    public int? CriteriaSetId { get; set; }
    public CriteriaSet? CriteriaSet { get; set; }
    public int? IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Note { get; set; }
}
