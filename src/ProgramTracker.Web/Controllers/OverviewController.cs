using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Core.Domain;
using ProgramTracker.Web.Models.Overview;

namespace ProgramTracker.Web.Controllers;

/// <summary>National and provincial overviews for leaders and administrators.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Leader + "," + Roles.DistrictStaff)]
public sealed class OverviewController(OverviewQueries queries) : Controller
{
    [HttpGet("/overview")]
    public async Task<IActionResult> Index(string? unit, string? period, string? set, bool approved, CancellationToken ct) =>
        await queries.BuildAsync(unit, period, set, approved, ct) is { } model ? View(model) : NotFound();
}
