namespace ProgramTracker.Web.Models.Dashboard;

// What a dashboard request loads: aggregated figures, keyed by ids, not yet formatted.
// The page, the summary text and the Excel export are all made from one DashboardData.

public sealed record DashUnit(int Id, string Slug, string Name, UnitKind Kind)
{
    public string FullName => Formats.Current.UnitName(Kind, Name);

    public bool IsDistrict => Kind == UnitKind.District;

    public string PageUrl(string periodCode) =>
        $"{(IsDistrict ? "/districts/" : "/communes/")}{Uri.EscapeDataString(Slug)}?period={Uri.EscapeDataString(periodCode)}";
}

/// <summary>
/// A stored period (a quarter or a whole year), or a half-year (<paramref name="Half"/> 1 or 2) or a year combined from its
/// quarters (issue 26.1; a window not stored has a negative id, see DashboardQueries).
/// </summary>
public sealed record DashPeriod(int Id, int Year, int? Quarter, int Half = 0)
{
    public ProgramTracker.Core.Periods.PeriodKey Key =>
        Half > 0 ? ProgramTracker.Core.Periods.PeriodKey.OfHalf(Year, Half) : ProgramTracker.Core.Periods.PeriodKey.Of(Year, Quarter);

    public string Code => Key.Code;

    public string Label => Formats.Current.Period(Key);

    /// <summary>Quarters sort before the half-year and the whole year they belong to (<see cref="ProgramTracker.Core.Periods.PeriodKey.SortKey"/>).</summary>
    public int SortKey => Key.SortKey;

    public DateOnly StartsOn => Key.StartsOn;

    public DateOnly EndsOn => Key.EndsOn;

    /// <summary>
    /// The periods a picker offers (issue 26.1): the stored ones, and the half-years and years combined from the stored
    /// quarters (a year that is stored once only), in the one order of periods. The dashboard, the summary and the unit pages use it.
    /// </summary>
    public static IReadOnlyList<DashPeriod> Picker(IReadOnlyList<DashPeriod> stored) =>
        stored.Concat(stored.Where(p => p.Quarter is not null).GroupBy(p => p.Year).SelectMany(y =>
            {
                var windows = new List<DashPeriod>();
                foreach (var half in y.Select(p => p.Quarter <= 2 ? 1 : 2).Distinct())
                {
                    windows.Add(new DashPeriod(-ProgramTracker.Core.Periods.PeriodKey.OfHalf(y.Key, half).SortKey, y.Key, null, half));
                }

                if (!stored.Any(p => p.Year == y.Key && p.Quarter is null))
                {
                    windows.Add(new DashPeriod(-ProgramTracker.Core.Periods.PeriodKey.OfYear(y.Key).SortKey, y.Key, null));
                }

                return windows;
            }))
            .OrderBy(p => p.SortKey).ToList();
}

public sealed record DashSet(
    int Id,
    string Code,
    string Name,
    string ProgrammeCode,
    UnitLevel Level,
    CriteriaTier Tier,
    int? DeclaredCriteria,
    int? DeclaredIndicators,
    int DefinedIndicators,
    int SortOrder,
    string ProgrammeName = "",
    int ProgrammeSort = 0,
    string? ProgrammeNameEn = null,
    string? NameEn = null)
{
    /// <summary>
    /// "xã nông thôn mới nâng cao" from "Bộ tiêu chí xã nông thôn mới nâng cao"; other names as they are. The official
    /// Vietnamese name is data, so its Vietnamese prefix is matched here; English readers get <see cref="NameEn"/> (FigureText.StandardName).
    /// </summary>
    public string ShortName => Name.StartsWith("Bộ tiêu chí ", StringComparison.Ordinal) ? Name["Bộ tiêu chí ".Length..] : Name;
}

public enum FigureKind
{
    /// <summary>A report's figure for this one unit.</summary>
    Reported = 1,
    /// <summary>A report's average over a group the unit belongs to.</summary>
    GroupAverage = 2,
    /// <summary>Counted from stored indicator values with the attainment rules.</summary>
    Computed = 3,
}

