using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Units;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.CatalogueImport;
using ProgramTracker.Web.Models.Onboarding;

namespace ProgramTracker.Web.Controllers.Admin;

/// <summary>
/// Commune groups (QĐ 51) and regions (QĐ 318) by file: upload → dry run → "Áp dụng" in one transaction through
/// <see cref="ClassificationImport"/>. A province administrator classifies the units of their province only.
/// </summary>
[Authorize(Policy = Policies.AdministerAccounts)]
[Route("admin/unit-classifications/import")]
public sealed class AdminClassificationImportController(ClassificationImport import, OnboardingFiles files, UnitAccess access, ICurrentUser currentUser, ILogger<AdminClassificationImportController> log) : Controller
{
    private const string Kind = "classifications";
    private const long RequestLimit = 16L * 1024 * 1024;

    [HttpGet("")]
    public IActionResult Upload() => View("Upload", Page());

    [HttpGet("template.xlsx")]
    public IActionResult Template() =>
        File(OnboardingFiles.Template(ClassificationImport.Columns, Formats.Current["ClassImport.SheetName"], Formats.Current), SetTableWriter.XlsxContentType, "phan-nhom-mau.xlsx");

    [HttpPost("")]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Preview(IFormFile? file, CancellationToken ct)
    {
        var page = Page();
        var watch = Stopwatch.StartNew();
        var table = await files.ReadAsync(file, ClassificationImport.Columns, Formats.Current, ct);
        page.FileName = table.FileName;
        page.FileErrors.AddRange(table.Errors);
        if (table.Errors.Count > 0)
        {
            return Unprocessable("Upload", page);
        }

        var rows = table.Rows.Select(r => new ClassificationRow(r.Row, r.Cells["code"], r.Cells["group"], r.Cells["region"], r.Cells["from"], r.Cells["decision"])).ToList();
        page.Plan = await import.PlanAsync(rows, await access.ProfileAsync(User, ct), Formats.Current, ct);
        page.Milliseconds = watch.ElapsedMilliseconds;
        log.LogInformation("Classification import dry run of {File} by {User}: {Rows} rows, {Errors} errors in {Ms} ms",
            table.FileName, currentUser.Name, rows.Count, page.Plan.Errors.Count, watch.ElapsedMilliseconds);
        if (!page.Plan.Ok)
        {
            return Unprocessable("Preview", page);
        }

        if (page.Plan.Rows.Any(r => r.Change != ClassificationChange.Unchanged))
        {
            page.Payload = files.Protect(new OnboardingPayload<ClassificationRow>(Kind, currentUser.Name, table.FileName, table.Sha256, rows));
        }

        return View("Preview", page);
    }

    [HttpPost("apply")]
    [RequestFormLimits(ValueLengthLimit = 16 * 1024 * 1024)]
    public async Task<IActionResult> Apply(string? payload, CancellationToken ct)
    {
        var data = files.Unprotect<ClassificationRow>(payload, Kind, currentUser.Name);
        var page = Page();
        if (data is null)
        {
            page.FileErrors.Add(new ImportError(null, null, Formats.Current["SetImport.PreviewExpired"]));
            return Unprocessable("Upload", page);
        }

        var watch = Stopwatch.StartNew();
        // The note is stored data: in Vietnamese, naming the file and its fingerprint.
        var note = Formats.Vietnamese.Format("ClassImport.AuditNote", data.FileName, data.Sha256[..Math.Min(12, data.Sha256.Length)]);
        page.Plan = await import.ApplyAsync(data.Rows, await access.ProfileAsync(User, ct), note, Formats.Current, ct);
        page.FileName = data.FileName;
        page.Milliseconds = watch.ElapsedMilliseconds;
        if (!page.Plan.Ok)
        {
            return Unprocessable("Preview", page);
        }

        log.LogInformation("Classification import of {File} by {User} applied: {Rows} rows in {Ms} ms", data.FileName, currentUser.Name, page.Plan.Rows.Count, watch.ElapsedMilliseconds);
        page.Applied = true;
        return View("Preview", page);
    }

    private ClassificationImportPage Page() => new() { MaxFileBytes = files.Limits.MaxFileBytes, MaxRows = files.Limits.MaxRows };

    private ViewResult Unprocessable(string view, ClassificationImportPage page)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(view, page);
    }
}
