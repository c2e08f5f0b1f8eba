using System.Globalization;

namespace ProgramTracker.Core.Periods;

/// <summary>How long a period is: a quarter (2026-Q3), a half-year (2026-H1) or a whole year (2026).</summary>
public enum PeriodSpan
{
    Quarter = 1,
    Half = 2,
    Year = 3,
}

/// <summary>
/// A reporting period as the addresses name it, and the portal's one parser and one order of periods (issue 27.2):
/// "2026-Q3", "2026-H1" or "2026". Quarters and whole years are stored periods (<see cref="Domain.ReportingPeriod"/>);
/// a half-year is a window of two quarters. <see cref="SortKey"/> orders all three: 2026-Q1 &lt; Q2 &lt; H1 &lt; Q3 &lt;
/// Q4 &lt; H2 &lt; 2026 &lt; 2027-Q1 (a window after the last quarter it covers).
/// </summary>
public readonly record struct PeriodKey(int Year, PeriodSpan Span, int Part)
{
    /// <summary>The rank of a whole year among its quarters when only quarters and years are ordered (a SQL ORDER BY: <c>Quarter ?? WholeYearRank</c>).</summary>
    public const int WholeYearRank = 5;

    public static PeriodKey OfQuarter(int year, int quarter) => new(year, PeriodSpan.Quarter, quarter);

    public static PeriodKey OfHalf(int year, int half) => new(year, PeriodSpan.Half, half);

    public static PeriodKey OfYear(int year) => new(year, PeriodSpan.Year, 0);

    /// <summary>A stored period: its quarter, or the whole year when the quarter is null.</summary>
    public static PeriodKey Of(int year, int? quarter) => quarter is { } q ? OfQuarter(year, q) : OfYear(year);

    /// <summary>"2026-Q3", "2026-H1" or "2026".</summary>
    public string Code => Span switch
    {
        PeriodSpan.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Part}"),
        PeriodSpan.Half => string.Create(CultureInfo.InvariantCulture, $"{Year}-H{Part}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The stored quarter (1–4), or null for a half-year or a year.</summary>
    public int? Quarter => Span == PeriodSpan.Quarter ? Part : null;

    /// <summary>The one order of periods (see the type): year × 100, then Q1 10, Q2 20, H1 25, Q3 30, Q4 40, H2 45, year 50.</summary>
    public int SortKey => Year * 100 + Span switch
    {
        PeriodSpan.Quarter => Part * 10,
        PeriodSpan.Half => Part * 20 + 5,
        _ => 50,
    };

    /// <summary>The quarters the period covers, in order: one, two or four.</summary>
    public IReadOnlyList<int> Quarters => Span switch
    {
        PeriodSpan.Quarter => [Part],
        PeriodSpan.Half => Part == 1 ? [1, 2] : [3, 4],
        _ => [1, 2, 3, 4],
    };

    public DateOnly StartsOn => new(Year, (Quarters[0] - 1) * 3 + 1, 1);

    public DateOnly EndsOn => new DateOnly(Year, Quarters[^1] * 3, 1).AddMonths(1).AddDays(-1);

    /// <summary>True when the stored period (a quarter, or the year when <paramref name="quarter"/> is null) lies in this one.</summary>
    public bool Covers(int year, int? quarter) =>
        year == Year && (quarter is { } q ? Quarters.Contains(q) : Span == PeriodSpan.Year);

    /// <summary>
    /// True when the stored periods know this one (the period binder's check): a stored quarter, a stored whole year, or
    /// a half-year or year with at least one stored quarter in it (combined from its quarters).
    /// </summary>
    public bool IsKnown(IEnumerable<Domain.ReportingPeriod> stored)
    {
        var key = this;
        return stored.Any(p => key.Covers(p.Year, p.Quarter));
    }

    /// <summary>The stored period this one is (a quarter, or a whole year's own row); null for a half-year or one not stored.</summary>
    public Domain.ReportingPeriod? StoredIn(IEnumerable<Domain.ReportingPeriod> stored)
    {
        var (year, quarter) = (Year, Quarter);
        return Span == PeriodSpan.Half ? null : stored.FirstOrDefault(p => p.Year == year && p.Quarter == quarter);
    }

    public override string ToString() => Code;

    /// <summary>
    /// Parses "2026-Q3", "2026-H1" or "2026" (any case, spaces around ignored); years 2000–2100. False for anything else.
    /// </summary>
    public static bool TryParse(string? code, out PeriodKey key)
    {
        key = default;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var text = code.Trim().ToUpperInvariant();
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var yearText = dash < 0 ? text : text[..dash];
        if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return false;
        }

        if (dash < 0)
        {
            key = OfYear(year);
            return true;
        }

        var rest = text[(dash + 1)..];
        if (rest.Length != 2 || !int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var part))
        {
            return false;
        }

        switch (rest[0])
        {
            case 'Q' when part is >= 1 and <= 4:
                key = OfQuarter(year, part);
                return true;
            case 'H' when part is 1 or 2:
                key = OfHalf(year, part);
                return true;
            default:
                return false;
        }
    }
}
