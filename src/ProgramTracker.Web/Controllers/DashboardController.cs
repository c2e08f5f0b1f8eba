using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using ProgramTracker.Core.Periods;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

/// <summary>
/// The leaders' dashboard of an upper unit (a province, a city, or a district before 01/07/2025) for a period, and the
/// same tables as an Excel workbook. The unit and the period are bound before the action (<see cref="UnitAttribute"/>,
/// <see cref="PeriodAttribute"/>): 404 when unknown, 403 before any of the unit's data is read.
/// </summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class DashboardController(DashboardQueries queries, IOptions<DashboardOptions> options, UnitAccess access, PageDataCache pages) : Controller
{
    [HttpGet("/dashboard")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Index(
        [Unit(UnitTier.Upper, Name = "unit", ReadersOwnWhenLeftOut = true)] UnitHeader unit, [Period] PeriodKey? period, bool approved, CancellationToken ct)
    {
        // Built once per data version of the unit's province (docs/adr/0022); the selector lists what this reader may read.
        var selector = await access.ReadScopeAsync(User, ct);
        return await pages.GetOrBuildAsync($"dashboard|{unit.Id}|{period}|{approved}|{PageDataCache.ReaderKey(User, selector)}",
                await DataVersionCachePolicy.VersionKeyAsync(HttpContext, unit.Slug, ct),
                async () => await queries.LoadAsync(unit.Id, period, withHighlights: false, ct, approvedOnly: approved, selector: selector) is { } data
                    ? DashboardPageBuilder.Build(data, options.Value.AtRiskShare) : null,
                p => PageDataCache.SizeOf(p.Data)) is { } page
            ? View(page)
            : NotFound();
    }

    [HttpGet("/dashboard/export")]
    public async Task<IActionResult> Export(
        [Unit(UnitTier.Upper, Name = "unit", ReadersOwnWhenLeftOut = true)] UnitHeader unit, [Period] PeriodKey? period, bool approved, CancellationToken ct)
    {
        if (await queries.LoadAsync(unit.Id, period, withHighlights: false, ct, approvedOnly: approved) is not { } data)
        {
            return NotFound();
        }

        var bytes = DashboardExcel.Write(DashboardPageBuilder.Build(data, options.Value.AtRiskShare), Formats.Current);
        return File(bytes, DashboardExcel.ContentType, $"bang-dieu-khien-{data.Upper.Slug}-{data.Period.Code}.xlsx");
    }
}
