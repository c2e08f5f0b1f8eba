using ProgramTracker.Core.Validation;
using ProgramTracker.Web.Models.Admin;

namespace ProgramTracker.Web.Controllers.Admin;

/// <summary>
/// The administrator keeps a set's validation rules (issue 25): adds, changes or retires a rule from a period on. The set
/// comes from the address; every save goes through <see cref="RuleEditor"/>, which parses each expression against the
/// set's indicator codes and refuses an unknown code or bad syntax beside the field with its position.
/// </summary>
[Authorize(Policy = Policies.Administer)]
[Route("/admin/criteria-sets/{setCode}/rules")]
public sealed class AdminRulesController(ProgramTrackerDbContext db, RuleEditor editor) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromRoute] string setCode, CancellationToken ct)
    {
        if (await SetAsync(setCode, ct) is not { } set)
        {
            return NotFound();
        }

        return View(new RulesPage(set.Code, set.Name, set.NameEn, await editor.OfSetAsync(set.Id, ct), await editor.CommonAsync(ct)));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New([FromRoute] string setCode, CancellationToken ct)
    {
        if (await SetAsync(setCode, ct) is not { } set)
        {
            return NotFound();
        }

        var from = await db.Periods.AsNoTracking().Where(p => p.Quarter != null).OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter)
            .Select(p => new { p.Year, p.Quarter }).FirstOrDefaultAsync(ct);
        var form = new RuleForm { Kind = nameof(RuleKind.Expression), Severity = nameof(RuleSeverity.Hard), From = from is null ? null : PeriodCode.Format(from.Year, from.Quarter) };
        return View("Rule", await PageAsync(set, form, ct));
    }

    [HttpGet("{code}/edit")]
    public async Task<IActionResult> Edit([FromRoute] string setCode, [FromRoute] string code, CancellationToken ct)
    {
        if (await SetAsync(setCode, ct) is not { } set)
        {
            return NotFound();
        }

        var latest = (await editor.OfSetAsync(set.Id, ct)).Where(r => r.Code == code).MaxBy(r => r.FromKey);
        if (latest is null)
        {
            return NotFound();
        }

        return View("Rule", await PageAsync(set, RuleForm.Of(RuleEditor.ToDraft(latest, latest.Indicator?.Code), existing: true), ct));
    }

    [HttpPost("")]
    [ShowsFieldErrors]
    public async Task<IActionResult> Save([FromRoute] string setCode, RuleForm form, CancellationToken ct)
    {
        if (await SetAsync(setCode, ct) is not { } set)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await editor.SaveAsync(set.Id, [form.ToDraft()], Formats.Current, ct);
            if (result.Ok)
            {
                TempData["AdminMessage"] = result.Added + result.Changed == 0
                    ? Formats.Current["Rule.NoChanges"]
                    : Formats.Current.Format(form.Active ? "Rule.Saved" : "Rule.Retired", form.Code?.Trim(), form.From?.Trim());
                return RedirectToAction(nameof(Index), new { setCode = set.Code });
            }

            foreach (var (_, error) in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Rule", await PageAsync(set, form, ct));
    }

    private Task<CriteriaSet?> SetAsync(string code, CancellationToken ct) =>
        db.CriteriaSets.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, ct);

    private async Task<RuleFormPage> PageAsync(CriteriaSet set, RuleForm form, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.Criterion.CriteriaSetId == set.Id)
            .OrderBy(i => i.Criterion.Number).ThenBy(i => i.SortOrder)
            .Select(i => new RuleIndicatorChoice(i.Code, i.Name, i.NameEn)).ToListAsync(ct);
        var versions = form.Existing && form.Code is { } code
            ? (await editor.OfSetAsync(set.Id, ct)).Where(r => r.Code == code.Trim()).ToList()
            : [];
        return new RuleFormPage(set.Code, set.Name, set.NameEn, form, indicators, versions);
    }
}
