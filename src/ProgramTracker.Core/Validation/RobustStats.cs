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
        return MedianInPlace([.. values]);
    }

    /// <summary>Median absolute deviation from the median.</summary>
    public static decimal Mad(IReadOnlyList<decimal> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        decimal[] work = [.. values];
        return MadInPlace(work, MedianInPlace(work));
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

        // One copy, sorted for the median and then reused for the deviations (a save judges a whole form's cells).
        decimal[] work = [.. reference];
        var median = MedianInPlace(work);
        var mad = MadInPlace(work, median);
        return mad == 0 ? null : 0.6745m * Math.Abs(value - median) / mad;
    }

    private static decimal MedianInPlace(decimal[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /// <summary>Overwrites <paramref name="values"/> with the absolute deviations from <paramref name="median"/>.</summary>
    private static decimal MadInPlace(decimal[] values, decimal median)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Abs(values[i] - median);
        }

        return MedianInPlace(values);
    }

    public static bool IsOutlier(decimal value, IReadOnlyList<decimal> reference, decimal threshold = DefaultThreshold) =>
        ModifiedZ(value, reference) is { } z && z > threshold;
}
