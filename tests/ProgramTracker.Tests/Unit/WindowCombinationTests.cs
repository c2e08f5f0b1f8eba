using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Periods;

namespace ProgramTracker.Tests.Unit;

/// <summary>Quarters combined into a half-year or a year by each indicator's rule (issue 26.1); expected values worked by hand.</summary>
public sealed class WindowCombinationTests
{
    private static readonly PeriodKey H1 = PeriodKey.OfHalf(2026, 1);
    private static readonly PeriodKey H2 = PeriodKey.OfHalf(2026, 2);
    private static readonly PeriodKey Year = PeriodKey.OfYear(2025);

    private static Dictionary<int, decimal?> Q(params (int Quarter, decimal? Value)[] values) => values.ToDictionary(v => v.Quarter, v => v.Value);

    [Fact]
    public void Last_takes_the_latest_quarter_of_the_window()
    {
        // A poverty rate of 4.1 % in Q1 and 3.6 % in Q2: the half-year's rate is Q2's.
        var r = WindowCombination.Combine(H1, QuarterCombine.Last, Q((1, 4.1m), (2, 3.6m)));

        r.Value.Should().Be(3.6m);
        r.Complete.Should().BeTrue();
        r.UsedQuarters.Should().Equal(1, 2);
    }

    [Fact]
    public void Last_ignores_quarters_outside_the_window()
    {
        // H2 is Q3–Q4: the Q1 and Q2 values are not its own.
        var r = WindowCombination.Combine(H2, QuarterCombine.Last, Q((1, 9m), (2, 8m), (3, 7m), (4, 6m)));

        r.Value.Should().Be(6m);
        r.UsedQuarters.Should().Equal(3, 4);
    }

    [Fact]
    public void Last_with_the_last_quarter_missing_gives_the_latest_value_and_names_the_missing_quarter()
    {
        // A yes/no (1 = met) reported in Q1–Q3 of 2025, Q4 not yet: the year's value is Q3's, and Q4 is said missing.
        var r = WindowCombination.Combine(Year, QuarterCombine.Last, Q((1, 0m), (2, 1m), (3, 1m)));

        r.Value.Should().Be(1m);
        r.Complete.Should().BeFalse();
        r.MissingQuarters.Should().Equal(4);
    }

    [Fact]
    public void Sum_adds_the_quarters_of_a_flow()
    {
        // Households escaping poverty: 12 + 7 + 0 + 5 = 24 for the year (a stored 0 is a real zero).
        var r = WindowCombination.Combine(Year, QuarterCombine.Sum, Q((1, 12m), (2, 7m), (3, 0m), (4, 5m)));

        r.Value.Should().Be(24m);
        r.Complete.Should().BeTrue();
    }

    [Fact]
    public void Sum_with_a_quarter_missing_gives_no_sum_rather_than_counting_it_as_zero()
    {
        // 12 + ? + 0 + 5: not 17; there is no year's sum until Q2 is reported.
        var r = WindowCombination.Combine(Year, QuarterCombine.Sum, Q((1, 12m), (2, null), (3, 0m), (4, 5m)));

        r.Value.Should().BeNull();
        r.MissingQuarters.Should().Equal(2);
        r.UsedQuarters.Should().Equal(1, 3, 4);
    }

    [Fact]
    public void Mean_averages_the_quarters()
    {
        // (46.2 + 47.0 + 47.5 + 48.1) / 4 = 188.8 / 4 = 47.2
        var r = WindowCombination.Combine(Year, QuarterCombine.Mean, Q((1, 46.2m), (2, 47.0m), (3, 47.5m), (4, 48.1m)));

        r.Value.Should().Be(47.2m);
    }

    [Fact]
    public void Mean_with_a_quarter_missing_averages_the_others_and_names_it()
    {
        // (30 + 36) / 2 = 33 over Q1 and Q2, not (30 + 36 + 0) / 3 = 22 and not / 4.
        var r = WindowCombination.Combine(PeriodKey.OfYear(2026), QuarterCombine.Mean, Q((1, 30m), (2, 36m)));

        r.Value.Should().Be(33m);
        r.MissingQuarters.Should().Equal(3, 4);
    }

    [Theory]
    [InlineData(QuarterCombine.Last)]
    [InlineData(QuarterCombine.Sum)]
    [InlineData(QuarterCombine.Mean)]
    public void No_quarter_at_all_gives_no_value(QuarterCombine rule)
    {
        var r = WindowCombination.Combine(H1, rule, Q((3, 5m)));

        r.Value.Should().BeNull();
        r.MissingQuarters.Should().Equal(1, 2);
        r.UsedQuarters.Should().BeEmpty();
    }

    [Fact]
    public void A_quarter_combines_to_itself()
    {
        var r = WindowCombination.Combine(PeriodKey.OfQuarter(2026, 3), QuarterCombine.Sum, Q((3, 5m), (4, 6m)));

        r.Value.Should().Be(5m);
        r.Complete.Should().BeTrue();
    }

    [Fact]
    public void Missing_quarters_of_a_unit_are_those_of_the_window_without_any_value()
    {
        WindowCombination.MissingQuarters(Year, [1, 3]).Should().Equal(2, 4);
        WindowCombination.MissingQuarters(H2, [1, 2, 3, 4]).Should().BeEmpty();
        WindowCombination.MissingQuarters(H2, [1, 2]).Should().Equal(3, 4);
    }
}
