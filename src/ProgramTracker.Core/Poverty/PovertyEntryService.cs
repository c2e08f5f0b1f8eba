using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Validation;

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

    /// <summary>
    /// The rows that break a hard rule of the catalogue over the poverty counts (issue 25: "hộ nghèo ≤ tổng số hộ", "hộ nghèo +
    /// hộ cận nghèo ≤ tổng số hộ", seeded by <see cref="RuleSeed"/>, versioned like every rule), with the first broken rule's
    /// message in <paramref name="f"/>'s language. A rule that reads an empty count is neither met nor broken.
    /// </summary>
    public async Task<Dictionary<int, string>> RefuseAsync(int periodId, IEnumerable<PovertyInput> rows, Formats f, CancellationToken ct = default)
    {
        var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == periodId, ct);
        var all = await db.ValidationRules.AsNoTracking().Where(r => r.Kind == RuleKind.Expression).ToListAsync(ct);
        var rules = ValueChecks.InForce(all, period.Year, period.Quarter ?? 4)
            .Where(r => r.Severity == RuleSeverity.Hard)
            .Select(r => (Rule: r, RuleExpression.Parse(r.Expression, RuleFigures.Poverty.Contains).Expression))
            .Where(x => x.Expression is not null)
            .ToList();
        var refused = new Dictionary<int, string>();
        foreach (var row in rows)
        {
            decimal? ValueOf(string code) => code switch
            {
                RuleFigures.Households => row.Households,
                RuleFigures.Poor => row.Poor,
                _ => row.NearPoor,
            };

            if (rules.FirstOrDefault(x => x.Expression!.Holds(ValueOf) == false).Rule is { } broken)
            {
                refused[row.UnitId] = broken.MessageIn(f.IsEnglish);
            }
        }

        return refused;
    }

    public async Task<SaveResult> SaveAsync(int periodId, int standardId, IReadOnlyCollection<PovertyInput> rows, CancellationToken ct = default)
    {
        var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == periodId, ct);
        if (period.IsLocked)
        {
            return SaveResult.Refused(Formats.Current.Format("Entry.LockedNoChange", period.Label));
        }

        // Every door refuses what a hard rule refuses, nothing of the table saved (the form shows each row's rule beside it first).
        if ((await RefuseAsync(periodId, rows, Formats.Current, ct)).Values.FirstOrDefault() is { } ruleBroken)
        {
            return SaveResult.Refused(ruleBroken);
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
