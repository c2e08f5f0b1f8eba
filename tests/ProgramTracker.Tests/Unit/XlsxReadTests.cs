using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ProgramTracker.Core.Import;
using Formats = ProgramTracker.Core.Localization.Formats;

namespace ProgramTracker.Tests.Unit;

/// <summary>
/// The xlsx reader reads the parts with the Open XML SDK's SAX reader, node by node, not through its objects
/// (docs/adr/0014): a workbook saved the way Excel and LibreOffice save it (shared strings with rich-text runs and
/// phonetic guides, formulas with cached values, booleans, typed strings) must read as the SDK's own model says.
/// </summary>
public class XlsxReadTests
{
    [Fact]
    public void Reads_shared_and_inline_strings_numbers_formulas_and_the_stamp_sheet_as_Excel_writes_them()
    {
        var read = XlsxWorkbook.Read(new MemoryStream(Workbook()), new ImportOptions(), Formats.Vietnamese);

        read.Sheets.Select(s => s.Name).Should().Equal("xã Nam Sơn");
        read.WorkbookStamp.Should().Be("dấu kiểm");
        var rows = read.Sheets[0].Rows;
        rows.Select(r => r.Row).Should().Equal(4, 6);

        var first = rows[0];
        first.Code.Should().Be(new CellRead("ntm-1", false, false));
        first.Name.Should().Be(new CellRead("Tỷ lệ hộ nghèo", false, false), "runs are joined, the phonetic guide is not part of the value");
        first.Unit.Should().Be(new CellRead("  %  ", false, false), "spaces kept as written");
        first.Threshold.Should().Be(new CellRead("", false, false));
        first.Previous.Should().Be(new CellRead("14.5", true, false));
        first.Value.Should().Be(new CellRead("29", true, true), "a formula is seen, with its cached value");
        first.Note.Should().Be(new CellRead("ghi chú một dòng", false, false));
        first.Stamp.Should().Be(new CellRead("abc", false, false));

        var second = rows[1];
        second.Code.Should().Be(new CellRead("TRUE", false, false));
        second.Name.Should().Be(new CellRead("#N/A", false, false));
        second.Value.Should().Be(new CellRead(null, false, true), "a formula without a cached value is still a formula");
        second.Note.Should().Be(new CellRead("", false, false));

        read.Errors.Should().ContainSingle().Which.Should().Match<ImportIssue>(e => e.Row == 6 && e.Column == "I");
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused_with_the_message()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            part.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
        }

        var read = () => XlsxWorkbook.Read(new MemoryStream(buffer.ToArray()), new ImportOptions(), Formats.English);
        read.Should().Throw<ImportFileException>().WithMessage(Messages.NotAWorkbook(Formats.English)).Which.Message.Should().StartWith("The file is not an Excel workbook");
    }

    private static byte[] Workbook()
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("ntm-1")),
                new SharedStringItem(
                    new Run(new RunProperties(new Bold()), new Text("Tỷ lệ ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new Text("hộ nghèo")),
                    new PhoneticRun(new Text("ふりがな")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }),
                new SharedStringItem(new Text("  %  ") { Space = SpaceProcessingModeValues.Preserve }),
                new SharedStringItem(new Text("")));

            var sheet = book.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(
                new Row(Shared("A1", 0)) { RowIndex = 1 },
                new Row(
                    Shared("A4", 0), Shared("B4", 1), Shared("C4", 2), Shared("D4", 3),
                    new Cell(new CellValue("14.5")) { CellReference = "E4" },
                    new Cell(new CellFormula("E4*2"), new CellValue("29")) { CellReference = "F4" },
                    new Cell(new InlineString(new Run(new Text("ghi chú ") { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text("một dòng"))))
                    {
                        CellReference = "G4", DataType = CellValues.InlineString,
                    },
                    new Cell(new CellValue("abc")) { CellReference = "H4", DataType = CellValues.String }) { RowIndex = 4 },
                new Row(new Cell { CellReference = "F5", StyleIndex = 7 }) { RowIndex = 5 },
                new Row(
                    new Cell(new CellValue("1")) { CellReference = "A6", DataType = CellValues.Boolean },
                    new Cell(new CellValue("#N/A")) { CellReference = "B6", DataType = CellValues.Error },
                    new Cell(new CellFormula("SUM(A1:A2)")) { CellReference = "F6" },
                    new Cell(new InlineString()) { CellReference = "G6", DataType = CellValues.InlineString },
                    new Cell(new CellValue("5")) { CellReference = "I6" }) { RowIndex = 6 }));

            var stamp = book.AddNewPart<WorksheetPart>();
            stamp.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell(new InlineString(new Text("trang dấu kiểm"))) { CellReference = "A1", DataType = CellValues.InlineString }) { RowIndex = 1 },
                new Row(new Cell(new InlineString(new Text("dấu kiểm"))) { CellReference = "A2", DataType = CellValues.InlineString }) { RowIndex = 2 }));

            book.Workbook = new Workbook(new Sheets(
                new Sheet { Id = book.GetIdOfPart(sheet), SheetId = 1, Name = "xã Nam Sơn" },
                new Sheet { Id = book.GetIdOfPart(stamp), SheetId = 2, Name = FormColumns.StampSheet, State = SheetStateValues.VeryHidden }));
        }

        return stream.ToArray();
    }

    private static Cell Shared(string reference, int index) =>
        new(new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture))) { CellReference = reference, DataType = CellValues.SharedString };
}
