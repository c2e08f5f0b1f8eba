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
        // Without a unit: the reader's own (a province's leader gets the province, not the district of 2023).
        unit ??= await queries.DefaultUnitSlugAsync(await access.ProfileAsync(User, ct), await access.ReadScopeAsync(User, ct), ct);
        // Access first: nothing of a unit is read for someone who may not see it.
        if (await queries.DistrictIdAsync(unit, ct) is not { } id)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, id, ct))
        {
            return Forbid();
        }

        return await queries.LoadAsync(unit, period, withHighlights: true, ct, selector: await access.ReadScopeAsync(User, ct)) is { } data ? View(new MeetingBriefPage(data, MeetingBriefBuilder.Build(data), print == "1")) : NotFound();
    }
}
