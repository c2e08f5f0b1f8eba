namespace ProgramTracker.Core.Domain;

public enum ValueType
{
    /// <summary>đạt / không đạt.</summary>
    Boolean = 1,
    Number = 2,
    Percent = 3,
    Money = 4,
    Count = 5,
}

public enum Comparator
{
    AtLeast = 1,
    AtMost = 2,
    Equal = 3,
}

/// <summary>
/// An indicator (chỉ tiêu). Its threshold is nullable on purpose: an unknown threshold stays unknown
/// and the indicator's status is then "chưa có ngưỡng", never a guess.
/// </summary>
public class Indicator
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int CriterionId { get; set; }
    public Criterion Criterion { get; set; } = null!;
    public required string Name { get; set; }
    public string? Unit { get; set; }
    public ValueType ValueType { get; set; }
    public Comparator Comparator { get; set; } = Comparator.AtLeast;
    public decimal? Threshold { get; set; }
    public string? Frequency { get; set; }
    public int SortOrder { get; set; }
    public string? Note { get; set; }
}
