using ProgramTracker.Core.Localization;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Workflow;

namespace ProgramTracker.Core.Entry;

/// <summary>One cell of an entry form as posted: the new value, its note, and the version the person saw.</summary>
public sealed record CellInput(int IndicatorId, decimal? Value, string? Note, int ExpectedVersion);

/// <summary>The cells of one unit in a save of several units (a reviewer's workbook).</summary>
public sealed record UnitCells(int UnitId, IReadOnlyCollection<CellInput> Cells);

/// <summary>
/// Saves a whole entry form in one transaction: every changed cell with an audit entry, or nothing.
/// A cell changed by someone else since the form was opened turns the save into a conflict.
/// </summary>
public sealed class EntryService(ProgramTrackerDbContext db, SummaryUpdater summaries)
{
    public Task<SaveResult> SaveAsync(int unitId, int periodId, IReadOnlyCollection<CellInput> cells, CancellationToken ct = default) =>
        SaveManyAsync(periodId, [new UnitCells(unitId, cells)], source: null, ct);

    /// <summary>
    /// Saves the cells of several units of one period in ONE transaction (a reviewer's multi-unit workbook): every unit or
    /// none. The same rules as one form: locked period, submitted/approved sets, version conflicts, audit, summaries.
    /// <paramref name="source"/> (e.g. "nhập từ Excel: tệp.xlsx") is written into the note of each audit entry.
    /// </summary>
    public async Task<SaveResult> SaveManyAsync(int periodId, IReadOnlyList<UnitCells> units, string? source, CancellationToken ct = default)
    {
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null)
        {
            return SaveResult.Refused(Formats.Current["Entry.NoSuchPeriod"]);
        }

        if (period.IsLocked)
        {
            return SaveResult.Refused(Formats.Current.Format("Entry.LockedNoChange", period.Label));
        }

