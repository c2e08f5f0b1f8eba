namespace ProgramTracker.Core.Domain;

public enum UnitLevel
{
    Commune = 1,
    District = 2,
}

public enum CriteriaTier
{
    Standard = 1,
    Advanced = 2,
    Model = 3,
    Programme = 4,
}

/// <summary>
/// A criteria set (bộ tiêu chí). Its declared totals come from the legal text or a report and may
/// exceed what the catalogue defines so far: attainment is always measured against the declared totals.
/// </summary>
public class CriteriaSet
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>An English name, shown to English readers beside the official Vietnamese (docs/localization.md); null when none is given.</summary>
    public string? NameEn { get; set; }
    public int ProgrammeId { get; set; }
    public Programme Programme { get; set; } = null!;
    public UnitLevel Level { get; set; }
    public CriteriaTier Tier { get; set; }
    public required string Phase { get; set; }
    public string? LegalBasis { get; set; }
    public int? DeclaredCriteria { get; set; }
    public int? DeclaredIndicators { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int SortOrder { get; set; }
    public string? Note { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    /// <summary>Whether thresholds vary by region (2021–2025 sets) or by commune group (2026–2030 set).</summary>
    public ThresholdScheme ThresholdScheme { get; set; }
    public List<Criterion> Criteria { get; } = [];
    public List<CriteriaSetVersion> Versions { get; } = [];
}

/// <summary>
/// A version of a set's list and thresholds, in force from <see cref="EffectiveFrom"/> until the next version.
/// A period is judged by the version in force on its first day, so a later change never rewrites an earlier result.
/// </summary>
public class CriteriaSetVersion : ProgramTracker.Core.Data.ICreationStamped
{
    public int Id { get; set; }
    public int CriteriaSetId { get; set; }
    public CriteriaSet CriteriaSet { get; set; } = null!;
    /// <summary>1, 2, 3… in order of <see cref="EffectiveFrom"/>.</summary>
    public int Number { get; set; }
    /// <summary>The first day of the first period judged by this version; null for the set's first version.</summary>
    public DateOnly? EffectiveFrom { get; set; }
    /// <summary>What changed, in Vietnamese, for the set page.</summary>
    public string? Changes { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    void ProgramTracker.Core.Data.ICreationStamped.StampCreation(ProgramTracker.Core.Data.Stamp stamp) => (CreatedBy, CreatedAtUtc) = (stamp.By, stamp.AtUtc);
    public List<IndicatorThreshold> Thresholds { get; } = [];
}

/// <summary>A criterion (tiêu chí) of a set, e.g. "10. Thu nhập" in group III.</summary>
public class Criterion
{
    public int Id { get; set; }
    public int CriteriaSetId { get; set; }
    public CriteriaSet CriteriaSet { get; set; } = null!;
    public int Number { get; set; }
    public required string Name { get; set; }
    /// <summary>An English name, shown to English readers beside the official Vietnamese (docs/localization.md); null when none is given.</summary>
    public string? NameEn { get; set; }
    public string? GroupName { get; set; }
    public List<Indicator> Indicators { get; } = [];
}
