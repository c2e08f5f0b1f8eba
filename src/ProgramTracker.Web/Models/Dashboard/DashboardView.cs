using System.Text.Json;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Web.Models.Dashboard;

/// <summary>Settings of the leader dashboard ("Dashboard" in appsettings).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>A commune is at risk below this share of the declared criteria met (0–1). Default 80 %.</summary>
    public decimal AtRiskShare { get; set; } = 0.8m;
}

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
                parts.Add(Formats.Current.Format("Dash.ShareOfStandard", DashboardView.Percent(s)));
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
    bool DistrictOwn,
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

    public string LevelLabel => Formats.Current[DistrictOwn ? "Level.District" : "Dash.CommunesAdded"];

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

/// <summary>Turns loaded figures into what the page, the summary and the export show. Pure: no storage.</summary>
public static class DashboardView
{
    public static DashboardPage Build(DashboardData data, decimal atRiskShare)
    {
        var communeSets = data.Sets.Where(s => s.Level == UnitLevel.Commune).ToList();
        var districtSets = data.Sets.Where(s => s.Level == UnitLevel.District).ToList();
        return new DashboardPage(
            data,
            communeSets,
            districtSets,
            data.Communes.Select(c => new HeatRow(c, communeSets.Select(s => Cell(data, c, s)).ToList())).ToList(),
            new HeatRow(data.District, districtSets.Select(s => Cell(data, data.District, s)).ToList()),
            Risk(data, atRiskShare),
            Capital(data.Capital),
            AttainmentCharts(data),
            PovertyChart(data),
            Achievements(data));
    }

    public static HeatCell Cell(DashboardData data, DashUnit unit, DashSet set)
    {
        var url = unit.PageUrl(data.Period.Code);
        var figure = data.Figure(unit.Id, set.Id, data.Period.Id);
        if (figure is not null)
        {
            var (origin, originClass) = Origin(figure.Kind);
            string? detail = figure.Kind switch
            {
                FigureKind.GroupAverage => Formats.Current.Format("Dash.AverageOf", figure.ScopeUnitIds.Count,
                    string.Join(", ", figure.ScopeUnitIds.Select(id => data.Unit(id)?.Name).OfType<string>())),
                FigureKind.Computed when figure.Computed is { } c =>
                    Formats.Current.Format("Dash.HasFigures", c.IndicatorsWithValue, c.DefinedIndicators)
                    + (c.Judged < c.IndicatorsWithValue ? Formats.Current.Format("Dash.WithoutThreshold", c.IndicatorsWithValue - c.Judged) : ""),
                _ => null,
            };
            return figure.Judged
                ? new HeatCell(unit, set, url, HeatClass(figure.Share), CriteriaText(figure), IndicatorsText(figure), null, origin, originClass, detail,
                    figure.Share, data.Source(figure.SourceId), figure)
                : new HeatCell(unit, set, url, "heat-none", null, null, Formats.Current["Dash.NotJudged"], origin, originClass, detail, null, null, figure);
        }

        var achieved = data.Achievements.FirstOrDefault(a => a.SetId == set.Id && a.PeriodId == data.Period.Id && a.ScopeUnitIds.Contains(unit.Id));
        if (achieved is not null)
        {
            var all = achieved.UnitsAchieved >= achieved.ScopeUnitIds.Count;
            var detail = Formats.Current.Format("Dash.GroupMeeting", achieved.UnitsAchieved, achieved.ScopeUnitIds.Count)
                + (all || achieved.ScopeUnitIds.Count == 1 ? "" : Formats.Current["Dash.NotNamed"]);
            return new HeatCell(unit, set, url, all ? "heat-4" : "heat-none", null, null, Formats.Current[all ? "Dash.MeetsStandard" : "Dash.UnclearPerUnit"], Formats.Current["Dash.OriginReported"], "origin-reported",
                detail, all ? 1m : null, data.Source(achieved.SourceId), null);
        }

        return new HeatCell(unit, set, url, "heat-none", null, null, Formats.Current["Value.NoData"], Formats.Current["Value.NoData"], "origin-missing", null, null, null, null);
    }

    public static (string Label, string CssClass) Origin(FigureKind kind) => kind switch
    {
        FigureKind.Reported => (Formats.Current["Dash.OriginReported"], "origin-reported"),
        FigureKind.GroupAverage => (Formats.Current["Dash.OriginAverage"], "origin-average"),
        _ => (Formats.Current["Dash.OriginComputed"], "origin-computed"),
    };

    /// <summary>"16/19 tiêu chí"; a computed count is shown only against declared criteria.</summary>
    public static string? CriteriaText(AttainmentFigure f) =>
        f.CriteriaMet is null || (f.Kind == FigureKind.Computed && f.CriteriaDeclared is null)
            ? null
            : Formats.Current.Format("Dash.CriteriaRatio", Formats.Current.Ratio(f.CriteriaMet, f.CriteriaDeclared));

