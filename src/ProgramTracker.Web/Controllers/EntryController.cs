using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Workflow;
using ProgramTracker.Web.Models.Inbox;
using ProgramTracker.Web.Infrastructure;
using ProgramTracker.Web.Infrastructure.Binding;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.Entry;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

/// <summary>Quarterly entry of a commune's or district's indicators, and the submission workflow.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class EntryController(EntryQueries queries, EntryService entry, WorkflowService workflow, UnitAccess access, InboxQueries inbox) : Controller
{
    [HttpGet("/communes/{slug}/entry/{period}")]
    public Task<IActionResult> Commune(string slug, string period, CancellationToken ct) => Show(slug, communeLevel: true, period, ct);

    [HttpGet("/districts/{slug}/entry/{period}")]
    public Task<IActionResult> District(string slug, string period, CancellationToken ct) => Show(slug, communeLevel: false, period, ct);

    [HttpPost("/communes/{slug}/entry/{period}")]
    [Authorize(Policy = Policies.EditData)]
    [ShowsFieldErrors]
    public Task<IActionResult> SaveCommune(string slug, string period, EntryForm form, CancellationToken ct) => Save(slug, communeLevel: true, period, form, ct);

    [HttpPost("/districts/{slug}/entry/{period}")]
    [Authorize(Policy = Policies.EditData)]
    [ShowsFieldErrors]
    public Task<IActionResult> SaveDistrict(string slug, string period, EntryForm form, CancellationToken ct) => Save(slug, communeLevel: false, period, form, ct);

    [HttpPost("/communes/{slug}/entry/{period}/workflow")]
    [Authorize(Policy = Policies.EditData)]
    public Task<IActionResult> CommuneWorkflow(string slug, string period, WorkflowForm form, CancellationToken ct) => Workflow(slug, communeLevel: true, period, form, ct);

    [HttpPost("/districts/{slug}/entry/{period}/workflow")]
    [Authorize(Policy = Policies.EditData)]
    public Task<IActionResult> DistrictWorkflow(string slug, string period, WorkflowForm form, CancellationToken ct) => Workflow(slug, communeLevel: false, period, form, ct);

    private async Task<IActionResult> Show(string slug, bool communeLevel, string periodCode, CancellationToken ct)
    {
        var (target, refusal) = await access.LoadAsync(User, queries.UnitPeriodAsync(slug, communeLevel, periodCode, ct), t => t.Unit.Id, UnitRight.Read, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var model = await queries.PageAsync(target!.Unit, target.Period, ct);
        await SetPermissionsAsync(model, ct);
        model.Message = TempData["EntryMessage"] as string;
        model.MessageSetId = TempData["EntryMessageSet"] as int?;
        model.MessageIsError = TempData["EntryMessageError"] as bool? ?? false;
        model.InvalidField = TempData["EntryInvalidField"] as string;
        if (model.Message is not null && model.MessageSetId is not null && !model.MessageIsError)
        {
            // A step went through: offer the next piece of work from the person's own list (issue 32.5).
            model.Next = (await inbox.ForAsync(User, ct)).NextAfter(Request.Path);
        }

        return View("Form", model);
    }

    private async Task<IActionResult> Save(string slug, bool communeLevel, string periodCode, EntryForm form, CancellationToken ct)
    {
        var (target, refusal) = await access.LoadAsync(User, queries.UnitPeriodAsync(slug, communeLevel, periodCode, ct), t => t.Unit.Id, UnitRight.Edit, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (unit, period) = target!;

        var model = await queries.PageAsync(unit, period, ct);
        await SetPermissionsAsync(model, ct);
        if (!model.UnitValidInPeriod)
        {
            model.Message = OutsideValidity(model);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Form", model);
        }

        var rows = model.Sets.SelectMany(s => s.Criteria).SelectMany(c => c.Rows).ToDictionary(r => r.IndicatorId);
        var posted = form.Cells.Where(c => rows.ContainsKey(c.IndicatorId)).GroupBy(c => c.IndicatorId).Select(g => g.Last()).ToList();
        if (posted.Count != form.Cells.Count || posted.Count == 0)
        {
            model.Message = Formats.Current["Entry.FormOutdated"];
            return View("Form", model);
        }

        var cells = new List<CellInput>();
        foreach (var cell in posted)
        {
            var row = rows[cell.IndicatorId];
            // Keep what the person typed, so an error never loses their input.
            row.Raw = cell.Raw;
            row.Note = cell.Note;
            row.Version = cell.Version;
            var parsed = ValueParser.Parse(row.ValueType, cell.Raw, Formats.Current);
            if (!parsed.Ok)
            {
                row.Error = parsed.Error;
                ModelState.AddModelError($"Cells[{row.Index}].Raw", parsed.Error!);
            }
            else if (cell.Note?.Length > 1000)
            {
                row.Error = Formats.Current["Entry.NoteTooLong"];
                ModelState.AddModelError($"Cells[{row.Index}].Note", row.Error);
            }
            else
            {
                cells.Add(new CellInput(cell.IndicatorId, parsed.Value, cell.Note, cell.Version));
            }
        }

        foreach (var row in rows.Values.Where(r => r.Error is null))
        {
            // A value or note with invalid text (InvalidFormFieldsFilter): the cell is marked, nothing is saved.
            if (ModelState.TryGetValue($"Cells[{row.Index}].Raw", out var raw) && raw.Errors.Count > 0
                || ModelState.TryGetValue($"Cells[{row.Index}].Note", out raw) && raw.Errors.Count > 0)
            {
                row.Error = raw.Errors[0].ErrorMessage;
            }
        }

        var submitSet = form.SubmitSet is { } sid ? model.Sets.FirstOrDefault(s => s.Id == sid) : null;
        if (form.SubmitSet is not null && (submitSet is null || !submitSet.Allows(WorkflowStep.Submit)))
        {
            // A set not on this form, or one already submitted: the page was outdated. Nothing is saved; the input stays.
            model.Message = Formats.Current["Entry.FormOutdated"];
            model.MessageIsError = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Form", model);
        }

        if (!ModelState.IsValid)
        {
            model.Message = Formats.Current.Format(submitSet is null ? "Entry.NotSavedErrors" : "Entry.NotSubmittedErrors", rows.Values.Count(r => r.Error is not null));
            model.MessageIsError = true;
            model.MessageSetId = submitSet?.Id;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Form", model);
        }

        if (submitSet is not null && await access.ReviewerAsync(unit.Id, period, ct) is null)
        {
            model.Message = Formats.Current.Format("Entry.NoReviewer", unit.FullName, period.Label);
            model.MessageIsError = true;
            model.MessageSetId = submitSet.Id;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Form", model);
        }

        var (result, submitted) = submitSet is null
            ? (await entry.SaveAsync(unit.Id, period.Id, cells, ct), null)
            : await entry.SaveAndSubmitAsync(unit.Id, period.Id, cells, submitSet.Id, workflow, ct);
        if (submitted is { Ok: false })
        {
            // The submission was refused (e.g. values still missing): nothing was stored, and what was typed stays on the page.
            model.Message = Formats.Current.Format("Entry.NotSubmitted", submitted.Error);
            model.MessageIsError = true;
            model.MessageSetId = submitSet!.Id;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Form", model);
        }

        switch (result.Outcome)
        {
            case SaveOutcome.Saved when submitted is { Ok: true }:
                TempData["EntryMessage"] = Formats.Current.Format(result.Changed == 0 ? "Entry.Submitted" : "Entry.SavedAndSubmitted", result.Changed, Formats.Current.Status(submitted.Status));
                TempData["EntryMessageSet"] = submitSet!.Id;
                return Redirect(model.EntryPath + $"#set-{submitSet.Id}-result");
            case SaveOutcome.Saved:
                TempData["EntryMessage"] = result.Changed == 0 ? Formats.Current["Entry.NothingChanged"] : Formats.Current.Format("Entry.Saved", result.Changed);
                return Redirect(model.EntryPath);
            case SaveOutcome.Conflict:
                foreach (var conflict in result.Conflicts)
                {
                    var row = rows[conflict.RowId];
                    row.Version = conflict.CurrentVersion;
                    row.ConflictText = Formats.Current.Format("Entry.ConflictBy", conflict.By ?? Formats.Current["Entry.SomeoneElse"],
                        conflict.AtUtc is { } at ? Formats.Current.DateTime(at.ToLocalTime()) : "", Formats.Current.Value(conflict.CurrentValue, row.ValueType, row.Unit));
                }

                model.HasConflicts = true;
                model.MessageIsError = true;
                model.Message = Formats.Current["Entry.NotSavedConflict"];
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Form", model);
            default:
                model.Message = result.Message;
                model.MessageIsError = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Form", model);
        }
    }

    private async Task<IActionResult> Workflow(string slug, bool communeLevel, string periodCode, WorkflowForm form, CancellationToken ct)
    {
        // Review steps need the approve right, not read or edit: the same load, its own check below.
        if (await queries.UnitPeriodAsync(slug, communeLevel, periodCode, ct) is not { } target)
        {
            return NotFound();
        }

        var (unit, period) = target;

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

        var model = await queries.PageAsync(unit, period, ct);
        if (model.Sets.All(s => s.Id != form.SetId))
        {
            return NotFound();
        }

        if (!model.UnitValidInPeriod)
        {
            TempData["EntryMessage"] = OutsideValidity(model);
            return Redirect(model.EntryPath);
        }

        TempData["EntryMessageSet"] = form.SetId;
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

    private static string OutsideValidity(EntryPageModel model) =>
        Formats.Current.Format("Entry.UnitOutsideValidity", model.Unit.FullName, model.Period.Label, model.Unit.ValidFrom is { } f ? Formats.Current.Date(f) : "…", model.Unit.ValidTo is { } t ? Formats.Current.Date(t) : Formats.Current["Common.Now"]);
}
