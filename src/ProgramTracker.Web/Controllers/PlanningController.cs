using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Planning;
using ProgramTracker.Web.Infrastructure;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.Planning;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

/// <summary>District staff keep the district's targets per year and its capital figures per period.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class PlanningController(ProgramTrackerDbContext db, UnitQueries units, PlanningService planning, UnitAccess access) : Controller
{
    [HttpGet("/districts/{slug}/targets/{year:int}")]
    public async Task<IActionResult> Targets(string slug, int year, CancellationToken ct)
    {
        var page = await TargetsPageAsync(slug, year, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, page.District.Id, ct))
        {
            return Forbid();
        }

        page.Message = TempData["PlanningMessage"] as string;
        return View("Targets", page);
    }

    [HttpPost("/districts/{slug}/targets/{year:int}")]
    [Authorize(Policy = Policies.EditData)]
    public async Task<IActionResult> SaveTargets(string slug, int year, TargetsForm form, CancellationToken ct)
    {
        var page = await TargetsPageAsync(slug, year, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (!await access.CanEditAsync(User, page.District.Id, ct))
        {
            return Forbid();
        }

        var rows = page.Rows.ToDictionary(r => r.IndicatorId);
        var inputs = new List<TargetInput>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var post = form.Rows[i];
            if (!rows.TryGetValue(post.IndicatorId, out var row) || !Enum.IsDefined(post.Comparator))
            {
                return BadRequest();
            }

            (row.Comparator, row.Value, row.Version) = (post.Comparator, post.Value, post.Version);
            if (ModelState.GetFieldValidationState($"Rows[{i}].Comparator") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                // A malformed comparator is refused, never read as the default "at least".
                row.Error = "Cách so sánh không hợp lệ: chọn ≥, ≤ hoặc = trong danh sách.";
            }
            else if (string.IsNullOrWhiteSpace(post.Value))
            {
                inputs.Add(new TargetInput(post.IndicatorId, post.Comparator, null, post.Version));
            }
            else if (ValueParser.ParseNumber(post.Value, Formats.Current) is { Ok: true, Value: { } value })
            {
                inputs.Add(new TargetInput(post.IndicatorId, post.Comparator, value, post.Version));
            }
            else
            {
                row.Error = $"{ValueParser.ParseNumber(post.Value, Formats.Current).Error} Để trống nếu không đặt mục tiêu.";
            }
        }

        if (page.Rows.Any(r => r.Error is not null))
        {
            (page.Message, page.IsError) = ("Chưa lưu: có dòng sai (đánh dấu đỏ). Các số khác vẫn giữ như bạn đã nhập.", true);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Targets", page);
        }

        var result = await planning.SaveTargetsAsync(page.District.Id, year, inputs, User.Identity?.Name ?? "?", ct);
        if (result.Outcome == SaveOutcome.Saved)
        {
            TempData["PlanningMessage"] = $"Đã lưu {result.Changed} mục tiêu.";
            return Redirect(page.Path);
        }

        foreach (var c in result.Conflicts)
        {
            rows[c.IndicatorId].Error = $"{c.By ?? "Người khác"} vừa lưu mục tiêu {Formats.Current.Number(c.CurrentValue, "(trống)")}. Bấm Lưu lần nữa để ghi số của bạn.";
            rows[c.IndicatorId].Version = c.CurrentVersion;
        }

        (page.Message, page.IsError) = (result.Message ?? "Chưa lưu: người khác đã sửa mục tiêu sau khi bạn mở trang.", true);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Targets", page);
    }

    [HttpGet("/districts/{slug}/capital/{period}")]
    public async Task<IActionResult> Capital(string slug, string period, int? edit, CancellationToken ct)
    {
        var page = await CapitalPageAsync(slug, period, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, page.District.Id, ct))
        {
            return Forbid();
        }

        if (edit is { } id && page.CanEdit && page.Edits.FirstOrDefault(e => e.Id == id) is { } editing)
        {
            (page.Editing, page.Form) = (editing, editing.Form);
        }

        page.Message = TempData["PlanningMessage"] as string;
        return View("Capital", page);
    }

    [HttpPost("/districts/{slug}/capital/{period}/{id:int}")]
    [Authorize(Policy = Policies.EditData)]
    public async Task<IActionResult> EditCapital(string slug, string period, int id, int version, CapitalForm form, CancellationToken ct)
    {
        var page = await CapitalPageAsync(slug, period, ct);
        if (page is null || page.Edits.FirstOrDefault(e => e.Id == id) is not { } editing)
        {
            return NotFound();
        }

        if (!await access.CanEditAsync(User, page.District.Id, ct))
        {
            return Forbid();
        }

        (page.Form, page.Editing) = (form, editing with { Version = version });
        if (Validate(page, form) is not { } input)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Capital", page);
        }

        return await ChangedAsync(page, await planning.ChangeCapitalAsync(id, version, input, User.Identity?.Name ?? "?", ct), "Đã lưu dòng vốn.");
    }

    [HttpPost("/districts/{slug}/capital/{period}/{id:int}/delete")]
    [Authorize(Policy = Policies.EditData)]
    public async Task<IActionResult> DeleteCapital(string slug, string period, int id, int version, CancellationToken ct)
    {
        var page = await CapitalPageAsync(slug, period, ct);
        if (page is null || page.Edits.All(e => e.Id != id))
        {
            return NotFound();
        }

        if (!await access.CanEditAsync(User, page.District.Id, ct))
        {
            return Forbid();
        }

        return await ChangedAsync(page, await planning.ChangeCapitalAsync(id, version, null, User.Identity?.Name ?? "?", ct), "Đã xóa dòng vốn (vẫn ghi trong nhật ký).");
    }

    private async Task<IActionResult> ChangedAsync(CapitalPage page, SaveResult result, string done)
    {
        if (result.Outcome == SaveOutcome.Saved)
        {
            TempData["PlanningMessage"] = done;
            return Redirect(page.Path);
        }

        page.Message = result.Message;
        Response.StatusCode = StatusCodes.Status409Conflict;
        await Task.CompletedTask;
        return View("Capital", page);
    }

    [HttpPost("/districts/{slug}/capital/{period}")]
    [Authorize(Policy = Policies.EditData)]
    public async Task<IActionResult> AddCapital(string slug, string period, CapitalForm form, CancellationToken ct)
    {
        var page = await CapitalPageAsync(slug, period, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (!await access.CanEditAsync(User, page.District.Id, ct))
        {
            return Forbid();
        }

        page.Form = form;
        if (Validate(page, form) is not { } input)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Capital", page);
        }

        var result = await planning.AddCapitalAsync(page.Period.Id, input, User.Identity?.Name ?? "?", ct);
        if (result.Outcome != SaveOutcome.Saved)
        {
            page.Message = result.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Capital", page);
        }

        TempData["PlanningMessage"] = "Đã thêm số liệu vốn.";
        return Redirect(page.Path);
    }

    /// <summary>The capital form checked field by field (messages beside the fields); null when something is wrong.</summary>
    private CapitalInput? Validate(CapitalPage page, CapitalForm form)
    {
        if (form.ProgrammeId is not { } programme || page.Programmes.All(p => p.Id != programme))
        {
            ModelState.AddModelError(nameof(form.ProgrammeId), "Chọn chương trình.");
        }

        if (form.ProjectId is { } project && page.Projects.All(p => p.Id != project || p.ProgrammeId != form.ProgrammeId))
        {
            ModelState.AddModelError(nameof(form.ProjectId), "Dự án không thuộc chương trình đã chọn.");
        }

        if (form.UnitId is not { } unit || page.Units.All(u => u.Id != unit))
        {
            ModelState.AddModelError(nameof(form.UnitId), "Chọn huyện hoặc một xã của huyện.");
        }

        if (form.Measure is not { } measure || !Enum.IsDefined(measure))
        {
            ModelState.AddModelError(nameof(form.Measure), "Chọn loại số liệu vốn.");
        }

        var parsedAmount = ValueParser.ParseAmountVnd(form.Amount, Formats.Current);
        if (!parsedAmount.Ok)
        {
            ModelState.AddModelError(nameof(form.Amount), parsedAmount.Error!);
        }

        if (form.FundingSource?.Length > 120 || form.Description?.Length > 1000)
        {
            ModelState.AddModelError(nameof(form.Description), "Nguồn vốn tối đa 120 ký tự, nội dung tối đa 1000 ký tự.");
        }

        if (!ModelState.IsValid || !Enum.IsDefined(form.Kind))
        {
            return null;
        }

        return new CapitalInput(form.ProgrammeId!.Value, form.ProjectId, form.UnitId!.Value, form.Measure!.Value, form.Kind,
            string.IsNullOrWhiteSpace(form.FundingSource) ? null : form.FundingSource.Trim(), parsedAmount.Value ?? 0,
            string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim());
    }

    private async Task<TargetsPage?> TargetsPageAsync(string slug, int year, CancellationToken ct)
    {
        var district = await units.FindAsync(slug, communeLevel: false, ct);
        if (district is null || year is < 2000 or > 2100)
        {
            return null;
        }

        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.Criterion.CriteriaSet.Level == UnitLevel.District && i.ValueType != ProgramTracker.Core.Domain.ValueType.Boolean)
            .OrderBy(i => i.Criterion.CriteriaSet.SortOrder).ThenBy(i => i.Criterion.Number).ThenBy(i => i.SortOrder)
            .Select(i => new { i.Id, i.Name, i.Unit, SetName = i.Criterion.CriteriaSet.Name })
            .ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.UnitId == district.Id && t.Year == year).ToDictionaryAsync(t => t.IndicatorId, ct);
        var index = 0;
        return new TargetsPage
        {
            District = district, Year = year,
            Rows = indicators.Select(i =>
            {
                targets.TryGetValue(i.Id, out var t);
                return new TargetRowEdit
                {
                    IndicatorId = i.Id, Index = index++, Name = i.Name, Unit = i.Unit, SetName = i.SetName, Comparator = t?.Comparator ?? Comparator.AtLeast,
                    Value = t is null ? null : Formats.Current.Number(t.Value).Replace(".", "", StringComparison.Ordinal), Version = t?.Version ?? 0,
                };
            }).ToList(),
            CanEdit = await access.CanEditAsync(User, district.Id, ct),
        };
    }

    private async Task<CapitalPage?> CapitalPageAsync(string slug, string periodCode, CancellationToken ct)
    {
        var district = await units.FindAsync(slug, communeLevel: false, ct);
        if (district is null || !PeriodCode.TryParse(periodCode, out var year, out var quarter))
        {
            return null;
        }

        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Year == year && p.Quarter == quarter, ct);
        if (period is null)
        {
            return null;
        }

        var list = await db.Units.AsNoTracking().Where(u => u.Id == district.Id || u.ParentId == district.Id)
            .OrderBy(u => u.Kind).ThenBy(u => u.Id).Select(u => new { u.Id, u.Kind, u.Name }).ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(ct);
        var projects = await db.ProgrammeProjects.AsNoTracking().OrderBy(p => p.ProgrammeId).ThenBy(p => p.Number)
            .Select(p => new { p.Id, p.ProgrammeId, p.Number, p.Name }).ToListAsync(ct);
        var loaded = await db.CapitalFigures.AsNoTracking().Where(c => c.PeriodId == period.Id && ids.Contains(c.UnitId))
                .OrderBy(c => c.Programme.SortOrder).ThenBy(c => c.Measure).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.Version, c.ProgrammeId, c.ProjectId, c.UnitId, c.Programme.Code, c.Programme.Name, Project = c.Project != null ? c.Project.Name : null, c.Measure, c.Kind, c.FundingSource, c.AmountVnd, c.Qualifier, c.WorksCount, c.AsOf, c.Description, c.Source, UnitName = c.Unit.Name, UnitKind = c.Unit.Kind })
                .ToListAsync(ct);
        var figures = loaded
            .Select(c => new CapitalRow(c.Code, $"{c.Name} · {Formats.Current.UnitName(c.UnitKind, c.UnitName)}", c.Project, period.Label, c.Measure, c.Kind, c.FundingSource,
                c.AmountVnd, c.Qualifier, c.WorksCount, c.AsOf, c.Description, ProgramTracker.Web.Models.SourceRef.From(c.Source)))
            .ToList();
        return new CapitalPage
        {
            District = district, Period = period, Figures = figures,
            Edits = loaded.Select(c => new CapitalEdit(c.Id, c.Version, new CapitalForm
            {
                ProgrammeId = c.ProgrammeId, ProjectId = c.ProjectId, UnitId = c.UnitId, Measure = c.Measure, Kind = c.Kind, FundingSource = c.FundingSource,
                Amount = Formats.Current.Number(c.AmountVnd), Description = c.Description,
            })).ToList(),
            Units = list.Select(u => (u.Id, Formats.Current.UnitName(u.Kind, u.Name))).ToList(),
            Programmes = programmes.Select(p => (p.Id, p.Code, p.Name)).ToList(),
            Projects = projects.Select(p => (p.Id, p.ProgrammeId, $"Dự án {p.Number.ToString(CultureInfo.InvariantCulture)}: {p.Name}")).ToList(),
            CanEdit = !period.IsLocked && await access.CanEditAsync(User, district.Id, ct),
        };
    }
}
