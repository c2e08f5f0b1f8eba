using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.Catalogue;

public sealed record ProgrammeRow(string Code, string Name, string? LocalName, string? LegalBasis, string? Phase, int ProjectCount, int SetCount, string? Targets = null, string? NameEn = null);

public sealed record ProgrammePageModel(
    ProgrammeRow Programme,
    SourceRef? Source,
    IReadOnlyList<ProgrammeProject> Projects,
    IReadOnlyList<SetRow> Sets,
    IReadOnlyList<CapitalRow> Capital,
    IReadOnlyList<HighlightRow> Highlights);

public sealed record SetRow(string Code, string Name, UnitLevel Level, CriteriaTier Tier, string Phase, string? LegalBasis, int? DeclaredCriteria, int? DeclaredIndicators, int DefinedCriteria, int DefinedIndicators, string? NameEn = null);

public sealed record CriteriaSetPageModel(
    SetRow Set,
    string ProgrammeCode,
    string ProgrammeName,
    string? Note,
    DateOnly? ValidFrom,
    SourceRef? Source,
    IReadOnlyList<CriterionRow> Criteria,
    IReadOnlyList<SetReportedRow> Reported,
    IReadOnlyList<VersionRow> Versions,
    ThresholdScheme Scheme,
    DateOnly? ValidTo);

public sealed record CriterionRow(int Number, string Name, string? Group, IReadOnlyList<IndicatorRow> Indicators, string? NameEn = null);

/// <summary>An indicator with its rule in the version shown: the common threshold and those by region or commune group.</summary>
public sealed record IndicatorRow(int Id, string Code, string Name, string? Unit, ProgramTracker.Core.Domain.ValueKind ValueType, Comparator Comparator, decimal? Threshold,
    string? ThresholdText = null, IReadOnlyList<ProgramTracker.Core.Attainment.ZoneRule>? ZoneThresholds = null, SourceRef? Source = null, string? NameEn = null)
{
    public IReadOnlyList<ProgramTracker.Core.Attainment.ZoneRule> ByZone => ZoneThresholds?.Where(z => z.Zone != Zones.Common).ToList() ?? [];
}

/// <summary>A version of a set: from when, what changed, how many indicators it defines.</summary>
public sealed record VersionRow(int Number, DateOnly? EffectiveFrom, string? Changes, string? CreatedBy, DateTime CreatedAtUtc, int Indicators);

public sealed record SetReportedRow(string PeriodLabel, DateOnly AsOf, ReportedKind Kind, decimal? CriteriaMet, decimal? IndicatorsMet, int? UnitsAchieved, IReadOnlyList<(string Slug, string Name, bool IsDistrict)> Scope, string? Note, SourceRef Source);

public sealed record IndicatorPageModel(
    IndicatorRow Indicator,
    string? Note,
    string? Frequency,
    string CriterionName,
    int CriterionNumber,
    string SetCode,
    string SetName,
    string? CriterionNameEn,
    string? SetNameEn,
    IReadOnlyList<(int Version, DateOnly? From, IReadOnlyList<ProgramTracker.Core.Attainment.ZoneRule> Rules)> Versions,
    IReadOnlyList<IndicatorValueRow> Values,
    IReadOnlyList<IndicatorTargetRow> Targets,
    QuarterCombine Combine = QuarterCombine.Last,
    string? CombineReason = null,
    IReadOnlyList<Dashboard.DashPeriod>? Windows = null,
    IndicatorWindow? Window = null);

/// <summary>The indicator's values of a half-year or a year (issue 26): each unit's quarters and what the indicator's rule makes of them.</summary>
public sealed record IndicatorWindow(Dashboard.DashPeriod Period, IReadOnlyList<IndicatorWindowRow> Rows);

public sealed record IndicatorWindowRow(string UnitSlug, string UnitName, bool IsDistrict, IReadOnlyDictionary<int, decimal?> ByQuarter,
    ProgramTracker.Core.Periods.CombinedValue Combined);

public sealed record IndicatorTargetRow(string UnitName, int Year, Comparator Comparator, decimal Target, string? Note, SourceRef? Source);

public sealed record IndicatorValueRow(string UnitSlug, string UnitName, bool IsDistrict, string PeriodLabel, decimal? Value, ValueQualifier Qualifier, DateOnly? AsOf, string? Note, SourceRef? Source);
