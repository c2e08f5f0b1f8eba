using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.Units;

using ProgramTracker.Web.Infrastructure;

namespace ProgramTracker.Web.Controllers;

[Authorize(Policy = Policies.ReadData)]
public sealed class CommunesController(UnitQueries queries, CommuneListQueries list, UnitAccess access) : Controller
{
    [HttpGet("/communes")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Index(string? province, string? kind, string? band, string? status, string? page, CancellationToken ct)
    {
        // A page that is not a number is page 1: a hand-edited address never fails.
        var number = int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
        var model = await list.LoadAsync(new CommuneListFilter(province, kind, band, status, number), await access.ProfileAsync(User, ct), await access.ReadScopeAsync(User, ct), ct);
        return View(model);
    }

    [HttpGet("/communes/{slug}")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Show([Unit(UnitTier.CommuneLevel)] UnitHeader unit, string? period, CancellationToken ct) =>
        await queries.PageAsync(unit, period, ct) is { } model ? View("Commune", model) : NotFound();
}
