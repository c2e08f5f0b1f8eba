using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Web.Infrastructure.Security;

namespace ProgramTracker.Web.Controllers;

[Authorize(Policy = Policies.ReadData)]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => Redirect("/communes");
}
