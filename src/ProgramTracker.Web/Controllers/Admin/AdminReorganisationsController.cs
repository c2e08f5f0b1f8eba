using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Units;
using ProgramTracker.Web.Infrastructure;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.Admin;

namespace ProgramTracker.Web.Controllers.Admin;

/// <summary>Admins record reorganisations of units (mergers, a level ending): the list, and a form for one successor.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("/admin/reorganisations")]
public sealed class AdminReorganisationsController(ProgramTrackerDbContext db, ReorganisationService service) : Controller
{
    /// <summary>"(một phần)" / "(in part)" at the end of a line of units outside the system: either language's is read.</summary>
    private static readonly string[] PartSuffixes = [Formats.Vietnamese["Reorg.PartSuffix"], Formats.English["Reorg.PartSuffix"]];

    /// <param name="province">The province whose units the form lists (issue 23: 3,300 units do not fit one page).</param>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? province, CancellationToken ct) =>
        View("Index", await PageAsync(new ReorganisationForm { SuccessorKind = UnitKind.Commune }, province, ct));

    [HttpPost("")]
    [ShowsFieldErrors]
    public async Task<IActionResult> Create(ReorganisationForm form, [FromForm(Name = "province")] string? province, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var others = (form.OtherPredecessors ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => PartSuffixes.FirstOrDefault(s => line.EndsWith(s, StringComparison.OrdinalIgnoreCase)) is { } suffix
                    ? new PredecessorInput(null, line[..^suffix.Length].Trim(), false)
                    : new PredecessorInput(null, line, true));
            var input = new ReorganisationInput(
                form.Code!, form.ActNumber!, form.ActDate!.Value, form.EffectiveOn!.Value,
                new SuccessorInput(form.ExistingSuccessorId, form.SuccessorSlug, form.SuccessorName, form.SuccessorKind ?? UnitKind.Commune, form.SuccessorParent, form.SuccessorStatisticsCode),
                form.PredecessorIds.Distinct().Select(id => new PredecessorInput(id, null, !form.PartialIds.Contains(id))).Concat(others).ToList(),
                string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim());
            var result = await service.RecordAsync(input, ct);
            if (result.Ok)
            {
                TempData["AdminMessage"] = Formats.Current.Format("Reorg.Recorded", form.Code);
                return RedirectToAction(nameof(Index));
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", await PageAsync(form, province, ct));
    }

    private async Task<ReorganisationsPage> PageAsync(ReorganisationForm form, string? province, CancellationToken ct)
    {
        var rows = (await db.Reorganisations.AsNoTracking().OrderBy(r => r.EffectiveOn).ThenBy(r => r.Id)
                .Select(r => new
                {
                    r.Code, r.ActNumber, r.ActDate, r.EffectiveOn, r.CreatedBy, r.Note,
                    Parts = r.Parts.OrderBy(p => p.Id).Select(p => new { p.PredecessorName, p.Whole, p.Successor.Slug, p.Successor.Kind, p.Successor.Name }).ToList(),
                })
                .ToListAsync(ct))
            .Select(r => new ReorganisationRow(r.Code, r.ActNumber, r.ActDate, r.EffectiveOn,
                r.Parts.Count > 0 ? AdministrativeUnit.FullNameOf(r.Parts[0].Kind, r.Parts[0].Name) : "—", r.Parts.FirstOrDefault()?.Slug,
                r.Parts.Count > 0 && AdministrativeUnit.IsCommuneLevelKind(r.Parts[0].Kind),
                r.Parts.Select(p => p.PredecessorName + (p.Whole ? "" : " " + Formats.Current["Reorg.PartSuffix"])).ToList(), r.CreatedBy, r.Note))
            .ToList();
        var provinces = (await db.Units.AsNoTracking()
                .Where(u => !u.IsSynthetic && u.ParentId == null && (u.Kind == UnitKind.Province || u.Kind == UnitKind.City))
                .Select(u => new { u.Id, u.Slug, u.Kind, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Slug, Label: AdministrativeUnit.FullNameOf(u.Kind, u.Name)))
            .OrderBy(u => u.Label, StringComparer.Create(Formats.Current.Culture, CompareOptions.IgnoreCase)).ToList();
        province = string.IsNullOrWhiteSpace(province) ? null : province.Trim();
        var chosen = province is null ? (int?)null : provinces.FirstOrDefault(p => p.Slug == province).Id;
        if (province is not null && chosen is null or 0)
        {
            ModelState.AddModelError("province", Formats.Current.Format("Reorg.UnknownProvince", province));
            chosen = null;
        }

        // The chosen province, its districts of before 2025 and the communes under either: the units one
        // reorganisation draws on. Without a choice only the provinces themselves (as a parent) are listed.
        var units = chosen is not { } root
            ? []
            : (await db.Units.AsNoTracking()
                    .Where(u => !u.IsSynthetic && (u.Id == root || u.ParentId == root || (u.Parent != null && u.Parent.ParentId == root)))
                    .OrderBy(u => u.Kind).ThenBy(u => u.Name)
                    .Select(u => new { u.Id, u.Kind, u.Name, u.ValidFrom, u.ValidTo, Parent = u.Parent != null ? u.Parent.Name : null })
                    .ToListAsync(ct))
                .Select(u => new UnitOption(u.Id, AdministrativeUnit.FullNameOf(u.Kind, u.Name) + (u.Parent is null ? "" : $" ({u.Parent})"), u.Kind, u.ValidFrom, u.ValidTo))
                .ToList();
        if (chosen is null)
        {
            units = provinces.Select(p => new UnitOption(p.Id, p.Label, UnitKind.Province, null, null)).ToList();
        }

        return new ReorganisationsPage(rows, form, units, provinces.Select(p => (p.Slug, p.Label)).ToList(), chosen is null ? null : province);
    }
}
