using Microsoft.AspNetCore.OutputCaching;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

[Authorize(Policy = Policies.ReadData)]
public sealed class CommunesController(UnitQueries queries, CommuneListQueries list, UnitAccess access) : Controller
{
    [HttpGet("/communes")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Index(string? province, string? kind, string? band, string? status, string? page, CancellationToken ct)
    {
        // A page that is not a number is page 1: a hand-edited address never fails.
        var number = int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
        var model = await list.LoadAsync(new CommuneListFilter(province, kind, band, status, number), await access.ProfileAsync(User, ct), await access.ReadScopeAsync(User, ct), ct);
        return View(model);
    }

    /// <summary>
    /// A commune's page shows its own figures only: cached on its own data version (a save in another commune of the
    /// province leaves it valid), and its model built once per version (docs/adr/0022).
    /// </summary>
    [HttpGet("/communes/{slug}")]
    [OutputCache(PolicyName = DataVersionCachePolicy.OwnFiguresName)]
    public async Task<IActionResult> Show([Unit(UnitTier.CommuneLevel)] UnitHeader unit, string? period,
        [FromServices] PageDataCache pages, CancellationToken ct)
    {
        var version = await DataVersionCachePolicy.OwnVersionKeyAsync(HttpContext, unit.Id, ct);
        return await pages.GetOrBuildAsync($"commune|{unit.Id}|{period}", version, async () => await queries.PageAsync(unit, period, ct), _ => 1) is { } model
            ? View("Commune", model)
            : NotFound();
    }
}
