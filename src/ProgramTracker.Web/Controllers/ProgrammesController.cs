using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Web.Models.Catalogue;

namespace ProgramTracker.Web.Controllers;

public sealed class ProgrammesController(CatalogueQueries queries) : Controller
{
    [HttpGet("/programmes")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.ProgrammesAsync(ct));

    [HttpGet("/programmes/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken ct) =>
        await queries.ProgrammeAsync(code, ct) is { } model ? View(model) : NotFound();
}
