using ProgramTracker.Core.Domain;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.Catalogue;

public sealed record ProgrammeRow(string Code, string Name, string? LocalName, string? LegalBasis, string? Phase, int ProjectCount, int SetCount);

public sealed record ProgrammePageModel(
    ProgrammeRow Programme,
    SourceRef? Source,
    IReadOnlyList<ProgrammeProject> Projects,
    IReadOnlyList<SetRow> Sets,
    IReadOnlyList<CapitalRow> Capital,
    IReadOnlyList<HighlightRow> Highlights);

public sealed record SetRow(string Code, string Name, UnitLevel Level, CriteriaTier Tier, string Phase, string? LegalBasis, int? DeclaredCriteria, int? DeclaredIndicators, int DefinedCriteria, int DefinedIndicators);

public sealed record CriteriaSetPageModel(
    SetRow Set,
    string ProgrammeCode,
    string ProgrammeName,
    string? Note,
    DateOnly? ValidFrom,
    SourceRef? Source,
    IReadOnlyList<CriterionRow> Criteria,
    IReadOnlyList<SetReportedRow> Reported);

public sealed record CriterionRow(int Number, string Name, string? Group, IReadOnlyList<IndicatorRow> Indicators);

public sealed record IndicatorRow(int Id, string Code, string Name, string? Unit, ProgramTracker.Core.Domain.ValueType ValueType, Comparator Comparator, decimal? Threshold);

public sealed record SetReportedRow(string PeriodLabel, DateOnly AsOf, ReportedKind Kind, decimal? CriteriaMet, decimal? IndicatorsMet, int? UnitsAchieved, IReadOnlyList<(string Slug, string Name, bool IsDistrict)> Scope, string? Note, SourceRef Source);

public sealed record IndicatorPageModel(
    IndicatorRow Indicator,
    string? Note,
    string? Frequency,
    string CriterionName,
    int CriterionNumber,
    string SetCode,
    string SetName,
    IReadOnlyList<IndicatorValueRow> Values,
    IReadOnlyList<IndicatorTargetRow> Targets);

public sealed record IndicatorTargetRow(string UnitName, int Year, Comparator Comparator, decimal Target, string? Note, SourceRef? Source);

public sealed record IndicatorValueRow(string UnitSlug, string UnitName, bool IsDistrict, string PeriodLabel, decimal? Value, ValueQualifier Qualifier, DateOnly? AsOf, string? Note, SourceRef? Source);