    public static string? IndicatorsText(AttainmentFigure f) =>
        f.IndicatorsMet is null ? null : Formats.Current.Format("Dash.IndicatorsRatio", Formats.Current.Ratio(f.IndicatorsMet, f.IndicatorsDeclared));

    /// <summary>Colour by distance to the standard: the share of declared criteria met.</summary>
    public static string HeatClass(decimal? share) => share switch
    {
        null => "heat-none",
        >= 1m => "heat-4",
        >= 0.9m => "heat-3",
        >= 0.7m => "heat-2",
        >= 0.5m => "heat-1",
        _ => "heat-0",
    };

    private static readonly string[] HeatClasses = ["heat-4", "heat-3", "heat-2", "heat-1", "heat-0", "heat-none"];

    /// <summary>The heat map's legend, in the reader's language.</summary>
    public static IReadOnlyList<(string CssClass, string Label)> Legend =>
        HeatClasses.Select(c => (c, Formats.Current[$"Dash.Legend.{c}"])).ToList();

    /// <summary>A share (0–1) as "84,2 %".</summary>
    public static string Percent(decimal share) => Formats.Current.Percent(Math.Round(share * 100m, 1));

    public static RiskReport Risk(DashboardData data, decimal threshold)
    {
        var atRisk = new List<AtRiskUnit>();
        var withoutData = new List<DashUnit>();
        var previous = data.Previous;
        foreach (var commune in data.Communes)
        {
            var reasons = new List<string>();
            var any = false;
            foreach (var set in data.SetsFor(commune))
            {
                var now = data.Figure(commune.Id, set.Id, data.Period.Id);
                if (now is null)
                {
                    continue;
                }

                any = true;
                var how = now.Kind switch
                {
                    FigureKind.GroupAverage => ", " + Formats.Current["Dash.HowAverage"],
                    FigureKind.Computed => ", " + Formats.Current["Dash.OriginComputed"],
                    _ => "",
                };
                if (now.Share is { } share && share < threshold)
                {
                    reasons.Add(Formats.Current.Format("Dash.RiskBelow", Capitalise(set.ShortName), Achieved(now), Percent(share) + how, Percent(threshold)));
                }

                if (previous is not null && data.Figure(commune.Id, set.Id, previous.Id) is { Headline: { } before } && now.Headline is { } after && after < before)
                {
                    var noun = Formats.Current[now.CriteriaDeclared is not null ? "Common.CriteriaLower" : "Common.IndicatorsLower"];
                    reasons.Add(Formats.Current.Format("Dash.RiskFell", Capitalise(set.ShortName), Formats.Current.Number(before), noun, previous.Label, Formats.Current.Number(after), data.Period.Label));
                }
            }

            if (reasons.Count > 0)
            {
                atRisk.Add(new AtRiskUnit(commune, reasons));
            }
            else if (!any)
            {
                withoutData.Add(commune);
            }
        }

        return new RiskReport(threshold, atRisk, withoutData);
    }

    /// <summary>"16/19 tiêu chí, 72/75 chỉ tiêu".</summary>
    public static string Achieved(AttainmentFigure f) =>
        string.Join(", ", new[] { CriteriaText(f), IndicatorsText(f) }.OfType<string>());

    public static IReadOnlyList<CapitalRowView> Capital(IReadOnlyList<CapitalLine> lines) =>
        lines.GroupBy(l => (l.DistrictOwn, l.ProgrammeCode, l.ProjectNumber, l.FundingSource, l.Kind))
            .Select(g =>
            {
                var first = g.First();
                return new CapitalRowView(first.DistrictOwn, first.ProgrammeCode, first.ProgrammeName, first.ProjectNumber, first.ProjectName,
                    first.FundingSource, first.Kind, g.ToDictionary(l => l.Measure));
            })
            .ToList();

    public static string Amount(CapitalLine line) => Formats.Current.Qualified(Formats.Current.Money(line.AmountVnd), line.Qualifier, money: true);

    /// <summary>"06": works counts the way district reports write them.</summary>
    public static string Works(int count) => count.ToString("00", Formats.Vietnamese.NumberCulture);

