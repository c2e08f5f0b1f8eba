using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Web.Models.Catalogue;

namespace ProgramTracker.Web.Controllers;

public sealed class IndicatorsController(CatalogueQueries queries) : Controller
{
    // The id is taken as text so that "/indicators/abc" answers 404 like any unknown indicator.
    [HttpGet("/indicators/{id}")]
    public async Task<IActionResult> Show(string id, CancellationToken ct) =>
        int.TryParse(id, out var key) && await queries.IndicatorAsync(key, ct) is { } model ? View(model) : NotFound();
}
