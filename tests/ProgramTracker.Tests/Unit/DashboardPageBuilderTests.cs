using ProgramTracker.Core.Domain;
using ProgramTracker.Web.Models;
using ProgramTracker.Web.Models.Dashboard;

namespace ProgramTracker.Tests.Unit;

public class DashboardPageBuilderTests
{
    private static readonly DashPeriod Q2 = new(1, 2023, 2);
    private static readonly DashPeriod Q3 = new(2, 2023, 3);
    private static readonly DashUnit District = new(100, "d", "Ba Chẽ", UnitKind.District);
    private static readonly DashUnit A = new(101, "a", "A", UnitKind.Commune);
    private static readonly DashUnit B = new(102, "b", "B", UnitKind.Commune);
    private static readonly DashUnit C = new(103, "c", "C", UnitKind.Town);
    private static readonly DashSet Advanced = new(2, "ntm-xa-nang-cao", "Bộ tiêu chí xã nông thôn mới nâng cao", "ntm", UnitLevel.Commune, CriteriaTier.Advanced, 19, 75, 0, 2);

    private static readonly DashSet Three = new(8, "ct26-xa", "Bộ tiêu chí Xã 2026", "ct26", UnitLevel.Commune, CriteriaTier.Standard, 3, 4, 4, 3);

    [Theory]
    [InlineData(null, "heat-none")]
    [InlineData(1.0, "heat-4")]
    [InlineData(0.95, "heat-3")]
    [InlineData(0.842, "heat-2")]
    [InlineData(0.7, "heat-2")]
    [InlineData(0.55, "heat-1")]
    [InlineData(0.2222, "heat-0")]
    public void Heat_colour_follows_the_share_of_declared_criteria_met(double? share, string expected) =>
        DashboardPageBuilder.HeatClass((decimal?)share).Should().Be(expected);

    [Fact]
    public void Share_uses_criteria_and_falls_back_to_indicators_where_no_criteria_are_declared()
    {
        Figure(A, 16, 72).Share.Should().Be(16m / 19m);
        new AttainmentFigure(1, 6, Q3.Id, FigureKind.Reported, null, null, 21, 21, null, null, [1]).Share.Should().Be(1m);
        new AttainmentFigure(1, 6, Q3.Id, FigureKind.Computed, 0, 19, 0, 10, null, null, [1], new ComputedCounts(10, 8, 0, 19, CriteriaJudged: 0)).Share
            .Should().BeNull("values without thresholds judge nothing");
    }

    [Fact]
    public void At_risk_threshold_is_configurable_and_each_reason_is_stated()
    {
        var data = Data([Figure(A, 16, 72), Figure(B, 14.5m, 65.5m, FigureKind.GroupAverage)]);

        var at80 = DashboardPageBuilder.Risk(data, 0.8m);
        at80.AtRisk.Select(r => r.Unit.Slug).Should().Equal("b");
        at80.AtRisk[0].Reasons.Should().Equal("Xã nông thôn mới nâng cao: 14,5/19 tiêu chí, 65,5/75 chỉ tiêu (76,3 %, bình quân nhóm), dưới ngưỡng 80 %");
        at80.WithoutData.Should().Equal(C);

        DashboardPageBuilder.Risk(data, 0.9m).AtRisk.Select(r => r.Unit.Slug).Should().Equal("a", "b");
        DashboardPageBuilder.Risk(data, 0.5m).AtRisk.Should().BeEmpty();
    }

    [Fact]
    public void Criteria_that_cannot_be_judged_are_counted_apart_never_as_failures()
    {
        // Issue 32.4: 1 of 3 criteria met, the other 2 without a threshold. Worked by hand: judged criteria = 1 (met) + 0
        // (not met) = 1, so 1/1 = 100 % of what can be judged: not at risk; the cell says "1/3 tiêu chí (2 chưa đánh giá được)".
        var unjudged = new AttainmentFigure(A.Id, Three.Id, Q3.Id, FigureKind.Computed, 1, 3, 1, 4, null, null, [A.Id],
            new ComputedCounts(DefinedIndicators: 4, IndicatorsWithValue: 4, Judged: 1, CriteriaUnknown: 2, CriteriaJudged: 1));
        // 1 met of 3 judged (2 not met), nothing unjudged: 33,3 % — at risk.
        var failing = new AttainmentFigure(B.Id, Three.Id, Q3.Id, FigureKind.Computed, 1, 3, 1, 4, null, null, [B.Id],
            new ComputedCounts(DefinedIndicators: 4, IndicatorsWithValue: 4, Judged: 4, CriteriaUnknown: 0, CriteriaJudged: 3));
        var data = new DashboardData(District, [A, B], Q3, [Q3], [Q3], [District], [Three], [unjudged, failing], [], [], [], [], [], [], [], new Dictionary<int, SourceRef>());

        var risk = DashboardPageBuilder.Risk(data, 0.8m);
        var cell = DashboardPageBuilder.Cell(data, A, Three);

        risk.AtRisk.Select(r => r.Unit.Slug).Should().Equal("b");
        risk.AtRisk[0].Reasons.Should().Equal("Xã 2026: 1/3 tiêu chí, 1/4 chỉ tiêu (33,3 %, tính từ số liệu), dưới ngưỡng 80 %");
        cell.CriteriaText.Should().Be("1/3 tiêu chí (2 chưa đánh giá được)");
        cell.CssClass.Should().Be("heat-partial", "neither the pass nor the failure colour while criteria cannot be judged");
        unjudged.JudgedShare.Should().Be(1m);
        failing.JudgedShare.Should().Be(1m / 3m);
    }

