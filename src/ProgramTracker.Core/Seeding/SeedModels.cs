using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Units;

namespace ProgramTracker.Core.Seeding;

// The shapes of the files in seeds/. Every record that carries a figure names its source by code.

public sealed record SourcesFile(IReadOnlyList<SourceSeed> Sources);
public sealed record SourceSeed(string Code, string Title, string? Publisher = null, DateOnly? PublishedOn = null, string? Document = null);

public sealed record UnitsFile(IReadOnlyList<UnitSeed> Units);
public sealed record UnitSeed(string Slug, string Name, UnitKind Kind, string? Parent, string Source, DateOnly? ValidFrom = null, DateOnly? ValidTo = null, string? Note = null, string? StatisticsCode = null);

/// <summary>units-2025/register.json: the official register's two lists, the day they take effect and each list's source.</summary>
public sealed record RegisterFile(DateOnly ValidFrom, RegisterListSeed Provinces, RegisterListSeed Units);
public sealed record RegisterListSeed(string File, string Source);

public sealed record UnitClassificationsFile(IReadOnlyList<UnitClassificationSeed> Classifications);
public sealed record UnitClassificationSeed(string Unit, string Source, DateOnly? ValidFrom = null, DateOnly? ValidTo = null, string? Region = null, int? CommuneGroup = null, bool EspeciallyDisadvantaged = false, string? Note = null);

public sealed record ReorganisationsFile(IReadOnlyList<ReorganisationSeed> Reorganisations);
/// <summary>One act's effect on one successor: the predecessors that go into it (units of the seed, or names of units outside it).</summary>
public sealed record ReorganisationSeed(string Code, string ActNumber, DateOnly ActDate, DateOnly EffectiveOn, string Source, SuccessorSeed Successor, IReadOnlyList<PredecessorSeed> Predecessors, string? Note = null);
public sealed record SuccessorSeed(string Slug, string Name, UnitKind Kind, string Parent, string? StatisticsCode = null, bool Existing = false);
public sealed record PredecessorSeed(string? Unit = null, string? Name = null, bool Whole = true);

public sealed record PeriodsFile(IReadOnlyList<PeriodSeed> Periods);
public sealed record PeriodSeed(string Code, bool Locked = false, DateOnly? Deadline = null);

public sealed record ProgrammesFile(IReadOnlyList<ProgrammeSeed> Programmes);
public sealed record ProgrammeSeed(string Code, string Name, string Source, int SortOrder, IReadOnlyList<ProjectSeed> Projects, string? LocalName = null, string? LegalBasis = null, string? Phase = null, string? Targets = null, string? NameEn = null);
public sealed record ProjectSeed(int Number, string Name, bool TitleConfirmed);

public sealed record CriteriaSetsFile(IReadOnlyList<CriteriaSetSeed> CriteriaSets);
public sealed record CriteriaSetSeed(
    string Code, string Programme, string Name, UnitLevel Level, CriteriaTier Tier, string Phase, string Source,
    int? DeclaredCriteria, int? DeclaredIndicators, IReadOnlyList<CriterionSeed> Criteria,
    int SortOrder = 0, string? LegalBasis = null, DateOnly? ValidFrom = null, DateOnly? ValidTo = null, string? Note = null,
    ThresholdScheme ThresholdScheme = ThresholdScheme.Common, string? NameEn = null);
public sealed record CriterionSeed(int Number, string Name, string? Group, IReadOnlyList<IndicatorSeed>? Indicators = null, string? NameEn = null);
/// <summary>An indicator with its common threshold and, where the source gives them, thresholds by region or commune group.</summary>
public sealed record IndicatorSeed(string Code, string Name, string? Unit, ValueKind ValueType, Comparator Comparator, decimal? Threshold, string? Frequency = null, string? Note = null,
    string? ThresholdText = null, IReadOnlyDictionary<string, decimal?>? Thresholds = null, string? Source = null,
    QuarterCombine? Combine = null, string? CombineReason = null);

public sealed record PovertyStandardsFile(IReadOnlyList<PovertyStandardSeed> Standards);
public sealed record PovertyStandardSeed(string Code, string Name, string ShortName, decimal RuralIncomeLine, decimal UrbanIncomeLine, string Source, int SortOrder = 0, string? LegalBasis = null, DateOnly? ValidFrom = null, DateOnly? ValidTo = null);

public sealed record ReportedAttainmentsFile(IReadOnlyList<ReportedAttainmentSeed> ReportedAttainments);
public sealed record ReportedAttainmentSeed(string CriteriaSet, string Period, DateOnly AsOf, ReportedKind Kind, IReadOnlyList<string> Units, string Source, decimal? CriteriaMet = null, decimal? IndicatorsMet = null, int? UnitsAchieved = null, string? Note = null);

public sealed record IndicatorValuesFile(IReadOnlyList<IndicatorValueSeed> IndicatorValues);
public sealed record IndicatorValueSeed(string Unit, string Indicator, string Period, decimal? Value, string Source, DateOnly? AsOf = null, ValueQualifier Qualifier = ValueQualifier.None, string? Note = null);

public sealed record PovertyFile(IReadOnlyList<PovertySeed> PovertyRecords);
public sealed record PovertySeed(string Unit, string Period, string Standard, string Source, DateOnly? AsOf = null, int? HouseholdsTotal = null, int? PoorHouseholds = null, int? NearPoorHouseholds = null, decimal? ReportedPoorRate = null, decimal? ReportedNearPoorRate = null, string? Note = null);

public sealed record CapitalFile(IReadOnlyList<CapitalSeed> CapitalFigures);
public sealed record CapitalSeed(string Programme, string Unit, string Period, CapitalMeasure Measure, CapitalKind Kind, decimal AmountVnd, string Source, int? Project = null, string? FundingSource = null, ValueQualifier Qualifier = ValueQualifier.None, int? WorksCount = null, DateOnly? AsOf = null, string? Description = null);

public sealed record TargetsFile(IReadOnlyList<TargetSeed> Targets);
public sealed record TargetSeed(string Unit, string Indicator, int Year, Comparator Comparator, decimal Value, string Source, string? Note = null);

public sealed record HighlightsFile(IReadOnlyList<HighlightSeed> Highlights);
public sealed record HighlightSeed(string? Programme, string Unit, string Period, string Topic, string Text, string Source);

/// <summary>Everything in seeds/, parsed and cross-checked.</summary>
public sealed record SeedData(
    IReadOnlyList<SourceSeed> Sources,
    IReadOnlyList<UnitSeed> Units,
    IReadOnlyList<PeriodSeed> Periods,
    IReadOnlyList<ProgrammeSeed> Programmes,
    IReadOnlyList<CriteriaSetSeed> CriteriaSets,
    IReadOnlyList<PovertyStandardSeed> PovertyStandards,
    IReadOnlyList<ReportedAttainmentSeed> ReportedAttainments,
    IReadOnlyList<IndicatorValueSeed> IndicatorValues,
    IReadOnlyList<PovertySeed> PovertyRecords,
    IReadOnlyList<CapitalSeed> CapitalFigures,
    IReadOnlyList<TargetSeed> Targets,
    IReadOnlyList<HighlightSeed> Highlights,
    IReadOnlyList<UnitClassificationSeed> Classifications,
    IReadOnlyList<ReorganisationSeed> Reorganisations)
{
    /// <summary>The official register of units (units-2025/); empty when the seed folder has none.</summary>
    public UnitRegister Register { get; init; } = UnitRegister.Empty;
}
