using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Formatting;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.Admin;

namespace ProgramTracker.Web.Controllers;

/// <summary>
/// Admins complete the catalogue: a set's declared totals are often known before its indicators are,
/// so indicators (and thresholds, once known) are added here. Every change is audited.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class AdminCatalogueController(ProgramTrackerDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/admin/criteria-sets/{code}/indicators/new")]
    public async Task<IActionResult> New(string code, CancellationToken ct) =>
        await PageAsync(code, new IndicatorForm(), ct) is { } page ? View("Indicator", page) : NotFound();

    [HttpGet("/admin/indicators/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var i = await db.Indicators.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x, SetCode = x.Criterion.CriteriaSet.Code }).FirstOrDefaultAsync(ct);
        if (i is null)
        {
            return NotFound();
        }

        var form = new IndicatorForm
        {
            Id = id, CriterionId = i.x.CriterionId, Code = i.x.Code, Name = i.x.Name, Unit = i.x.Unit, ValueType = i.x.ValueType,
            Comparator = i.x.Comparator, Threshold = i.x.Threshold is { } t ? Vn.Number(t) : null, Note = i.x.Note,
        };
        return View("Indicator", (await PageAsync(i.SetCode, form, ct))!);
    }

    [HttpPost("/admin/criteria-sets/{code}/indicators")]
    public async Task<IActionResult> Save(string code, IndicatorForm form, CancellationToken ct)
    {
        var page = await PageAsync(code, form, ct);
        if (page is null)
        {
            return NotFound();
        }

        decimal? threshold = null;
        if (!string.IsNullOrWhiteSpace(form.Threshold))
        {
            if (Vn.TryParseNumber(form.Threshold, out var t))
            {
                threshold = t;
            }
            else
            {
                ModelState.AddModelError(nameof(form.Threshold), "Ngưỡng phải là số (ví dụ 14,5), hoặc để trống nếu chưa biết.");
            }
        }

        if (form.CriterionId is { } criterionId && page.Criteria.All(c => c.Id != criterionId))
        {
            ModelState.AddModelError(nameof(form.CriterionId), "Tiêu chí không thuộc bộ này.");
        }

        if (form.Code is not null && await db.Indicators.AnyAsync(i => i.Code == form.Code && i.Id != form.Id, ct))
        {
            ModelState.AddModelError(nameof(form.Code), "Mã này đã dùng cho chỉ tiêu khác.");
        }

        Indicator? indicator = null;
        if (form.Id is { } id)
        {
            indicator = await db.Indicators.Include(i => i.Criterion).FirstOrDefaultAsync(i => i.Id == id, ct);
            if (indicator is null || indicator.Criterion.CriteriaSetId != (await db.CriteriaSets.Where(s => s.Code == code).Select(s => s.Id).FirstAsync(ct)))
            {
                return NotFound();
            }
        }
        else if (page.DeclaredIndicators is { } declared && page.DefinedIndicators >= declared)
        {
            ModelState.AddModelError(string.Empty, $"Bộ này khai báo {declared} chỉ tiêu và đã có đủ {page.DefinedIndicators}: không thêm được.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Indicator", page);
        }

        var isNew = indicator is null;
        indicator ??= db.Indicators.Add(new Indicator { Code = form.Code!, Name = form.Name! }).Entity;
        var before = isNew ? null : $"{indicator.Code}: {indicator.Name} ({indicator.Comparator} {indicator.Threshold})";
        indicator.CriterionId = form.CriterionId!.Value;
        indicator.Code = form.Code!;
        indicator.Name = form.Name!.Trim();
        indicator.Unit = string.IsNullOrWhiteSpace(form.Unit) ? null : form.Unit.Trim();
        indicator.ValueType = form.ValueType!.Value;
        indicator.Comparator = form.Comparator!.Value;
        indicator.Threshold = threshold;
        indicator.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        if (isNew)
        {
            indicator.SortOrder = await db.Indicators.Where(i => i.CriterionId == indicator.CriterionId).CountAsync(ct) + 1;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, UserName = User.Identity?.Name ?? "?", Action = AuditAction.CatalogueChanged,
            Indicator = indicator, OldValue = Clip(before), NewValue = Clip($"{indicator.Code}: {indicator.Name} ({indicator.Comparator} {indicator.Threshold})"),
            Note = isNew ? "Thêm chỉ tiêu" : "Sửa chỉ tiêu",
        });
        await db.SaveChangesAsync(ct);
        return Redirect($"/criteria-sets/{code}");
    }

    private static string? Clip(string? text) => text is { Length: > 200 } ? text[..200] : text;

    private async Task<IndicatorFormPage?> PageAsync(string code, IndicatorForm form, CancellationToken ct)
    {
        var set = await db.CriteriaSets.AsNoTracking().Where(s => s.Code == code)
            .Select(s => new
            {
                s.Code, s.Name, s.DeclaredIndicators,
                Defined = s.Criteria.SelectMany(c => c.Indicators).Count(),
                Criteria = s.Criteria.OrderBy(c => c.Number).Select(c => new { c.Id, c.Number, c.Name }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return set is null
            ? null
            : new IndicatorFormPage(set.Code, set.Name, set.DeclaredIndicators, set.Defined, set.Criteria.Select(c => (c.Id, $"{c.Number}. {c.Name}")).ToList(), form);
    }
}
