using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

public sealed class DistrictsController(UnitQueries queries) : Controller
{
    [HttpGet("/districts/{slug}")]
    public async Task<IActionResult> Show(string slug, string? period, CancellationToken ct)
    {
        var unit = await queries.FindAsync(slug, communeLevel: false, ct);
        return unit is null ? NotFound() : View("~/Views/Communes/Unit.cshtml", await queries.PageAsync(unit, period, ct));
    }
}
