using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Exports;

namespace ProgramTracker.Web.Controllers;

/// <summary>One unit's indicator values for a period as an Excel workbook.</summary>
public sealed class UnitExportsController(UnitExportQueries queries) : Controller
{
    [HttpGet("/communes/{slug}/export")]
    public Task<IActionResult> Commune(string slug, string? period, CancellationToken ct) => Export(slug, communeLevel: true, period, ct);

    [HttpGet("/districts/{slug}/export")]
    public Task<IActionResult> District(string slug, string? period, CancellationToken ct) => Export(slug, communeLevel: false, period, ct);

    private async Task<IActionResult> Export(string slug, bool communeLevel, string? period, CancellationToken ct) =>
        await queries.LoadAsync(slug, communeLevel, period, ct) is { } export
            ? File(export.ToXlsx(), DashboardExcel.ContentType, export.FileName)
            : NotFound();
}
