using System.Globalization;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Core.Import;

/// <summary>One row of an entry form as it stands in the portal: what a workbook shows and what an upload is compared with.</summary>
public sealed record FormRow(
    int IndicatorId,
    string Code,
    string Name,
    string? Unit,
    ValueKind ValueType,
    string Threshold,
    decimal? PreviousValue,
    decimal? Value,
    string? Note,
    int Version,
    string? UpdatedBy,
    DateTime? UpdatedAtUtc,
    string SetName,
    string? SetLockedBecause);

/// <summary>The entry form of one unit.</summary>
public sealed record FormUnit(int UnitId, string Slug, string FullName, IReadOnlyList<FormRow> Rows);

/// <summary>The entry forms of one or more units for one period (one unit, or every unit a reviewer approves).</summary>
public sealed record FormBundle(int PeriodId, string PeriodCode, string PeriodLabel, string? PreviousLabel, bool PeriodLocked, IReadOnlyList<FormUnit> Units)
{
    /// <summary>The hard bounds rules in force in the period (issue 25): a cell its type refuses shows the rule's text at preview.</summary>
    public IReadOnlyList<Validation.ValidationRule> HardBounds { get; init; } = [];
}

/// <summary>How workbooks and CSV files write and read values: Vietnamese text, invariant keys for stamps.</summary>
public static class WorkbookText
{
    // Written into workbooks and read back: file data that must mean the same to every reader, so Vietnamese
    // whatever the downloader's language (docs/localization.md); the reader also takes "Met"/"Not met".
    public const string Met = "Đạt";
    public const string NotMet = "Không đạt";

    /// <summary>"14,5" (comma decimal, no grouping) for CSV cells, so that no reader can take it for thousands.</summary>
    public static string CsvNumber(decimal value) => value.ToString("0.############", Formats.Vietnamese.Numbers).Replace('−', '-');

    /// <summary>An exact, culture-free key for a number: "14.5", "72".</summary>
    public static string Key(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A value as the import preview shows it to its reader: "14,5" / "14.5", "Đạt" / "Met", "(trống)" / "(empty)".</summary>
    public static string Display(decimal? value, ValueKind type, Formats f) => value is not { } v ? f["Workbook.Empty"]
        : type == ValueKind.Boolean ? (v == 1 ? f["Value.Met"] : f["Value.NotMet"])
        : type == ValueKind.Percent ? f.Percent(v)
        : f.Number(v);

    /// <summary>A CSV or xlsx text of a previous-period value back to its key: "Đạt" → "1", "14,5" → "14.5".</summary>
    public static string KeyOfText(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            return "";
        }

        if (string.Equals(t, Met, StringComparison.OrdinalIgnoreCase))
        {
            return "1";
        }

        if (string.Equals(t, NotMet, StringComparison.OrdinalIgnoreCase))
        {
            return "0";
        }

        return decimal.TryParse(t.Replace('−', '-').Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? Key(d) : t;
    }

    public static string? CleanNote(string? note) => ProgramTracker.Core.Entry.CellRules.CleanNote(note);
}