/// <summary>Criteria and indicators met by one unit for one set in one period.</summary>
public sealed record AttainmentFigure(
    int UnitId,
    int SetId,
    int PeriodId,
    FigureKind Kind,
    decimal? CriteriaMet,
    int? CriteriaDeclared,
    decimal? IndicatorsMet,
    int? IndicatorsDeclared,
    DateOnly? AsOf,
    int? SourceId,
    IReadOnlyList<int> ScopeUnitIds,
    ComputedCounts? Computed = null)
{
    /// <summary>Share of the declared criteria met (0–1); the indicators' share where the set declares no criteria.</summary>
    public decimal? Share =>
        Computed is { Judged: 0 } ? null
        : CriteriaDeclared is > 0 && CriteriaMet is { } c ? c / CriteriaDeclared.Value
        : IndicatorsDeclared is > 0 && IndicatorsMet is { } i ? i / IndicatorsDeclared.Value
        : null;

    /// <summary>The number compared across periods: criteria met, or indicators met where the set declares no criteria.</summary>
    public decimal? Headline =>
        Computed is { Judged: 0 } ? null
        : CriteriaDeclared is not null && CriteriaMet is not null ? CriteriaMet
        : IndicatorsMet ?? CriteriaMet;

    /// <summary>A computed figure whose values all lack a threshold judges nothing.</summary>
    public bool Judged => Computed is not { Judged: 0 };

    /// <summary>
    /// Criteria that cannot be judged (no value, no threshold, or no indicator defined): counted apart, never as failures.
    /// Reported figures judge every declared criterion. For a computed figure: the declared criteria less those met or not met.
    /// </summary>
    public int CriteriaUnjudged =>
        Computed is not { } c ? 0
        : CriteriaDeclared is { } declared ? Math.Max(0, declared - c.CriteriaJudged)
        : c.CriteriaUnknown;

    /// <summary>
    /// Share met of what can be judged (0–1): the criteria met of those met or not met, or the indicators' share where the
    /// set declares no criteria; null when nothing can be judged. A reported figure's share is <see cref="Share"/>.
    /// This, not <see cref="Share"/>, decides whether a unit is at risk: a missing threshold is not a failure.
    /// </summary>
    public decimal? JudgedShare =>
        Computed is not { } c ? Share
        : c.Judged == 0 ? null
        : CriteriaDeclared is > 0 ? (c.CriteriaJudged > 0 && CriteriaMet is { } met ? met / c.CriteriaJudged : null)
        : IndicatorsMet is { } i ? i / c.Judged
        : null;
}

/// <summary>
/// For a computed figure: how much of the set the stored values cover. <paramref name="Judged"/> counts indicators that
/// have both a value and a threshold; <paramref name="CriteriaJudged"/> criteria found met or not met.
/// </summary>
public sealed record ComputedCounts(int DefinedIndicators, int IndicatorsWithValue, int Judged, int CriteriaUnknown, int CriteriaJudged);

/// <summary>"7/7 xã đạt chuẩn": how many units of a group achieved a set, as a report states it.</summary>
public sealed record AchievementFigure(int SetId, int PeriodId, DateOnly AsOf, int UnitsAchieved, IReadOnlyList<int> ScopeUnitIds, int? SourceId, string? Note);

public sealed record PovertyStandardInfo(int Id, string Code, string Name, string ShortName)
{
    /// <summary>The short name in the reader's language: the catalogue holds it in Vietnamese only.</summary>
    public string Label => Formats.Current.PovertyStandard(Code, ShortName);
}

public enum PovertyOrigin
{
    /// <summary>Rates computed from the unit's household counts.</summary>
    Counts = 1,
    /// <summary>Rates as the source reported them.</summary>
    Reported = 2,
    /// <summary>The upper unit's rates computed from the summed household counts of all its communes.</summary>
    CommuneCounts = 3,
}

public sealed record PovertyFigure(
    int UnitId,
    int PeriodId,
    int StandardId,
    DateOnly? AsOf,
    decimal? PoorRate,
    decimal? NearPoorRate,
    PovertyOrigin Origin,
    int? Households,
    int? PoorHouseholds,
    int? NearPoorHouseholds,
    int? SourceId);

/// <summary>Sum of one capital measure for one programme, project, funding source and kind (GROUP BY in the database).</summary>
public sealed record CapitalLine(
    bool UpperOwn,
    string ProgrammeCode,
    string ProgrammeName,
    int ProgrammeSort,
    int? ProjectNumber,
    string? ProjectName,
    string? FundingSource,
    CapitalKind Kind,
    CapitalMeasure Measure,
    decimal AmountVnd,
    ValueQualifier Qualifier,
    int? WorksCount,
    DateOnly? AsOf,
    int Count,
    string? Description,
    IReadOnlyList<int> SourceIds);

public sealed record TargetFigure(
    int UnitId,
    int IndicatorId,
    string IndicatorName,
    string? Unit,
    ValueKind ValueType,
    int Year,
    Comparator Comparator,
    decimal Target,
    decimal? Actual,
    ValueQualifier ActualQualifier,
    int? ActualPeriodId,
    DateOnly? ActualAsOf,
    int? SourceId,
    int? ActualSourceId,
    string? IndicatorNameEn = null)
{
    /// <summary>Actual minus target: "−2" when income is 68 against 70.</summary>
    public decimal? Gap => Actual - Target;

    public bool? Met => Actual is { } a ? ProgramTracker.Core.Attainment.AttainmentRules.Holds(Comparator, a, Target) : null;
}

