using ProgramTracker.Core.Periods;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Exports;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

/// <summary>One unit's indicator values for a period as an Excel workbook.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class UnitExportsController(UnitExportQueries queries) : Controller
{
    [HttpGet("/communes/{slug}/export")]
    public Task<IActionResult> Commune([Unit(UnitTier.CommuneLevel)] UnitHeader unit, [Period] PeriodKey? period, CancellationToken ct) => Export(unit, communeLevel: true, period, ct);

    [HttpGet("/districts/{slug}/export")]
    public Task<IActionResult> District([Unit(UnitTier.Upper)] UnitHeader unit, [Period] PeriodKey? period, CancellationToken ct) => Export(unit, communeLevel: false, period, ct);

    // Access and the period were checked before the action (UnitAccessFilter): nothing of the unit is read for someone who may not see it.
    private async Task<IActionResult> Export(UnitHeader unit, bool communeLevel, PeriodKey? period, CancellationToken ct) =>
        await queries.LoadAsync(unit, communeLevel, period, ct) is { } export ? File(export.ToXlsx(Formats.Current), DashboardExcel.ContentType, export.FileName) : NotFound();
}
