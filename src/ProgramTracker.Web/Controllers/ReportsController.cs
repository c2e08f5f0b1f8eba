using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Reports;

namespace ProgramTracker.Web.Controllers;

/// <summary>The summary text a district takes to its steering-committee meeting, generated from the stored figures.</summary>
public sealed class ReportsController(DashboardQueries queries) : Controller
{
    [HttpGet("/reports/summary")]
    public async Task<IActionResult> Summary(string? unit, string? period, string? print, CancellationToken ct) =>
        await queries.LoadAsync(unit, period, withHighlights: true, ct) is { } data
            ? View(new SummaryPage(data, SummaryBuilder.Build(data), print == "1"))
            : NotFound();
}
