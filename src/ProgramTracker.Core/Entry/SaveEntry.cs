using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Validation;
using ProgramTracker.Core.Workflow;

namespace ProgramTracker.Core.Entry;

/// <summary>The raw cells of one unit in a save.</summary>
public sealed record RawUnitCells(int UnitId, IReadOnlyList<RawCell> Cells);

/// <summary>
/// A save of entry cells as a door received them (entry form, workbook, API): one period, one or several units,
/// the audit note's <see cref="Source"/> ("nhập từ Excel: tệp.xlsx", "qua API: tên mã"), and for "Lưu và gửi duyệt"
/// the set to submit in the same transaction (<see cref="SubmitSetId"/>, one unit only).
/// </summary>
public sealed record EntrySave(int PeriodId, IReadOnlyList<RawUnitCells> Units)
{
    public string? Source { get; init; }

    public int? SubmitSetId { get; init; }

    /// <summary>Cells a door refused before they got here (the request guard removed invalid text from a form field): the save is refused with them.</summary>
    public IReadOnlyList<CellRefusal> AlreadyRefused { get; init; } = [];

    public static EntrySave Of(int unitId, int periodId, IReadOnlyList<RawCell> cells) => new(periodId, [new RawUnitCells(unitId, cells)]);
}

/// <summary>A cell refused by its content: which one, why, and the message in the reader's language.</summary>
public sealed record CellRefusal(int UnitId, int IndicatorId, CellFault Fault, string Message);

/// <summary>
/// How a save ended: <see cref="SaveOutcome.Saved"/> (with <see cref="Changed"/> cells), <see cref="SaveOutcome.Invalid"/>
/// (the <see cref="Invalid"/> cells), <see cref="SaveOutcome.Conflict"/> (the <see cref="Conflicts"/>), or
/// <see cref="SaveOutcome.Refused"/> (the period closed, a set submitted or approved: <see cref="Message"/>). A refused
/// submission (<see cref="Submit"/> not ok) stored nothing either.
/// </summary>
public sealed record EntrySaveResult(SaveOutcome Outcome, int Changed, IReadOnlyList<CellRefusal> Invalid, IReadOnlyList<CellConflict> Conflicts, string? Message)
{
    public WorkflowResult? Submit { get; init; }

    /// <summary>Soft rules broken by the saved values (issue 25): shown beside their cells; the save went through.</summary>
    public IReadOnlyList<Validation.CellWarning> Warnings { get; init; } = [];

    public static EntrySaveResult Of(SaveResult saved) => new(saved.Outcome, saved.Changed, [], saved.Conflicts, saved.Message);
}

