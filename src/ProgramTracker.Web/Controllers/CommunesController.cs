using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

public sealed class CommunesController(UnitQueries queries) : Controller
{
    [HttpGet("/communes")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.CommunesAsync(ct));

    [HttpGet("/communes/{slug}")]
    public async Task<IActionResult> Show(string slug, string? period, CancellationToken ct)
    {
        var unit = await queries.FindAsync(slug, communeLevel: true, ct);
        return unit is null ? NotFound() : View("Unit", await queries.PageAsync(unit, period, ct));
    }
}
