using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.Admin;

namespace ProgramTracker.Web.Controllers;

/// <summary>Admins open periods, set deadlines and lock or unlock them; every change is audited.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("/admin/periods")]
public sealed class AdminPeriodsController(ProgramTrackerDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new PeriodsPage(await PeriodsAsync(ct), new PeriodForm()));

    [HttpPost("")]
    public async Task<IActionResult> Create(PeriodForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && PeriodCode.TryParse(form.Code, out var year, out var quarter))
        {
            if (await db.Periods.AnyAsync(p => p.Year == year && p.Quarter == quarter, ct))
            {
                ModelState.AddModelError(nameof(form.Code), "Kỳ này đã có.");
            }
            else
            {
                var period = new ReportingPeriod { Year = year, Quarter = quarter, Deadline = form.Deadline };
                db.Periods.Add(period);
                Audit(period, $"Mở kỳ {period.Code}" + (form.Deadline is { } d ? $", hạn {d:dd/MM/yyyy}" : ""));
                await db.SaveChangesAsync(ct);
                TempData["AdminMessage"] = $"Đã mở {period.Label}.";
                return Redirect("/admin/periods");
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", new PeriodsPage(await PeriodsAsync(ct), form));
    }

    [HttpPost("{code}/lock")]
    public Task<IActionResult> Lock(string code, CancellationToken ct) => SetLocked(code, true, ct);

    [HttpPost("{code}/unlock")]
    public Task<IActionResult> Unlock(string code, CancellationToken ct) => SetLocked(code, false, ct);

    [HttpPost("{code}/deadline")]
    public async Task<IActionResult> Deadline(string code, DateOnly? deadline, CancellationToken ct)
    {
        var period = await FindAsync(code, ct);
        if (period is null)
        {
            return NotFound();
        }

        period.Deadline = deadline;
        Audit(period, deadline is { } d ? $"Đặt hạn nộp {d:dd/MM/yyyy}" : "Bỏ hạn nộp");
        await db.SaveChangesAsync(ct);
        TempData["AdminMessage"] = $"Đã cập nhật hạn nộp {period.Label}.";
        return Redirect("/admin/periods");
    }

    private async Task<IActionResult> SetLocked(string code, bool locked, CancellationToken ct)
    {
        var period = await FindAsync(code, ct);
        if (period is null)
        {
            return NotFound();
        }

        period.IsLocked = locked;
        Audit(period, locked ? "Khóa kỳ" : "Mở khóa kỳ");
        await db.SaveChangesAsync(ct);
        TempData["AdminMessage"] = $"{period.Label}: {(locked ? "đã khóa" : "đã mở khóa")}.";
        return Redirect("/admin/periods");
    }

    private void Audit(ReportingPeriod period, string note) => db.AuditEntries.Add(new AuditEntry
    {
        AtUtc = clock.GetUtcNow().UtcDateTime, UserName = User.Identity?.Name ?? "?", Action = AuditAction.PeriodChanged, Period = period, Note = note,
    });

    private async Task<ReportingPeriod?> FindAsync(string code, CancellationToken ct) =>
        PeriodCode.TryParse(code, out var year, out var quarter)
            ? await db.Periods.FirstOrDefaultAsync(p => p.Year == year && p.Quarter == quarter, ct)
            : null;

    private Task<List<ReportingPeriod>> PeriodsAsync(CancellationToken ct) =>
        db.Periods.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ToListAsync(ct);
}
