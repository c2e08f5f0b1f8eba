using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Entry;

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
    public async Task<SaveResult> SaveTargetsAsync(int unitId, int year, IReadOnlyCollection<TargetInput> rows, string userName, CancellationToken ct = default)
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
                AtUtc = now, UserName = userName, Action = AuditAction.TargetChanged, UnitId = unitId, IndicatorId = row.IndicatorId,
                OldValue = target is null ? null : $"{target.Comparator} {EntryService.Format(target.Value)}",
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
            target.UpdatedBy = userName;
            target.UpdatedAtUtc = now;
            target.Version++;
        }

        return await SaveResult.CommitAsync(db, tx, changed, conflicts, "Người khác vừa lưu mục tiêu này. Tải lại trang để xem số mới.", ct);
    }

    public async Task<SaveResult> AddCapitalAsync(int periodId, CapitalInput input, string userName, CancellationToken ct = default)
    {
        var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == periodId, ct);
        if (period.IsLocked)
        {
            return SaveResult.Refused($"{period.Label} đã khóa: không thể thêm số liệu vốn.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var figure = db.CapitalFigures.Add(new CapitalFigure
        {
            ProgrammeId = input.ProgrammeId, ProjectId = input.ProjectId, UnitId = input.UnitId, PeriodId = periodId, Measure = input.Measure,
            Kind = input.Kind, FundingSource = input.FundingSource, AmountVnd = input.AmountVnd, Description = input.Description,
            AsOf = DateOnly.FromDateTime(now),
        }).Entity;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = now, UserName = userName, Action = AuditAction.CapitalChanged, UnitId = input.UnitId, PeriodId = periodId,
            NewValue = $"{input.Measure} {EntryService.Format(input.AmountVnd)}", Note = input.Description,
        });
        await db.SaveChangesAsync(ct);
        return new SaveResult(SaveOutcome.Saved, figure.Id > 0 ? 1 : 0, [], null);
    }
}
