using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ProgramTracker.TestSupport;

/// <summary>
/// Edits a downloaded entry workbook the way a person in Excel or LibreOffice would (values, notes, formulas, deleted
/// or duplicated rows, renamed or reordered sheets), with the Open XML SDK, for the import tests.
/// </summary>
public sealed class WorkbookEditor : IDisposable
{
    private readonly MemoryStream _stream;
    private readonly SpreadsheetDocument _doc;

    private WorkbookEditor(byte[] xlsx)
    {
        _stream = new MemoryStream();
        _stream.Write(xlsx);
        _stream.Position = 0;
        _doc = SpreadsheetDocument.Open(_stream, true);
    }

    public static byte[] Edit(byte[] xlsx, Action<WorkbookEditor> edit)
    {
        using var editor = new WorkbookEditor(xlsx);
        edit(editor);
        editor._doc.Save();
        editor._doc.Dispose();
        return editor._stream.ToArray();
    }

    public static T Read<T>(byte[] xlsx, Func<WorkbookEditor, T> read)
    {
        using var editor = new WorkbookEditor(xlsx);
        return read(editor);
    }

    public SpreadsheetDocument Document => _doc;

    public void Dispose()
    {
        _doc.Dispose();
        _stream.Dispose();
    }

    private Sheets Sheets => _doc.WorkbookPart!.Workbook.Sheets!;

    public List<string> SheetNames => Sheets.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Worksheet(int index) => ((WorksheetPart)_doc.WorkbookPart!.GetPartById(Sheets.Elements<Sheet>().ElementAt(index).Id!)).Worksheet;

    private SheetData Data(int sheet) => Worksheet(sheet).GetFirstChild<SheetData>()!;

    /// <summary>The row number whose column A holds this indicator code.</summary>
    public int RowOf(string code, int sheet = 0) =>
        (int)Data(sheet).Elements<Row>().First(r => r.Elements<Cell>().Any(c => c.CellReference?.Value == $"A{r.RowIndex!.Value}" && c.InnerText == code)).RowIndex!.Value;

    public string? Text(int sheet, string reference) => Cell(sheet, reference, create: false)?.InnerText;

    public Cell? Cell(int sheet, string reference, bool create = true)
    {
        var rowNumber = uint.Parse(Regex.Match(reference, @"\d+").Value, CultureInfo.InvariantCulture);
        var data = Data(sheet);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowNumber);
        if (row is null)
        {
            if (!create)
            {
                return null;
            }

            row = new Row { RowIndex = rowNumber };
            data.Append(row);
        }

        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is null && create)
        {
            cell = new Cell { CellReference = reference };
            row.Append(cell);
        }

        return cell;
    }

    public void SetNumber(int sheet, string reference, decimal value)
    {
        var cell = Cell(sheet, reference)!;
        cell.RemoveAllChildren();
        cell.DataType = null;
        cell.CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture));
    }

    public void SetText(int sheet, string reference, string text)
    {
        var cell = Cell(sheet, reference)!;
        cell.RemoveAllChildren();
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text));
    }

    public void SetFormula(int sheet, string reference, string formula, decimal cached)
    {
        var cell = Cell(sheet, reference)!;
        cell.RemoveAllChildren();
        cell.DataType = null;
        cell.CellFormula = new CellFormula(formula);
        cell.CellValue = new CellValue(cached.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Deletes a row as a spreadsheet does: the rows below move up.</summary>
    public void DeleteRow(int sheet, int rowNumber)
    {
        var data = Data(sheet);
        data.Elements<Row>().Single(r => r.RowIndex!.Value == rowNumber).Remove();
        foreach (var row in data.Elements<Row>().Where(r => r.RowIndex!.Value > rowNumber).ToList())
        {
            Renumber(row, row.RowIndex!.Value - 1);
        }
    }

    /// <summary>Copies a row below the last one (a duplicated line).</summary>
    public void DuplicateRow(int sheet, int rowNumber, int? toSheet = null)
    {
        var source = Data(sheet).Elements<Row>().Single(r => r.RowIndex!.Value == rowNumber);
        var target = Data(toSheet ?? sheet);
        var copy = (Row)source.CloneNode(true);
        Renumber(copy, target.Elements<Row>().Max(r => r.RowIndex!.Value) + 1);
        target.Append(copy);
    }

    public void RenameSheet(int index, string name) => Sheets.Elements<Sheet>().ElementAt(index).Name = name;

    public void SwapFirstTwoSheets()
    {
        var first = Sheets.Elements<Sheet>().First();
        first.Remove();
        Sheets.InsertAfter(first, Sheets.Elements<Sheet>().First());
    }

    private static void Renumber(Row row, uint index)
    {
        row.RowIndex = index;
        foreach (var cell in row.Elements<Cell>())
        {
            cell.CellReference = Regex.Replace(cell.CellReference!.Value!, @"\d+", index.ToString(CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>Uploads to the import endpoints and reads their answers.</summary>
public static partial class ImportClient
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string tokenPage, string url, byte[] file, string fileName)
    {
        var token = await client.AntiforgeryTokenAsync(tokenPage);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", fileName },
        };
        return await client.PostAsync(url, content);
    }

    public static string? PlanToken(string html) => PlanField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static async Task<HttpResponseMessage> ApplyAsync(this HttpClient client, string tokenPage, string period, string plan, bool overwrite = false)
    {
        var token = await client.AntiforgeryTokenAsync(tokenPage);
        var fields = new Dictionary<string, string> { ["plan"] = plan };
        if (overwrite)
        {
            fields["overwrite"] = "true";
        }

        return await client.PostFormAsync($"/entry/{period}/import/apply", fields, token);
    }

    [GeneratedRegex("name=\"plan\" value=\"([^\"]+)\"")]
    private static partial Regex PlanField();
}
