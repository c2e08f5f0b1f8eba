using ProgramTracker.Core.Periods;
using ProgramTracker.Web.Models.Units;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Planning;
using ProgramTracker.Web.Models.Planning;

namespace ProgramTracker.Web.Controllers;

/// <summary>District staff keep the district's targets per year and its capital figures per period.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class PlanningController(PlanningQueries queries, PlanningService planning) : Controller
{
    [HttpGet("/districts/{slug}/targets/{year:int}")]
    public async Task<IActionResult> Targets([Unit(UnitTier.Upper)] UnitHeader district, int year, CancellationToken ct)
    {
        if (await queries.TargetsPageAsync(district, year, User, ct) is not { } page)
        {
            return NotFound();
        }

        page.Message = TempData["PlanningMessage"] as string;
        return View("Targets", page);
    }

    [HttpPost("/districts/{slug}/targets/{year:int}")]
    [Authorize(Policy = Policies.EditData)]
    public async Task<IActionResult> SaveTargets([Unit(UnitTier.Upper, UnitRight.Edit)] UnitHeader district, int year, TargetsForm form, CancellationToken ct)
    {
        if (await queries.TargetsPageAsync(district, year, User, ct) is not { } page)
        {
            return NotFound();
        }

        var rows = page.Rows.ToDictionary(r => r.IndicatorId);
        var inputs = new List<TargetInput>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var post = form.Rows[i];
            if (!rows.TryGetValue(post.IndicatorId, out var row) || !Enum.IsDefined(post.Comparator))
            {
                return BadRequest();
            }

            (row.Comparator, row.Value, row.Version) = (post.Comparator, post.Value, post.Version);
            if (ModelState.GetFieldValidationState($"Rows[{i}].Comparator") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                // A malformed comparator is refused, never read as the default "at least".
                row.Error = Formats.Current["Planning.BadComparator"];
            }
            else if (string.IsNullOrWhiteSpace(post.Value))
            {
                inputs.Add(new TargetInput(post.IndicatorId, post.Comparator, null, post.Version));
            }
            else if (ValueParser.ParseNumber(post.Value, Formats.Current) is { Ok: true, Value: { } value })
            {
                inputs.Add(new TargetInput(post.IndicatorId, post.Comparator, value, post.Version));
            }
            else
            {
                row.Error = Formats.Current.Format("Planning.LeaveEmpty", ValueParser.ParseNumber(post.Value, Formats.Current).Error);
            }
        }

        if (page.Rows.Any(r => r.Error is not null))
        {
            (page.Message, page.IsError) = (Formats.Current["Planning.RowsWrong"], true);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Targets", page);
        }

        var result = await planning.SaveTargetsAsync(page.District.Id, year, inputs, ct);
        if (result.Outcome == SaveOutcome.Saved)
        {
            TempData["PlanningMessage"] = Formats.Current.Format("Planning.TargetsSaved", result.Changed);
            return Redirect(page.Path);
        }

        foreach (var c in result.Conflicts)
        {
            rows[c.RowId].Error = Formats.Current.Format("Planning.TargetConflict", c.By ?? Formats.Current["Entry.SomeoneElse"], Formats.Current.Number(c.CurrentValue, Formats.Current["Planning.EmptyTarget"]));
            rows[c.RowId].Version = c.CurrentVersion;
        }

        (page.Message, page.IsError) = (result.Message ?? Formats.Current["Planning.TargetsNotSaved"], true);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Targets", page);
    }

    [HttpGet("/districts/{slug}/capital/{period}")]
    public async Task<IActionResult> Capital([Unit(UnitTier.Upper)] UnitHeader district, [Period(PeriodSpans.Stored)] PeriodKey period, int? edit, CancellationToken ct)
    {
        if (await queries.CapitalPageAsync(district, period, User, ct) is not { } page)
        {
            return NotFound();
        }

        if (edit is { } id && page.CanEdit && page.Edits.FirstOrDefault(e => e.Id == id) is { } editing)
        {
            (page.Editing, page.Form) = (editing, editing.Form);
        }

        page.Message = TempData["PlanningMessage"] as string;
        return View("Capital", page);
    }

    [HttpPost("/districts/{slug}/capital/{period}/{id:int}")]
    [Authorize(Policy = Policies.EditData)]
    [ShowsFieldErrors]
    public async Task<IActionResult> EditCapital([Unit(UnitTier.Upper, UnitRight.Edit)] UnitHeader district, [Period(PeriodSpans.Stored)] PeriodKey period, int id, int version, CapitalForm form, CancellationToken ct)
    {
        if (await WithRow(queries.CapitalPageAsync(district, period, User, ct), id) is not { } page)
        {
            return NotFound();
        }

        var editing = page.Edits.First(e => e.Id == id);
        (page.Form, page.Editing) = (form, editing with { Version = version });
        if (Validate(page, form) is not { } input)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Capital", page);
        }

        return Changed(page, await planning.ChangeCapitalAsync(id, version, input, ct), Formats.Current["Planning.CapitalSaved"]);
    }

    [HttpPost("/districts/{slug}/capital/{period}/{id:int}/delete")]
    [Authorize(Policy = Policies.EditData)]
    public async Task<IActionResult> DeleteCapital([Unit(UnitTier.Upper, UnitRight.Edit)] UnitHeader district, [Period(PeriodSpans.Stored)] PeriodKey period, int id, int version, CancellationToken ct)
    {
        if (await WithRow(queries.CapitalPageAsync(district, period, User, ct), id) is not { } page)
        {
            return NotFound();
        }

        return Changed(page, await planning.ChangeCapitalAsync(id, version, null, ct), Formats.Current["Planning.CapitalDeleted"]);
    }

    private IActionResult Changed(CapitalPage page, SaveResult result, string done)
    {
        if (result.Outcome == SaveOutcome.Saved)
        {
            TempData["PlanningMessage"] = done;
            return Redirect(page.Path);
        }

        page.Message = result.Message;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Capital", page);
    }

    [HttpPost("/districts/{slug}/capital/{period}")]
    [Authorize(Policy = Policies.EditData)]
    [ShowsFieldErrors]
    public async Task<IActionResult> AddCapital([Unit(UnitTier.Upper, UnitRight.Edit)] UnitHeader district, [Period(PeriodSpans.Stored)] PeriodKey period, CapitalForm form, CancellationToken ct)
    {
        if (await queries.CapitalPageAsync(district, period, User, ct) is not { } page)
        {
            return NotFound();
        }

        page.Form = form;
        if (Validate(page, form) is not { } input)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Capital", page);
        }

        var result = await planning.AddCapitalAsync(page.Period.Id, input, ct);
        if (result.Outcome != SaveOutcome.Saved)
        {
            page.Message = result.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Capital", page);
        }

        TempData["PlanningMessage"] = Formats.Current["Planning.CapitalAdded"];
        return Redirect(page.Path);
    }

    /// <summary>The capital page only when it lists the row <paramref name="id"/> (else the address names nothing: 404).</summary>
    private static async Task<CapitalPage?> WithRow(Task<CapitalPage?> load, int id) =>
        await load is { } page && page.Edits.Any(e => e.Id == id) ? page : null;

    /// <summary>The capital form checked field by field (messages beside the fields); null when something is wrong.</summary>
    private CapitalInput? Validate(CapitalPage page, CapitalForm form)
    {
        if (form.ProgrammeId is not { } programme || page.Programmes.All(p => p.Id != programme))
        {
            ModelState.AddModelError(nameof(form.ProgrammeId), Formats.Current["Planning.ChooseProgramme"]);
        }

        if (form.ProjectId is { } project && page.Projects.All(p => p.Id != project || p.ProgrammeId != form.ProgrammeId))
        {
            ModelState.AddModelError(nameof(form.ProjectId), Formats.Current["Planning.ProjectNotInProgramme"]);
        }

        if (form.UnitId is not { } unit || page.Units.All(u => u.Id != unit))
        {
            ModelState.AddModelError(nameof(form.UnitId), Formats.Current["Planning.ChooseUnit"]);
        }

        if (form.Measure is not { } measure || !Enum.IsDefined(measure))
        {
            ModelState.AddModelError(nameof(form.Measure), Formats.Current["Planning.ChooseMeasure"]);
        }

        var parsedAmount = ValueParser.ParseAmountVnd(form.Amount, Formats.Current);
        if (!parsedAmount.Ok)
        {
            ModelState.AddModelError(nameof(form.Amount), parsedAmount.Error!);
        }

        if (form.FundingSource?.Length > 120 || form.Description?.Length > 1000)
        {
            ModelState.AddModelError(nameof(form.Description), Formats.Current["Planning.TooLong"]);
        }

        if (!ModelState.IsValid || !Enum.IsDefined(form.Kind))
        {
            return null;
        }

        return new CapitalInput(form.ProgrammeId!.Value, form.ProjectId, form.UnitId!.Value, form.Measure!.Value, form.Kind,
            string.IsNullOrWhiteSpace(form.FundingSource) ? null : form.FundingSource.Trim(), parsedAmount.Value ?? 0,
            string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim());
    }
}
