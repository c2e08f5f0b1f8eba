using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace ProgramTracker.Web.Controllers;

/// <summary>
/// Renders status-code pages in Vietnamese; reached by re-execution, never linked. Re-execution keeps the original
/// method, so the action answers every method. It has no parameters on purpose: with nothing to bind, MVC creates no
/// value providers and never reads the body (a malformed or hostile form cannot break the error page); the code comes
/// from the address only.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Show()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 500;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is { } failure)
        {
            // Reached from the exception handler: a database that does not answer is 503 "thử lại", anything else 500.
            code = DatabaseFailures.StatusCode(failure.Error);
            ViewData["RefusesWrites"] = DatabaseFailures.RefusesWrites(failure.Error);
            ViewData["CommitSent"] = HttpContext.Items.ContainsKey(DatabaseRetry.CommitSent);
        }

        Response.StatusCode = code is >= 400 and <= 599 ? code : 500;
        if (Response.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            ViewData["TooLarge"] = RequestLimits.TooLargeMessage(HttpContext, ProgramTracker.Core.Localization.Formats.Current);
        }

        return View("Show", Response.StatusCode);
    }
}
