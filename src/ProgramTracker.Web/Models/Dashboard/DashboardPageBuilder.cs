namespace ProgramTracker.Web.Models.Dashboard;

/// <summary>Turns loaded figures into what the dashboard page, the meeting brief and the export show. Pure: no storage.</summary>
public static class DashboardPageBuilder
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
            new HeatRow(data.Upper, districtSets.Select(s => Cell(data, data.Upper, s)).ToList()),
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
                ? new HeatCell(unit, set, url, figure.CriteriaUnjudged > 0 ? "heat-partial" : HeatClass(figure.Share), FigureText.CriteriaText(figure),
                    FigureText.IndicatorsText(figure), null, origin, originClass, detail, figure.Share, data.Source(figure.SourceId), figure)
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

    private static readonly string[] HeatClasses = ["heat-4", "heat-3", "heat-2", "heat-1", "heat-0", "heat-partial", "heat-none"];

    /// <summary>A row's lowest band over its sets with a judged figure ("heat-none" when it has none): how the communes list and the band counts place a commune.</summary>
    public static string LowestBand(HeatRow row) =>
        row.Cells.Select(c => c.CssClass).Where(c => c != "heat-none").OrderBy(c => c, StringComparer.Ordinal).FirstOrDefault() ?? "heat-none";

    /// <summary>The heat map's legend, in the reader's language.</summary>
    public static IReadOnlyList<(string CssClass, string Label)> Legend =>
        HeatClasses.Select(c => (c, Formats.Current[$"Dash.Legend.{c}"])).ToList();

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
                // Only what can be judged counts: a criterion without a threshold or a value is neither met nor failed.
                if (now.JudgedShare is { } share && share < threshold)
                {
                    var of = now.CriteriaUnjudged > 0 ? " " + Formats.Current["Dash.OfJudged"] : "";
                    reasons.Add(Formats.Current.Format("Dash.RiskBelow", FigureText.Capitalise(set.ShortName), FigureText.Achieved(now), FigureText.Percent(share) + of + how, FigureText.Percent(threshold)));
                }

                if (previous is not null && data.Figure(commune.Id, set.Id, previous.Id) is { Headline: { } before } && now.Headline is { } after && after < before)
                {
                    var noun = Formats.Current[now.CriteriaDeclared is not null ? "Common.CriteriaLower" : "Common.IndicatorsLower"];
                    reasons.Add(Formats.Current.Format("Dash.RiskFell", FigureText.Capitalise(set.ShortName), Formats.Current.Number(before), noun, previous.Label, Formats.Current.Number(after), data.Period.Label));
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

    public static IReadOnlyList<CapitalRowView> Capital(IReadOnlyList<CapitalLine> lines) =>
        lines.GroupBy(l => (l.UpperOwn, l.ProgrammeCode, l.ProjectNumber, l.FundingSource, l.Kind))
            .Select(g =>
            {
                var first = g.First();
                return new CapitalRowView(first.UpperOwn, first.ProgrammeCode, first.ProgrammeName, first.ProjectNumber, first.ProjectName,
                    first.FundingSource, first.Kind, g.ToDictionary(l => l.Measure));
            })
            .ToList();

    public static IReadOnlyList<ChartSpec> AttainmentCharts(DashboardData data)
    {
        var charts = new List<ChartSpec>();
        foreach (var set in data.Sets)
        {
            var units = set.Level == UnitLevel.District ? [data.Upper] : data.Communes;
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

            // Before a successor began, its predecessors' own figures, each labelled as a predecessor (never summed into it).
            if (set.Level == UnitLevel.Commune)
            {
                foreach (var link in data.Predecessors ?? [])
                {
                    if (data.Communes.FirstOrDefault(c => c.Id == link.SuccessorId) is not { } successor)
                    {
                        continue;
                    }

                    var figures = data.Window.Select(p => p.EndsOn < link.SuccessorFrom ? data.Figure(link.Predecessor.Id, set.Id, p.Id) : null).ToList();
                    if (figures.All(f => f?.Headline is null))
                    {
                        continue;
                    }

                    series.Add(new ChartSeries(Formats.Current.Format("Dash.PredecessorSeries", link.Predecessor.FullName, successor.FullName),
                        figures.Select(f => f?.Headline).ToList(), figures.Select(f => f is null ? null : Origin(f.Kind).Label).ToList()));
                }
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
            var figures = data.Window.Select(p => data.Poverty.FirstOrDefault(f => f.UnitId == data.Upper.Id && f.PeriodId == p.Id && f.StandardId == standard.Id)).ToList();
            if (figures.All(f => f is null))
            {
                continue;
            }

            var notes = figures.Select(f => f is null ? null : FigureText.PovertyOriginLabel(f.Origin)).ToList();
            series.Add(new ChartSeries($"{Formats.Current["Poverty.Poor"]} – {standard.Label}", figures.Select(f => f?.PoorRate).ToList(), notes));
            series.Add(new ChartSeries($"{Formats.Current["Poverty.NearPoor"]} – {standard.Label}", figures.Select(f => f?.NearPoorRate).ToList(), notes));
        }

        return series.Count == 0
            ? null
            : new ChartSpec("trend-poverty", Formats.Current.Format("Dash.PovertyTrendTitle", data.Upper.FullName), Formats.Current["ValueType.Percent"], null,
                data.Window.Select(p => p.Label).ToList(), series, "%");
    }

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
            return Formats.Current.Format(a.UnitsAchieved >= 1 ? "Summary.MeetsStandard" : "Summary.DoesNotMeetStandard", only.FullName, FigureText.StandardName(set));
        }

        return Formats.Current.Format("Summary.CountMeet", $"{a.UnitsAchieved}/{a.ScopeUnitIds.Count} {FigureText.ScopeNoun(data, a.ScopeUnitIds)}", FigureText.StandardName(set));
    }
}
