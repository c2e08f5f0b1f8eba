using Microsoft.AspNetCore.OutputCaching;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

[Authorize(Policy = Policies.ReadData)]
public sealed class DistrictsController(UnitQueries queries) : Controller
{
    [HttpGet("/districts/{slug}")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Show([Unit(UnitTier.Upper)] UnitHeader unit, string? period, CancellationToken ct) =>
        await queries.PageAsync(unit, period, ct) is { } model ? View("District", model) : NotFound();
}
