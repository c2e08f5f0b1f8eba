using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Periods;

/// <summary>What an admin's change to a period came to: the period (null when the code names none) or a refusal (a resource key).</summary>
public sealed record PeriodChange(ReportingPeriod? Period, string? Error)
{
    public bool Ok => Period is not null && Error is null;
}

/// <summary>
/// Admins open periods, set deadlines and lock or unlock them: one save per change with its audit entry, so the
/// change and its trace are written together or not at all.
/// </summary>
public sealed class PeriodAdministration(ProgramTrackerDbContext db)
{
    /// <summary>The refusals this service gives, as keys of the shared resource (Text.resx): the caller shows them in the reader's language.</summary>
    public static class Messages
    {
        public const string Exists = "AdminPeriods.Exists";
        public const string BadCode = "AdminPeriods.BadCode";
    }

    /// <summary>Opens the period named by <paramref name="code"/> (2024-Q1 or 2024), refusing one that exists.</summary>
    public async Task<PeriodChange> OpenAsync(string code, DateOnly? deadline, CancellationToken ct = default)
    {
        if (!PeriodCode.TryParse(code, out var year, out var quarter))
        {
            return new PeriodChange(null, Messages.BadCode);
        }

        if (await db.Periods.AnyAsync(p => p.Year == year && p.Quarter == quarter, ct))
        {
            return new PeriodChange(null, Messages.Exists);
        }

        var period = db.Periods.Add(new ReportingPeriod { Year = year, Quarter = quarter, Deadline = deadline }).Entity;
        Audit(period, $"Mở kỳ {period.Code}" + (deadline is { } d ? $", hạn {d:dd/MM/yyyy}" : ""));
        await db.SaveChangesAsync(ct);
        return new PeriodChange(period, null);
    }

    public async Task<PeriodChange> SetLockedAsync(string code, bool locked, CancellationToken ct = default)
    {
        if (await FindAsync(code, ct) is not { } period)
        {
            return new PeriodChange(null, null);
        }

        period.IsLocked = locked;
        Audit(period, locked ? "Khóa kỳ" : "Mở khóa kỳ");
        await db.SaveChangesAsync(ct);
        return new PeriodChange(period, null);
    }

    public async Task<PeriodChange> SetDeadlineAsync(string code, DateOnly? deadline, CancellationToken ct = default)
    {
        if (await FindAsync(code, ct) is not { } period)
        {
            return new PeriodChange(null, null);
        }

        period.Deadline = deadline;
        Audit(period, deadline is { } d ? $"Đặt hạn nộp {d:dd/MM/yyyy}" : "Bỏ hạn nộp");
        await db.SaveChangesAsync(ct);
        return new PeriodChange(period, null);
    }

    /// <summary>Every period, newest first (the admin list).</summary>
    public Task<List<ReportingPeriod>> ListAsync(CancellationToken ct = default) =>
        db.Periods.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ToListAsync(ct);

    /// <summary>The notes above are stored audit data: Vietnamese whatever the admin's language, as every stored note (docs/localization.md).</summary>
    private void Audit(ReportingPeriod period, string note) => db.AuditEntries.Add(new AuditEntry
    {
        Action = AuditAction.PeriodChanged, Period = period, Note = note,
    });

    private async Task<ReportingPeriod?> FindAsync(string code, CancellationToken ct) =>
        PeriodCode.TryParse(code, out var year, out var quarter)
            ? await db.Periods.FirstOrDefaultAsync(p => p.Year == year && p.Quarter == quarter, ct)
            : null;
}