public sealed record IndicatorFigure(
    int IndicatorId,
    string Code,
    string Name,
    string? Unit,
    ValueKind ValueType,
    decimal? Value,
    ValueQualifier Qualifier,
    DateOnly? AsOf,
    int PeriodId,
    string? Note,
    int? SourceId,
    string? NameEn = null);

/// <summary>A unit's quarters without any value of a set in a combined period (issue 26.1): said, never counted as zero.</summary>
public sealed record WindowGap(int UnitId, int SetId, IReadOnlyList<int> MissingQuarters);

/// <summary>
/// How a half-year or a year was combined from its quarters: the quarters the portal has opened, the units and sets
/// with a quarter missing, and whether any quarter holds a value at all.
/// </summary>
public sealed record CombinedPeriod(IReadOnlyList<int> Quarters, IReadOnlyList<WindowGap> Gaps, bool AnyValues);

/// <summary>A unit that went (directly or through another) into one of the dashboard's communes, which began on <paramref name="SuccessorFrom"/>.</summary>
public sealed record PredecessorLink(int SuccessorId, DashUnit Predecessor, DateOnly SuccessorFrom);

public sealed record HighlightFigure(string? ProgrammeCode, string Topic, string Text, int SourceId);

public sealed record DashboardData(
    DashUnit Upper,
    IReadOnlyList<DashUnit> Communes,
    DashPeriod Period,
    IReadOnlyList<DashPeriod> Window,
    IReadOnlyList<DashPeriod> AllPeriods,
    IReadOnlyList<DashUnit> UpperUnits,
    IReadOnlyList<DashSet> Sets,
    IReadOnlyList<AttainmentFigure> Attainment,
    IReadOnlyList<AchievementFigure> Achievements,
    IReadOnlyList<PovertyStandardInfo> Standards,
    IReadOnlyList<PovertyFigure> Poverty,
    IReadOnlyList<CapitalLine> Capital,
    IReadOnlyList<TargetFigure> Targets,
    IReadOnlyList<IndicatorFigure> UpperFigures,
    IReadOnlyList<HighlightFigure> Highlights,
    IReadOnlyDictionary<int, SourceRef> Sources,
    bool ApprovedOnly = false,
    IReadOnlyList<PredecessorLink>? Predecessors = null,
    IReadOnlyList<DashUnit>? MiddleUnits = null,
    CombinedPeriod? Combined = null,
    DashPeriod? PreviousWindow = null)
{
    private Dictionary<(int Unit, int Set, int Period), AttainmentFigure>? _best;
    private Dictionary<int, DashUnit>? _units;

    /// <summary>
    /// The period the selected one is compared with: for a quarter, the one before it in the window; for a half-year or a
    /// year, the previous window of the same kind (2026-H1 with 2025-H2, 2026 with 2025), combined as it is (issue 26).
    /// </summary>
    public DashPeriod? Previous => Combined is not null ? PreviousWindow : Window.Count > 1 ? Window[^2] : null;

    public IEnumerable<DashUnit> AllUnits => Communes.Prepend(Upper);

    public IEnumerable<DashSet> SetsFor(DashUnit unit) =>
        Sets.Where(s => s.Level == (unit.IsDistrict ? UnitLevel.District : UnitLevel.Commune));

    /// <summary>A report's figure where there is one (it states what was assessed); else the computed one; else null.</summary>
    public AttainmentFigure? Figure(int unitId, int setId, int periodId)
    {
        _best ??= Attainment
            .GroupBy(a => (a.UnitId, a.SetId, a.PeriodId))
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Kind).ThenByDescending(a => a.AsOf).First());
        return _best.GetValueOrDefault((unitId, setId, periodId));
    }

    public SourceRef? Source(int? id) => id is { } i ? Sources.GetValueOrDefault(i) : null;

    public DashUnit? Unit(int id) => (_units ??= AllUnits.ToDictionary(u => u.Id)).GetValueOrDefault(id);

    public DashPeriod? PeriodById(int id) => AllPeriods.FirstOrDefault(p => p.Id == id) ?? (Period.Id == id ? Period : PreviousWindow?.Id == id ? PreviousWindow : null);

    /// <summary>
    /// The periods a picker offers (issue 26.1): the stored ones, and the half-years and years combined from the stored
    /// quarters (a year that is stored once only), in the one order of periods.
    /// </summary>
    public IReadOnlyList<DashPeriod> PickerPeriods => DashPeriod.Picker(AllPeriods);
}
