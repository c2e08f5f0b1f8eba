using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Core.Planning;

/// <summary>A target as posted: null value clears the target; the version is the one the person saw.</summary>
public sealed record TargetInput(int IndicatorId, Comparator Comparator, decimal? Value, int ExpectedVersion);

/// <summary>A capital figure as entered by district staff.</summary>
public sealed record CapitalInput(int ProgrammeId, int? ProjectId, int UnitId, CapitalMeasure Measure, CapitalKind Kind, string? FundingSource, decimal AmountVnd, string? Description);

/// <summary>
/// District staff keep targets and capital figures: one transaction per save, an audit entry per change,
/// conflicts instead of silent overwrites (targets), locked periods refused (capital).
/// </summary>
public sealed class PlanningService(ProgramTrackerDbContext db, TimeProvider clock)
{
    public async Task<SaveResult> SaveTargetsAsync(int unitId, int year, IReadOnlyCollection<TargetInput> rows, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = rows.Select(r => r.IndicatorId).ToList();
        var existing = await db.Targets.Where(t => t.UnitId == unitId && t.Year == year && ids.Contains(t.IndicatorId)).ToDictionaryAsync(t => t.IndicatorId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (changed, conflicts) = (0, new List<CellConflict>());
        foreach (var row in rows)
        {
            existing.TryGetValue(row.IndicatorId, out var target);
            if (target is null ? row.Value is null : target.Value == row.Value && target.Comparator == row.Comparator)
            {
                continue;
            }

            if ((target?.Version ?? 0) != row.ExpectedVersion)
            {
                conflicts.Add(new CellConflict(row.IndicatorId, target?.Value, null, target?.Version ?? 0, target?.UpdatedBy, target?.UpdatedAtUtc));
                continue;
            }

            db.AuditEntries.Add(new AuditEntry
            {
                Action = AuditAction.TargetChanged, UnitId = unitId, IndicatorId = row.IndicatorId,
                OldValue = target is null ? null : $"{target.Comparator} {EntryService.Format(target.Value)}",
                // Stored audit note: Vietnamese, as every stored note (docs/localization.md).
                NewValue = row.Value is null ? null : $"{row.Comparator} {EntryService.Format(row.Value)}", Note = $"Mục tiêu năm {year}",
            });
            changed++;
            if (row.Value is null)
            {
                db.Targets.Remove(target!);
                continue;
            }

            target ??= db.Targets.Add(new Target { UnitId = unitId, IndicatorId = row.IndicatorId, Year = year }).Entity;
            target.Comparator = row.Comparator;
            target.Value = row.Value.Value;
            target.SourceId = null; // entered here, no longer the cited figure
            target.Version++;
        }

        return await SaveResult.CommitAsync(db, tx, changed, conflicts, Formats.Current["Planning.TargetConflictReload"], ct);
    }

    public async Task<SaveResult> AddCapitalAsync(int periodId, CapitalInput input, CancellationToken ct = default)
    {
        var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == periodId, ct);
        if (period.IsLocked)
        {
            return SaveResult.Refused(Formats.Current.Format("Planning.LockedNoAdd", period.Label));
        }

        // A double click (or the same row typed twice) must not inflate the totals: an identical row is refused.
        if (await SameRowExistsAsync(periodId, input, exceptId: null, ct))
        {
            return SaveResult.Refused(Formats.Current["Planning.DuplicateRow"]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var figure = db.CapitalFigures.Add(new CapitalFigure
        {
            ProgrammeId = input.ProgrammeId, ProjectId = input.ProjectId, UnitId = input.UnitId, PeriodId = periodId, Measure = input.Measure,
            Kind = input.Kind, FundingSource = input.FundingSource, AmountVnd = input.AmountVnd, Description = input.Description,
            AsOf = DateOnly.FromDateTime(now), Version = 1,
        }).Entity;
        db.AuditEntries.Add(new AuditEntry
        {
            Action = AuditAction.CapitalChanged, UnitId = input.UnitId, PeriodId = periodId,
            NewValue = Describe(input.Measure, input.AmountVnd), Note = input.Description,
        });
        await db.SaveChangesAsync(ct);
        return new SaveResult(SaveOutcome.Saved, figure.Id > 0 ? 1 : 0, [], null);
    }

    /// <summary>
    /// Changes a capital row, or deletes it (soft: hidden everywhere, kept for the audit trail) when <paramref name="input"/>
    /// is null. The version is the one the person saw: a row changed since then is a conflict, never overwritten.
    /// </summary>
    public async Task<SaveResult> ChangeCapitalAsync(int figureId, int expectedVersion, CapitalInput? input, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var figure = await db.CapitalFigures.Include(c => c.Period).FirstOrDefaultAsync(c => c.Id == figureId, ct);
        if (figure is null)
        {
            return SaveResult.Refused(Formats.Current["Planning.RowGone"]);
        }

        if (figure.Period.IsLocked)
        {
            return SaveResult.Refused(Formats.Current.Format("Planning.LockedNoChange", figure.Period.Label));
        }

        if (figure.Version != expectedVersion)
        {
            return new SaveResult(SaveOutcome.Conflict, 0, [], Formats.Current.Format("Planning.CapitalConflict", figure.UpdatedBy ?? Formats.Current["Entry.SomeoneElse"], $"{Formats.Current.Measure(figure.Measure)} {Formats.Current.Money(figure.AmountVnd)}"));
        }

        if (input is not null && await SameRowExistsAsync(figure.PeriodId, input, exceptId: figure.Id, ct))
        {
            return SaveResult.Refused(Formats.Current["Planning.WouldDuplicate"]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = Describe(figure.Measure, figure.AmountVnd);
        db.AuditEntries.Add(new AuditEntry
        {
            Action = AuditAction.CapitalChanged, UnitId = input?.UnitId ?? figure.UnitId, PeriodId = figure.PeriodId,
            OldValue = before, NewValue = input is null ? null : Describe(input.Measure, input.AmountVnd),
            // Stored audit note: Vietnamese, as every stored note (docs/localization.md).
            Note = input is null ? $"Xóa dòng vốn{(figure.Description is null ? "" : $": {figure.Description}")}" : $"Sửa dòng vốn{(input.Description is null ? "" : $": {input.Description}")}",
        });
        if (input is null)
        {
            figure.IsDeleted = true;
        }
        else
        {
            if (figure.AmountVnd != input.AmountVnd || figure.Measure != input.Measure || figure.ProgrammeId != input.ProgrammeId || figure.UnitId != input.UnitId)
            {
                // A changed figure is no longer the cited one: it now comes from this entry.
                (figure.SourceId, figure.Qualifier, figure.WorksCount) = (null, ValueQualifier.None, null);
                figure.AsOf = DateOnly.FromDateTime(now);
            }

            (figure.ProgrammeId, figure.ProjectId, figure.UnitId, figure.Measure, figure.Kind) = (input.ProgrammeId, input.ProjectId, input.UnitId, input.Measure, input.Kind);
            (figure.FundingSource, figure.AmountVnd, figure.Description) = (input.FundingSource, input.AmountVnd, input.Description);
        }

        figure.Version++;
        return await SaveResult.CommitAsync(db, tx, 1, [], Formats.Current["Planning.CapitalConflictReload"], ct);
    }

    private Task<bool> SameRowExistsAsync(int periodId, CapitalInput input, int? exceptId, CancellationToken ct) =>
        db.CapitalFigures.AnyAsync(c => c.PeriodId == periodId && c.Id != exceptId && c.ProgrammeId == input.ProgrammeId && c.ProjectId == input.ProjectId
            && c.UnitId == input.UnitId && c.Measure == input.Measure && c.Kind == input.Kind && c.FundingSource == input.FundingSource
            && c.AmountVnd == input.AmountVnd && c.Description == input.Description, ct);

    private static string Describe(CapitalMeasure measure, decimal amount) => $"{measure} {EntryService.Format(amount)}";
}
