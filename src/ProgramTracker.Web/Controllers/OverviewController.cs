using ProgramTracker.Core.Periods;
using Microsoft.AspNetCore.OutputCaching;
using ProgramTracker.Web.Models.Overview;

namespace ProgramTracker.Web.Controllers;

/// <summary>National and provincial overviews for leaders and administrators.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class OverviewController(OverviewQueries queries, UnitAccess access) : Controller
{
    [HttpGet("/overview")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Index(string? unit, [Period(PeriodSpans.Quarter)] PeriodKey? period, string? set, bool approved, CancellationToken ct) =>
        await queries.BuildAsync(unit, period, set, approved, await access.ReadScopeAsync(User, ct), ct) is { } model ? View(model) : NotFound();
}
