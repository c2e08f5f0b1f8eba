using System.Text;
using ProgramTracker.Core.Import;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Issue 28, defect 3: text that a spreadsheet would run as a formula is written as text in every CSV and workbook, and still imports unchanged.</summary>
public sealed class FormulaInjectionTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string Form = "/districts/ba-che/entry/2023-Q1";
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example\",\"x\")";

    [Fact]
    public async Task Notes_that_look_like_formulas_are_written_as_text_in_the_csv_and_the_workbook_and_round_trip_unchanged()
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");
        var cells = await EntryFormPage.CellsAsync(client, Form);
        var fields = EntryFormPage.Fields(cells, new() { ["dtts-bhyt"] = "90", ["dtts-huong-nghiep"] = "80" });
        fields.Add(new($"Cells[{cells["dtts-bhyt"].Index}].Note", Hyperlink));
        fields.Add(new($"Cells[{cells["dtts-huong-nghiep"].Index}].Note", "@SUM(1+1)"));
        (await client.PostFormAsync(Form, fields, await client.AntiforgeryTokenAsync(Form))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var csv = await client.GetByteArrayAsync(Form + "/workbook.csv");
        var xlsx = await client.GetByteArrayAsync(Form + "/workbook.xlsx");
        var text = Encoding.UTF8.GetString(csv);

        text.Should().Contain("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"").And.Contain(",'@SUM(1+1),");
        Regex.Matches(text, "(^|,)\"?[=@+\\t\\r]", RegexOptions.Multiline).Should().BeEmpty("no field starts a formula");
        WorkbookEditor.Read(xlsx, b => b.Text(0, $"G{b.RowOf("dtts-bhyt")}")).Should().Be("'" + Hyperlink);
        WorkbookEditor.Read(xlsx, b => b.Text(0, $"G{b.RowOf("dtts-huong-nghiep")}")).Should().Be("'@SUM(1+1)");
        var csvBack = await client.UploadAsync(Form, Form + "/import", csv, "bieu-mau.csv");
        var xlsxBack = await client.UploadAsync(Form, Form + "/import", xlsx, "bieu-mau.xlsx");
        (await csvBack.Content.ReadAsStringAsync()).Should().Contain("Không có thay đổi", "the apostrophe is the file's, not the note's");
        (await xlsxBack.Content.ReadAsStringAsync()).Should().Contain("Không có thay đổi");
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+84 912", "'+84 912")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Xã Nam Sơn", "Xã Nam Sơn")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("'=x", "''=x")]
    public void Spreadsheet_text_is_neutralised_and_read_back_as_typed(string typed, string written)
    {
        SpreadsheetText.Safe(typed).Should().Be(written);
        SpreadsheetText.Restore(written).Should().Be(typed);
    }
}
