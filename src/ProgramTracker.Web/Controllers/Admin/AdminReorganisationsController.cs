using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Units;
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

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View("Index", await PageAsync(new ReorganisationForm { SuccessorKind = UnitKind.Commune }, ct));

    [HttpPost("")]
    public async Task<IActionResult> Create(ReorganisationForm form, CancellationToken ct)
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
        return View("Index", await PageAsync(form, ct));
    }

    private async Task<ReorganisationsPage> PageAsync(ReorganisationForm form, CancellationToken ct)
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
        var units = (await db.Units.AsNoTracking().Where(u => !u.IsSynthetic).OrderBy(u => u.Kind).ThenBy(u => u.Name)
                .Select(u => new { u.Id, u.Kind, u.Name, u.ValidFrom, u.ValidTo, Parent = u.Parent != null ? u.Parent.Name : null })
                .ToListAsync(ct))
            .Select(u => new UnitOption(u.Id, AdministrativeUnit.FullNameOf(u.Kind, u.Name) + (u.Parent is null ? "" : $" ({u.Parent})"), u.Kind, u.ValidFrom, u.ValidTo))
            .ToList();
        return new ReorganisationsPage(rows, form, units);
    }
}
