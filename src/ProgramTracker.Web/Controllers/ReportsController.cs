using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Reports;

using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Web.Infrastructure.Security;

using ProgramTracker.Web.Infrastructure;

namespace ProgramTracker.Web.Controllers;

/// <summary>The summary text a district takes to its steering-committee meeting, generated from the stored figures.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class ReportsController(DashboardQueries queries, UnitAccess access) : Controller
{
    [HttpGet("/reports/summary")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Summary(string? unit, string? period, string? print, CancellationToken ct)
    {
        if (await queries.LoadAsync(unit, period, withHighlights: true, ct) is not { } data)
        {
            return NotFound();
        }

        return await access.CanReadAsync(User, data.District.Id, ct) ? View(new SummaryPage(data, SummaryBuilder.Build(data), print == "1")) : Forbid();
    }
}