/// <summary>
/// The one save of entry cells, for every door: reads each cell by the one parser and the one set of limits
/// (<see cref="CellRules"/>), refuses the whole save when a cell is invalid, then writes through
/// <see cref="EntryService"/> (closed period, submitted or approved set, version conflict, audit, summaries) in one
/// transaction, with the submission when asked.
/// </summary>
public sealed class SaveEntry(ProgramTrackerDbContext db, EntryService entry, WorkflowService workflow, ValueChecks checks)
{
    /// <param name="f">The language of the messages, and the number rule of <see cref="ValueNotation.Typed"/> cells.</param>
    public async Task<EntrySaveResult> SaveAsync(EntrySave save, Formats f, CancellationToken ct = default)
    {
        var ids = save.Units.SelectMany(u => u.Cells).Select(c => c.IndicatorId).Distinct().ToList();
        var kinds = await checks.KindsAsync(ids, ct);
        var types = kinds.ToDictionary(k => k.Key, k => k.Value.ValueType);
        if (types.Count != ids.Count)
        {
            return EntrySaveResult.Of(SaveResult.Refused(f["Entry.IndicatorGone"]));
        }

        var invalid = new List<CellRefusal>(save.AlreadyRefused);
        var units = new List<UnitCells>();
        // The number behind a value its type refused (120 as a rate): the catalogue's hard rule then gives its own text.
        var outOfType = new List<(int UnitId, IReadOnlyList<CheckedCell> Cells)>();
        foreach (var unit in save.Units)
        {
            var cells = new List<CellInput>();
            var numbers = new List<CheckedCell>();
            foreach (var cell in unit.Cells)
            {
                var read = CellRules.Read(types[cell.IndicatorId], cell.Value, cell.Notation, cell.Note, f);
                if (read.Ok)
                {
                    cells.Add(new CellInput(cell.IndicatorId, read.Value, read.Note, cell.Version));
                }
                else
                {
                    invalid.Add(new CellRefusal(unit.UnitId, cell.IndicatorId, read.Fault!.Value, read.Error!));
                    if (read.Fault == CellFault.Value && CellRules.Read(ValueKind.Number, cell.Value, cell.Notation, null, f) is { Ok: true, Value: { } number })
                    {
                        numbers.Add(new CheckedCell(cell.IndicatorId, number));
                    }
                }
            }

            units.Add(new UnitCells(unit.UnitId, cells));
            outOfType.Add((unit.UnitId, numbers));
        }

        var parsed = units.Select(u => (u.UnitId, (IReadOnlyList<CheckedCell>)u.Cells.Select(c => new CheckedCell(c.IndicatorId, c.Value, c.Note)).ToList())).ToList();
        if (outOfType.Any(u => u.Cells.Count > 0))
        {
            // The rule's text replaces the type's own message for the same cell.
            foreach (var byRule in await checks.RefuseAsync(save.PeriodId, outOfType, f, ct))
            {
                var i = invalid.FindIndex(r => r.UnitId == byRule.UnitId && r.IndicatorId == byRule.IndicatorId);
                invalid[i] = invalid[i] with { Message = byRule.Message };
            }
        }

        if (invalid.Count == 0)
        {
            invalid.AddRange(await checks.RefuseAsync(save.PeriodId, parsed, f, ct));
        }

        if (invalid.Count > 0)
        {
            return new EntrySaveResult(SaveOutcome.Invalid, 0, invalid, [], null);
        }

        if (save.SubmitSetId is not { } setId)
        {
            // The flags are written in the save's own transaction: a value is never stored without its flags (issue 25).
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var result = EntrySaveResult.Of(await entry.SaveManyAsync(save.PeriodId, units, save.Source, ct));
            if (result.Outcome != SaveOutcome.Saved)
            {
                // A lost race has already rolled the transaction back (EntryService); anything else is rolled back here.
                if (tx is not null && db.Database.CurrentTransaction is not null)
                {
                    await tx.RollbackAsync(ct);
                }

                return result;
            }

            var warnings = await checks.FlagAsync(save.PeriodId, parsed, f, ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }

            return result with { Warnings = warnings };
        }

        // A submission with a warned value asks for a note on it (the cell's note), before anything is stored.
        var unnoted = (await checks.WarnAsync(save.PeriodId, parsed, f, ct))
            .Where(w => kinds[w.IndicatorId].CriteriaSetId == setId && parsed.Single().Item2.First(c => c.IndicatorId == w.IndicatorId).Note is null)
            .DistinctBy(w => w.IndicatorId)
            .Select(w => new CellRefusal(w.UnitId, w.IndicatorId, CellFault.Value, f.Format("Trust.NoteNeeded", w.Message)))
            .ToList();
        if (unnoted.Count > 0)
        {
            return new EntrySaveResult(SaveOutcome.Invalid, 0, unnoted, [], null);
        }

        var (saved, submitted) = await entry.SaveAndSubmitAsync(units.Single().UnitId, save.PeriodId, units.Single().Cells, setId, workflow, ct);
        var outcome = EntrySaveResult.Of(saved) with { Submit = submitted };
        return saved.Outcome == SaveOutcome.Saved ? outcome with { Warnings = await checks.FlagAsync(save.PeriodId, parsed, f, ct) } : outcome;
    }
}
