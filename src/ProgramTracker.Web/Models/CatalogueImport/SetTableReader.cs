using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ProgramTracker.Core.Import;
using Formats = ProgramTracker.Core.Localization.Formats;

namespace ProgramTracker.Web.Models.CatalogueImport;

/// <summary>Limits of an uploaded table (section <c>CatalogueImport</c>).</summary>
public sealed class CatalogueImportOptions
{
    public const string Section = "CatalogueImport";

    /// <summary>The largest file accepted, in bytes (5 MB).</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The most indicator rows of one table.</summary>
    public int MaxRows { get; set; } = 2000;

    /// <summary>The most entries of a workbook's zip container.</summary>
    public int MaxZipEntries { get; set; } = 200;

    /// <summary>The most bytes a workbook may unpack to, all entries together (declared and read).</summary>
    public long MaxUncompressedBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>How long the signed preview stays valid for "Áp dụng".</summary>
    public int PreviewMinutes { get; set; } = 60;
}

/// <summary>A problem of the upload, by row and column where it has one. Rows are numbered as the spreadsheet shows them.</summary>
public sealed record ImportError(int? Row, string? Column, string Message)
{
    /// <summary>"Dòng 5, cột C" / "Row 5, column C", or the file as a whole.</summary>
    public string Where(Formats f) =>
        Row is { } r && Column is { } c ? f.Format("SetImport.WhereRowColumn", r, c) : Row is { } r2 ? f.Format("SetImport.WhereRow", r2) : Column is { } c2 ? f.Format("SetImport.WhereColumn", c2) : f["SetImport.WhereFile"];
}

/// <summary>A cell as read: its text, and its number when the workbook stores a number.</summary>
public sealed record RawCell(string Text, decimal? Number);

public sealed record RawRow(int Number, IReadOnlyDictionary<int, RawCell> Cells)
{
    public bool IsBlank => Cells.Values.All(c => string.IsNullOrWhiteSpace(c.Text));
}

/// <summary>The rows read, and the errors in the language of <see cref="Formats"/> (the reader's).</summary>
public sealed class RawTable(Formats f)
{
    public Formats Formats { get; } = f;

    public List<RawRow> Rows { get; } = [];

    /// <summary>The rows of the rules sheet (<see cref="RuleTableShape"/>), its header first; empty when the workbook has none.</summary>
    public List<RawRow> RuleRows { get; } = [];

    public List<ImportError> Errors { get; } = [];
}

