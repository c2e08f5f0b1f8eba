using ProgramTracker.Core.Localization;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Poverty;
using ProgramTracker.Web.Infrastructure;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.PovertyEntry;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

/// <summary>District staff enter household counts per commune and standard; rates then derive from the counts.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class PovertyEntryController(ProgramTrackerDbContext db, UnitQueries units, PovertyEntryService service, UnitAccess access) : Controller
{
    [HttpGet("/districts/{slug}/poverty/{period}")]
    public async Task<IActionResult> Show(string slug, string period, string? standard, CancellationToken ct)
    {
        var page = await PageAsync(slug, period, standard, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, page.District.Id, ct))
        {
            return Forbid();
        }

        page.Message = TempData["PovertyMessage"] as string;
        return View("Form", page);
    }

    [HttpPost("/districts/{slug}/poverty/{period}")]
    [Authorize(Policy = Policies.EditData)]
    public async Task<IActionResult> Save(string slug, string period, string? standard, PovertyForm form, CancellationToken ct)
    {
        var page = await PageAsync(slug, period, standard, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (!await access.CanEditAsync(User, page.District.Id, ct))
        {
            return Forbid();
        }

        var rows = page.Rows.ToDictionary(r => r.UnitId);
        var inputs = new List<PovertyInput>();
        foreach (var post in form.Rows)
        {
            if (!rows.TryGetValue(post.UnitId, out var row))
            {
                return Forbid(); // a unit outside this district
            }

            (row.Households, row.Poor, row.NearPoor, row.Version) = (post.Households, post.Poor, post.NearPoor, post.Version);
            var (h, p, n) = (Count(post.Households), Count(post.Poor), Count(post.NearPoor));
            row.Error = h.Error ?? p.Error ?? n.Error ?? PovertyEntryService.Validate(h.Value, p.Value, n.Value);
            if (row.Error is null)
            {
                inputs.Add(new PovertyInput(post.UnitId, h.Value, p.Value, n.Value, post.Version));
            }
        }

        if (page.Rows.Any(r => r.Error is not null))
        {
            page.Message = "Chưa lưu: có dòng sai (đánh dấu đỏ). Sửa rồi lưu lại; số bạn đã nhập vẫn còn.";
            page.IsError = true;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Form", page);
        }

        var standardId = await db.PovertyStandards.Where(s => s.Code == page.StandardCode).Select(s => s.Id).SingleAsync(ct);
        var result = await service.SaveAsync(page.Period.Id, standardId, inputs, User.Identity?.Name ?? "?", ct);
        if (result.Outcome == SaveOutcome.Saved)
        {
            TempData["PovertyMessage"] = $"Đã lưu {result.Changed} dòng.";
            return Redirect(page.Path);
        }

        foreach (var c in result.Conflicts)
        {
            rows[c.IndicatorId].Error = $"{c.By ?? "Người khác"} vừa lưu: {c.CurrentNote} (nghèo/cận nghèo/tổng). Bấm Lưu lần nữa để ghi số của bạn.";
            rows[c.IndicatorId].Version = c.CurrentVersion;
        }

        page.Message = result.Message ?? "Chưa lưu: người khác đã sửa số liệu sau khi bạn mở trang.";
        page.IsError = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Form", page);
    }

    private static (int? Value, string? Error) Count(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, null);
        }

        var parsed = ValueParser.Parse(ProgramTracker.Core.Domain.ValueType.Count, raw, Formats.Current);
        return parsed.Ok ? (parsed.Value is { } v && v <= int.MaxValue ? (int)v : null, parsed.Value > int.MaxValue ? "Số quá lớn." : null) : (null, parsed.Error);
    }

    private async Task<PovertyEntryPage?> PageAsync(string slug, string periodCode, string? standardCode, CancellationToken ct)
    {
        var district = await units.FindAsync(slug, communeLevel: false, ct);
        if (district is null || !PeriodCode.TryParse(periodCode, out var year, out var quarter))
        {
            return null;
        }

        var periods = await db.Periods.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ToListAsync(ct);
        var period = periods.FirstOrDefault(p => p.Year == year && p.Quarter == quarter);
        var standards = await db.PovertyStandards.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.Code, s.ShortName }).ToListAsync(ct);
        var standard = standardCode is null ? standards.FirstOrDefault() : standards.FirstOrDefault(s => s.Code == standardCode);
        if (period is null || standard is null)
        {
            return null;
        }

        var list = await db.Units.AsNoTracking()
            .Where(u => u.Id == district.Id || u.ParentId == district.Id)
            .OrderBy(u => u.Kind).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Kind, u.Name })
            .ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var records = await db.PovertyRecords.AsNoTracking()
            .Where(p => p.PeriodId == period.Id && p.StandardId == standard.Id && ids.Contains(p.UnitId))
            .ToDictionaryAsync(p => p.UnitId, ct);
        var index = 0;
        var rows = list.Select(u =>
        {
            records.TryGetValue(u.Id, out var r);
            return new PovertyEntryRow
            {
                UnitId = u.Id, Index = index++, UnitName = Formats.Current.UnitName(u.Kind, u.Name), ReportedPoorRate = r?.ReportedPoorRate,
                ReportedNearPoorRate = r?.ReportedNearPoorRate, Households = r?.HouseholdsTotal?.ToString(CultureInfo.InvariantCulture),
                Poor = r?.PoorHouseholds?.ToString(CultureInfo.InvariantCulture), NearPoor = r?.NearPoorHouseholds?.ToString(CultureInfo.InvariantCulture),
                Version = r?.Version ?? 0,
            };
        }).ToList();

        return new PovertyEntryPage
        {
            District = district, Period = period, Periods = periods, StandardCode = standard.Code,
            Standards = standards.Select(s => (s.Code, s.ShortName)).ToList(), Rows = rows,
            CanEdit = !period.IsLocked && await access.CanEditAsync(User, district.Id, ct),
        };
    }
}
