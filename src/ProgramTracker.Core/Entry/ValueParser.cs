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

        var reading = Vn.ReadNumber(text);
        if (!reading.Ok)
        {
            return ParsedValue.Fail(reading.Error!);
        }

        return Check(type, reading.Value);
    }

    /// <summary>
    /// The form's rules for a number already read (the JSON API sends numbers): range by value type, whole counts,
    /// at most four decimals, 0 or 1 for đạt/không đạt.
    /// </summary>
    public static ParsedValue Check(ValueType type, decimal value)
    {
        if (type == ValueType.Boolean)
        {
            return value is 0 or 1 ? ParsedValue.Of(value) : ParsedValue.Fail("Chọn “Đạt” hoặc “Không đạt”.");
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

    /// <summary>A number with at most four decimals (targets, thresholds): never rounded unseen by the database's scale.</summary>
    public static ParsedValue ParseNumber(string? raw) => Parse(ValueType.Number, raw);

    /// <summary>
    /// An amount in đồng (capital figures): a whole number, not negative. Decimals are refused, not rounded:
    /// "14,5" đồng is a typing mistake, and a stored amount must be what was typed.
    /// </summary>
    public static ParsedValue ParseAmountVnd(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return ParsedValue.Fail("Nhập số tiền (đồng), ví dụ 119.000.000.000.");
        }

        var reading = Vn.ReadNumber(raw);
        if (!reading.Ok)
        {
            return ParsedValue.Fail(reading.Error!);
        }

        return reading.Value switch
        {
            < 0 => ParsedValue.Fail("Số tiền không được âm."),
            >= MaxMagnitude => ParsedValue.Fail("Số quá lớn."),
            var v when v != decimal.Truncate(v) => ParsedValue.Fail($"Số tiền tính bằng đồng, không có phần lẻ: “{raw.Trim()}” có phần thập phân. Nhập số đồng nguyên, ví dụ 119.000.000.000."),
            var v => ParsedValue.Of(v),
        };
    }
}