/// <summary>
/// Reads an upload into rows of cells, refusing what is not a plain table: not a workbook or CSV, a password-protected
/// workbook, a zip bomb (entry count, declared and actual unpacked sizes are bounded before the workbook is parsed),
/// formulas, merged cells, and more rows than the limit. Nothing here touches the database.
/// </summary>
public static class SetTableReader
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private const int MaxErrors = 200;

    public static RawTable Read(string fileName, byte[] bytes, CatalogueImportOptions options, Formats f)
    {
        var table = new RawTable(f);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (bytes.Length == 0)
        {
            table.Errors.Add(new ImportError(null, null, f["SetImport.EmptyFile"]));
        }
        else if (bytes.AsSpan().StartsWith(OleSignature))
        {
            table.Errors.Add(new ImportError(null, null, f["SetImport.Encrypted"]));
        }
        else if (extension == ".csv")
        {
            ReadCsv(bytes, options, table);
        }
        else if (extension == ".xlsx" || bytes.AsSpan().StartsWith(ZipSignature))
        {
            ReadXlsx(bytes, options, table);
        }
        else
        {
            table.Errors.Add(new ImportError(null, null, f.Format("SetImport.NotATable", fileName)));
        }

        return table;
    }

    private static void ReadXlsx(byte[] bytes, CatalogueImportOptions options, RawTable table)
    {
        var notWorkbook = new ImportError(null, null, table.Formats["SetImport.NotXlsx"]);
        if (!bytes.AsSpan().StartsWith(ZipSignature))
        {
            table.Errors.Add(notWorkbook);
            return;
        }

        using var stream = new MemoryStream(bytes, writable: false);
        switch (ZipGuard.Measure(stream, options.MaxZipEntries, options.MaxUncompressedBytes).Verdict)
        {
            case ZipGuard.Verdict.NotAZip:
                table.Errors.Add(notWorkbook);
                return;
            case ZipGuard.Verdict.TooManyEntries or ZipGuard.Verdict.TooLarge:
                table.Errors.Add(new ImportError(null, null,
                    table.Formats.Format("SetImport.ZipStrange", options.MaxZipEntries, options.MaxUncompressedBytes / (1024 * 1024))));
                return;
        }

        try
        {
            using var doc = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = options.MaxUncompressedBytes });
            ReadWorkbook(doc, options, table);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException or ArgumentException or FormatException)
        {
            table.Errors.Add(notWorkbook);
        }
    }

    private static void ReadWorkbook(SpreadsheetDocument doc, CatalogueImportOptions options, RawTable table)
    {
        var workbook = doc.WorkbookPart;
        if (workbook?.Workbook is null)
        {
            table.Errors.Add(new ImportError(null, null, table.Formats["SetImport.NoWorkbookPart"]));
            return;
        }

        var sheets = workbook?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        var sheet = sheets.FirstOrDefault(s => s.Name?.Value == SetTableShape.SheetName(Formats.Vietnamese) || s.Name?.Value == SetTableShape.SheetName(Formats.English)) ?? sheets.FirstOrDefault();
        if (workbook is null || sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
        {
            table.Errors.Add(new ImportError(null, null, table.Formats["SetImport.NoSheets"]));
            return;
        }

        var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>()
            .Select(item => item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text))).ToList() ?? [];
        if (!ReadSheet(part, strings, options, table, table.Rows))
        {
            return;
        }

        // The rules sheet (issue 25), by its name in either language; optional.
        var rules = sheets.FirstOrDefault(s => s != sheet && (s.Name?.Value == RuleTableShape.SheetName(Formats.Vietnamese) || s.Name?.Value == RuleTableShape.SheetName(Formats.English)));
        if (rules?.Id?.Value is { } rulesId && workbook.GetPartById(rulesId) is WorksheetPart rulesPart && !ReadSheet(rulesPart, strings, options, table, table.RuleRows))
        {
            return;
        }

        if (table.Rows.Count == 0 && table.Errors.Count == 0)
        {
            table.Errors.Add(new ImportError(null, null, table.Formats["SetImport.NoRows"]));
        }
    }

    /// <summary>Reads one sheet's non-blank rows into <paramref name="into"/>; false when it stopped at the row limit.</summary>
    private static bool ReadSheet(WorksheetPart part, List<string> strings, CatalogueImportOptions options, RawTable table, List<RawRow> into)
    {
        using var reader = OpenXmlReader.Create(part);
        var position = 0;
        var dataRows = 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Row))
            {
                var row = (Row)reader.LoadCurrentElement()!;
                position = row.RowIndex?.Value is { } index ? (int)index : position + 1;
                if (!TryAdd(table, into, ReadRow(row, position, strings, table), ref dataRows, options))
                {
                    return false;
                }

                continue;
            }

            if (reader.IsStartElement && reader.ElementType == typeof(MergeCells))
            {
                var merged = ((MergeCells)reader.LoadCurrentElement()!).Elements<MergeCell>().Select(m => m.Reference?.Value).Where(r => r is not null).ToList();
                if (merged.Count > 0)
                {
                    table.Errors.Add(new ImportError(null, null,
                        table.Formats.Format("SetImport.Merged", $"{string.Join(", ", merged.Take(10))}{(merged.Count > 10 ? ", …" : "")}")));
                }

                continue;
            }

            if (!reader.Read())
            {
                break;
            }
        }

        return true;
    }

    private static RawRow ReadRow(Row row, int number, List<string> strings, RawTable table)
    {
        var cells = new Dictionary<int, RawCell>();
        var column = -1;
        foreach (var cell in row.Elements<Cell>())
        {
            column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column + 1;
            if (cell.CellFormula is not null)
            {
                AddError(table, new ImportError(number, SetTableWriter.ColumnName(column),
                    table.Formats.Format("SetImport.Formula", SetTableWriter.Reference(column, (uint)number))));
                continue;
            }

            var value = cell.CellValue?.Text;
            var type = cell.DataType?.Value;
            RawCell raw;
            if (type == CellValues.SharedString)
            {
                raw = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? new RawCell(SpreadsheetText.Restore(strings[i]), null) : new RawCell("", null);
            }
            else if (type == CellValues.InlineString)
            {
                raw = new RawCell(SpreadsheetText.Restore(cell.InlineString?.InnerText ?? ""), null);
            }
            else if (type == CellValues.Error)
            {
                AddError(table, new ImportError(number, SetTableWriter.ColumnName(column), table.Formats.Format("SetImport.CellError", SetTableWriter.Reference(column, (uint)number), value)));
                continue;
            }
            else if ((type is null || type == CellValues.Number) && value is not null
                && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number2))
            {
                raw = new RawCell(number2.ToString(CultureInfo.InvariantCulture), number2);
            }
            else
            {
                raw = new RawCell(value ?? "", null);
            }

            cells[column] = raw;
        }

        return new RawRow(number, cells);
    }

    /// <summary>
    /// Keeps a row that is not blank (the first, the header row, not counted); false, with the error, when it is one data
    /// row more than <see cref="CatalogueImportOptions.MaxRows"/>: the reader stops there.
    /// </summary>
    private static bool TryAdd(RawTable table, List<RawRow> into, RawRow raw, ref int dataRows, CatalogueImportOptions options)
    {
        if (raw.IsBlank)
        {
            return true;
        }

        if (into.Count > 0 && ++dataRows > options.MaxRows)
        {
            table.Errors.Add(new ImportError(null, null, table.Formats.Format("SetImport.TooManyRows", table.Formats.Whole(options.MaxRows))));
            return false;
        }

        into.Add(raw);
        return true;
    }

    private static void AddError(RawTable table, ImportError error)
    {
        if (table.Errors.Count < MaxErrors)
        {
            table.Errors.Add(error);
        }
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>UTF-8 (with or without a byte-order mark), separated by "," or ";" (whichever the header line uses more), quoted as RFC 4180.</summary>
    private static void ReadCsv(byte[] bytes, CatalogueImportOptions options, RawTable table)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            table.Errors.Add(new ImportError(null, null, table.Formats["SetImport.CsvUtf8"]));
            return;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            table.Errors.Add(new ImportError(null, null, table.Formats["SetImport.NotATableNoName"]));
            return;
        }

        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var line = 1;
        var dataRows = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var cells = new Dictionary<int, RawCell>();
            var field = new StringBuilder();
            var column = 0;
            var quoted = false;
            for (; i < text.Length; i++)
            {
                var ch = text[i];
                if (quoted)
                {
                    if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (ch == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        line += ch == '\n' ? 1 : 0;
                        field.Append(ch);
                    }
                }
                else if (ch == '"')
                {
                    quoted = true;
                }
                else if (ch == separator)
                {
                    cells[column++] = new RawCell(SpreadsheetText.Restore(field.ToString()), null);
                    field.Clear();
                }
                else if (ch == '\n')
                {
                    i++;
                    line++;
                    break;
                }
                else if (ch != '\r')
                {
                    field.Append(ch);
                }
            }

            cells[column] = new RawCell(SpreadsheetText.Restore(field.ToString()), null);
            if (!TryAdd(table, table.Rows, new RawRow(start, cells), ref dataRows, options))
            {
                return;
            }
        }

        if (table.Rows.Count == 0)
        {
            table.Errors.Add(new ImportError(null, null, table.Formats["SetImport.CsvEmpty"]));
        }
    }
}
