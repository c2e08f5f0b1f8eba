using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Web.Models.Catalogue;

namespace ProgramTracker.Web.Controllers;

public sealed class CriteriaSetsController(CatalogueQueries queries) : Controller
{
    [HttpGet("/criteria-sets/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken ct) =>
        await queries.CriteriaSetAsync(code, ct) is { } model ? View(model) : NotFound();
}
