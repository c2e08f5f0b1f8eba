using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProgramTracker.Web.Api;

// What the API returns. Names are as stored (Vietnamese), numbers are JSON numbers, dates ISO 8601, enums by name.

public sealed record SourceRef(string Code, string Title);

public sealed record ProgrammeDto(string Code, string Name, string? LocalName, string? LegalBasis, string? Phase, string? Targets,
    IReadOnlyList<ProjectDto> Projects, IReadOnlyList<string> CriteriaSets);

public sealed record ProjectDto(int Number, string Name, bool TitleConfirmed);

public sealed record CriteriaSetDto(string Code, string Name, string Programme, UnitLevel Level, CriteriaTier Tier, string Phase, string? LegalBasis,
    int? DeclaredCriteria, int? DeclaredIndicators, DateOnly? ValidFrom, DateOnly? ValidTo, ThresholdScheme ThresholdScheme);

public sealed record CriteriaSetDetailDto(CriteriaSetDto Set, IReadOnlyList<CriterionDto> Criteria, IReadOnlyList<VersionDto> Versions);

public sealed record CriterionDto(int Number, string Name, string? Group, IReadOnlyList<IndicatorDto> Indicators);

public sealed record IndicatorDto(int Id, string Code, string Name, string? Unit, ValueKind ValueType, string? Frequency);

public sealed record VersionDto(int Number, DateOnly? EffectiveFrom, string? Changes, IReadOnlyList<ThresholdDto> Thresholds);

/// <summary>Zone "" is the common threshold; a null value with no text is an unknown threshold ("chưa có ngưỡng").</summary>
public sealed record ThresholdDto(string Indicator, string Zone, Comparator Comparator, decimal? Value, string? Text);

public sealed record UnitDto(int Id, string Slug, string Name, UnitKind Kind, string FullName, string? Parent, DateOnly? ValidFrom, DateOnly? ValidTo,
    string? StatisticsCode, IReadOnlyList<SuccessorDto> Successors);

public sealed record SuccessorDto(string Unit, string Act, DateOnly EffectiveOn, bool Whole);

public sealed record PeriodDto(string Code, int Year, int? Quarter, string Label, DateOnly StartsOn, DateOnly EndsOn, bool IsLocked, DateOnly? Deadline);

public sealed record ValueDto(long Id, string Unit, string Set, int IndicatorId, string Indicator, string Period, decimal? Value, ValueQualifier Qualifier,
    DateOnly? AsOf, string? Note, SourceRef? Source, SubmissionStatus Status, int Version, string? UpdatedBy, DateTime UpdatedAtUtc);

/// <summary>Attainment as a source reports it; "basis" is always "reported".</summary>
public sealed record ReportedAttainmentDto(int Id, string Basis, string Set, string Period, ReportedKind Kind, IReadOnlyList<string> Units,
    decimal? CriteriaMet, decimal? IndicatorsMet, int? UnitsAchieved, int? DeclaredCriteria, int? DeclaredIndicators, DateOnly AsOf, string? Note, SourceRef Source);

/// <summary>Attainment computed from entered values against the declared totals; "basis" is always "computed".</summary>
public sealed record ComputedAttainmentDto(string Basis, string Unit, string Set, string Period, int CriteriaMet, int IndicatorsMet, int ValuesEntered,
    int? DeclaredCriteria, int? DeclaredIndicators, bool Achieved, SubmissionStatus Status, DateTime UpdatedAtUtc);

public sealed record PovertyDto(int Id, string Unit, string Period, string Standard, DateOnly? AsOf, int? HouseholdsTotal, int? PoorHouseholds,
    int? NearPoorHouseholds, decimal? ReportedPoorRate, decimal? ReportedNearPoorRate, string? Note, SourceRef? Source, int Version);

public sealed record CapitalDto(int Id, string Unit, string Period, string Programme, int? Project, CapitalMeasure Measure, CapitalKind Kind,
    string? FundingSource, decimal AmountVnd, ValueQualifier Qualifier, int? WorksCount, DateOnly? AsOf, string? Description, SourceRef? Source);

