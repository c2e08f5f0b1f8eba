using Microsoft.AspNetCore.OutputCaching;
using ProgramTracker.Web.Models.Catalogue;

namespace ProgramTracker.Web.Controllers;

/// <summary>The catalogue is national; the reported figures on it are limited to the units the user may read.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class CriteriaSetsController(CatalogueQueries queries, UnitAccess access) : Controller
{
    [HttpGet("/criteria-sets/{code}")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Show(string code, CancellationToken ct) =>
        await queries.CriteriaSetAsync(code, await access.ReadScopeAsync(User, ct), ct) is { } model ? View(model) : NotFound();
}
