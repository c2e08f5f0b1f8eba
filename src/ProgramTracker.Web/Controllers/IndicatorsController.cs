using Microsoft.AspNetCore.OutputCaching;
using ProgramTracker.Web.Models.Catalogue;

namespace ProgramTracker.Web.Controllers;

/// <summary>The catalogue is national; values and targets on it are limited to the units the user may read.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class IndicatorsController(CatalogueQueries queries, UnitAccess access) : Controller
{
    // The id is taken as text so that "/indicators/abc" answers 404 like any unknown indicator.
    [HttpGet("/indicators/{id}")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Show(string id, string? period, CancellationToken ct) =>
        int.TryParse(id, out var key) && await queries.IndicatorAsync(key, await access.ReadScopeAsync(User, ct), ct, period) is { } model ? View(model) : NotFound();
}
