using Microsoft.AspNetCore.OutputCaching;
using ProgramTracker.Web.Models.Catalogue;

namespace ProgramTracker.Web.Controllers;

/// <summary>Programmes are national; capital figures and highlights on them are limited to the units the user may read.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class ProgrammesController(CatalogueQueries queries, UnitAccess access) : Controller
{
    [HttpGet("/programmes")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.ProgrammesAsync(ct));

    [HttpGet("/programmes/{code}")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Show(string code, CancellationToken ct) =>
        await queries.ProgrammeAsync(code, await access.ReadScopeAsync(User, ct), ct) is { } model ? View(model) : NotFound();
}
