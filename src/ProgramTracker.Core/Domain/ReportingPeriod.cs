namespace ProgramTracker.Core.Domain;

/// <summary>A quarter (2023-Q3) or a whole year (2023) that values are reported for.</summary>
public class ReportingPeriod
{
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>1–4, or null for a whole year.</summary>
    public int? Quarter { get; set; }
    public bool IsLocked { get; set; }
    public DateOnly? Deadline { get; set; }

    public string Code => PeriodCode.Format(Year, Quarter);
    public string Label => PeriodCode.Label(Year, Quarter);
    public DateOnly StartsOn => PeriodCode.StartsOn(Year, Quarter);
    public DateOnly EndsOn => PeriodCode.EndsOn(Year, Quarter);
}

public static class PeriodCode
{
    public static string Format(int year, int? quarter) => quarter is { } q ? $"{year}-Q{q}" : $"{year}";

    /// <summary>"Quý III/2023" / "Q3 2023", in the request's language (Localization/Formats.Period).</summary>
    public static string Label(int year, int? quarter) => Localization.Formats.Current.Period(year, quarter);

    public static DateOnly StartsOn(int year, int? quarter) => new(year, quarter is { } q ? (q - 1) * 3 + 1 : 1, 1);

    public static DateOnly EndsOn(int year, int? quarter) =>
        quarter is { } q ? new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1) : new DateOnly(year, 12, 31);

    /// <summary>Parses "2023-Q3" or "2023". Returns false for anything else.</summary>
    public static bool TryParse(string? code, out int year, out int? quarter)
    {
        year = 0;
        quarter = null;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var parts = code.Trim().ToUpperInvariant().Split("-Q");
        if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
            || year is < 2000 or > 2100)
        {
            return false;
        }

        if (parts.Length == 1)
        {
            return true;
        }

        if (parts.Length == 2 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4)
        {
            quarter = q;
            return true;
        }

        return false;
    }
}
