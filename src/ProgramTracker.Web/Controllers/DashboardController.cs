using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Core.Localization;
using Microsoft.Extensions.Options;
using ProgramTracker.Web.Models.Dashboard;

using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Web.Infrastructure.Security;

using ProgramTracker.Web.Infrastructure;

namespace ProgramTracker.Web.Controllers;

/// <summary>The leaders' dashboard of a district for a period, and the same tables as an Excel workbook.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class DashboardController(DashboardQueries queries, IOptions<DashboardOptions> options, UnitAccess access, PageDataCache pages,
    ProgramTracker.Core.Data.CurrentCatalogue catalogue) : Controller
{
    [HttpGet("/dashboard")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Index(string? unit, string? period, bool approved, CancellationToken ct)
    {
        // Access first: nothing of a unit is read for someone who may not see it.
        unit ??= await DefaultDistrictAsync(ct);
        if (await queries.UpperUnitIdAsync(unit, ct) is not { } id)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, id, ct))
        {
            return Forbid();
        }

        // Built once per data version of the unit's province (docs/adr/0022); the selector lists what this reader may read.
        var selector = await access.ReadScopeAsync(User, ct);
        return await pages.GetOrBuildAsync($"dashboard|{id}|{period}|{approved}|{PageDataCache.ReaderKey(User, selector)}",
                await DataVersionCachePolicy.VersionKeyAsync(catalogue, unit, ct),
                async () => await queries.LoadAsync(unit, period, withHighlights: false, ct, approvedOnly: approved, selector: selector) is { } data
                    ? DashboardPageBuilder.Build(data, options.Value.AtRiskShare) : null,
                p => PageDataCache.SizeOf(p.Data)) is { } page
            ? View(page)
            : NotFound();
    }

    [HttpGet("/dashboard/export")]
    public async Task<IActionResult> Export(string? unit, string? period, bool approved, CancellationToken ct)
    {
        unit ??= await DefaultDistrictAsync(ct);
        if (await queries.UpperUnitIdAsync(unit, ct) is not { } id)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, id, ct))
        {
            return Forbid();
        }

        if (await queries.LoadAsync(unit, period, withHighlights: false, ct, approvedOnly: approved) is not { } data)
        {
            return NotFound();
        }

        var bytes = DashboardExcel.Write(DashboardPageBuilder.Build(data, options.Value.AtRiskShare), Formats.Current);
        return File(bytes, DashboardExcel.ContentType, $"bang-dieu-khien-{data.Upper.Slug}-{data.Period.Code}.xlsx");
    }

    /// <summary>Without a unit, the dashboard opens on the first district the person may read.</summary>
    private async Task<string?> DefaultDistrictAsync(CancellationToken ct) =>
        await queries.DefaultUnitSlugAsync(await access.ProfileAsync(User, ct), await access.ReadScopeAsync(User, ct), ct);
}