        var ids = units.SelectMany(u => u.Cells).Select(c => c.IndicatorId).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Criterion.CriteriaSetId, SetName = i.Criterion.CriteriaSet.Name })
            .ToDictionaryAsync(i => i.Id, ct);
        if (indicators.Count != ids.Count)
        {
            return SaveResult.Refused(Formats.Current["Entry.IndicatorGone"]);
        }

        var unitIds = units.Select(u => u.UnitId).Distinct().ToList();
        // PostgreSQL writes the whole save in three set-based statements; other providers go through the change tracker.
        var setBased = db.Database.IsNpgsql();
        // Inside a caller's transaction (save and submit) the caller commits; otherwise this save is its own transaction.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var current = db.IndicatorValues.Where(v => unitIds.Contains(v.UnitId) && v.PeriodId == periodId && ids.Contains(v.IndicatorId));
        var existing = (await (setBased ? current.AsNoTracking() : current).ToListAsync(ct))
            .ToDictionary(v => (v.UnitId, v.IndicatorId));
        var locked = await db.Submissions.AsNoTracking()
            .Where(s => unitIds.Contains(s.UnitId) && s.PeriodId == periodId && (s.Status == SubmissionStatus.Submitted || s.Status == SubmissionStatus.Approved))
            .Select(s => new { s.UnitId, s.CriteriaSetId, s.Status })
            .ToDictionaryAsync(s => (s.UnitId, s.CriteriaSetId), s => s.Status, ct);

        var conflicts = new List<CellConflict>();
        var changed = new List<ChangedCell>();
        foreach (var unit in units)
        {
            foreach (var cell in unit.Cells)
            {
                existing.TryGetValue((unit.UnitId, cell.IndicatorId), out var before);
                var note = string.IsNullOrWhiteSpace(cell.Note) ? null : cell.Note.Trim();
                if (before is null ? cell.Value is null && note is null : before.Value == cell.Value && before.Note == note)
                {
                    continue;
                }

                if ((before?.Version ?? 0) != cell.ExpectedVersion)
                {
                    conflicts.Add(ToConflict(cell.IndicatorId, before));
                    continue;
                }

                if (locked.TryGetValue((unit.UnitId, indicators[cell.IndicatorId].CriteriaSetId), out var status))
                {
                    return SaveResult.Refused(Formats.Current.Format("Entry.SetLockedByStatus", indicators[cell.IndicatorId].SetName, Formats.Current.Status(status)));
                }

                changed.Add(new ChangedCell(unit.UnitId, cell with { Note = note }, before, indicators[cell.IndicatorId].CriteriaSetId));
            }
        }

        if (conflicts.Count > 0)
        {
            return new SaveResult(SaveOutcome.Conflict, 0, conflicts, null);
        }

        var audit = changed.Select(c => new AuditEntry
        {
            Action = AuditAction.ValueChanged, UnitId = c.UnitId, PeriodId = periodId,
            CriteriaSetId = c.CriteriaSetId, IndicatorId = c.Cell.IndicatorId,
            OldValue = Format(c.Before?.Value), NewValue = Format(c.Cell.Value),
            Note = source is null ? c.Cell.Note : c.Cell.Note is null ? source : $"{source} · {c.Cell.Note}",
        }).ToList();

        try
        {
            var written = setBased
                ? await ValueWrites.WriteAsync(db, periodId, changed.Select(c => c.ToWrite()).ToList(), audit, db.Stamp(), ct)
                : await WriteTrackedAsync(periodId, changed, audit, ct);
            if (!written)
            {
                return await RaceAsync();
            }

            await summaries.UpdateManyAsync(periodId,
                changed.GroupBy(c => c.UnitId).ToDictionary(g => g.Key, g => (IReadOnlyCollection<int>)g.Select(c => c.CriteriaSetId).Distinct().ToList()), ct);
            await db.SaveChangesAsync(ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        catch (Exception e) when ((e is DbUpdateException || (setBased && e is System.Data.Common.DbException)) && SaveResult.IsLostRace(e))
        {
            // Someone saved the same cells between our read and our write (version token or unique index). A lost
            // connection is not a race: it goes on to the retry (DatabaseRetry) or the 503 page.
            return await RaceAsync();
        }

        return new SaveResult(SaveOutcome.Saved, changed.Count, [], null);

        async Task<SaveResult> RaceAsync()
        {
            // The failed statement has spoiled the transaction (ours or the caller's): roll it back before reading again.
            await db.Database.RollbackTransactionAsync(ct);
            db.ChangeTracker.Clear();
            var now2 = (await db.IndicatorValues.AsNoTracking()
                    .Where(v => unitIds.Contains(v.UnitId) && v.PeriodId == periodId && ids.Contains(v.IndicatorId))
                    .ToListAsync(ct))
                .ToDictionary(v => (v.UnitId, v.IndicatorId));
            return new SaveResult(SaveOutcome.Conflict, 0,
                changed.Select(c => ToConflict(c.Cell.IndicatorId, now2.GetValueOrDefault((c.UnitId, c.Cell.IndicatorId)))).ToList(), null);
        }
    }

    /// <summary>
    /// "Lưu và gửi duyệt": saves the typed cells and submits one set of the form in ONE transaction. Either the values are
    /// saved and the set is submitted, or nothing is stored (the page keeps what was typed and says why). Without this, a
    /// submit button beside unsaved input would submit the stored values and silently drop the typed ones.
    /// </summary>
    public async Task<(SaveResult Save, WorkflowResult? Submit)> SaveAndSubmitAsync(int unitId, int periodId, IReadOnlyCollection<CellInput> cells,
        int criteriaSetId, WorkflowService workflow, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var saved = await SaveAsync(unitId, periodId, cells, ct);
        if (saved.Outcome != SaveOutcome.Saved)
        {
            await RollbackAsync();
            return (saved, null);
        }

        var submitted = await workflow.ApplyAsync(unitId, criteriaSetId, periodId, WorkflowStep.Submit, comment: null, ct);
        if (!submitted.Ok)
        {
            await RollbackAsync();
            return (saved with { Changed = 0 }, submitted);
        }

        await tx.CommitAsync(ct);
        return (saved, submitted);

        async Task RollbackAsync()
        {
            if (db.Database.CurrentTransaction is not null)
            {
                await tx.RollbackAsync(ct);
            }

            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Other providers (SQLite): the changes through the change tracker, one SaveChanges.</summary>
    private async Task<bool> WriteTrackedAsync(int periodId, List<ChangedCell> changed, List<AuditEntry> audit, CancellationToken ct)
    {
        foreach (var (unitId, cell, before, _) in changed)
        {
            var value = before ?? db.IndicatorValues.Add(new IndicatorValue { UnitId = unitId, PeriodId = periodId, IndicatorId = cell.IndicatorId }).Entity;
            if (value.Value != cell.Value)
            {
                // A changed figure is no longer the cited one: it now comes from this entry.
                value.SourceId = null;
                value.Qualifier = ValueQualifier.None;
                value.AsOf = null;
            }

            value.Value = cell.Value;
            value.Note = cell.Note;
            value.Version = (before?.Version ?? 0) + 1;
        }

        db.AuditEntries.AddRange(audit);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private sealed record ChangedCell(int UnitId, CellInput Cell, IndicatorValue? Before, int CriteriaSetId)
    {
        public ValueWrite ToWrite() => new(UnitId, Cell.IndicatorId, Before?.Id, Before?.Version ?? 0, Cell.Value, Cell.Note,
            KeepsSource: Before is not null && Before.Value == Cell.Value);
    }

    private static CellConflict ToConflict(int indicatorId, IndicatorValue? current) =>
        new(indicatorId, current?.Value, current?.Note, current?.Version ?? 0, current?.UpdatedBy, current?.UpdatedAtUtc);

    /// <summary>Audit values are stored invariant ("14.5"), so they read back exactly; pages format them.</summary>
    public static string? Format(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);
}
