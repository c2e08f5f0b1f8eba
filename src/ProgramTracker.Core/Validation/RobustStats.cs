namespace ProgramTracker.Core.Validation;

/// <summary>
/// Robust outlier detection (Iglewicz and Hoaglin's modified z-score, as DHIS2's outlier analysis): a value is an
/// outlier when 0.6745 × |x − median| / MAD exceeds the threshold (3.5). Median and MAD are not pulled by the outliers
/// they look for, unlike a mean and a standard deviation.
/// </summary>
public static class RobustStats
{
    /// <summary>The usual threshold of the modified z-score.</summary>
    public const decimal DefaultThreshold = 3.5m;

    /// <summary>The fewest reference values for a judgement: fewer and the value is never flagged.</summary>
    public const int MinimumSample = 4;

    public static decimal Median(IReadOnlyList<decimal> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Median absolute deviation from the median.</summary>
    public static decimal Mad(IReadOnlyList<decimal> values)
    {
        var median = Median(values);
        return Median(values.Select(v => Math.Abs(v - median)).ToList());
    }

    /// <summary>
    /// The modified z-score of <paramref name="value"/> against <paramref name="reference"/>, or null when the reference is
    /// too small or has no spread (MAD 0: half the values equal, nothing robust to say).
    /// </summary>
    public static decimal? ModifiedZ(decimal value, IReadOnlyList<decimal> reference)
    {
        if (reference.Count < MinimumSample)
        {
            return null;
        }

        var mad = Mad(reference);
        return mad == 0 ? null : 0.6745m * Math.Abs(value - Median(reference)) / mad;
    }

    public static bool IsOutlier(decimal value, IReadOnlyList<decimal> reference, decimal threshold = DefaultThreshold) =>
        ModifiedZ(value, reference) is { } z && z > threshold;
}
