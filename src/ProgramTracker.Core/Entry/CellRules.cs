using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Core.Entry;

/// <summary>How a cell's value was written, which decides how <see cref="ValueParser.Read"/> reads it.</summary>
public enum ValueNotation
{
    /// <summary>Typed by a person in the entry form, by the number rule of their language.</summary>
    Typed = 1,

    /// <summary>Text sent through the API's "raw": the Vietnamese rule, Vietnamese messages.</summary>
    Vietnamese = 2,

    /// <summary>A text cell of an uploaded workbook or CSV file: the Vietnamese rule, an ambiguous "68.125" refused.</summary>
    FileText = 3,

    /// <summary>A number already, as exact text (a JSON number, a value read by a preview): refused past four decimals, never rounded.</summary>
    Number = 4,

    /// <summary>A spreadsheet's number cell (a binary double as invariant text): rounded at nine decimals, then the form's rules.</summary>
    SheetNumber = 5,
}

/// <summary>Why a cell was refused before anything was read from the database.</summary>
public enum CellFault
{
    Value = 1,
    NoteTooLong = 2,
    InvalidText = 3,
}

/// <summary>One cell as a door received it: the value as written, its note, and the version the person saw.</summary>
public sealed record RawCell(int IndicatorId, string? Value, string? Note, int Version, ValueNotation Notation = ValueNotation.Typed);

/// <summary>A cell read by <see cref="CellRules.Read"/>: the value and the cleaned note, or the fault and its message.</summary>
public readonly record struct CellReading(decimal? Value, string? Note, CellFault? Fault, string? Error)
{
    public bool Ok => Fault is null;
}

/// <summary>
/// The one set of limits on a cell's content, whichever door it came through (entry form, workbook, API): the text is
/// valid (no control character, lone surrogate or broken byte), the value reads by its indicator's type, the note has
/// at most <see cref="MaxNoteLength"/> characters.
/// </summary>
public static class CellRules
{
    /// <summary>The longest note a cell keeps.</summary>
    public const int MaxNoteLength = 1000;

    public static CellReading Read(ValueKind type, string? value, ValueNotation notation, string? note, Formats f)
    {
        if (!IsValidText(value) || !IsValidText(note))
        {
            return new(null, null, CellFault.InvalidText, f["Api.InvalidCharacters"]);
        }

        var parsed = ValueParser.Read(type, value, notation, f);
        if (!parsed.Ok)
        {
            return new(null, null, CellFault.Value, parsed.Error);
        }

        var clean = CleanNote(note);
        return clean?.Length > MaxNoteLength
            ? new(null, null, CellFault.NoteTooLong, f.Format("Api.NoteTooLong", MaxNoteLength))
            : new(parsed.Value, clean, null, null);
    }

    /// <summary>A note as stored: trimmed, and none when blank.</summary>
    public static string? CleanNote(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    /// <summary>True when the text has no control character (tab, CR and LF aside), no lone surrogate and no U+FFFD (what invalid UTF-8 decodes to).</summary>
    public static bool IsValidText(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return false;
            }

            if (char.IsLowSurrogate(c) || c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
            {
                return false;
            }
        }

        return true;
    }
}
