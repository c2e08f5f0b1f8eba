using ProgramTracker.Core.Localization;

namespace ProgramTracker.Core.Import;

/// <summary>An error or note about an uploaded file, located by sheet, row and column where it has one.</summary>
public sealed record ImportIssue(string? Sheet, int? Row, string? Column, string Message)
{
    public string Where(Formats f) => string.Join(", ", new[]
    {
        Sheet is null ? null : f.Format("Import.WhereSheet", Sheet),
        Row is null ? null : f.Format("Import.WhereRow", Row),
        Column is null ? null : f.Format("Import.WhereColumn", Column),
    }.Where(s => s is not null));
}

/// <summary>One cell as read: its text (numbers as invariant text), whether it was stored as a number, whether it holds a formula.</summary>
public readonly record struct CellRead(string? Text, bool IsNumber, bool IsFormula)
{
    public bool IsEmpty => string.IsNullOrEmpty(Text) && !IsFormula;
}

/// <summary>One data row of an uploaded form, in the layout of the download.</summary>
public sealed class RowRead
{
    public required int Row { get; init; }
    public string? UnitSlug { get; init; }
    public CellRead Code { get; init; }
    public CellRead Name { get; init; }
    public CellRead Unit { get; init; }
    public CellRead Threshold { get; init; }
    public CellRead Previous { get; init; }
    public CellRead Value { get; init; }
    public CellRead Note { get; init; }
    public CellRead Stamp { get; init; }
}

public sealed record SheetRead(string Name, IReadOnlyList<RowRead> Rows);

/// <summary>An uploaded file read into rows: xlsx (one sheet per unit) or CSV (one "sheet", a unit column).</summary>
public sealed record FileRead(bool IsCsv, IReadOnlyList<SheetRead> Sheets, string? WorkbookStamp, IReadOnlyList<ImportIssue> Errors);

/// <summary>The columns of the form, the same in xlsx and CSV.</summary>
public static class FormColumns
{
    public const int HeaderRow = 3;
    public const int FirstDataRow = 4;
    public const string StampSheet = "_dau_kiem";

    // xlsx letters: A code … G note, H the hidden stamp.
    public const string Code = "A";
    public const string Name = "B";
    public const string Unit = "C";
    public const string Threshold = "D";
    public const string Previous = "E";
    public const string Value = "F";
    public const string Note = "G";
    public const string Stamp = "H";

    /// <summary>The CSV file's first line: read back by header text, so it stays Vietnamese whatever the downloader's language.</summary>
    public static readonly string[] CsvHeaders = ["Đơn vị", "Mã", "Chỉ tiêu", "Đơn vị tính", "Ngưỡng", "Kỳ trước", "Giá trị", "Ghi chú", "Dấu kiểm"];

    /// <summary>The xlsx headers in the downloader's language (the xlsx is read by column letter, never by header text).</summary>
    public static string[] Headers(string? previousLabel, string periodLabel, Formats f) =>
        [f["Workbook.ColCode"], f["Common.Indicator"], f["Workbook.ColUnit"], f["Common.Threshold"], previousLabel ?? f["Entry.PreviousPeriod"], f.Format("Entry.ValueIn", periodLabel), f["Common.Note"], f["Workbook.ColStamp"]];
}

/// <summary>A file refused before its rows are read: not a workbook, too large, a zip bomb.</summary>
public sealed class ImportFileException(string message) : Exception(message);
