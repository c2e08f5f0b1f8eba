using ProgramTracker.Core.Periods;
using ProgramTracker.Web.Models.Admin;

namespace ProgramTracker.Web.Controllers.Admin;

/// <summary>Admins open periods, set deadlines and lock or unlock them; <see cref="PeriodAdministration"/> writes and audits.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("/admin/periods")]
public sealed class AdminPeriodsController(PeriodAdministration periods) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new PeriodsPage(await periods.ListAsync(ct), new PeriodForm()));

    [HttpPost("")]
    [ShowsFieldErrors]
    public async Task<IActionResult> Create(PeriodForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await periods.OpenAsync(form.Code!, form.Deadline, ct);
            if (result is { Ok: true, Period: { } period })
            {
                TempData["AdminMessage"] = Formats.Current.Format("AdminPeriods.Opened", period.Label);
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError(nameof(form.Code), Formats.Current[result.Error!]);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", new PeriodsPage(await periods.ListAsync(ct), form));
    }

    [HttpPost("{code}/lock")]
    public Task<IActionResult> Lock(string code, CancellationToken ct) => SetLocked(code, true, ct);

    [HttpPost("{code}/unlock")]
    public Task<IActionResult> Unlock(string code, CancellationToken ct) => SetLocked(code, false, ct);

    [HttpPost("{code}/deadline")]
    [ShowsFieldErrors]
    public async Task<IActionResult> Deadline(string code, DateOnly? deadline, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A date that is not one keeps the stored deadline (it does not clear it) and is shown again beside its box.
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var typed = ModelState[nameof(deadline)]?.AttemptedValue;
            var error = ModelState[nameof(deadline)]?.Errors.FirstOrDefault()?.ErrorMessage;
            ModelState.Clear(); // the error belongs to this row's box, not to the new-period form's "Deadline" (keys ignore case)
            return View("Index", new PeriodsPage(await periods.ListAsync(ct), new PeriodForm()) { DeadlineError = new DeadlineError(code, typed, error ?? "") });
        }

        if ((await periods.SetDeadlineAsync(code, deadline, ct)).Period is not { } period)
        {
            return NotFound();
        }

        TempData["AdminMessage"] = Formats.Current.Format("AdminPeriods.DeadlineSet", period.Label);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SetLocked(string code, bool locked, CancellationToken ct)
    {
        if ((await periods.SetLockedAsync(code, locked, ct)).Period is not { } period)
        {
            return NotFound();
        }

        TempData["AdminMessage"] = Formats.Current.Format(locked ? "AdminPeriods.LockedNow" : "AdminPeriods.UnlockedNow", period.Label);
        return RedirectToAction(nameof(Index));
    }
}
