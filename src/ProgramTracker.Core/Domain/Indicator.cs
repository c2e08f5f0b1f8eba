namespace ProgramTracker.Core.Domain;

public enum ValueKind
{
    /// <summary>đạt / không đạt.</summary>
    Boolean = 1,
    Number = 2,
    Percent = 3,
    Money = 4,
    Count = 5,
}

/// <summary>
/// How an indicator's quarterly values make a half-year's or a year's (issue 26): the last value of the window for a
/// level or a yes/no (a rate, a standard met), the sum for a flow (capital disbursed, households escaping poverty in the
/// quarter), the mean where the catalogue says so.
/// </summary>
public enum QuarterCombine
{
    Last = 1,
    Sum = 2,
    Mean = 3,
}

/// <summary>What an indicator's unit of measure means for its values.</summary>
public static class Measures
{
    /// <summary>
    /// True when a value is an amount in đồng (capital, a money indicator without a larger unit). A money indicator whose
    /// unit names another scale ("triệu đồng/người/năm") holds its value in that unit: 46,2 is 46,2 million, not 46 đồng.
    /// </summary>
    public static bool IsDong(ValueKind type, string? unit) =>
        type == ValueKind.Money && (string.IsNullOrWhiteSpace(unit) || unit.Trim() is "đồng" or "VND" or "đ");
}

public enum Comparator
{
    AtLeast = 1,
    AtMost = 2,
    Equal = 3,
}

/// <summary>
/// An indicator (chỉ tiêu): what is measured. Whether it belongs to a set in a period, its comparator and its
/// thresholds are versioned in <see cref="IndicatorThreshold"/> rows of the set's versions.
/// </summary>
public class Indicator
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int CriterionId { get; set; }
    public Criterion Criterion { get; set; } = null!;
    public required string Name { get; set; }
    /// <summary>An English name, shown to English readers beside the official Vietnamese (docs/localization.md); null when none is given.</summary>
    public string? NameEn { get; set; }
    public string? Unit { get; set; }
    public ValueKind ValueType { get; set; }
    public string? Frequency { get; set; }
    /// <summary>How the quarters of a half-year or a year combine (<see cref="QuarterCombine"/>); the last value unless the catalogue says otherwise.</summary>
    public QuarterCombine Combine { get; set; } = QuarterCombine.Last;
    /// <summary>Why, where the rule is not obvious from the indicator (Vietnamese, as the catalogue).</summary>
    public string? CombineReason { get; set; }
    public int SortOrder { get; set; }
    public string? Note { get; set; }
    /// <summary>Where the indicator's wording and thresholds were read (a decision or a ministry's guidance).</summary>
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
}

/// <summary>
/// The rule of one indicator in one version of its set, for one zone. The row with <see cref="Zone"/> "" (common)
/// makes the indicator part of that version and holds the threshold for units with no zone-specific one; rows for
/// a region or commune group override it. <see cref="Value"/> is nullable on purpose: an unknown threshold stays
/// unknown and the indicator's status is then "chưa có ngưỡng", never a guess.
/// </summary>
public class IndicatorThreshold
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public CriteriaSetVersion Version { get; set; } = null!;
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    /// <summary>"" for the common threshold, else a code of <see cref="Zones"/>.</summary>
    public string Zone { get; set; } = Zones.Common;
    public Comparator Comparator { get; set; } = Comparator.AtLeast;
    public decimal? Value { get; set; }
    /// <summary>The threshold as the source words it, when it is more than a number (tiered rules, checklists).</summary>
    public string? Text { get; set; }
}
