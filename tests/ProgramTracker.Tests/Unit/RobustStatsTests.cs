using ProgramTracker.Core.Validation;

namespace ProgramTracker.Tests.Unit;

/// <summary>Median, MAD and the modified z-score behind the outlier warning (issue 25).</summary>
public class RobustStatsTests
{
    [Fact]
    public void Median_of_odd_and_even_counts()
    {
        RobustStats.Median([5m, 1m, 3m]).Should().Be(3m);
        RobustStats.Median([4m, 1m, 3m, 2m]).Should().Be(2.5m);
    }

    [Fact]
    public void Mad_is_the_median_of_absolute_deviations()
    {
        // median 3; deviations 2,1,0,1,97 → median 1
        RobustStats.Mad([1m, 2m, 3m, 4m, 100m]).Should().Be(1m);
        RobustStats.Mad([2m, 4m, 6m, 8m]).Should().Be(2m);
    }

    [Fact]
    public void A_value_ten_times_the_others_is_an_outlier_and_a_close_one_is_not()
    {
        decimal[] history = [48m, 50m, 52m, 49m, 51m, 50m];

        RobustStats.ModifiedZ(500m, history).Should().BeGreaterThan(3.5m);
        RobustStats.IsOutlier(500m, history).Should().BeTrue();
        RobustStats.IsOutlier(53m, history).Should().BeFalse();
        // z = 0.6745 × |x − 50| / 1: past 3.5 from |x − 50| > 5.19
        RobustStats.IsOutlier(55.1m, history).Should().BeFalse();
        RobustStats.IsOutlier(55.3m, history).Should().BeTrue();
    }

    [Fact]
    public void Too_few_values_or_no_spread_flag_nothing()
    {
        RobustStats.ModifiedZ(1000m, [1m, 2m, 3m]).Should().BeNull("three values say nothing robust");
        RobustStats.ModifiedZ(1000m, [5m, 5m, 5m, 5m, 6m]).Should().BeNull("MAD 0");
        RobustStats.IsOutlier(1000m, [5m, 5m, 5m, 5m]).Should().BeFalse();
    }

    [Fact]
    public void One_wild_value_in_the_reference_does_not_hide_another()
    {
        decimal[] peers = [10m, 11m, 9m, 10m, 12m, 10m, 1000m];
        RobustStats.IsOutlier(100m, peers).Should().BeTrue("the median and MAD ignore the 1000, unlike a mean and SD");
    }

    [Fact]
    public void Rules_in_force_take_the_latest_row_of_each_code_from_its_period()
    {
        ValidationRule Rule(string code, int year, int quarter, bool active = true, decimal? share = null) => new()
        {
            Code = code, FromYear = year, FromQuarter = quarter, Active = active, Share = share,
            Name = code, NameEn = code, Message = code, MessageEn = code,
        };
        ValidationRule[] rows = [Rule("a", 2021, 1, share: 1m), Rule("a", 2024, 3, share: 2m), Rule("b", 2021, 1), Rule("b", 2025, 1, active: false), Rule("c", 2026, 1)];

        ValueChecks.InForce(rows, 2024, 2).Select(r => (r.Code, r.Share)).Should().BeEquivalentTo(new[] { ("a", (decimal?)1m), ("b", null) });
        ValueChecks.InForce(rows, 2024, 3).Single(r => r.Code == "a").Share.Should().Be(2m);
        ValueChecks.InForce(rows, 2025, 1).Select(r => r.Code).Should().BeEquivalentTo("a");
        ValueChecks.InForce(rows, 2026, 1).Select(r => r.Code).Should().BeEquivalentTo("a", "c");
    }
}
