namespace ProgramTracker.Core.Domain;

public enum ReportedKind
{
    /// <summary>The figure belongs to the one unit in scope.</summary>
    Exact = 1,
    /// <summary>The figure is the average of the units in scope; no unit's own figure is known.</summary>
    GroupAverage = 2,
    /// <summary>The figure counts the units in scope that achieved the set ("7/7 xã đạt chuẩn").</summary>
    UnitsAchieved = 3,
}

/// <summary>
/// Attainment as a report states it, with its scope (one unit or a group), kind and source.
/// Computed attainment comes from indicator values; pages show both, each labelled.
/// </summary>
public class ReportedAttainment
{
    public int Id { get; set; }
    public int CriteriaSetId { get; set; }
    public CriteriaSet CriteriaSet { get; set; } = null!;
    public int PeriodId { get; set; }
    public ReportingPeriod Period { get; set; } = null!;
    public DateOnly AsOf { get; set; }
    public ReportedKind Kind { get; set; }
    public decimal? CriteriaMet { get; set; }
    public decimal? IndicatorsMet { get; set; }
    public int? UnitsAchieved { get; set; }
    public string? Note { get; set; }
    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;
    public List<ReportedAttainmentUnit> Scope { get; } = [];
}

/// <summary>One unit in the scope of a reported figure.</summary>
public class ReportedAttainmentUnit
{
    public int ReportedAttainmentId { get; set; }
    public ReportedAttainment ReportedAttainment { get; set; } = null!;
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
}
