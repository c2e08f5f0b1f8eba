using ProgramTracker.Core.Units;
using ProgramTracker.Web.Models.Admin;

namespace ProgramTracker.Web.Controllers.Admin;

/// <summary>Admins record reorganisations of units (mergers, a level ending): the list, and a form for one successor.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("/admin/reorganisations")]
public sealed class AdminReorganisationsController(ReorganisationQueries queries, ReorganisationService service) : Controller
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
        var rows = await queries.RowsAsync(ct);
        var provinces = await queries.ProvincesAsync(ct);
        province = string.IsNullOrWhiteSpace(province) ? null : province.Trim();
        var chosen = province is null ? (int?)null : provinces.FirstOrDefault(p => p.Slug == province).Id;
        if (province is not null && chosen is null or 0)
        {
            ModelState.AddModelError("province", Formats.Current.Format("Reorg.UnknownProvince", province));
            chosen = null;
        }

        // The chosen province, its districts of before 2025 and the communes under either: the units one
        // reorganisation draws on. Without a choice only the provinces themselves (as a parent) are listed.
        var units = chosen is not { } root ? [] : await queries.UnitsUnderAsync(root, ct);
        if (chosen is null)
        {
            units = provinces.Select(p => new UnitOption(p.Id, p.Label, UnitKind.Province, null, null)).ToList();
        }

        return new ReorganisationsPage(rows, form, units, provinces.Select(p => (p.Slug, p.Label)).ToList(), chosen is null ? null : province);
    }
}
