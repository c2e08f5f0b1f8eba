using System.Diagnostics;
using System.Globalization;
using ProgramTracker.Core.Catalogue;
using ProgramTracker.Web.Models.CatalogueImport;

namespace ProgramTracker.Web.Controllers.Admin;

/// <summary>
/// Admins load a set's table from a workbook or CSV: upload → dry run (what would be added, changed, left, and every
/// error) → "Áp dụng" in one transaction through <see cref="CatalogueService"/>. The set always comes from the address.
/// Between preview and apply the parsed rows travel in a payload signed by the portal's data-protection keys (kept in
/// the database, so any portal process can check it), bound to the set, the user and a time limit.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class AdminCatalogueImportController(SetTableQueries sets, CatalogueService catalogue, ICurrentUser currentUser, SetTableImporter importer, ProgramTracker.Core.Validation.RuleEditor rules, ILogger<AdminCatalogueImportController> log) : Controller
{
    private const long RequestLimit = 64L * 1024 * 1024;

    [HttpGet("/admin/criteria-sets/{setCode}/import")]
    public async Task<IActionResult> Upload([FromRoute] string setCode, CancellationToken ct)
    {
        if (await sets.SetForImportAsync(setCode, ct) is not { } set)
        {
            return NotFound();
        }

        var latest = set.Versions.OrderBy(v => v.EffectiveFrom ?? DateOnly.MinValue).LastOrDefault()?.EffectiveFrom;
        return View("Upload", Page(set, latest is { } d ? PeriodCode.Format(d.Year, (d.Month - 1) / 3 + 1) : null));
    }

    [HttpPost("/admin/criteria-sets/{setCode}/import")]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Preview([FromRoute] string setCode, IFormFile? file, string? effectiveFrom, CancellationToken ct)
    {
        if (await sets.SetForImportAsync(setCode, ct) is not { } set)
        {
            return NotFound();
        }

        var page = Page(set, effectiveFrom);
        if (!TryPeriod(effectiveFrom, out var from))
        {
            page.Errors.Add(new ImportError(null, Formats.Current["SetImport.EffectiveFrom"], Formats.Current["SetImport.BadPeriod"]));
            return Unprocessable("Upload", page);
        }

        var watch = Stopwatch.StartNew();
        var parsed = await importer.ParseAsync(set, file, effectiveFrom, Formats.Current, ct);
        page.FileName = parsed.FileName;
        page.Sha256 = parsed.Sha256;
        page.Errors.AddRange(parsed.Errors);
        if (page.Errors.Count > 0)
        {
            log.LogInformation("Import of {File} into {Set} refused: {Count} errors", parsed.FileName, setCode, page.Errors.Count);
            return Unprocessable("Preview", page);
        }

        var plan = await catalogue.PlanAsync(setCode, parsed.Rows, from, Formats.Current, ct);
        page.Plan = plan;
        (page.RulesAdded, page.RulesChanged) = (parsed.RulesAdded, parsed.RulesChanged);
        page.Errors.AddRange(plan.Errors.Select(e => ErrorOf(e, parsed)));
        log.LogInformation("Import preview of {File} into {Set}: {Added} added, {Changed} changed, {Unchanged} unchanged, {Errors} errors in {Ms} ms",
            parsed.FileName, setCode, plan.Added, plan.Changed, plan.Unchanged, page.Errors.Count, watch.ElapsedMilliseconds);
        if (page.Errors.Count > 0)
        {
            return Unprocessable("Preview", page);
        }

        if (plan.HasChanges || parsed.RulesChange)
        {
            page.Payload = importer.Protect(new ImportPayload(setCode, UserName, effectiveFrom?.Trim(), parsed.FileName, parsed.Sha256, [.. parsed.Rows],
                parsed.RulesChange ? [.. parsed.Rules!] : null));
        }

        return View("Preview", page);
    }

    [HttpPost("/admin/criteria-sets/{setCode}/import/apply")]
    [RequestFormLimits(ValueLengthLimit = 16 * 1024 * 1024)]
    public async Task<IActionResult> Apply([FromRoute] string setCode, string? payload, CancellationToken ct)
    {
        if (await sets.SetForImportAsync(setCode, ct) is not { } set)
        {
            return NotFound();
        }

        var data = importer.Unprotect(payload, setCode, UserName);
        if (data is null || !TryPeriod(data.EffectiveFrom, out var from))
        {
            var page = Page(set, null);
            page.Errors.Add(new ImportError(null, null, Formats.Current["SetImport.PreviewExpired"]));
            return Unprocessable("Upload", page);
        }

        // The rules sheet is checked again first (against the file's indicators too), so that a refused rule stops the whole import.
        if (data.Rules is { Count: > 0 } drafts)
        {
            var (_, refused) = await rules.CheckAsync(set.Id, drafts, Formats.Current, data.Rows.Select(r => r.Code).ToList(), ct);
            if (refused.Count > 0)
            {
                var page = Page(set, data.EffectiveFrom);
                page.Errors.AddRange(refused.Select(e => new ImportError(null, null, $"{e.Error.Message} ({drafts[e.Index].Code})")));
                return Unprocessable("Upload", page);
            }
        }

        var watch = Stopwatch.StartNew();
        var result = await catalogue.ApplyAsync(setCode, data.Rows, from,
            Formats.Vietnamese.Format("SetImport.AuditNote", data.FileName, data.Sha256[..Math.Min(12, data.Sha256.Length)]), Formats.Current, ct); // the note is stored: in Vietnamese
        var done = Page(set, data.EffectiveFrom);
        done.FileName = data.FileName;
        done.Sha256 = data.Sha256;
        done.Plan = result;
        log.LogInformation("Import of {File} into {Set} applied: {Added} added, {Changed} changed, version {Version}, in {Ms} ms",
            data.FileName, setCode, result.Added, result.Changed, result.VersionNumber, watch.ElapsedMilliseconds);
        if (!result.Ok)
        {
            var parsed = new ParsedImport(data.FileName, data.Sha256, data.Rows, [], []);
            done.Errors.AddRange(result.Errors.Select(e => ErrorOf(e, parsed)));
            return Unprocessable("Preview", done);
        }

        if (data.Rules is { Count: > 0 } ruleDrafts)
        {
            var saved = await rules.SaveAsync(set.Id, ruleDrafts, Formats.Current, ct);
            if (!saved.Ok)
            {
                done.Errors.AddRange(saved.Errors.Select(e => new ImportError(null, null, $"{e.Error.Message} ({ruleDrafts[e.Index].Code})")));
                return Unprocessable("Preview", done);
            }

            (done.RulesAdded, done.RulesChanged) = (saved.Added, saved.Changed);
        }

        done.Applied = true;
        return View("Preview", done);
    }

    /// <summary>A preview is bound to the admin who made it: only they may apply it.</summary>
    private string UserName => currentUser.Name;

    private ViewResult Unprocessable(string view, ImportPageModel page)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(view, page);
    }

    private static ImportError ErrorOf(CatalogueError error, ParsedImport parsed)
    {
        // CatalogueService names the indicator an error concerns; give its row too when the code is in the file.
        var row = error.Code is { } code && parsed.RowNumbers.Count > 0 ? parsed.RowOf(code) : null;
        return new ImportError(row, null, error.Message);
    }

    private static bool TryPeriod(string? text, out DateOnly? from)
    {
        from = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (PeriodCode.TryParse(text, out var year, out var quarter) && quarter is not null)
        {
            from = PeriodCode.StartsOn(year, quarter);
            return true;
        }

        return false;
    }

    private ImportPageModel Page(CriteriaSet set, string? effectiveFrom) => new()
    {
        SetCode = set.Code,
        SetName = set.Name,
        Scheme = set.ThresholdScheme,
        Criteria = set.Criteria.Count,
        DeclaredIndicators = set.DeclaredIndicators,
        EffectiveFrom = effectiveFrom?.Trim(),
        MaxFileBytes = importer.Options.MaxFileBytes,
        MaxRows = importer.Options.MaxRows,
        Versions = set.Versions.OrderBy(v => v.Number)
            .Select(v => Formats.Current.Format("SetImport.Version", v.Number, v.EffectiveFrom is { } f ? Formats.Current.Date(f) : Formats.Current["SetImport.VersionStart"])).ToList(),
    };
}
