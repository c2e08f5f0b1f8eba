using ProgramTracker.Web.Models.Units;
using ProgramTracker.Core.Reports;
using ProgramTracker.Web.Models.Reports;

namespace ProgramTracker.Web.Controllers;

/// <summary>A unit's report settings (issuing body, place, signer, recipients): read by its readers, edited by the unit's staff.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class ReportSettingsController(UnitAccess access, ReportSettingsService settings) : Controller
{
    [HttpGet("/units/{slug}/report-settings")]
    public async Task<IActionResult> Show([Unit(UnitTier.Any)] UnitHeader unit, bool saved, CancellationToken ct)
    {
        var current = (await settings.GetAsync(unit.Id, ct))!;
        var fields = new ReportSettingsInput(current.IssuingBody, current.ParentBody, current.Place, current.Symbol, current.SignerAuthority, current.SignerTitle, current.SignerName, current.Recipients);
        return View("Edit", new ReportSettingsPage(unit.Slug, unit.FullName, fields, new Dictionary<string, string>(), current.Id == 0, saved, await access.CanEditAsync(User, unit.Id, ct)));
    }

    [HttpPost("/units/{slug}/report-settings")]
    [Authorize(Policy = Policies.EditData)]
    [ValidateAntiForgeryToken]
    [ShowsFieldErrors]
    public async Task<IActionResult> Save([Unit(UnitTier.Any, UnitRight.Edit)] UnitHeader unit, ReportSettingsInput input, CancellationToken ct)
    {
        // Text with invalid characters (InputGuard removed them) is shown back marked, and nothing is saved.
        var result = ModelState.IsValid
            ? await settings.SaveAsync(unit.Id, input, ct)
            : new ReportSettingsResult(ModelState.Where(e => e.Value!.Errors.Count > 0).ToDictionary(e => e.Key, _ => "Input.InvalidCharacters", StringComparer.Ordinal));
        if (result.Saved)
        {
            return RedirectToAction(nameof(Show), new { slug = unit.Slug, saved = true });
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", new ReportSettingsPage(unit.Slug, unit.FullName, input, result.Errors, false, false, true));
    }
}
