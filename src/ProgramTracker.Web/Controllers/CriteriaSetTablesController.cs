using ProgramTracker.Web.Models.CatalogueImport;

namespace ProgramTracker.Web.Controllers;

/// <summary>A set's table as a workbook or CSV, and its empty template: for everyone who reads the catalogue.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class CriteriaSetTablesController(SetTableQueries queries) : Controller
{
    [HttpGet("/criteria-sets/{code}/export.xlsx")]
    public async Task<IActionResult> Export([FromRoute] string code, CancellationToken ct) =>
        await queries.LoadAsync(code, ct) is { } table
            ? File(SetTableWriter.ToXlsx(table, template: false, Formats.Current), SetTableWriter.XlsxContentType, $"{table.SetCode}.xlsx")
            : NotFound();

    [HttpGet("/criteria-sets/{code}/export.csv")]
    public async Task<IActionResult> ExportCsv([FromRoute] string code, CancellationToken ct) =>
        await queries.LoadAsync(code, ct) is { } table
            ? File(SetTableWriter.ToCsv(table, Formats.Current), "text/csv; charset=utf-8", $"{table.SetCode}.csv")
            : NotFound();

    [HttpGet("/criteria-sets/{code}/template.xlsx")]
    public async Task<IActionResult> Template([FromRoute] string code, CancellationToken ct) =>
        await queries.LoadAsync(code, ct) is { } table
            ? File(SetTableWriter.ToXlsx(table, template: true, Formats.Current), SetTableWriter.XlsxContentType, $"{table.SetCode}-mau.xlsx")
            : NotFound();
}
