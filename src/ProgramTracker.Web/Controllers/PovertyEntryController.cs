using ProgramTracker.Core.Periods;
using ProgramTracker.Web.Models.Units;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Poverty;
using ProgramTracker.Web.Models.PovertyEntry;

namespace ProgramTracker.Web.Controllers;

/// <summary>District staff enter household counts per commune and standard; rates then derive from the counts.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class PovertyEntryController(PovertyEntryQueries queries, PovertyEntryService service) : Controller
{
    [HttpGet("/districts/{slug}/poverty/{period}")]
    public async Task<IActionResult> Show([Unit(UnitTier.Upper)] UnitHeader district, [Period(PeriodSpans.Stored)] PeriodKey period, string? standard, CancellationToken ct)
    {
        if (await queries.PageAsync(district, period, standard, User, ct) is not { } page)
        {
            return NotFound();
        }

        page.Message = TempData["PovertyMessage"] as string;
        return View("Form", page);
    }

    [HttpPost("/districts/{slug}/poverty/{period}")]
    [ShowsFieldErrors]
    [Authorize(Policy = Policies.EditData)]
    public async Task<IActionResult> Save([Unit(UnitTier.Upper, UnitRight.Edit)] UnitHeader district, [Period(PeriodSpans.Stored)] PeriodKey period, string? standard, PovertyForm form, CancellationToken ct)
    {
        if (await queries.PageAsync(district, period, standard, User, ct) is not { } page)
        {
            return NotFound();
        }

        var rows = page.Rows.ToDictionary(r => r.UnitId);
        var parsed = new List<(PovertyInput Input, string? Error)>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var post = form.Rows[i];
            if (!rows.TryGetValue(post.UnitId, out var row))
            {
                return Forbid(); // a unit outside this district
            }

            (row.Households, row.Poor, row.NearPoor, row.Version) = (post.Households, post.Poor, post.NearPoor, post.Version);
            var (h, p, n) = (Count(post.Households), Count(post.Poor), Count(post.NearPoor));
            // A box with invalid characters (InputGuard removed them) is refused on its row, whatever is left of it.
            var invalidText = ModelState.Any(e => e.Key.StartsWith($"Rows[{i}].", StringComparison.Ordinal) && e.Value!.Errors.Count > 0);
            parsed.Add((new PovertyInput(post.UnitId, h.Value, p.Value, n.Value, post.Version),
                (invalidText ? Formats.Current["Input.InvalidCharacters"] : null) ?? h.Error ?? p.Error ?? n.Error));
        }

        // The catalogue's hard rules over the counts (issue 25) speak first, with their own text; then the table's own checks.
        var broken = await service.RefuseAsync(page.Period.Id, parsed.Where(x => x.Error is null).Select(x => x.Input), Formats.Current, ct);
        var inputs = new List<PovertyInput>();
        foreach (var (input, error) in parsed)
        {
            var row = rows[input.UnitId];
            row.Error = error ?? broken.GetValueOrDefault(input.UnitId) ?? PovertyEntryService.Validate(input.Households, input.Poor, input.NearPoor, Formats.Current);
            if (row.Error is null)
            {
                inputs.Add(input);
            }
        }

        if (page.Rows.Any(r => r.Error is not null))
        {
            page.Message = Formats.Current["Poverty.RowsWrong"];
            page.IsError = true;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Form", page);
        }

        var standardId = await queries.StandardIdAsync(page.StandardCode, ct);
        var result = await service.SaveAsync(page.Period.Id, standardId, inputs, ct);
        if (result.Outcome == SaveOutcome.Saved)
        {
            TempData["PovertyMessage"] = Formats.Current.Format("Poverty.Saved", result.Changed);
            return Redirect(page.Path);
        }

        foreach (var c in result.Conflicts)
        {
            rows[c.RowId].Error = Formats.Current.Format("Poverty.Conflict", c.By ?? Formats.Current["Entry.SomeoneElse"], c.CurrentNote);
            rows[c.RowId].Version = c.CurrentVersion;
        }

        page.Message = result.Message ?? Formats.Current["Poverty.NotSavedConflict"];
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

        var parsed = ValueParser.Parse(ProgramTracker.Core.Domain.ValueKind.Count, raw, Formats.Current);
        return parsed.Ok ? (parsed.Value is { } v && v <= int.MaxValue ? (int)v : null, parsed.Value > int.MaxValue ? Formats.Current["Number.TooLarge"] : null) : (null, parsed.Error);
    }
}
