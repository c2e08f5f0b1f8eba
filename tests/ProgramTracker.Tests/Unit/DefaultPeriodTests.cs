using ProgramTracker.Core.Periods;

namespace ProgramTracker.Tests.Unit;

/// <summary>One rule for the default period (issue 14): the latest period with figures, else the latest period.</summary>
public sealed class DefaultPeriodTests
{
    private sealed record P(int Id, int Year, int? Quarter);

    private static readonly P[] Periods = [new(1, 2023, 3), new(2, 2023, 4), new(3, 2023, null), new(4, 2024, 1), new(5, 2022, 4)];

    private static P? Pick(params int[] withFigures) =>
        DefaultPeriod.Pick(Periods, p => p.Id, p => DefaultPeriod.SortKey(p.Year, p.Quarter), withFigures);

    [Fact]
    public void The_latest_period_with_figures_wins_whatever_the_order_of_the_list() =>
        Pick(1, 5).Should().Be(Periods[0]);

    [Fact]
    public void Without_figures_the_latest_period_is_the_default() =>
        Pick().Should().Be(Periods[3]);

    [Fact]
    public void A_whole_year_comes_after_its_fourth_quarter_and_before_the_next_year()
    {
        Pick(2, 3).Should().Be(Periods[2]);
        DefaultPeriod.SortKey(2023, null).Should().BeGreaterThan(DefaultPeriod.SortKey(2023, 4)).And.BeLessThan(DefaultPeriod.SortKey(2024, 1));
    }

    [Fact]
    public void No_periods_no_default() =>
        DefaultPeriod.Pick(Array.Empty<P>(), p => p.Id, p => 0, [1]).Should().BeNull();
}
