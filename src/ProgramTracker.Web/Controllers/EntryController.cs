using ProgramTracker.Core.Periods;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Workflow;
using ProgramTracker.Web.Models.Inbox;
using ProgramTracker.Web.Infrastructure.Binding;
using ProgramTracker.Web.Models.Entry;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

/// <summary>Quarterly entry of a commune's or district's indicators, and the submission workflow.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class EntryController(EntryQueries queries, SaveEntry save, WorkflowService workflow, UnitAccess access, InboxQueries inbox) : Controller
{
    [HttpGet("/communes/{slug}/entry/{period}")]
    public Task<IActionResult> Commune([Unit(UnitTier.CommuneLevel)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey period, CancellationToken ct) => Show(unit, period, ct);

    [HttpGet("/districts/{slug}/entry/{period}")]
    public Task<IActionResult> District([Unit(UnitTier.Upper)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey period, CancellationToken ct) => Show(unit, period, ct);

    [HttpPost("/communes/{slug}/entry/{period}")]
    [Authorize(Policy = Policies.EditData)]
    [ShowsFieldErrors]
    public Task<IActionResult> SaveCommune([Unit(UnitTier.CommuneLevel, UnitRight.Edit)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey period, EntryForm form, CancellationToken ct) => Save(unit, period, form, ct);

    [HttpPost("/districts/{slug}/entry/{period}")]
    [Authorize(Policy = Policies.EditData)]
    [ShowsFieldErrors]
    public Task<IActionResult> SaveDistrict([Unit(UnitTier.Upper, UnitRight.Edit)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey period, EntryForm form, CancellationToken ct) => Save(unit, period, form, ct);

    [HttpPost("/communes/{slug}/entry/{period}/workflow")]
    [Authorize(Policy = Policies.EditData)]
    [ShowsFieldErrors]
    public Task<IActionResult> CommuneWorkflow([Unit(UnitTier.CommuneLevel, UnitRight.None)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey period, WorkflowForm form, CancellationToken ct) => Workflow(unit, period, form, ct);

    [HttpPost("/districts/{slug}/entry/{period}/workflow")]
    [Authorize(Policy = Policies.EditData)]
    [ShowsFieldErrors]
    public Task<IActionResult> DistrictWorkflow([Unit(UnitTier.Upper, UnitRight.None)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey period, WorkflowForm form, CancellationToken ct) => Workflow(unit, period, form, ct);

    private async Task<IActionResult> Show(UnitHeader unit, PeriodKey periodKey, CancellationToken ct)
    {
        if (await queries.PeriodAsync(periodKey, ct) is not { } period)
        {
            return NotFound();
        }

        var model = await queries.PageAsync(unit, period, ct);
        await SetPermissionsAsync(model, ct);
        model.Message = TempData["EntryMessage"] as string;
        model.MessageSetId = TempData["EntryMessageSet"] as int?;
        model.MessageIsError = TempData["EntryMessageError"] as bool? ?? false;
        model.InvalidField = TempData["EntryInvalidField"] as string;
        model.InvalidComment = TempData["EntryComment"] as string;
        if (model.Message is not null && model.MessageSetId is not null && !model.MessageIsError)
        {
            // A step went through: offer the next piece of work from the person's own list (issue 32.5).
            model.Next = (await inbox.ForAsync(User, ct)).NextAfter(Request.Path);
        }

        return View("Form", model);
    }

    private async Task<IActionResult> Save(UnitHeader unit, PeriodKey periodKey, EntryForm form, CancellationToken ct)
    {
        if (await queries.PeriodAsync(periodKey, ct) is not { } period)
        {
            return NotFound();
        }

        var model = await queries.PageAsync(unit, period, ct);
        await SetPermissionsAsync(model, ct);
        var post = new EntryFormSave(model, form);
        var noReviewer = post.SubmitAsked && await access.ReviewerAsync(model.Unit.Id, model.Period, ct) is null;
        if (post.Precondition(OutsideValidity(model), noReviewer) is { } stop)
        {
            return post.Page(this, stop.Message, stop.Status, stop.SetId, stop.IsError);
        }

        return post.Answer(this, await save.SaveAsync(post.ToSave(ModelState), Formats.Current, ct));
    }

    private async Task<IActionResult> Workflow(UnitHeader unit, PeriodKey periodKey, WorkflowForm form, CancellationToken ct)
    {
        // Review steps need the approve right, not read or edit: the unit is resolved before, its check is below.
        if (await queries.PeriodAsync(periodKey, ct) is not { } period)
        {
            return NotFound();
        }

        if (!StrictEnum.TryParse<WorkflowStep>(form.Step, out var step))
        {
            return BadRequest();
        }

        var allowed = WorkflowRules.IsReviewStep(step)
            ? await access.CanApproveAsync(User, unit.Id, period, ct)
            : await access.CanEditAsync(User, unit.Id, ct);
        if (!allowed)
        {
            return Forbid();
        }

        var model = await queries.TargetAsync(unit, period, ct);
        if (!model.SetIds.Contains(form.SetId))
        {
            return NotFound();
        }

        if (!model.UnitValidInPeriod)
        {
            TempData["EntryMessage"] = OutsideValidity(unit, period);
            return Redirect(model.EntryPath);
        }

        TempData["EntryMessageSet"] = form.SetId;
        if (!ModelState.IsValid)
        {
            // The comment had invalid characters (InputGuard removed them): nothing is done, the box is marked and keeps the rest.
            TempData["EntryMessage"] = Formats.Current["Input.InvalidCharacters"];
            TempData["EntryMessageError"] = true;
            TempData["EntryInvalidField"] = $"{(step == WorkflowStep.Reopen ? "reopen" : "return")}-{form.SetId}";
            TempData["EntryComment"] = form.Comment;
            return Redirect(model.EntryPath + $"#set-{form.SetId}-result");
        }

        if (step == WorkflowStep.Submit && await access.ReviewerAsync(unit.Id, period, ct) is null)
        {
            TempData["EntryMessage"] = Formats.Current.Format("Entry.NoReviewer", unit.FullName, period.Label);
            TempData["EntryMessageError"] = true;
            return Redirect(model.EntryPath + $"#set-{form.SetId}-result");
        }

        var result = await workflow.ApplyAsync(unit.Id, form.SetId, period.Id, step, form.Comment, ct);
        TempData["EntryMessage"] = result.Ok ? Formats.Current.Format($"Entry.Done{step}", Formats.Current.Status(result.Status)) : result.Error;
        TempData["EntryMessageError"] = !result.Ok;
        if (!result.Ok && WorkflowRules.NeedsComment(step) && string.IsNullOrWhiteSpace(form.Comment))
        {
            // The refusal is about the empty comment box: the page marks it.
            TempData["EntryInvalidField"] = $"{(step == WorkflowStep.Return ? "return" : "reopen")}-{form.SetId}";
        }

        return Redirect(model.EntryPath + $"#set-{form.SetId}-result");
    }

    private async Task SetPermissionsAsync(EntryPageModel model, CancellationToken ct)
    {
        // Whoever may change the values of an open period may also submit them; nobody enters for a unit that did not exist then.
        var open = !model.Period.IsLocked && model.UnitValidInPeriod;
        model.CanEdit = open && await access.CanEditAsync(User, model.Unit.Id, ct);
        // The reviewer is looked up once: it answers both "who reviews" and "may this user review".
        var reviewer = await access.ReviewerAsync(model.Unit.Id, model.Period, ct);
        model.CanReview = open && AccessRules.CanApprove(await access.ProfileAsync(User, ct), reviewer?.Id);
        model.Reviewer = reviewer?.FullName;
    }

    private static string OutsideValidity(EntryPageModel model) => OutsideValidity(model.Unit, model.Period);

    private static string OutsideValidity(UnitHeader unit, ReportingPeriod period) =>
        Formats.Current.Format("Entry.UnitOutsideValidity", unit.FullName, period.Label, unit.ValidFrom is { } f ? Formats.Current.Date(f) : "…", unit.ValidTo is { } t ? Formats.Current.Date(t) : Formats.Current["Common.Now"]);
}