    [Fact]
    public void A_commune_falling_since_the_previous_period_is_at_risk_even_above_the_threshold()
    {
        var data = Data([Figure(A, 17, 73), Figure(A, 18, 74, period: Q2)]);

        DashboardPageBuilder.Risk(data, 0.8m).AtRisk.Single().Reasons
            .Should().Equal("Xã nông thôn mới nâng cao: giảm từ 18 tiêu chí (Quý II/2023) xuống 17 tiêu chí (Quý III/2023)");
    }

    [Fact]
    public void A_reported_figure_wins_over_a_computed_one_for_the_same_cell()
    {
        var computed = new AttainmentFigure(A.Id, Advanced.Id, Q3.Id, FigureKind.Computed, 3, 19, 10, 75, null, null, [A.Id], new ComputedCounts(12, 12, 12, 16, CriteriaJudged: 3));
        var data = Data([computed, Figure(A, 16, 72)]);

        var cell = DashboardPageBuilder.Cell(data, A, Advanced);

        cell.CriteriaText.Should().Be("16/19 tiêu chí");
        cell.Origin.Should().Be("theo báo cáo");
        cell.Url.Should().Be("/communes/a?period=2023-Q3");
    }

    [Fact]
    public void Disbursement_rate_needs_both_a_plan_and_a_disbursement()
    {
        var rows = DashboardPageBuilder.Capital(
        [
            Line("x", CapitalMeasure.Planned, 10_000_000_000m),
            Line("x", CapitalMeasure.Allocated, 8_000_000_000m),
            Line("x", CapitalMeasure.Disbursed, 2_000_000_000m),
            Line("y", CapitalMeasure.Allocated, 119_000_000_000m, ValueQualifier.MoreThan),
            Line("z", CapitalMeasure.Disbursed, 1_000_000_000m),
        ]);

        rows.Single(r => r.ProgrammeCode == "x").RateText.Should().Be("25 %", "the allocated plan is the base where there is one");
        rows.Single(r => r.ProgrammeCode == "y").RateText.Should().Be("chưa có số liệu giải ngân");
        rows.Single(r => r.ProgrammeCode == "z").RateText.Should().Be("chưa có kế hoạch vốn để tính tỷ lệ");
        FigureText.Amount(rows.Single(r => r.ProgrammeCode == "y").Get(CapitalMeasure.Allocated)!).Should().Be("hơn 119 tỷ đồng");
    }

    [Fact]
    public void Chart_json_escapes_markup_so_it_cannot_close_its_script_block()
    {
        var spec = new ChartSpec("x", "</script><script>alert(1)</script>", "y", null, ["Quý III/2023"], [new ChartSeries("a", [1m], [null])], "");

        spec.Json.Should().NotContain("</script>").And.NotContain("<");
    }

    [Fact]
    public void A_successors_trend_shows_its_predecessors_figures_before_its_start_labelled_as_predecessors()
    {
        var successor = new DashUnit(201, "s", "Ba Chẽ", UnitKind.Commune);
        var predecessor = new DashUnit(202, "p", "Nam Sơn", UnitKind.Commune);
        // The successor begins with Q3: the predecessor's Q2 figure is its history; a Q3 figure of the predecessor is not shown.
        var data = new DashboardData(District, [successor], Q3, [Q2, Q3], [Q2, Q3], [District], [Advanced],
            [Figure(successor, 17, 70), Figure(predecessor, 15, 66, period: Q2), Figure(predecessor, 16, 68)], [], [], [], [], [], [], [],
            new Dictionary<int, SourceRef>(), Predecessors: [new PredecessorLink(successor.Id, predecessor, new DateOnly(2023, 7, 1))]);

        var chart = DashboardPageBuilder.AttainmentCharts(data).Single(c => c.Id == "trend-ntm-xa-nang-cao");

        chart.Series.Select(x => x.Label).Should().Equal("xã Ba Chẽ", "xã Nam Sơn (đơn vị trước, đã nhập vào xã Ba Chẽ)");
        chart.Series[0].Values.Should().Equal(null, 17m);
        chart.Series[1].Values.Should().Equal(15m, null);
        DashboardPageBuilder.AttainmentCharts(data with { Predecessors = null }).Single().Series.Should().ContainSingle("without the links only the commune's own series");
    }

    private static AttainmentFigure Figure(DashUnit unit, decimal criteria, decimal indicators, FigureKind kind = FigureKind.Reported, DashPeriod? period = null) =>
        new(unit.Id, Advanced.Id, (period ?? Q3).Id, kind, criteria, 19, indicators, 75, new DateOnly(2023, 8, 24), 1, [unit.Id]);

    private static CapitalLine Line(string programme, CapitalMeasure measure, decimal amount, ValueQualifier qualifier = ValueQualifier.None) =>
        new(true, programme, programme, 1, null, null, null, CapitalKind.Investment, measure, amount, qualifier, null, null, 1, null, []);

    private static DashboardData Data(IReadOnlyList<AttainmentFigure> attainment) =>
        new(District, [A, B, C], Q3, [Q2, Q3], [Q2, Q3], [District], [Advanced], attainment, [], [], [], [], [], [], [], new Dictionary<int, SourceRef>());
}
