using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Core.Entry;

/// <summary>The outcome of reading one typed cell: a value (or deliberately empty), or a message in the reader's language.</summary>
public readonly record struct ParsedValue(bool Ok, decimal? Value, string? Error)
{
    public static ParsedValue Empty => new(true, null, null);
    public static ParsedValue Of(decimal value) => new(true, value, null);
    public static ParsedValue Fail(string message) => new(false, null, message);
}

/// <summary>Reads what a person typed into an entry cell, by the indicator's value type and the rule of the person's culture (<see cref="Formats.ReadNumber"/>).</summary>
public static partial class ValueParser
{
    /// <summary>
    /// The one reading of a cell's value, whichever door it came through, by how it was written (<see cref="ValueNotation"/>);
    /// the messages are in <paramref name="f"/>'s language (the API's raw text: Vietnamese).
    /// </summary>
    public static ParsedValue Read(ValueKind type, string? text, ValueNotation notation, Formats f) => notation switch
    {
        _ when string.IsNullOrWhiteSpace(text) => ParsedValue.Empty,
        ValueNotation.Typed => Parse(type, text, f),
        ValueNotation.Vietnamese => Parse(type, text, Formats.Vietnamese),
        ValueNotation.Number => CheckNumberText(type, text.Trim(), f),
        ValueNotation.SheetNumber => decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            // Spreadsheets store binary doubles: 14.1 may come back as 14.099999999999999.
            ? Check(type, Math.Round(number, 9), f)
            : ParsedValue.Fail(f["Import.NumberCellUnreadable"]),
        _ => ReadFileText(type, text.Trim(), f),
    };

    /// <summary>
    /// A text cell of a file: written the Vietnamese way whatever the reader's language (docs/excel-import.md), by the entry
    /// form's rules; a "68.125" (thousands or decimals?) is refused; the messages are in <paramref name="f"/>'s language.
    /// </summary>
    private static ParsedValue ReadFileText(ValueKind type, string text, Formats f)
    {
        if (type == ValueKind.Boolean)
        {
            return Parse(type, text, f); // both languages' words are read
        }

        if (AmbiguousGrouping().IsMatch(text))
        {
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            return ParsedValue.Fail(f.Format("Import.AmbiguousGrouping", text, text[..dot], text[(dot + 1)..]));
        }

        var reading = Formats.Vietnamese.ReadNumber(text);
        if (!reading.Ok)
        {
            // The Vietnamese rule's own message says how to write it; in English, the same rule in English words.
            return ParsedValue.Fail(f.IsEnglish ? f.Format("Import.FileNumber", text) : reading.Error!);
        }

        return Check(type, reading.Value, f);
    }

    // "68.125", "-1.500": one dot followed by exactly three digits, no comma: thousands or decimals?
    [System.Text.RegularExpressions.GeneratedRegex(@"^[-−]?\d{1,3}\.\d{3}\s*%?$")]
    private static partial System.Text.RegularExpressions.Regex AmbiguousGrouping();

    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    public static ParsedValue Parse(ValueKind type, string? raw, Formats f)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return ParsedValue.Empty;
        }

        var text = raw.Trim();
        if (type == ValueKind.Boolean)
        {
            return text.ToLowerInvariant() switch
            {
                // Both languages' words are read whatever the culture: a workbook may travel between readers.
                "1" or "đạt" or "dat" or "true" or "met" or "yes" => ParsedValue.Of(1),
                "0" or "không đạt" or "khong dat" or "chưa đạt" or "false" or "not met" or "no" => ParsedValue.Of(0),
                _ => ParsedValue.Fail(f["Parse.ChooseMet"]),
            };
        }

        if (type is ValueKind.Count or ValueKind.Money && text.EndsWith('%'))
        {
            return ParsedValue.Fail(f["Parse.PercentNotHere"]);
        }

        var reading = f.ReadNumber(text);
        if (!reading.Ok)
        {
            return ParsedValue.Fail(reading.Error!);
        }

        return Check(type, reading.Value, f);
    }

    /// <summary>
    /// A JSON number's text ("1.25", "1e-30", "1e308") by the form's rules. Read from the text, not from a decimal that
    /// already rounded it: 1e-30 has 30 decimals (refused, never stored as 0) and 1e308 is too large.
    /// </summary>
    public static ParsedValue CheckNumberText(ValueKind type, string number, Formats f)
    {
        if (!decimal.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return ParsedValue.Fail(f["Number.TooLarge"]);
        }

        var e = number.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? number : number[..e];
        var exponent = e < 0 ? 0 : int.TryParse(number[(e + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var x) ? x : int.MinValue / 2;
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var fraction = point < 0 ? "" : mantissa[(point + 1)..].TrimEnd('0');
        var decimals = mantissa.Any(c => c is >= '1' and <= '9') ? (long)fraction.Length - exponent : 0;
        if (decimals > 4)
        {
            return ParsedValue.Fail(f[type switch { ValueKind.Boolean => "Parse.ChooseMet", ValueKind.Count => "Parse.CountWhole", _ => "Parse.FourDecimals" }]);
        }

        return Check(type, value, f);
    }

    /// <summary>
    /// The form's rules for a number already read (the JSON API sends numbers): range by value type, whole counts,
    /// at most four decimals, 0 or 1 for đạt/không đạt.
    /// </summary>
    public static ParsedValue Check(ValueKind type, decimal value, Formats f)
    {
        if (type == ValueKind.Boolean)
        {
            return value is 0 or 1 ? ParsedValue.Of(value) : ParsedValue.Fail(f["Parse.ChooseMet"]);
        }

        if (Math.Abs(value) >= MaxMagnitude)
        {
            return ParsedValue.Fail(f["Number.TooLarge"]);
        }

        return type switch
        {
            ValueKind.Percent when value is < 0 or > 100 => ParsedValue.Fail(f["Parse.PercentRange"]),
            ValueKind.Count when value < 0 => ParsedValue.Fail(f["Parse.CountNegative"]),
            ValueKind.Count when value != decimal.Truncate(value) => ParsedValue.Fail(f["Parse.CountWhole"]),
            ValueKind.Money when value < 0 => ParsedValue.Fail(f["Parse.MoneyNegative"]),
            _ when decimal.Round(value, 4) != value => ParsedValue.Fail(f["Parse.FourDecimals"]),
            _ => ParsedValue.Of(value),
        };
    }

    /// <summary>A number with at most four decimals (targets, thresholds): never rounded unseen by the database's scale.</summary>
    public static ParsedValue ParseNumber(string? raw, Formats f) => Parse(ValueKind.Number, raw, f);

    /// <summary>
    /// An amount in đồng (capital figures): a whole number, not negative. Decimals are refused, not rounded:
    /// "14,5" đồng is a typing mistake, and a stored amount must be what was typed.
    /// </summary>
    public static ParsedValue ParseAmountVnd(string? raw, Formats f)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return ParsedValue.Fail(f["Parse.MoneyEmpty"]);
        }

        if (raw.Trim().EndsWith('%'))
        {
            return ParsedValue.Fail(f["Parse.PercentNotHere"]);
        }

        var reading = f.ReadNumber(raw);
        if (!reading.Ok)
        {
            return ParsedValue.Fail(reading.Error!);
        }

        return reading.Value switch
        {
            < 0 => ParsedValue.Fail(f["Parse.MoneyNegative"]),
            >= MaxMagnitude => ParsedValue.Fail(f["Number.TooLarge"]),
            var v when v != decimal.Truncate(v) => ParsedValue.Fail(f.Format("Parse.MoneyWhole", raw.Trim())),
            var v => ParsedValue.Of(v),
        };
    }
}
