using Microsoft.AspNetCore.Mvc.ModelBinding;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Workflow;

namespace ProgramTracker.Web.Models.Entry;

/// <summary>
/// The entry form's door to the one save (<see cref="SaveEntry"/>): maps the posted cells to raw cells as typed, and the
/// result back to the form: errors beside the fields, conflicts beside the person's input, a message by the set's
/// buttons, or a redirect saying what was saved. What was typed always stays on the page.
/// </summary>
public sealed class EntryFormSave
{
    private readonly EntryPageModel _model;
    private readonly EntryForm _form;
    private readonly Dictionary<int, EntryRow> _rows;
    private readonly List<CellPost> _posted;

    public EntryFormSave(EntryPageModel model, EntryForm form)
    {
        (_model, _form) = (model, form);
        _rows = model.Sets.SelectMany(s => s.Criteria).SelectMany(c => c.Rows).ToDictionary(r => r.IndicatorId);
        _posted = form.Cells.Where(c => _rows.ContainsKey(c.IndicatorId)).GroupBy(c => c.IndicatorId).Select(g => g.Last()).ToList();
        SubmitSet = form.SubmitSet is { } id ? model.Sets.FirstOrDefault(s => s.Id == id) : null;
    }

    /// <summary>The set "Lưu và gửi duyệt" submits, when it is on this form.</summary>
    public EntrySet? SubmitSet { get; }

    public bool SubmitAsked => _form.SubmitSet is not null;

    /// <summary>
    /// What stops the save before any cell is read, with its status: the unit outside the period (409), an outdated form
    /// (200), a set that cannot be submitted (409), no reviewer for a submission (409). Null when the save may go on.
    /// </summary>
    public (string Message, int Status, bool IsError, int? SetId)? Precondition(string outsideValidity, bool noReviewer)
    {
        if (!_model.UnitValidInPeriod)
        {
            return (outsideValidity, StatusCodes.Status409Conflict, true, null);
        }

        // What was typed stays on the page whatever stops the save: an outdated form keeps the cells that are still on it.
        KeepInput();
        if (_posted.Count != _form.Cells.Count || _posted.Count == 0)
        {
            return (Formats.Current["Entry.FormOutdated"], StatusCodes.Status200OK, true, null);
        }

        if (SubmitAsked && (SubmitSet is null || !SubmitSet.Allows(WorkflowStep.Submit)))
        {
            // A set not on this form, or one already submitted: the page was outdated. Nothing is saved; the input stays.
            return (Formats.Current["Entry.FormOutdated"], StatusCodes.Status409Conflict, true, null);
        }

        return noReviewer ? (Formats.Current.Format("Entry.NoReviewer", _model.Unit.FullName, _model.Period.Label), StatusCodes.Status409Conflict, true, SubmitSet!.Id) : null;
    }

    /// <summary>The save: the cells as typed; a field whose invalid text the request guard removed is refused as it stands.</summary>
    public EntrySave ToSave(ModelStateDictionary state)
    {
        var refused = new List<CellRefusal>();
        var cells = new List<RawCell>();
        foreach (var cell in _posted)
        {
            var row = _rows[cell.IndicatorId];
            if (FieldError(state, row) is { } guarded)
            {
                refused.Add(new CellRefusal(_model.Unit.Id, row.IndicatorId, CellFault.InvalidText, guarded));
            }
            else
            {
                cells.Add(new RawCell(cell.IndicatorId, cell.Raw, cell.Note, cell.Version, ValueNotation.Typed));
            }
        }

        return EntrySave.Of(_model.Unit.Id, _model.Period.Id, cells) with { SubmitSetId = SubmitSet?.Id, AlreadyRefused = refused };
    }

    /// <summary>The result as the form shows it.</summary>
    public IActionResult Answer(Controller c, EntrySaveResult result)
    {
        var f = Formats.Current;
        if (result.Outcome == SaveOutcome.Invalid)
        {
            foreach (var refusal in result.Invalid)
            {
                var row = _rows[refusal.IndicatorId];
                row.Error ??= refusal.Message;
                var key = $"Cells[{row.Index}].{(refusal.Fault == CellFault.NoteTooLong ? "Note" : "Raw")}";
                if (FieldError(c.ModelState, row) is null)
                {
                    c.ModelState.AddModelError(key, refusal.Message);
                }
            }

            return Page(c, f.Format(SubmitSet is null ? "Entry.NotSavedErrors" : "Entry.NotSubmittedErrors", _rows.Values.Count(r => r.Error is not null)),
                StatusCodes.Status422UnprocessableEntity, SubmitSet?.Id);
        }

        if (result.Submit is { Ok: false } refused)
        {
            // The submission was refused (e.g. values still missing): nothing was stored, and what was typed stays on the page.
            return Page(c, f.Format("Entry.NotSubmitted", refused.Error), StatusCodes.Status422UnprocessableEntity, SubmitSet!.Id);
        }

        switch (result.Outcome)
        {
            case SaveOutcome.Saved when result.Submit is { Ok: true } submitted:
                c.TempData["EntryMessage"] = f.Format(result.Changed == 0 ? "Entry.Submitted" : "Entry.SavedAndSubmitted", result.Changed, f.Status(submitted.Status));
                c.TempData["EntryMessageSet"] = SubmitSet!.Id;
                return c.Redirect(_model.EntryPath + $"#set-{SubmitSet.Id}-result");
            case SaveOutcome.Saved:
                c.TempData["EntryMessage"] = result.Changed == 0 ? f["Entry.NothingChanged"] : f.Format("Entry.Saved", result.Changed);
                return c.Redirect(_model.EntryPath);
            case SaveOutcome.Conflict:
                foreach (var conflict in result.Conflicts)
                {
                    var row = _rows[conflict.RowId];
                    row.Version = conflict.CurrentVersion;
                    row.ConflictText = f.Format("Entry.ConflictBy", conflict.By ?? f["Entry.SomeoneElse"],
                        conflict.AtUtc is { } at ? f.DateTime(at.ToLocalTime()) : "", f.Value(conflict.CurrentValue, row.ValueType, row.Unit));
                }

                _model.HasConflicts = true;
                return Page(c, f["Entry.NotSavedConflict"], StatusCodes.Status409Conflict, null);
            default:
                return Page(c, result.Message, StatusCodes.Status409Conflict, null);
        }
    }

    /// <summary>The form again with a message; <paramref name="setId"/> puts it beside that set's buttons.</summary>
    public IActionResult Page(Controller c, string? message, int status, int? setId, bool isError = true)
    {
        _model.Message = message;
        _model.MessageIsError = isError;
        _model.MessageSetId = setId;
        c.Response.StatusCode = status;
        return c.View("Form", _model);
    }

    private void KeepInput()
    {
        foreach (var cell in _posted)
        {
            // Keep what the person typed, so an error never loses their input.
            var row = _rows[cell.IndicatorId];
            (row.Raw, row.Note, row.Version) = (cell.Raw, cell.Note, cell.Version);
        }
    }

    /// <summary>The first error already on one of this row's fields (invalid text removed by the request guard, a version that did not bind).</summary>
    private static string? FieldError(ModelStateDictionary state, EntryRow row) =>
        state.FindKeysWithPrefix($"Cells[{row.Index}]").SelectMany(e => e.Value.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
}
