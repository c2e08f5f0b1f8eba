using ProgramTracker.Core.Periods;
using Microsoft.Extensions.Options;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Import;
using ProgramTracker.Web.Models.Entry;
using ProgramTracker.Web.Models.EntryWorkbook;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

/// <summary>
/// The entry form as an xlsx or CSV file, filled offline and uploaded back: a dry run lists every change, error and
/// conflict; "Áp dụng" saves through <see cref="SaveEntry"/> in one transaction. See docs/excel-import.md.
/// </summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class EntryWorkbookController(
    EntryQueries entryQueries, WorkbookQueries workbooks, SaveEntry saveEntry, UnitAccess access, ImportStamps stamps,
    IOptions<ImportOptions> options, ILogger<EntryWorkbookController> log) : Controller
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet("/communes/{slug}/entry/{period}/workbook.{format}")]
    public Task<IActionResult> CommuneWorkbook([Unit(UnitTier.CommuneLevel)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey period, string format, CancellationToken ct) => UnitWorkbook(unit, period, format, ct);

    [HttpGet("/districts/{slug}/entry/{period}/workbook.{format}")]
    public Task<IActionResult> DistrictWorkbook([Unit(UnitTier.Upper)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey period, string format, CancellationToken ct) => UnitWorkbook(unit, period, format, ct);

    /// <summary>A reviewer's workbook: one sheet per unit they may approve (the district and its communes).</summary>
    [HttpGet("/entry/{period}/workbook.{format}")]
    [Authorize(Policy = Policies.Approve)]
    public async Task<IActionResult> ReviewerWorkbook([Period(PeriodSpans.Quarter)] PeriodKey period, string format, [Unit(UnitTier.Upper, UnitRight.None, Name = "unit")] UnitHeader district, CancellationToken ct)
    {
        if (await entryQueries.PeriodAsync(period, ct) is not { } p || format is not ("xlsx" or "csv"))
        {
            return NotFound();
        }

        var list = await workbooks.ReviewUnitsAsync(User, district, p, ct);
        if (list.Count == 0)
        {
            return Forbid();
        }

        var bundle = await workbooks.BundleAsync(p, list, ct);
        bundle = bundle with { Units = bundle.Units.Where(u => u.Rows.Count > 0).ToList() };
        return bundle.Units.Count == 0 ? NotFound() : FileOf(bundle, format, $"bieu-mau-{district.Slug}-cac-don-vi-{p.Code}");
    }

    /// <summary>The reviewer's page: what the multi-unit workbook holds, download and upload.</summary>
    [HttpGet("/entry/{period}/import")]
    [Authorize(Policy = Policies.Approve)]
    public async Task<IActionResult> Reviewer([Period(PeriodSpans.Quarter)] PeriodKey period, [Unit(UnitTier.Upper, UnitRight.None, Name = "unit")] UnitHeader district, CancellationToken ct)
    {
        if (await entryQueries.PeriodAsync(period, ct) is not { } p)
        {
            return NotFound();
        }

        var list = await workbooks.ReviewUnitsAsync(User, district, p, ct);
        if (list.Count == 0)
        {
            return Forbid();
        }

        var bundle = await workbooks.BundleAsync(p, list, ct);
        return View(new ReviewerImportPage
        {
            District = district, Period = p, Message = TempData["ImportMessage"] as string,
            Units = list.Zip(bundle.Units).Select(x => (x.First, x.Second.Rows.Count)).ToList(),
        });
    }

    [HttpPost("/communes/{slug}/entry/{period}/import")]
    [Authorize(Policy = Policies.EditData)]
    [RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
    public Task<IActionResult> ImportCommune([Unit(UnitTier.CommuneLevel, UnitRight.Edit)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey period, IFormFile? file, CancellationToken ct) => ImportUnit(unit, period, file, ct);

    [HttpPost("/districts/{slug}/entry/{period}/import")]
    [Authorize(Policy = Policies.EditData)]
    [RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
    public Task<IActionResult> ImportDistrict([Unit(UnitTier.Upper, UnitRight.Edit)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey period, IFormFile? file, CancellationToken ct) => ImportUnit(unit, period, file, ct);

    /// <summary>A reviewer's upload: whichever units the file holds, each of which the user must be allowed to change.</summary>
    [HttpPost("/entry/{period}/import")]
    [Authorize(Policy = Policies.Approve)]
    [RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
    public async Task<IActionResult> ImportReviewer([Period(PeriodSpans.Quarter)] PeriodKey period, [Unit(UnitTier.Upper, UnitRight.None, Name = "unit")] UnitHeader district, IFormFile? file, CancellationToken ct)
    {
        if (await entryQueries.PeriodAsync(period, ct) is not { } p)
        {
            return NotFound();
        }

        var back = WorkbookQueries.ReviewPath(district.Slug, p);
        return await Import(null, p, file, back, $"/entry/{p.Code}/import?unit={Uri.EscapeDataString(district.Slug)}", ct);
    }

    /// <summary>Applies a previewed upload: the plan the preview protected into the page, checked again, one transaction.</summary>
    [HttpPost("/entry/{period}/import/apply")]
    [Authorize(Policy = Policies.EditData)]
    public async Task<IActionResult> Apply([Period(PeriodSpans.Quarter)] PeriodKey period, [FromForm] string? plan, [FromForm] bool overwrite, CancellationToken ct)
    {
        var (apply, refusal) = await OpenPlanAsync(period, plan, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        // The same save as the form, on the values the preview read, against the catalogue as it is now.
        var save = apply!.ToSave(await workbooks.BundleAsync(apply.Period, apply.Headers, ct), overwrite);
        return apply.Answer(this, save is null ? null : await saveEntry.SaveAsync(save, Formats.Current, ct), log);
    }

    /// <summary>The plan a preview protected into its page: 404 for an unknown period or unit, 400 for an expired or foreign plan, 403 for another user's or a unit this user may not change.</summary>
    private async Task<(WorkbookApply? Apply, IActionResult? Refusal)> OpenPlanAsync(PeriodKey period, string? plan, CancellationToken ct)
    {
        var p = await entryQueries.PeriodAsync(period, ct);
        var parsed = p is null ? null : stamps.TryReadPlan(plan);
        if (p is null || parsed is null || parsed.PeriodId != p.Id)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return (null, p is null ? NotFound() : View("Applied", (Formats.Current["Workbook.PreviewExpired"], "/inbox")));
        }

        if (parsed.User != (User.Identity?.Name ?? ""))
        {
            return (null, Forbid());
        }

        var headers = await workbooks.HeadersAsync(parsed.Units.Select(u => u.UnitId).ToList(), ct);
        if (headers.Count != parsed.Units.Count)
        {
            return (null, NotFound());
        }

        return await access.CanEditAllAsync(User, headers.Select(h => h.Id).ToList(), ct) ? (new WorkbookApply(parsed, headers, p), null) : (null, Forbid());
    }

    private async Task<IActionResult> UnitWorkbook(UnitHeader unit, PeriodKey period, string format, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv"))
        {
            return NotFound();
        }

        if (await entryQueries.PeriodAsync(period, ct) is not { } p)
        {
            return NotFound();
        }

        return FileOf(await workbooks.BundleAsync(p, [unit], ct), format, $"bieu-mau-{unit.Slug}-{p.Code}");
    }

    private FileContentResult FileOf(FormBundle bundle, string format, string name)
    {
        using var buffer = new MemoryStream();
        if (format == "csv")
        {
            CsvWorkbook.Write(buffer, bundle, stamps);
            return File(buffer.ToArray(), "text/csv; charset=utf-8", name + ".csv");
        }

        XlsxWorkbook.Write(buffer, bundle, stamps, Formats.Current);
        return File(buffer.ToArray(), XlsxType, name + ".xlsx");
    }

    private async Task<IActionResult> ImportUnit(UnitHeader unit, PeriodKey period, IFormFile? file, CancellationToken ct)
    {
        if (await entryQueries.PeriodAsync(period, ct) is not { } p)
        {
            return NotFound();
        }

        var path = WorkbookQueries.EntryPath(unit, p);
        return await Import(unit, p, file, path, path + "/import", ct);
    }

    private async Task<IActionResult> Import(UnitHeader? only, ReportingPeriod period, IFormFile? file, string back, string uploadAction, CancellationToken ct)
    {
        var preview = new WorkbookPreview(period, file, back, uploadAction, options.Value, stamps);
        if (await preview.ReadAsync(ct) is { } unreadable)
        {
            return preview.Refuse(this, unreadable);
        }

        var identified = preview.Identify();
        var headers = identified.UnitIds.Count == 0 ? [] : await workbooks.HeadersAsync(identified.UnitIds, ct);
        if (preview.Refusal(only, headers, identified) is { } refused)
        {
            return preview.Refuse(this, refused);
        }

        if (!await access.CanEditAllAsync(User, headers.Select(h => h.Id).ToList(), ct))
        {
            return Forbid();
        }

        return preview.Show(this, identified, await workbooks.BundleAsync(period, headers, ct), User.Identity?.Name ?? "");
    }
}