    public static IReadOnlyList<ChartSpec> AttainmentCharts(DashboardData data)
    {
        var charts = new List<ChartSpec>();
        foreach (var set in data.Sets)
        {
            var units = set.Level == UnitLevel.District ? [data.District] : data.Communes;
            var series = new List<ChartSeries>();
            foreach (var unit in units)
            {
                var figures = data.Window.Select(p => data.Figure(unit.Id, set.Id, p.Id)).ToList();
                if (figures.All(f => f?.Headline is null))
                {
                    continue;
                }

                series.Add(new ChartSeries(unit.FullName, figures.Select(f => f?.Headline).ToList(), figures.Select(f => f is null ? null : Origin(f.Kind).Label).ToList()));
            }

            if (series.Count == 0)
            {
                continue;
            }

            var criteria = set.DeclaredCriteria is not null;
            var noun = Formats.Current[criteria ? "Common.CriteriaLower" : "Common.IndicatorsLower"];
            charts.Add(new ChartSpec($"trend-{set.Code}", Formats.Current.Format("Dash.TrendTitle", noun, set.Name), Formats.Current.Format("Dash.TrendAxis", noun),
                criteria ? set.DeclaredCriteria : set.DeclaredIndicators, data.Window.Select(p => p.Label).ToList(), series, noun));
        }

        return charts;
    }

    public static ChartSpec? PovertyChart(DashboardData data)
    {
        var series = new List<ChartSeries>();
        foreach (var standard in data.Standards)
        {
            var figures = data.Window.Select(p => data.Poverty.FirstOrDefault(f => f.UnitId == data.District.Id && f.PeriodId == p.Id && f.StandardId == standard.Id)).ToList();
            if (figures.All(f => f is null))
            {
                continue;
            }

            var notes = figures.Select(f => f is null ? null : PovertyOriginLabel(f.Origin)).ToList();
            series.Add(new ChartSeries($"{Formats.Current["Poverty.Poor"]} – {standard.ShortName}", figures.Select(f => f?.PoorRate).ToList(), notes));
            series.Add(new ChartSeries($"{Formats.Current["Poverty.NearPoor"]} – {standard.ShortName}", figures.Select(f => f?.NearPoorRate).ToList(), notes));
        }

        return series.Count == 0
            ? null
            : new ChartSpec("trend-poverty", Formats.Current.Format("Dash.PovertyTrendTitle", data.District.FullName), Formats.Current["ValueType.Percent"], null,
                data.Window.Select(p => p.Label).ToList(), series, "%");
    }

    public static string PovertyOriginLabel(PovertyOrigin origin) => origin switch
    {
        PovertyOrigin.Counts => Formats.Current["Dash.PovertyFromCounts"],
        PovertyOrigin.CommuneCounts => Formats.Current["Dash.PovertyFromCommuneCounts"],
        _ => Formats.Current["Dash.OriginReported"],
    };

    /// <summary>Per set, the latest "units achieved" statement of this year or the previous one, up to the selected period.</summary>
    public static IReadOnlyList<AchievementView> Achievements(DashboardData data) =>
        data.Achievements
            .Select(a => (Figure: a, Period: data.PeriodById(a.PeriodId)!, Set: data.Sets.First(s => s.Id == a.SetId)))
            .Where(x => x.Period.Year >= data.Period.Year - 1 && x.Period.SortKey <= data.Period.SortKey)
            .GroupBy(x => x.Set.Id)
            .Select(g => g.OrderByDescending(x => x.Figure.AsOf).First())
            .OrderBy(x => x.Set.Level == UnitLevel.District ? 1 : 0).ThenBy(x => x.Set.SortOrder)
            .Select(x => new AchievementView(x.Set, x.Figure, x.Period, AchievementText(data, x.Set, x.Figure), data.Source(x.Figure.SourceId)))
            .ToList();

    public static string AchievementText(DashboardData data, DashSet set, AchievementFigure a)
    {
        if (a.ScopeUnitIds.Count == 1 && data.Unit(a.ScopeUnitIds[0]) is { } only)
        {
            return Formats.Current.Format(a.UnitsAchieved >= 1 ? "Summary.MeetsStandard" : "Summary.DoesNotMeetStandard", only.FullName, StandardName(set));
        }

        return Formats.Current.Format("Summary.CountMeet", $"{a.UnitsAchieved}/{a.ScopeUnitIds.Count} {ScopeNoun(data, a.ScopeUnitIds)}", StandardName(set));
    }

    /// <summary>"nông thôn mới nâng cao" from "Bộ tiêu chí xã nông thôn mới nâng cao": the standard, without the unit noun.</summary>
    public static string StandardName(DashSet set)
    {
        var name = set.ShortName;
        foreach (var prefix in new[] { "xã ", "huyện " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return Lower(name);
    }

    /// <summary>"xã", or "xã, thị trấn" when a town is in the group.</summary>
    public static string ScopeNoun(DashboardData data, IEnumerable<int> unitIds) =>
        Formats.Current[unitIds.Any(id => data.Unit(id)?.Kind == UnitKind.Town) ? "Dash.CommunesAndTowns" : "Dash.Communes"];

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
