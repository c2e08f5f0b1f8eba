using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Web.Models.Inbox;

namespace ProgramTracker.Web.Controllers;

public sealed class InboxController(InboxQueries queries) : Controller
{
    [HttpGet("/inbox")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.ForAsync(User, ct));
}
