using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Validation;

public enum RuleKind
{
    /// <summary>A value of one indicator outside [<see cref="ValidationRule.Min"/>, <see cref="ValidationRule.Max"/>].</summary>
    Bounds = 1,

    /// <summary>A rule between indicators (<see cref="RuleExpression"/>).</summary>
    Expression = 2,

    /// <summary>A change against the unit's previous quarter beyond <see cref="ValidationRule.Share"/> (1 = 100 %).</summary>
    Change = 3,

    /// <summary>A robust outlier (median/MAD) against the unit's own history or the province's other communes that quarter.</summary>
    Outlier = 4,
}

public enum RuleSeverity
{
    /// <summary>The cell is refused with the rule's message.</summary>
    Hard = 1,

    /// <summary>The save goes through; the value is flagged and needs a note at submit.</summary>
    Soft = 2,
}

/// <summary>
/// A validation rule of the catalogue (issue 25). Versioned like thresholds: a rule applies from
/// <see cref="FromYear"/>/<see cref="FromQuarter"/> on; a later row with the same <see cref="Code"/> replaces it from its
/// own period on (and <see cref="Active"/> false retires it). <see cref="IndicatorId"/> null on a Change or Outlier
/// rule means every numeric indicator of <see cref="CriteriaSetId"/> (every set when that is null too).
/// </summary>
public class ValidationRule
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public RuleKind Kind { get; set; }
    public RuleSeverity Severity { get; set; }
    public int? CriteriaSetId { get; set; }
    public CriteriaSet? CriteriaSet { get; set; }
    public int? IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    /// <summary>A bounds rule with no <see cref="IndicatorId"/> applies to every indicator of this type (every rate, every count), added later ones included.</summary>
    public ValueKind? ValueType { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    /// <summary>For <see cref="RuleKind.Expression"/>: checked by <see cref="RuleExpression.Parse"/> when saved.</summary>
    public string? Expression { get; set; }
    /// <summary>For <see cref="RuleKind.Change"/>: the share of change warned past (1 = 100 %); for Outlier the modified z-score (3.5).</summary>
    public decimal? Share { get; set; }
    public int FromYear { get; set; }
    public int FromQuarter { get; set; } = 1;
    public bool Active { get; set; } = true;
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public required string Message { get; set; }
    public required string MessageEn { get; set; }
    /// <summary>Why the rule exists (Vietnamese, as the catalogue).</summary>
    public string? Reason { get; set; }

    /// <summary>The start in the one order of periods (<see cref="Periods.PeriodKey.SortKey"/>); computed, never stored.</summary>
    public int FromKey => Periods.PeriodKey.OfQuarter(FromYear, FromQuarter).SortKey;

    public string MessageIn(bool english) => english ? MessageEn : Message;

    /// <summary>True when the rule reads values of this indicator (of this type, in this set).</summary>
    public bool AppliesTo(int indicatorId, ValueKind type, int setId) =>
        IndicatorId is { } id ? id == indicatorId : (ValueType is null || ValueType == type) && (CriteriaSetId is null || CriteriaSetId == setId);

    public string NameIn(bool english) => english ? NameEn : Name;
}

/// <summary>
/// A soft rule broken by a stored value (kept current by every save through <c>SaveEntry</c>): the officer's note on it
/// (asked at submit) and the reviewer's follow-up mark.
/// </summary>
public class ValueFlag
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
    public int PeriodId { get; set; }
    public ReportingPeriod Period { get; set; } = null!;
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public int RuleId { get; set; }
    public ValidationRule Rule { get; set; } = null!;
    /// <summary>The flagged value when flagged.</summary>
    public decimal? Value { get; set; }
    /// <summary>What the check measured (the change share, the z-score, the other side of an expression), for the message.</summary>
    public decimal? Measure { get; set; }
    /// <summary>The officer's explanation, asked for at submit.</summary>
    public string? Note { get; set; }
    public bool FollowUp { get; set; }
    public bool FollowUpClosed { get; set; }
    public string? FollowUpBy { get; set; }
    public DateTime? FollowUpAtUtc { get; set; }
    public DateTime FlaggedAtUtc { get; set; }
}
