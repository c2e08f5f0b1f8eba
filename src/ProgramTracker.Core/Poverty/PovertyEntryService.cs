using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Core.Poverty;

/// <summary>Household counts of one unit, as posted, with the version the person saw.</summary>
public sealed record PovertyInput(int UnitId, int? Households, int? Poor, int? NearPoor, int ExpectedVersion);

/// <summary>
/// Saves poverty counts of many units for one period and standard in one transaction, audited,
/// refusing locked periods and turning concurrent edits into conflicts (same rules as indicator entry).
/// </summary>
public sealed class PovertyEntryService(ProgramTrackerDbContext db, TimeProvider clock)
{
    /// <summary>Checks one row: counts are non-negative and the poor and near-poor fit in the total; the message in <paramref name="f"/>'s language.</summary>
    public static string? Validate(int? households, int? poor, int? nearPoor, Formats f)
    {
        if (households is < 0 || poor is < 0 || nearPoor is < 0)
        {
            return f["Poverty.Negative"];
        }

        if ((poor is not null || nearPoor is not null) && households is null or 0)
        {
            return f["Poverty.NeedHouseholds"];
        }

        return (poor ?? 0) + (nearPoor ?? 0) > households ? f["Poverty.TooMany"] : null;
    }

    public async Task<SaveResult> SaveAsync(int periodId, int standardId, IReadOnlyCollection<PovertyInput> rows, CancellationToken ct = default)
    {
        var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == periodId, ct);
        if (period.IsLocked)
        {
            return SaveResult.Refused(Formats.Current.Format("Entry.LockedNoChange", period.Label));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = rows.Select(r => r.UnitId).ToList();
        var existing = await db.PovertyRecords.Where(p => p.PeriodId == periodId && p.StandardId == standardId && ids.Contains(p.UnitId))
            .ToDictionaryAsync(p => p.UnitId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        var conflicts = new List<CellConflict>();
        foreach (var row in rows)
        {
            existing.TryGetValue(row.UnitId, out var record);
            if (record is null ? row is { Households: null, Poor: null, NearPoor: null }
                : record.HouseholdsTotal == row.Households && record.PoorHouseholds == row.Poor && record.NearPoorHouseholds == row.NearPoor)
            {
                continue;
            }

            if ((record?.Version ?? 0) != row.ExpectedVersion)
            {
                conflicts.Add(new CellConflict(row.UnitId, record?.PoorHouseholds, $"{record?.PoorHouseholds}/{record?.NearPoorHouseholds}/{record?.HouseholdsTotal}", record?.Version ?? 0, record?.UpdatedBy, record?.UpdatedAtUtc));
                continue;
            }

            record ??= db.PovertyRecords.Add(new PovertyRecord { UnitId = row.UnitId, PeriodId = periodId, StandardId = standardId }).Entity;
            db.AuditEntries.Add(new AuditEntry
            {
                Action = AuditAction.PovertyChanged, UnitId = row.UnitId, PeriodId = periodId,
                OldValue = Counts(existing.GetValueOrDefault(row.UnitId)), NewValue = $"{row.Poor}/{row.NearPoor}/{row.Households}",
                Note = "Hộ nghèo/cận nghèo/tổng số hộ", // stored audit note: Vietnamese, as every stored note (docs/localization.md)
            });
            record.HouseholdsTotal = row.Households;
            record.PoorHouseholds = row.Poor;
            record.NearPoorHouseholds = row.NearPoor;
            record.Version++;
            changed++;
        }

        return await SaveResult.CommitAsync(db, tx, changed, conflicts, Formats.Current["Poverty.ConflictReload"], ct);
    }

    private static string? Counts(PovertyRecord? r) =>
        r is null || (r.PoorHouseholds is null && r.NearPoorHouseholds is null && r.HouseholdsTotal is null) ? null : $"{r.PoorHouseholds}/{r.NearPoorHouseholds}/{r.HouseholdsTotal}";
}
