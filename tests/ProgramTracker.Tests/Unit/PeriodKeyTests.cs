using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Periods;

namespace ProgramTracker.Tests.Unit;

/// <summary>The one period parser and the one order of periods (issue 27.2): quarters, half-years and years.</summary>
public sealed class PeriodKeyTests
{
    private static readonly string[] Ordered = ["2025", "2026-Q1", "2026-Q2", "2026-H1", "2026-Q3", "2026-Q4", "2026-H2", "2026", "2027-Q1"];

    [Theory]
    [InlineData("2026-Q3", 2026, PeriodSpan.Quarter, 3, "2026-Q3")]
    [InlineData(" 2026-q1 ", 2026, PeriodSpan.Quarter, 1, "2026-Q1")]
    [InlineData("2026-H1", 2026, PeriodSpan.Half, 1, "2026-H1")]
    [InlineData("2025-h2", 2025, PeriodSpan.Half, 2, "2025-H2")]
    [InlineData("2025", 2025, PeriodSpan.Year, 0, "2025")]
    public void Codes_parse_to_a_key_that_writes_them_back(string code, int year, PeriodSpan span, int part, string canonical)
    {
        PeriodKey.TryParse(code, out var key).Should().BeTrue();
        key.Should().Be(new PeriodKey(year, span, part));
        key.Code.Should().Be(canonical);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("2026-H3")]
    [InlineData("2026-H")]
    [InlineData("2026-Y1")]
    [InlineData("26-Q1")]
    [InlineData("02026")]
    [InlineData("1999")]
    [InlineData("2026Q1")]
    [InlineData("Q1-2026")]
    [InlineData("2026-Q1-")]
    public void Anything_else_is_refused(string? code) => PeriodKey.TryParse(code, out _).Should().BeFalse();

    [Fact]
    public void One_order_puts_a_window_after_the_last_quarter_it_covers()
    {
        var order = Ordered
            .Select(c => PeriodKey.TryParse(c, out var k) ? k : throw new InvalidOperationException(c)).ToList();

        order.Select(k => k.SortKey).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        order.OrderBy(k => k.SortKey).Reverse().Select(k => k.Code).Should().Equal(order.Select(k => k.Code).Reverse());
        // The stored periods keep their order through the old entry point.
        DefaultPeriod.SortKey(2023, null).Should().BeGreaterThan(DefaultPeriod.SortKey(2023, 4)).And.BeLessThan(DefaultPeriod.SortKey(2024, 1));
    }

    [Fact]
    public void A_half_year_covers_two_quarters_and_its_dates_span_them()
    {
        PeriodKey.OfHalf(2026, 1).Quarters.Should().Equal(1, 2);
        PeriodKey.OfHalf(2026, 2).Quarters.Should().Equal(3, 4);
        PeriodKey.OfYear(2026).Quarters.Should().Equal(1, 2, 3, 4);
        PeriodKey.OfHalf(2026, 1).StartsOn.Should().Be(new DateOnly(2026, 1, 1));
        PeriodKey.OfHalf(2026, 1).EndsOn.Should().Be(new DateOnly(2026, 6, 30));
        PeriodKey.OfHalf(2026, 2).EndsOn.Should().Be(new DateOnly(2026, 12, 31));
        PeriodKey.OfHalf(2026, 1).Covers(2026, 2).Should().BeTrue();
        PeriodKey.OfHalf(2026, 1).Covers(2026, 3).Should().BeFalse();
        PeriodKey.OfHalf(2026, 1).Covers(2026, null).Should().BeFalse("the year's own figures are not a half-year's");
        PeriodKey.OfYear(2026).Covers(2026, null).Should().BeTrue();
    }

    [Fact]
    public void The_stored_periods_parser_is_the_same_one_and_refuses_a_half_year()
    {
        PeriodCode.TryParse("2026-Q3", out var year, out var quarter).Should().BeTrue();
        (year, quarter).Should().Be((2026, 3));
        PeriodCode.TryParse("2026-H1", out _, out _).Should().BeFalse("a half-year is a window, not a stored period");
        PeriodCode.Format(2026, null).Should().Be("2026");
        PeriodCode.EndsOn(2026, 1).Should().Be(new DateOnly(2026, 3, 31));
    }

    [Fact]
    public void A_period_is_known_by_its_stored_row_or_its_stored_quarters_and_only_a_quarter_or_a_years_own_row_is_stored()
    {
        // Stored: 2023-Q3, 2023-Q4 and 2024 as a whole year (no quarter of 2024).
        ReportingPeriod[] stored = [new() { Id = 1, Year = 2023, Quarter = 3 }, new() { Id = 2, Year = 2023, Quarter = 4 }, new() { Id = 3, Year = 2024 }];

        PeriodKey.OfQuarter(2023, 3).IsKnown(stored).Should().BeTrue();
        PeriodKey.OfQuarter(2023, 2).IsKnown(stored).Should().BeFalse("no row for 2023-Q2");
        PeriodKey.OfHalf(2023, 2).IsKnown(stored).Should().BeTrue("2023-H2 is combined from its stored quarters");
        PeriodKey.OfHalf(2023, 1).IsKnown(stored).Should().BeFalse("no quarter of 2023-H1 is stored");
        PeriodKey.OfYear(2023).IsKnown(stored).Should().BeTrue("2023 has stored quarters");
        PeriodKey.OfYear(2024).IsKnown(stored).Should().BeTrue("2024 has its own row");
        PeriodKey.OfHalf(2024, 1).IsKnown(stored).Should().BeFalse("a year's own row is no half-year's");
        PeriodKey.OfQuarter(2024, 1).IsKnown(stored).Should().BeFalse();

        PeriodKey.OfQuarter(2023, 4).StoredIn(stored)!.Id.Should().Be(2);
        PeriodKey.OfYear(2024).StoredIn(stored)!.Id.Should().Be(3);
        PeriodKey.OfYear(2023).StoredIn(stored).Should().BeNull("2023 has no row of its own");
        PeriodKey.OfHalf(2023, 2).StoredIn(stored).Should().BeNull("a half-year is never stored");
    }
}
