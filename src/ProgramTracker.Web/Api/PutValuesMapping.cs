using System.Globalization;
using System.Text.Json;
using ProgramTracker.Core.Entry;
using ProgramTracker.Web.Models.Entry;

namespace ProgramTracker.Web.Api;

/// <summary>
/// The API's door to the one save (<see cref="SaveEntry"/>): maps a PUT body to raw cells (a JSON number as its exact
/// text, "raw" as typed the Vietnamese way) and the result to 200, a 422 listing each refused cell by the key it was sent
/// with, or a 409. What only JSON can get wrong (an unknown indicator, value and raw together, a string for a number, an
/// indicator sent twice) is refused here, in the same 422, and nothing is saved.
/// </summary>
public sealed class PutValuesMapping
{
    private readonly List<(string Key, int IndicatorId, string? Error)> _sent = [];
    private readonly EntrySave _save;

    public PutValuesMapping(int unitId, int periodId, EntrySet set, PutValuesRequest request, string source, Formats f)
    {
        var rows = set.Criteria.SelectMany(c => c.Rows).ToList();
        var cells = new List<RawCell>();
        foreach (var posted in request.Values)
        {
            var key = posted.Indicator?.Trim() ?? "";
            var row = rows.FirstOrDefault(r => r.Code == key || r.IndicatorId.ToString(CultureInfo.InvariantCulture) == key);
            var value = posted.Value is { ValueKind: not JsonValueKind.Null } v ? v : (JsonElement?)null;
            var error = row is null ? f["Api.IndicatorNotInSet"]
                : posted.Raw is not null && value is not null ? f["Api.ValueAndRaw"]
                : value is { ValueKind: not JsonValueKind.Number } ? f["Api.ValueNotNumber"]
                : _sent.Any(s => s.IndicatorId == row.IndicatorId && s.Error is null) ? f["Api.SentTwice"]
                : null;
            _sent.Add((key, row?.IndicatorId ?? 0, error));
            if (error is null)
            {
                cells.Add(value is { } number
                    ? new RawCell(row!.IndicatorId, number.GetRawText(), posted.Note, posted.Version, ValueNotation.Number)
                    : new RawCell(row!.IndicatorId, posted.Raw, posted.Note, posted.Version, ValueNotation.Vietnamese));
            }
        }

        var refused = _sent.Where(s => s.Error is not null).Select(s => new CellRefusal(unitId, s.IndicatorId, CellFault.Value, s.Error!)).ToList();
        _save = EntrySave.Of(unitId, periodId, cells) with { Source = source, AlreadyRefused = refused };
    }

    public EntrySave Save => _save;

    /// <summary>The result as the API answers it: 200 with the current values, 422 with each refused cell, 409 with the conflicts and the current values, or 409 saying why.</summary>
    public ActionResult<PutValuesResult> Answer(EntrySaveResult result, FormValuesDto? current, Formats f)
    {
        if (result.Outcome == SaveOutcome.Saved)
        {
            return new PutValuesResult(result.Changed, current!);
        }

        if (result.Outcome == SaveOutcome.Invalid)
        {
            // The use case lists the refusals it was given first, then those of the cells it read.
            var read = result.Invalid.Skip(_save.AlreadyRefused.Count).ToList();
            var errors = _sent.Select(s => new CellErrorDto(s.Key, s.Error ?? read.FirstOrDefault(r => r.IndicatorId == s.IndicatorId)?.Message!))
                .Where(e => e.Error is not null).ToList();
            return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, f.Format("Api.NotSavedErrors", errors.Count), f["Api.NotSavedErrorsDetail"], new { Errors = errors });
        }

        return result.Outcome == SaveOutcome.Conflict
            ? ApiProblems.Result(StatusCodes.Status409Conflict, f["Api.NotSavedConflict"], f["Api.NotSavedConflictDetail"],
                new { Conflicts = result.Conflicts.Select(c => new ConflictDto(c.RowId, c.CurrentValue, c.CurrentNote, c.CurrentVersion, c.By, c.AtUtc)).ToList(), Current = current })
            : ApiProblems.Result(StatusCodes.Status409Conflict, result.Message ?? f["Api.NotSaved"], f["Api.NotSavedLockedDetail"]);
    }
}
