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
    public static string Format(int year, int? quarter) => Periods.PeriodKey.Of(year, quarter).Code;

    /// <summary>"Quý III/2023" / "Q3 2023", in the request's language (Localization/Formats.Period).</summary>
    public static string Label(int year, int? quarter) => Localization.Formats.Current.Period(year, quarter);

    public static DateOnly StartsOn(int year, int? quarter) => Periods.PeriodKey.Of(year, quarter).StartsOn;

    public static DateOnly EndsOn(int year, int? quarter) => Periods.PeriodKey.Of(year, quarter).EndsOn;

    /// <summary>
    /// Parses a stored period's code, "2023-Q3" or "2023", with the one parser (<see cref="Periods.PeriodKey"/>); false for
    /// anything else, a half-year ("2023-H1", a window of two stored quarters) included.
    /// </summary>
    public static bool TryParse(string? code, out int year, out int? quarter)
    {
        year = 0;
        quarter = null;
        if (!Periods.PeriodKey.TryParse(code, out var key) || key.Span == Periods.PeriodSpan.Half)
        {
            return false;
        }

        (year, quarter) = (key.Year, key.Quarter);
        return true;
    }
}
