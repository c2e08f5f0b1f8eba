using ProgramTracker.Core.Periods;
using ProgramTracker.Core.Validation;
using ProgramTracker.Web.Models.Units;
using ProgramTracker.Web.Models.Entry;

namespace ProgramTracker.Web.Controllers;

/// <summary>A reviewer marks a warned value for follow-up (issue 25); the officer sees the mark beside the cell and in his inbox.</summary>
[Authorize(Policy = Policies.EditData)]
public sealed class FollowUpsController(EntryQueries queries, ValueChecks checks, UnitAccess access) : Controller
{
    [HttpPost("/communes/{slug}/entry/{period}/follow-up")]
    public Task<IActionResult> Commune([Unit(UnitTier.CommuneLevel, UnitRight.None)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey period, int indicatorId, CancellationToken ct) => Mark(unit, period, indicatorId, ct);

    [HttpPost("/districts/{slug}/entry/{period}/follow-up")]
    public Task<IActionResult> District([Unit(UnitTier.Upper, UnitRight.None)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey period, int indicatorId, CancellationToken ct) => Mark(unit, period, indicatorId, ct);

    private async Task<IActionResult> Mark(UnitHeader unit, PeriodKey periodKey, int indicatorId, CancellationToken ct)
    {
        // The unit is bound and found before (UnitAttribute); the approve right is checked below, for this period.
        if (await queries.PeriodAsync(periodKey, ct) is not { } period)
        {
            return NotFound();
        }

        var target = (Unit: unit, Period: period);

        if (indicatorId <= 0)
        {
            return BadRequest();
        }

        // Only the unit's reviewer marks its values (the officer answers the mark, he does not set it).
        if (!await access.CanApproveAsync(User, target.Unit.Id, target.Period, ct))
        {
            return Forbid();
        }

        var marked = await checks.MarkFollowUpAsync(target.Unit.Id, target.Period.Id, indicatorId, ct);
        if (!marked)
        {
            return NotFound();
        }

        TempData["EntryMessage"] = Formats.Current["Trust.FollowUpDone"];
        return Redirect(Models.EntryWorkbook.WorkbookQueries.EntryPath(target.Unit, target.Period));
    }
}
