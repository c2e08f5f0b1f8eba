using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ProgramTracker.Web.Models.Dashboard;

namespace ProgramTracker.Web.Controllers;

/// <summary>The leaders' dashboard of a district for a period, and the same tables as an Excel workbook.</summary>
public sealed class DashboardController(DashboardQueries queries, IOptions<DashboardOptions> options) : Controller
{
    [HttpGet("/dashboard")]
    public async Task<IActionResult> Index(string? unit, string? period, CancellationToken ct) =>
        await queries.LoadAsync(unit, period, withHighlights: false, ct) is { } data
            ? View(DashboardView.Build(data, options.Value.AtRiskShare))
            : NotFound();

    [HttpGet("/dashboard/export")]
    public async Task<IActionResult> Export(string? unit, string? period, CancellationToken ct)
    {
        if (await queries.LoadAsync(unit, period, withHighlights: false, ct) is not { } data)
        {
            return NotFound();
        }

        var bytes = DashboardExcel.Write(DashboardView.Build(data, options.Value.AtRiskShare));
        return File(bytes, DashboardExcel.ContentType, $"bang-dieu-khien-{data.District.Slug}-{data.Period.Code}.xlsx");
    }
}
