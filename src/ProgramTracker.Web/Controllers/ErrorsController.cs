using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ProgramTracker.Web.Controllers;

/// <summary>
/// Renders status-code pages in Vietnamese; reached by re-execution, never linked. Re-execution keeps the original
/// method, so the action answers every method; its code comes from the address only (never from the body or query).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Show([FromRoute] int code)
    {
        Response.StatusCode = code is >= 400 and <= 599 ? code : 500;
        return View("Show", Response.StatusCode);
    }
}
