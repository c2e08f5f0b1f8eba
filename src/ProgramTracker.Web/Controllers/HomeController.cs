namespace ProgramTracker.Web.Controllers;

[Authorize(Policy = Policies.ReadData)]
public sealed class HomeController : Controller
{
    /// <summary>Each role's home: leaders and admins read the dashboard; people who enter or review data start from their inbox.</summary>
    [HttpGet("/")]
    public IActionResult Index() =>
        Redirect(User.IsInRole(Roles.Leader) || User.IsInRole(Roles.Admin) ? "/dashboard" : User.IsInRole(Roles.ProvinceAdmin) ? "/admin/users" : "/inbox");
}
