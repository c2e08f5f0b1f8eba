using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ProgramTracker.TestSupport;

/// <summary>The portal's plain exports read back with the Open XML SDK, as tables keyed by the header row's texts.</summary>
public static class XlsxTables
{
    public static List<string> SheetNames(Stream book)
    {
        book.Position = 0;
        using var doc = SpreadsheetDocument.Open(book, false);
        var names = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        book.Position = 0;
        return names;
    }

    /// <summary>Each row after the header: a number cell as a double, a text cell as its text, an empty cell as null.</summary>
    public static List<IDictionary<string, object?>> Rows(Stream book, string sheet)
    {
        book.Position = 0;
        using var doc = SpreadsheetDocument.Open(book, false);
        var workbook = doc.WorkbookPart!;
        var part = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!);
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().ToDictionary(
            c => new string(c.CellReference!.Value!.TakeWhile(char.IsAsciiLetter).ToArray()),
            c => c.DataType?.Value == CellValues.InlineString ? (object?)c.InnerText : double.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture))).ToList();
        var headers = rows[0].ToDictionary(h => h.Key, h => (string)h.Value!);
        book.Position = 0;
        return rows.Skip(1).Select(r => (IDictionary<string, object?>)headers.ToDictionary(h => h.Value, h => r.GetValueOrDefault(h.Key))).ToList();
    }
}
