using ProgramTracker.Core.Formatting;
using ValueType = ProgramTracker.Core.Domain.ValueType;

namespace ProgramTracker.Core.Entry;

/// <summary>The outcome of reading one typed cell: a value (or deliberately empty), or a Vietnamese message.</summary>
public readonly record struct ParsedValue(bool Ok, decimal? Value, string? Error)
{
    public static ParsedValue Empty => new(true, null, null);
    public static ParsedValue Of(decimal value) => new(true, value, null);
    public static ParsedValue Fail(string message) => new(false, null, message);
}

/// <summary>Reads what a person typed into an entry cell, by the indicator's value type.</summary>
public static class ValueParser
{
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    public static ParsedValue Parse(ValueType type, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return ParsedValue.Empty;
        }

        var text = raw.Trim();
        if (type == ValueType.Boolean)
        {
            return text.ToLowerInvariant() switch
            {
                "1" or "đạt" or "dat" or "true" => ParsedValue.Of(1),
                "0" or "không đạt" or "khong dat" or "chưa đạt" or "false" => ParsedValue.Of(0),
                _ => ParsedValue.Fail("Chọn “Đạt” hoặc “Không đạt”."),
            };
        }

        if (!Vn.TryParseNumber(text, out var value))
        {
            return ParsedValue.Fail("Không đọc được số. Nhập số, dùng dấu phẩy cho phần thập phân (ví dụ 14,5).");
        }

        if (Math.Abs(value) >= MaxMagnitude)
        {
            return ParsedValue.Fail("Số quá lớn.");
        }

        return type switch
        {
            ValueType.Percent when value is < 0 or > 100 => ParsedValue.Fail("Tỷ lệ phải từ 0 đến 100 (%)."),
            ValueType.Count when value < 0 => ParsedValue.Fail("Số đếm không được âm."),
            ValueType.Count when value != decimal.Truncate(value) => ParsedValue.Fail("Số đếm phải là số nguyên."),
            ValueType.Money when value < 0 => ParsedValue.Fail("Số tiền không được âm."),
            _ when decimal.Round(value, 4) != value => ParsedValue.Fail("Nhập tối đa 4 chữ số thập phân."),
            _ => ParsedValue.Of(value),
        };
    }
}
