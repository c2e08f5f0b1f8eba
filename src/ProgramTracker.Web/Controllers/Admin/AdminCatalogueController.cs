using ProgramTracker.Core.Catalogue;
using ProgramTracker.Core.Entry;
using ProgramTracker.Web.Models.Admin;

namespace ProgramTracker.Web.Controllers.Admin;

/// <summary>
/// Admins complete the catalogue: a set's declared totals are often known before its indicators are, so
/// indicators (and thresholds, once known) are added here. The set comes from the address, never from the form;
/// every change goes through <see cref="CatalogueService"/> (versioned, audited, summaries rebuilt).
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class AdminCatalogueController(IndicatorFormQueries queries, CatalogueService catalogue) : Controller
{
    [HttpGet("/admin/criteria-sets/{setCode}/indicators/new")]
    public async Task<IActionResult> New([FromRoute] string setCode, CancellationToken ct) =>
        await queries.PageAsync(setCode, new IndicatorForm(), ct) is { } page ? View("Indicator", page) : NotFound();

    [HttpGet("/admin/indicators/{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken ct) =>
        await queries.EditAsync(id, ct) is { } page ? View("Indicator", page) : NotFound();

    [HttpPost("/admin/criteria-sets/{setCode}/indicators")]
    [ShowsFieldErrors]
    public async Task<IActionResult> Save([FromRoute] string setCode, IndicatorForm form, CancellationToken ct)
    {
        var page = await queries.PageAsync(setCode, form, ct);
        if (page is null)
        {
            return NotFound();
        }

        var thresholds = new Dictionary<string, ThresholdInput>();
        var kind = form.ValueType ?? ValueKind.Number;
        var common = ParseThreshold(nameof(form.Threshold), form.Threshold, kind);
        thresholds[Zones.Common] = new ThresholdInput(common, string.IsNullOrWhiteSpace(form.ThresholdText) ? null : form.ThresholdText.Trim());
        foreach (var (zone, _) in page.ZoneChoices)
        {
            if (form.Zones.TryGetValue(zone, out var raw) && ParseThreshold($"Zones[{zone}]", raw, kind) is { } value)
            {
                thresholds[zone] = new ThresholdInput(value);
            }
        }

        var criterion = form.CriterionId is { } cid ? page.Criteria.FirstOrDefault(c => c.Id == cid) : default;
        if (form.CriterionId is not null && criterion == default)
        {
            ModelState.AddModelError(nameof(form.CriterionId), Formats.Current["AdminIndicator.CriterionNotInSet"]);
        }

        DateOnly? from = null;
        if (!string.IsNullOrWhiteSpace(form.EffectiveFrom))
        {
            if (PeriodCode.TryParse(form.EffectiveFrom, out var year, out var quarter))
            {
                from = PeriodCode.StartsOn(year, quarter);
            }
            else
            {
                ModelState.AddModelError(nameof(form.EffectiveFrom), Formats.Current["AdminIndicator.EffectiveFromBad"]);
            }
        }

        var check = await catalogue.CheckCodeAsync(setCode, form.Id, form.Code, Formats.Current, ct);
        if (!check.InSet)
        {
            return NotFound();
        }

        if (check.Error is { } codeError)
        {
            ModelState.AddModelError(nameof(form.Code), codeError);
        }

        if (ModelState.IsValid)
        {
            var number = page.Numbers[criterion.Id];
            var definition = new IndicatorDefinition(form.Code!, number, form.Name!, form.Unit, form.ValueType!.Value, form.Comparator!.Value, thresholds, form.Note, NameEn: form.NameEn ?? "");
            var result = await catalogue.ApplyAsync(setCode, [definition], from, Formats.Vietnamese["AdminIndicator.FormSource"], Formats.Current, ct);
            if (result.Ok)
            {
                TempData["CatalogueMessage"] = result.HasChanges
                    ? Formats.Current.Format("AdminIndicator.Saved", form.Code, result.VersionNumber)
                    : Formats.Current["AdminIndicator.NoChanges"];
                return RedirectToAction(nameof(CriteriaSetsController.Show), "CriteriaSets", new { code = setCode });
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Indicator", page);
    }

    /// <summary>A threshold by the entry's rules for the indicator's kind (ValueParser): refused, never rounded or kept out of range.</summary>
    private decimal? ParseThreshold(string field, string? raw, ValueKind kind)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var parsed = Formats.Current.TryParseNumber(raw, out _) ? ValueParser.Parse(kind, raw, Formats.Current) : ParsedValue.Fail(Formats.Current["AdminIndicator.ThresholdBad"]);
        if (!parsed.Ok)
        {
            ModelState.AddModelError(field, parsed.Error!);
        }

        return parsed.Value;
    }
}
