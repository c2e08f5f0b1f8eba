using Microsoft.AspNetCore.Mvc;

namespace ProgramTracker.Web.Controllers;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => Redirect("/communes");
}
