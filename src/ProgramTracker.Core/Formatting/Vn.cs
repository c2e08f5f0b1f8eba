using System.Globalization;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Formatting;

/// <summary>
/// Vietnamese number formats: decimal comma, dot for thousands, a space before "%" (14,5; 0,46 %; 1.500.000).
/// Built on a fixed NumberFormatInfo so output does not depend on the machine's ICU data.
/// </summary>
public static class Vn
{
    public static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "−",
    };

    public static readonly CultureInfo Culture = CreateCulture();

    /// <summary>"14,5", "72", "1.500.000": no trailing zeros, at most four decimals.</summary>
    public static string Number(decimal value) => value.ToString("#,0.####", Numbers);

    public static string Number(decimal? value, string missing = "chưa có") => value is { } v ? Number(v) : missing;

    public static string Percent(decimal value) => $"{Number(value)} %";

    public static string Percent(decimal? value, string missing = "chưa có") => value is { } v ? Percent(v) : missing;

    /// <summary>"ước 68", "hơn 119", "trên 99": the qualifier a source put on its number.</summary>
    public static string Qualified(string formatted, ValueQualifier qualifier, bool money = false) => qualifier switch
    {
        ValueQualifier.Estimate => $"ước {formatted}",
        ValueQualifier.MoreThan => money ? $"hơn {formatted}" : $"trên {formatted}",
        _ => formatted,
    };

    /// <summary>Amounts in VND as officials write them: "119 tỷ đồng", "850 triệu đồng".</summary>
    public static string Money(decimal vnd)
    {
        var abs = Math.Abs(vnd);
        if (abs >= 1_000_000_000m)
        {
            return $"{Number(Math.Round(vnd / 1_000_000_000m, 3))} tỷ đồng";
        }

        return abs >= 1_000_000m ? $"{Number(Math.Round(vnd / 1_000_000m, 3))} triệu đồng" : $"{Number(vnd)} đồng";
    }

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date, string missing = "không rõ") => date is { } d ? Date(d) : missing;

    /// <summary>"16/19", "14,5/19", "25/38", "2/chưa rõ".</summary>
    public static string Ratio(decimal? met, int? declared) =>
        $"{Number(met, "?")}/{(declared is { } d ? d.ToString(CultureInfo.InvariantCulture) : "chưa rõ")}";

    public static string ComparatorSymbol(Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => "≥",
        Comparator.AtMost => "≤",
        _ => "=",
    };

    /// <summary>Parses what a person types: "14,5", "14.5", "1.500.000", "1 500 000", "0,46 %".</summary>
    public static bool TryParseNumber(string? input, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var s = input.Trim().TrimEnd('%').Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace('−', '-');
        var commas = s.Count(c => c == ',');
        var dots = s.Count(c => c == '.');
        if (commas > 1)
        {
            return false;
        }

        if (commas == 1)
        {
            // "1.500,5": dots group thousands, the comma is the decimal mark.
            s = s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (dots > 1 || (dots == 1 && IsThousandsGrouping(s)))
        {
            s = s.Replace(".", "", StringComparison.Ordinal);
        }

        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    // "1.500" or "12.000.000" read as thousands; "14.5" and "0.46" as decimals.
    private static bool IsThousandsGrouping(string s)
    {
        var parts = s.TrimStart('-').Split('.');
        return parts.Length > 1 && parts[0].Length is >= 1 and <= 3 && parts[0] != "0" && parts.Skip(1).All(p => p.Length == 3);
    }

    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat = Numbers;
        return CultureInfo.ReadOnly(culture);
    }
}
