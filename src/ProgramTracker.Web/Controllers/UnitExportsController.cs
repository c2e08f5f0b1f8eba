using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Core.Localization;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Exports;

using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

/// <summary>One unit's indicator values for a period as an Excel workbook.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class UnitExportsController(UnitExportQueries queries, UnitQueries units, UnitAccess access) : Controller
{
    [HttpGet("/communes/{slug}/export")]
    public Task<IActionResult> Commune(string slug, string? period, CancellationToken ct) => Export(slug, communeLevel: true, period, ct);

    [HttpGet("/districts/{slug}/export")]
    public Task<IActionResult> District(string slug, string? period, CancellationToken ct) => Export(slug, communeLevel: false, period, ct);

    private async Task<IActionResult> Export(string slug, bool communeLevel, string? period, CancellationToken ct)
    {
        if (await units.FindAsync(slug, communeLevel, ct) is not { } unit)
        {
            return NotFound();
        }

        // Access first: nothing of the unit is read for someone who may not see it.
        if (!await access.CanReadAsync(User, unit.Id, ct))
        {
            return Forbid();
        }

        return await queries.LoadAsync(slug, communeLevel, period, ct) is { } export ? File(export.ToXlsx(Formats.Current), DashboardExcel.ContentType, export.FileName) : NotFound();
    }
}
