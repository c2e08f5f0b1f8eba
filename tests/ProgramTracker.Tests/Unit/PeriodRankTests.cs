using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Periods;
using ProgramTracker.Web.Api;

namespace ProgramTracker.Tests.Unit;

/// <summary>The API's one SQL form of the period key (a range filter over stored periods) agrees with <see cref="PeriodKey.SortKey"/>.</summary>
public sealed class PeriodRankTests
{
    private static readonly ReportingPeriod[] Stored =
        [.. new int?[] { 1, 2, 3, 4, null }.SelectMany(q => new[] { 2025, 2026 }.Select(y => new ReportingPeriod { Year = y, Quarter = q }))];

    [Theory]
    [InlineData("2026-Q2", "2026-Q2", new[] { "2026-Q2" })]
    [InlineData("2026-Q1", "2026-H1", new[] { "2026-Q1", "2026-Q2" })]
    [InlineData("2025-Q4", "2026-Q1", new[] { "2025-Q4", "2025", "2026-Q1" })]
    [InlineData("2026-Q1", "2026", new[] { "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026" })]
    public void A_range_takes_the_stored_periods_whose_key_lies_in_it(string from, string to, string[] expected)
    {
        PeriodKey.TryParse(from, out var lo).Should().BeTrue();
        PeriodKey.TryParse(to, out var hi).Should().BeTrue();
        var between = ApiFilters.StoredRankBetween(lo.SortKey, hi.SortKey).Compile();

        Stored.Where(between).Select(p => p.Code).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void Each_stored_period_is_in_the_range_of_its_own_key_only()
    {
        foreach (var period in Stored)
        {
            var key = PeriodKey.Of(period.Year, period.Quarter).SortKey;
            Stored.Where(ApiFilters.StoredRankBetween(key, key).Compile()).Should().ContainSingle().Which.Should().BeSameAs(period, period.Code);
        }
    }
}
