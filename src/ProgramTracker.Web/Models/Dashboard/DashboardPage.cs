using System.Text.Json;

namespace ProgramTracker.Web.Models.Dashboard;

// The dashboard page's model: what DashboardPageBuilder makes from DashboardData and the views render.

public sealed record HeatCell(
    DashUnit Unit,
    DashSet Set,
    string Url,
    string CssClass,
    string? CriteriaText,
    string? IndicatorsText,
    string? Status,
    string Origin,
    string OriginClass,
    string? Detail,
    decimal? Share,
    SourceRef? Source,
    AttainmentFigure? Figure)
{

    /// <summary>What a screen reader reads for the cell, and the tooltip.</summary>
    public string Description
    {
        get
        {
            var parts = new List<string> { $"{Unit.FullName}, {Set.Name}" };
            if (Status is not null)
            {
                parts.Add(Status);
            }

            if (CriteriaText is not null)
            {
                parts.Add(CriteriaText);
            }

            if (IndicatorsText is not null)
            {
                parts.Add(IndicatorsText);
            }

            if (Share is { } s)
            {
                parts.Add(Formats.Current.Format("Dash.ShareOfStandard", FigureText.Percent(s)));
            }

            parts.Add(Origin);
            if (Detail is not null)
            {
                parts.Add(Detail);
            }

            return string.Join("; ", parts);
        }
    }
}

public sealed record HeatRow(DashUnit Unit, IReadOnlyList<HeatCell> Cells);

public sealed record AtRiskUnit(DashUnit Unit, IReadOnlyList<string> Reasons);

public sealed record RiskReport(decimal Threshold, IReadOnlyList<AtRiskUnit> AtRisk, IReadOnlyList<DashUnit> WithoutData);

public sealed record CapitalRowView(
    bool UpperOwn,
    string ProgrammeCode,
    string ProgrammeName,
    int? ProjectNumber,
    string? ProjectName,
    string? FundingSource,
    CapitalKind Kind,
    IReadOnlyDictionary<CapitalMeasure, CapitalLine> Measures)
{
    public CapitalLine? Get(CapitalMeasure measure) => Measures.GetValueOrDefault(measure);

    /// <summary>The base of the disbursement rate: the allocated plan where there is one, else the plan handed down.</summary>
    public CapitalLine? RateBase => Get(CapitalMeasure.Allocated) ?? Get(CapitalMeasure.Planned);

    /// <summary>Disbursed ÷ allocated (or planned) in %, computed from the stored amounts; null where either is missing.</summary>
    public decimal? Rate => RateBase is { AmountVnd: > 0 } b && Get(CapitalMeasure.Disbursed) is { } d
        ? Math.Round(d.AmountVnd * 100m / b.AmountVnd, 1)
        : null;

    public bool RateApproximate => Rate is not null && (RateBase!.Qualifier != ValueQualifier.None || Get(CapitalMeasure.Disbursed)!.Qualifier != ValueQualifier.None);

    public string RateText => Rate is { } r
        ? (RateApproximate ? Formats.Current.Format("Value.Estimate", Formats.Current.Percent(r)) : Formats.Current.Percent(r))
        : Formats.Current[Get(CapitalMeasure.Disbursed) is not null ? "Dash.NoPlanForRate" : "Dash.NoDisbursement"];

    public IEnumerable<int> SourceIds => Measures.Values.SelectMany(m => m.SourceIds).Distinct();

    public string LevelLabel => Formats.Current[UpperOwn ? "Level.District" : "Dash.CommunesAdded"];

    public string? ProjectLabel => ProjectNumber is { } n ? Formats.Current.Format("Dash.Project", n, ProjectName) : null;
}

public sealed record ChartSeries(string Label, IReadOnlyList<decimal?> Values, IReadOnlyList<string?> Notes);

public sealed record ChartSpec(string Id, string Title, string YLabel, decimal? YMax, IReadOnlyList<string> Periods, IReadOnlyList<ChartSeries> Series, string Unit)
{
    /// <summary>The chart's data for dashboard.js, as JSON; the serializer escapes '&lt;' so it cannot close its script block.</summary>
    public string Json => JsonSerializer.Serialize(new
    {
        title = Title,
        yLabel = YLabel,
        yMax = YMax,
        unit = Unit,
        labels = Periods,
        series = Series.Select(s => new { label = s.Label, values = s.Values }),
    });
}

public sealed record AchievementView(DashSet Set, AchievementFigure Figure, DashPeriod Period, string Text, SourceRef? Source);

public sealed record DashboardPage(
    DashboardData Data,
    IReadOnlyList<DashSet> CommuneSets,
    IReadOnlyList<DashSet> DistrictSets,
    IReadOnlyList<HeatRow> CommuneRows,
    HeatRow DistrictRow,
    RiskReport Risk,
    IReadOnlyList<CapitalRowView> Capital,
    IReadOnlyList<ChartSpec> AttainmentCharts,
    ChartSpec? PovertyChart,
    IReadOnlyList<AchievementView> Achievements);
