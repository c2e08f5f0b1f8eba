using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.Units;

using ProgramTracker.Web.Infrastructure;

namespace ProgramTracker.Web.Controllers;

[Authorize(Policy = Policies.ReadData)]
public sealed class DistrictsController(UnitQueries queries, UnitAccess access) : Controller
{
    [HttpGet("/districts/{slug}")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Show(string slug, string? period, CancellationToken ct)
    {
        var (unit, refusal) = await access.LoadAsync(User, queries.FindAsync(slug, communeLevel: false, ct), u => u.Id, UnitRight.Read, ct);
        return refusal ?? View("District", await queries.PageAsync(unit!, period, ct));
    }
}
