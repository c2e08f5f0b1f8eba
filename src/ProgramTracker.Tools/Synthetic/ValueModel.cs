using ProgramTracker.Core.Domain;

namespace ProgramTracker.Tools.Synthetic;

/// <summary>An indicator as the value model needs it, with the database id it is written under.</summary>
public sealed record ModelIndicator(int Id, string Code, ValueKind ValueType, Comparator Comparator, decimal? Threshold, double Spread, double Difficulty)
{
    public ulong Key { get; } = Mix.Of(Code);

    /// <summary>The quarter (on <see cref="ValueModel.TimeIndex"/>'s timeline) its set's phase starts: units start afresh on a new set.</summary>
    public int PhaseStart { get; init; }

    /// <summary>An indicator the generator did not define (an administrator's): spread and difficulty follow from its type.</summary>
    public static ModelIndicator Generic(int id, string code, ValueKind type, Comparator comparator, decimal? threshold)
    {
        var t = (double)(threshold ?? 0);
        var spread = type switch
        {
            ValueKind.Boolean => 1,
            ValueKind.Percent => 25,
            ValueKind.Count => Math.Max(2, t),
            _ => Math.Max(1, 0.35 * Math.Abs(t)),
        };
        return new ModelIndicator(id, code, type, comparator, threshold, spread, 0.5);
    }
}

/// <summary>
/// Values that drift towards (and past) the thresholds over a set's phase (2021–2025, 2026–2030): each unit and
/// indicator starts at a gap that depends on the unit's development and the indicator's difficulty, closes it at
/// its own pace, with a little quarter-to-quarter noise. A gap ≤ 0 means the threshold is met.
/// </summary>
public static class ValueModel
{
    public const int FirstYear = 2021;

    /// <summary>The first quarter the register's units exist in: 2025-Q3 (they are in force from 01/07/2025).</summary>
    public static (int Year, int Quarter) FirstRegisterQuarter => (2025, 3);

    /// <summary>Position of a quarter on a timeline that starts at 2021-Q1 (0); 2025-Q3 is 18, 2026-Q1 is 20.</summary>
    public static int TimeIndex(int year, int quarter) => (year - FirstYear) * 4 + quarter - 1;

    /// <summary>The starting gap and the pace of one unit on one indicator.</summary>
    public static (double StartGap, double Pace) Trend(ulong unitKey, double development, ModelIndicator indicator)
    {
        var startGap = 0.9 * indicator.Difficulty + 0.6 * (1 - development) - 0.75 + 0.35 * Mix.Symmetric(unitKey, indicator.Key, 1);
        var pace = (0.01 + 0.04 * Mix.Unit(unitKey, indicator.Key, 2)) * (0.6 + 0.8 * development);
        return (startGap, pace);
    }

    public static decimal Value(ulong unitKey, ModelIndicator indicator, (double StartGap, double Pace) trend, int timeIndex)
    {
        var noise = Mix.Symmetric(unitKey, indicator.Key, 3, (ulong)timeIndex);
        var gap = trend.StartGap - trend.Pace * timeIndex;
        if (indicator.ValueType == ValueKind.Boolean)
        {
            // Yes/no indicators rarely flip back: little noise.
            return gap + 0.02 * noise <= 0 ? 1m : 0m;
        }

        gap += 0.06 * noise;
        var threshold = (double)(indicator.Threshold ?? DefaultThreshold(indicator.ValueType));
        var value = indicator.Comparator == Comparator.AtMost
            ? threshold + indicator.Spread * gap
            : threshold - indicator.Spread * gap;
        value = Math.Max(0, value);
        return indicator.ValueType switch
        {
            ValueKind.Percent => Math.Round((decimal)Math.Min(100, value), 2, MidpointRounding.AwayFromZero),
            ValueKind.Count => Math.Round((decimal)value, 0, MidpointRounding.AwayFromZero),
            ValueKind.Money => Math.Round((decimal)value, 0, MidpointRounding.AwayFromZero),
            _ => Math.Round((decimal)value, 1, MidpointRounding.AwayFromZero),
        };
    }

    private static decimal DefaultThreshold(ValueKind type) => type switch
    {
        ValueKind.Percent => 80,
        ValueKind.Count => 2,
        _ => 10,
    };
}
