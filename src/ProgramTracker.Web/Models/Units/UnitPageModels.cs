using ProgramTracker.Core.Attainment;

namespace ProgramTracker.Web.Models.Units;

public sealed record UnitHeader(int Id, string Slug, string Name, UnitKind Kind, string FullName, string? ParentName, string? ParentSlug, DateOnly? ValidTo, string? Note,
    DateOnly? ValidFrom = null, string? StatisticsCode = null, UnitKind? ParentKind = null);

public sealed record UnitPageModel(
    UnitHeader Unit,
    ReportingPeriod? Period,
    IReadOnlyList<ReportingPeriod> Periods,
    IReadOnlyList<SetBlock> Sets,
    IReadOnlyList<IndicatorFigure> Figures,
    IReadOnlyList<PovertyFigure> Poverty,
    IReadOnlyList<CapitalRow> Capital,
    IReadOnlyList<TargetRow> Targets,
    IReadOnlyList<HighlightRow> Highlights,
    IReadOnlyList<ChildUnitRow> Children,
    UnitLineage? Lineage = null,
    UnitWindow? Window = null,
    IReadOnlyList<ProgramTracker.Web.Models.Dashboard.DashPeriod>? Picker = null)
{
    /// <summary>The code of the period shown: a stored quarter or year, or a half-year or year combined from its quarters.</summary>
    public string? SelectedCode => Window?.Period.Code ?? Period?.Code;

    /// <summary>"Quý III/2023", "6 tháng cuối năm 2023", "Năm 2023".</summary>
    public string? SelectedLabel => Window?.Period.Label ?? Period?.Label;
}

/// <summary>A link to a unit that went into this one, or that this one went into.</summary>
public sealed record LineageLink(string? Slug, string Name, bool IsCommunePage, bool Whole, string ActNumber, DateOnly EffectiveOn, string? Via);

/// <summary>A reported figure of a predecessor, always labelled with the predecessor's own name.</summary>
public sealed record PredecessorFigure(string Slug, string UnitName, string SetName, string PeriodLabel, DateOnly AsOf, string MetCounts, bool GroupAverage, SourceRef Source);

public sealed record UnitLineage(IReadOnlyList<LineageLink> Successors, IReadOnlyList<LineageLink> Predecessors, IReadOnlyList<PredecessorFigure> History);

/// <summary>One criteria set on a unit's page: what reports said and what the stored values give.</summary>
public sealed record SetBlock(
    string Code,
    string Name,
    string ProgrammeCode,
    CriteriaTier Tier,
    int? DeclaredCriteria,
    int? DeclaredIndicators,
    int DefinedIndicators,
    DateOnly? ValidFrom,
    IReadOnlyList<ReportedRow> Reported,
    ComputedBlock? Computed,
    string? NameEn = null);

public sealed record ReportedRow(
    string PeriodLabel,
    DateOnly AsOf,
    ReportedKind Kind,
    decimal? CriteriaMet,
    decimal? IndicatorsMet,
    int? UnitsAchieved,
    IReadOnlyList<string> ScopeNames,
    string? Note,
    SourceRef Source);

/// <param name="MissingQuarters">For a half-year or a year: the quarters of it in which the set has no value (said, never counted as zero).</param>
public sealed record ComputedBlock(SetAttainment Attainment, IReadOnlyList<GapRow> Gaps, int ValuesEntered, IReadOnlyList<int>? MissingQuarters = null);

public sealed record GapRow(int IndicatorId, string IndicatorName, string? Unit, ProgramTracker.Core.Domain.ValueKind ValueType, decimal? Value, decimal? Threshold, Comparator Comparator, decimal? Distance);

public sealed record IndicatorFigure(
    int IndicatorId,
    string Code,
    string Name,
    string? Unit,
    ProgramTracker.Core.Domain.ValueKind ValueType,
    string PeriodLabel,
    decimal? Value,
    ValueQualifier Qualifier,
    DateOnly? AsOf,
    string? Note,
    SourceRef? Source);

public sealed record PovertyFigure(
    string StandardName,
    string StandardCode,
    string PeriodLabel,
    DateOnly? AsOf,
    decimal? PoorRate,
    decimal? NearPoorRate,
    bool FromCounts,
    int? HouseholdsTotal,
    int? PoorHouseholds,
    int? NearPoorHouseholds,
    SourceRef? Source);

public sealed record CapitalRow(
    string ProgrammeCode,
    string ProgrammeName,
    string? ProjectName,
    string PeriodLabel,
    CapitalMeasure Measure,
    CapitalKind Kind,
    string? FundingSource,
    decimal AmountVnd,
    ValueQualifier Qualifier,
    int? WorksCount,
    DateOnly? AsOf,
    string? Description,
    SourceRef? Source);

public sealed record TargetRow(int IndicatorId, string IndicatorName, string? Unit, int Year, Comparator Comparator, decimal Target, decimal? Actual, ValueQualifier ActualQualifier, string? ActualPeriod, string? Note, SourceRef? Source);

public sealed record HighlightRow(string? ProgrammeCode, string Topic, string Text, string PeriodLabel, SourceRef Source);

public sealed record ChildUnitRow(string Slug, string FullName, IReadOnlyList<string> Latest, UnitKind Kind = UnitKind.Commune, DateOnly? ValidFrom = null, DateOnly? ValidTo = null)
{
    public bool IsCommuneLevel => AdministrativeUnit.IsCommuneLevelKind(Kind);
}

public sealed record CommuneListRow(string Slug, string FullName, string DistrictName, string DistrictSlug, IReadOnlyList<string> Latest, DateOnly? ValidFrom = null, DateOnly? ValidTo = null);
