using ProgramTracker.Web.Models.Inbox;

namespace ProgramTracker.Web.Controllers;

[Authorize(Policy = Policies.ReadData)]
public sealed class InboxController(InboxQueries queries) : Controller
{
    [HttpGet("/inbox")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.ForAsync(User, ct));
}