public sealed record TargetDto(int Id, string Unit, int IndicatorId, string Indicator, int Year, Comparator Comparator, decimal Value, string? Note,
    SourceRef? Source, int Version);

public sealed record SubmissionDto(int Id, string Unit, string Set, string Period, SubmissionStatus Status, string? Comment, string? SubmittedBy,
    DateTime? SubmittedAtUtc, string? ReviewedBy, DateTime? ReviewedAtUtc, DateTime UpdatedAtUtc, int Version);

public sealed record AuditDto(long Id, DateTime AtUtc, string UserName, AuditAction Action, string? OldValue, string? NewValue, string? Note);

/// <summary>The values of one unit, set and period: every indicator of the set's version in force, entered or not.</summary>
public sealed record FormValuesDto(string Unit, string Set, string Period, SubmissionStatus Status, bool PeriodLocked, IReadOnlyList<FormValueDto> Values);

public sealed record FormValueDto(int IndicatorId, string Indicator, string Name, ValueKind ValueType, string? Unit, decimal? Value, ValueQualifier Qualifier,
    string? Note, int Version, string? UpdatedBy, DateTime? UpdatedAtUtc);

/// <summary>What PUT sends: each value with the version it was read at (0 for a value never entered).</summary>
public sealed class PutValuesRequest
{
    [Description("The values to save, each at most once.")]
    public List<PutValue> Values { get; set; } = [];
}

public sealed class PutValue
{
    /// <summary>The indicator's id (a JSON number or string) or code.</summary>
    [JsonConverter(typeof(IdOrCodeConverter))]
    [Description("The indicator's id (a JSON number or string, e.g. 1) or code (e.g. ntm-xa.3.1).")]
    public string? Indicator { get; set; }

    /// <summary>
    /// A JSON number; null clears the value. Booleans: 1 = đạt, 0 = không đạt. Kept as sent so that the controller reads
    /// the number's own text (1e-30 is not 0) and refuses a string ("1.250" is ambiguous, ADR 0005) with the field named.
    /// </summary>
    public JsonElement? Value { get; set; }

    /// <summary>Instead of value: the text as a person types it in the form ("14,5", "đạt"), read by the form's rules.</summary>
    [Description("Instead of `value`: the text as a person types it in the form (\"14,5\", \"đạt\"), read with the form's Vietnamese notation.")]
    public string? Raw { get; set; }

    [Description("A note kept with the value (at most 1000 characters).")]
    public string? Note { get; set; }

    [Description("The value's version as read (0 for a value never entered): a value changed since is a 409.")]
    public int Version { get; set; }
}

/// <summary>An id or code: a JSON number (an indicator id) is read as its digits; anything but a number or a string is refused.</summary>
public sealed class IdOrCodeConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new JsonException(),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

public sealed record PutValuesResult(int Changed, FormValuesDto Current);

public sealed record CellErrorDto(string Indicator, string Error);

public sealed record ConflictDto(int IndicatorId, decimal? CurrentValue, string? CurrentNote, int CurrentVersion, string? By, DateTime? AtUtc);

public sealed class WorkflowRequest
{
    [Description("Why the form is returned or reopened (needed for `return` and `reopen`).")]
    public string? Comment { get; set; }
}

public sealed record WorkflowResultDto(string Unit, string Set, string Period, SubmissionStatus Status);

/// <summary>A save refused because values changed since they were read (409): the stored values and the whole form as it is now.</summary>
[Description("Problem details of a refused save: `conflicts` and `current` when values changed since they were read; neither when the form is locked or approved.")]
public sealed class ConflictProblem : ProblemDetails
{
    [Description("Each value that changed since it was read, as stored now.")]
    public IReadOnlyList<ConflictDto>? Conflicts { get; init; }

    [Description("The whole form as stored now.")]
    public FormValuesDto? Current { get; init; }
}

/// <summary>A save refused because some values are not valid (422): one error per value.</summary>
[Description("Problem details of a refused save: one entry of `errors` per value that is not valid.")]
public sealed class InvalidValuesProblem : ProblemDetails
{
    [Description("Each refused value: the indicator as sent and the reason, in the form's words.")]
    public IReadOnlyList<CellErrorDto> Errors { get; init; } = [];
}
