using Microsoft.AspNetCore.Localization;

namespace ProgramTracker.Web.Controllers;

/// <summary>
/// The language switch of the navigation: sets the standard culture cookie and returns to the page the reader was on
/// (a local address only; anything else goes home). A link, so it works from the keyboard and without script.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class LanguageController : Controller
{
    public const string RouteName = "language";

    [HttpGet("/language/{culture}", Name = RouteName)]
    public IActionResult Set(string culture, string? returnUrl)
    {
        if (PortalLocalization.Resolve(culture) is not { } chosen)
        {
            return NotFound();
        }

        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, PortalLocalization.CookieValue(chosen), new CookieOptions
        {
            // A year from whenever the browser stores it: a lifetime, not a date, so neither the server's clock nor the browser's moves it.
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
        });
        return LocalRedirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
