using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

/// <summary>Units by their statistics code (/units/06970) and the search over names and codes (/units/search?q=ky+thuong).</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class UnitsController(CurrentCatalogue catalogue, UnitAccess access) : Controller
{
    /// <summary>The unit with this statistics code: a redirect to its page (which checks the reader's rights), or the 404 page.</summary>
    [HttpGet("/units/{code:regex(^\\d{{1,10}}$)}")]
    public async Task<IActionResult> ByCode(string code, CancellationToken ct)
    {
        var unit = (await catalogue.GetAsync(ct)).Units.FirstOrDefault(u => u.StatisticsCode == code && !u.IsSynthetic);
        return unit is null ? NotFound() : Redirect(Links.Unit(unit.Kind, unit.Slug));
    }

    [HttpGet("/units/search")]
    public async Task<IActionResult> Search(string? q, CancellationToken ct)
    {
        var result = UnitSearch.Find(await catalogue.GetAsync(ct), await access.ReadScopeAsync(User, ct), q);
        return View(result);
    }
}
