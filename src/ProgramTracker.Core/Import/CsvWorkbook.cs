using System.Text;
using ProgramTracker.Core.Localization;
using Sylvan.Data.Csv;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Import;

/// <summary>
/// The same form as CSV (UTF-8 with BOM, comma separated, RFC 4180 quoting), for systems that do not write xlsx:
/// one line per indicator and unit, the unit's slug first, the protected stamp last. Read with Sylvan.Data.Csv,
/// which streams and detects "," or ";" as separator.
/// </summary>
public static class CsvWorkbook
{
    public static void Write(Stream output, FormBundle bundle, ImportStamps stamps)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', FormColumns.CsvHeaders.Select(SpreadsheetText.CsvField)));
        foreach (var unit in bundle.Units)
        {
            foreach (var row in unit.Rows)
            {
                // Text through CsvField (a note "=A1" cannot run as a formula); numbers only quoted.
                writer.WriteLine(string.Join(',',
                    SpreadsheetText.CsvField(unit.Slug), SpreadsheetText.CsvField(row.Code), SpreadsheetText.CsvField(row.Name), SpreadsheetText.CsvField(row.Unit),
                    SpreadsheetText.CsvField(row.Threshold), SpreadsheetText.CsvQuote(Text(row.PreviousValue, row.ValueType)),
                    SpreadsheetText.CsvQuote(Text(row.Value, row.ValueType)), SpreadsheetText.CsvField(row.Note),
                    SpreadsheetText.CsvField(stamps.Protect(XlsxWorkbook.StampOf(unit.UnitId, bundle.PeriodId, row)))));
            }
        }
    }

    private static string Text(decimal? value, ValueKind type) => value is not { } v ? ""
        : type == ValueKind.Boolean ? (v == 1 ? WorkbookText.Met : WorkbookText.NotMet)
        : WorkbookText.CsvNumber(v);

    public static FileRead Read(Stream input, ImportOptions options, Formats f)
    {
        using var text = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 65536, leaveOpen: true);
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, MaxBufferSize = 1024 * 1024 });
        }
        catch (CsvFormatException)
        {
            throw new ImportFileException(Messages.NotAWorkbook(f));
        }

        using (csv)
        {
            var headers = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList();
            if (!headers.Take(FormColumns.CsvHeaders.Length).SequenceEqual(FormColumns.CsvHeaders, StringComparer.OrdinalIgnoreCase))
            {
                throw new ImportFileException(f.Format("Import.CsvColumns", string.Join(", ", FormColumns.CsvHeaders)));
            }

            var rows = new List<RowRead>();
            var errors = new List<ImportIssue>();
            var line = 1;
            try
            {
                while (csv.Read())
                {
                    line++;
                    if (rows.Count >= options.MaxRows)
                    {
                        throw new ImportFileException(f.Format("Import.TooManyRows", options.MaxRows));
                    }

                    CellRead At(int i) => i < csv.RowFieldCount ? Cell(csv.GetString(i)) : default;
                    for (var extra = FormColumns.CsvHeaders.Length; extra < csv.RowFieldCount; extra++)
                    {
                        if (!string.IsNullOrWhiteSpace(csv.GetString(extra)))
                        {
                            errors.Add(new ImportIssue("CSV", line, XlsxWorkbook.ColumnName(extra + 1), f["Import.ExtraColumn"]));
                        }
                    }

                    var row = new RowRead
                    {
                        Row = line, UnitSlug = At(0).Text?.Trim(), Code = At(1), Name = At(2), Unit = At(3), Threshold = At(4), Previous = At(5),
                        Value = At(6), Note = At(7), Stamp = At(8),
                    };
                    if (!(row.Code.IsEmpty && row.Value.IsEmpty && row.Stamp.IsEmpty && row.Note.IsEmpty))
                    {
                        rows.Add(row);
                    }
                }
            }
            catch (CsvFormatException)
            {
                throw new ImportFileException(f.Format("Import.CsvMalformed", line + 1));
            }

            return new FileRead(true, [new SheetRead("CSV", rows)], null, errors);
        }
    }

    // CSV has no formulas; a leading "=" is a formula typed as text by a spreadsheet that saved it.
    // The apostrophe the portal writes before such text (SpreadsheetText) is removed.
    private static CellRead Cell(string text) => new(SpreadsheetText.Restore(text), false, text.StartsWith('=') && text.Length > 1);
}
