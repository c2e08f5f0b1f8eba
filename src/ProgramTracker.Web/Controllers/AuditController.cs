using ProgramTracker.Web.Models.Audit;

namespace ProgramTracker.Web.Controllers;

/// <summary>The append-only audit trail: the search page for admins and district staff, and one cell's history.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class AuditController(AuditQueries queries, UnitAccess access) : Controller
{
    [HttpGet("/audit")]
    [Authorize(Roles = Roles.Admin + "," + Roles.DistrictStaff)]
    public async Task<IActionResult> Index(AuditFilter filter, CancellationToken ct)
    {
        // Bad dates bind as null and the filter is simply not applied; nothing here can fail on input.
        var scope = await access.ReadScopeAsync(User, ct);
        var page = await queries.SearchAsync(filter, scope.All ? null : scope.UnitIds, ct);
        return View(page);
    }

    [HttpGet("/audit/value")]
    public async Task<IActionResult> Value(int unit, int indicator, int period, CancellationToken ct)
    {
        if (!await access.CanReadAsync(User, unit, ct))
        {
            return Forbid();
        }

        return await queries.ValueHistoryPageAsync(unit, indicator, period, ct) is { } history ? View(history) : NotFound();
    }
}
