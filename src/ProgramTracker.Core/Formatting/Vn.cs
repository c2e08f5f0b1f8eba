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

    /// <summary>The rule for typed numbers, as shown beside number fields (docs/adr/0005-number-input.md).</summary>
    public const string NumberRule = "Dấu phẩy (,) ngăn phần thập phân, dấu chấm (.) tách hàng nghìn: 14,5 · 1.250.000 · 1.250,5.";

    /// <summary>Parses what a person types by the one rule of <see cref="ReadNumber"/>; false for anything it refuses.</summary>
    public static bool TryParseNumber(string? input, out decimal value)
    {
        var reading = ReadNumber(input);
        value = reading.Value;
        return reading.Ok;
    }

    /// <summary>
    /// Reads a typed number by the Vietnamese convention, the one rule of the portal: "," is the decimal mark, "." (or a
    /// space) groups thousands in groups of exactly three digits after a first group of one to three. "14,5", "1.250.000",
    /// "1.250,5", "1 500 000", "0,46 %" and "−2,87" are read. Refused with a message that shows how to write it: a dot that is
    /// not a thousands grouping ("14.5", "0.125"), a lone group ("68.125": 68,125 or 68125?) and English order ("1,234.5").
    /// </summary>
    public static NumberReading ReadNumber(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return NumberReading.Fail("Chưa nhập số.");
        }

        var typed = input.Trim();
        var s = typed.TrimEnd('%').Trim().Replace('\u00a0', ' ').Replace('−', '-');
        var negative = s.StartsWith('-');
        var body = negative ? s[1..].TrimStart() : s;
        if (body.Length == 0 || body.Any(c => !(char.IsAsciiDigit(c) || c is ',' or '.' or ' ')))
        {
            return NumberReading.Fail(Unreadable);
        }

        var comma = body.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0 && body.IndexOf(',', comma + 1) >= 0)
        {
            return NumberReading.Fail($"Số “{typed}” có nhiều dấu phẩy. Chỉ dùng một dấu phẩy cho phần thập phân, ví dụ 14,5.");
        }

        var whole = comma >= 0 ? body[..comma] : body;
        var fraction = comma >= 0 ? body[(comma + 1)..] : "";
        if (fraction.Contains('.', StringComparison.Ordinal))
        {
            return NumberReading.Fail($"Số “{typed}” viết theo kiểu tiếng Anh. Ở đây dấu phẩy (,) ngăn phần thập phân và dấu chấm (.) tách hàng nghìn: hãy viết {EnglishOrderHint(body)}.");
        }

        if (fraction.Contains(' ', StringComparison.Ordinal) || (comma >= 0 && fraction.Length == 0) || whole.Length == 0)
        {
            return NumberReading.Fail(Unreadable);
        }

        var groups = whole.Split('.', ' ');
        if (groups.Length > 1)
        {
            var grouped = groups[0].Length is >= 1 and <= 3 && groups[0][0] != '0' && groups.Skip(1).All(g => g.Length == 3);
            var dots = whole.Count(c => c == '.');
            if (!grouped)
            {
                return NumberReading.Fail(dots == 1 && comma < 0 && groups[1].Length > 0
                    ? $"Dấu chấm (.) chỉ dùng để tách hàng nghìn; phần thập phân viết sau dấu phẩy: hãy viết {groups[0]},{groups[1]}."
                    : $"Số “{typed}” tách hàng nghìn chưa đúng: mỗi nhóm sau dấu chấm có đúng 3 chữ số, ví dụ 1.250.000 hoặc 1250000.");
            }

            if (dots == 1 && comma < 0 && groups.Length == 2)
            {
                return NumberReading.Fail($"Số “{typed}” không rõ: nếu là {groups[0]} phẩy {groups[1]} hãy viết {groups[0]},{groups[1]}; nếu là {groups[0]} nghìn {groups[1]} hãy viết {groups[0]}{groups[1]}.");
            }
        }

        var digits = string.Concat(groups) + (fraction.Length > 0 ? "." + fraction : "");
        if (digits.Length > 40 || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return NumberReading.Fail("Số quá lớn.");
        }

        return NumberReading.Of(negative ? -value : value);
    }

    private const string Unreadable = "Không đọc được số. Nhập số, dấu phẩy (,) cho phần thập phân, dấu chấm (.) tách hàng nghìn (ví dụ 14,5 hoặc 1.250.000).";

    /// <summary>"1,234.5" as the portal writes it: "1.234,5 hoặc 1234,5".</summary>
    private static string EnglishOrderHint(string body)
    {
        var point = body.LastIndexOf('.');
        var whole = body[..point].Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var fraction = body[(point + 1)..];
        if (whole.Length == 0 || whole.Any(c => !char.IsAsciiDigit(c)) || fraction.Any(c => !char.IsAsciiDigit(c)) ||
            !decimal.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var w))
        {
            return "ví dụ 1.234,5 hoặc 1234,5";
        }

        var plain = fraction.Length > 0 ? $"{whole},{fraction}" : whole;
        var grouped = w.ToString("#,0", Numbers) + (fraction.Length > 0 ? "," + fraction : "");
        return grouped == plain ? plain : $"{grouped} hoặc {plain}";
    }

    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat = Numbers;
        return CultureInfo.ReadOnly(culture);
    }
}

/// <summary>A typed number read by <see cref="Vn.ReadNumber"/>: its value, or a Vietnamese message saying how to write it.</summary>
public readonly record struct NumberReading(bool Ok, decimal Value, string? Error)
{
    public static NumberReading Of(decimal value) => new(true, value, null);

    public static NumberReading Fail(string message) => new(false, 0, message);
}
