namespace ProgramTracker.Core.Domain;

/// <summary>A multidimensional poverty standard: the national one (NĐ 07/2021) or Quảng Ninh's 2023–2025.</summary>
public class PovertyStandard
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }
    public string? LegalBasis { get; set; }
    /// <summary>Income lines in VND per person per month.</summary>
    public decimal RuralIncomeLine { get; set; }
    public decimal UrbanIncomeLine { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int SortOrder { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
}

/// <summary>
/// Poverty of a unit in a period by one standard. Rates derive from household counts where counts exist;
/// otherwise the rate the source reports is kept as it is.
/// </summary>
public class PovertyRecord : KeptFigure
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
    public int PeriodId { get; set; }
    public ReportingPeriod Period { get; set; } = null!;
    public int StandardId { get; set; }
    public PovertyStandard Standard { get; set; } = null!;
    public DateOnly? AsOf { get; set; }
    public int? HouseholdsTotal { get; set; }
    public int? PoorHouseholds { get; set; }
    public int? NearPoorHouseholds { get; set; }
    public decimal? ReportedPoorRate { get; set; }
    public decimal? ReportedNearPoorRate { get; set; }
    public string? Note { get; set; }
}
