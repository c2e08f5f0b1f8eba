using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Catalogue;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.Admin;

namespace ProgramTracker.Web.Controllers;

/// <summary>
/// Admins complete the catalogue: a set's declared totals are often known before its indicators are, so
/// indicators (and thresholds, once known) are added here. The set comes from the address, never from the form;
/// every change goes through <see cref="CatalogueService"/> (versioned, audited, summaries rebuilt).
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class AdminCatalogueController(ProgramTrackerDbContext db, CatalogueService catalogue) : Controller
{
    [HttpGet("/admin/criteria-sets/{setCode}/indicators/new")]
    public async Task<IActionResult> New([FromRoute] string setCode, CancellationToken ct) =>
        await PageAsync(setCode, new IndicatorForm(), ct) is { } page ? View("Indicator", page) : NotFound();

    [HttpGet("/admin/indicators/{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken ct)
    {
        var i = await db.Indicators.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Code, x.Name, x.Unit, x.ValueType, x.Note, x.CriterionId, SetId = x.Criterion.CriteriaSetId, SetCode = x.Criterion.CriteriaSet.Code })
            .FirstOrDefaultAsync(ct);
        if (i is null)
        {
            return NotFound();
        }

        var book = await RuleBook.LoadAsync(db, [i.SetId], [], ct);
        var versions = book.Versions(i.SetId);
        var latest = versions.Count == 0 ? null : versions[^1];
        var rules = latest is null ? [] : book.ZoneRules(latest.Id, i.Id);
        var common = rules.FirstOrDefault(r => r.Zone == Zones.Common);
        var form = new IndicatorForm
        {
            Id = id, CriterionId = i.CriterionId, Code = i.Code, Name = i.Name, Unit = i.Unit, ValueType = i.ValueType, Note = i.Note,
            Comparator = common?.Comparator ?? Comparator.AtLeast, Threshold = common?.Value is { } t ? Formats.Current.Number(t) : null, ThresholdText = common?.Text,
            Zones = rules.Where(r => r.Zone != Zones.Common).ToDictionary(r => r.Zone, r => r.Value is { } v ? Formats.Current.Number(v) : null),
        };
        return View("Indicator", (await PageAsync(i.SetCode, form, ct))!);
    }

    [HttpPost("/admin/criteria-sets/{setCode}/indicators")]
    public async Task<IActionResult> Save([FromRoute] string setCode, IndicatorForm form, CancellationToken ct)
    {
        var page = await PageAsync(setCode, form, ct);
        if (page is null)
        {
            return NotFound();
        }

        var thresholds = new Dictionary<string, ThresholdInput>();
        var common = ParseThreshold(nameof(form.Threshold), form.Threshold);
        thresholds[Zones.Common] = new ThresholdInput(common, string.IsNullOrWhiteSpace(form.ThresholdText) ? null : form.ThresholdText.Trim());
        foreach (var (zone, _) in page.ZoneChoices)
        {
            if (form.Zones.TryGetValue(zone, out var raw) && ParseThreshold($"Zones[{zone}]", raw) is { } value)
            {
                thresholds[zone] = new ThresholdInput(value);
            }
        }

        var criterion = form.CriterionId is { } cid ? page.Criteria.FirstOrDefault(c => c.Id == cid) : default;
        if (form.CriterionId is not null && criterion == default)
        {
            ModelState.AddModelError(nameof(form.CriterionId), "Tiêu chí không thuộc bộ này.");
        }

        DateOnly? from = null;
        if (!string.IsNullOrWhiteSpace(form.EffectiveFrom))
        {
            if (PeriodCode.TryParse(form.EffectiveFrom, out var year, out var quarter))
            {
                from = PeriodCode.StartsOn(year, quarter);
            }
            else
            {
                ModelState.AddModelError(nameof(form.EffectiveFrom), "Kỳ áp dụng có dạng 2026-Q1, hoặc để trống để áp dụng từ đầu.");
            }
        }

        if (form.Id is { } id)
        {
            var belongs = await db.Indicators.AnyAsync(i => i.Id == id && i.Criterion.CriteriaSet.Code == setCode, ct);
            var sameCode = await db.Indicators.AnyAsync(i => i.Id == id && i.Code == form.Code, ct);
            if (!belongs)
            {
                return NotFound();
            }

            if (!sameCode)
            {
                ModelState.AddModelError(nameof(form.Code), "Không đổi mã của chỉ tiêu đã có (số liệu đã nhập gắn với mã này); thêm chỉ tiêu mới nếu cần.");
            }
        }
        else if (form.Code is not null && await db.Indicators.AnyAsync(i => i.Code == form.Code, ct))
        {
            ModelState.AddModelError(nameof(form.Code), "Mã này đã dùng cho chỉ tiêu khác.");
        }

        if (ModelState.IsValid)
        {
            var number = page.Numbers[criterion.Id];
            var definition = new IndicatorDefinition(form.Code!, number, form.Name!, form.Unit, form.ValueType!.Value, form.Comparator!.Value, thresholds, form.Note);
            var result = await catalogue.ApplyAsync(setCode, [definition], from, User.Identity?.Name ?? "?", "Biểu mẫu quản trị", ct);
            if (result.Ok)
            {
                TempData["CatalogueMessage"] = result.HasChanges
                    ? $"Đã lưu chỉ tiêu {form.Code} (phiên bản {result.VersionNumber})."
                    : "Không có thay đổi nào.";
                return Redirect($"/criteria-sets/{setCode}");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Indicator", page);
    }

    private decimal? ParseThreshold(string field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (Formats.Current.TryParseNumber(raw, out var t))
        {
            return t;
        }

        ModelState.AddModelError(field, "Ngưỡng phải là số (ví dụ 14,5), hoặc để trống nếu chưa biết.");
        return null;
    }

    private async Task<IndicatorFormPage?> PageAsync(string setCode, IndicatorForm form, CancellationToken ct)
    {
        var set = await db.CriteriaSets.AsNoTracking().Where(s => s.Code == setCode)
            .Select(s => new
            {
                s.Code, s.Name, s.DeclaredIndicators, s.ThresholdScheme,
                Defined = s.Criteria.SelectMany(c => c.Indicators).Count(),
                Criteria = s.Criteria.OrderBy(c => c.Number).Select(c => new { c.Id, c.Number, c.Name }).ToList(),
                Versions = s.Versions.OrderBy(v => v.Number).Select(v => new { v.Number, v.EffectiveFrom }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return set is null
            ? null
            : new IndicatorFormPage(set.Code, set.Name, set.DeclaredIndicators, set.Defined,
                set.Criteria.Select(c => (c.Id, $"{c.Number}. {c.Name}")).ToList(), form)
            {
                Numbers = set.Criteria.ToDictionary(c => c.Id, c => c.Number),
                ZoneChoices = Zones.Of(set.ThresholdScheme),
                Versions = set.Versions.Select(v => $"Phiên bản {v.Number}: từ {(v.EffectiveFrom is { } f ? f.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "đầu")}").ToList(),
            };
    }
}
