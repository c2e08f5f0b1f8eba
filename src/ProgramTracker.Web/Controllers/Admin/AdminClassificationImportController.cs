using System.Diagnostics;
using ProgramTracker.Core.Units;
using ProgramTracker.Web.Models.CatalogueImport;
using ProgramTracker.Web.Models.Onboarding;

namespace ProgramTracker.Web.Controllers.Admin;

/// <summary>
/// Commune groups (QĐ 51) and regions (QĐ 318) by file: upload → dry run → "Áp dụng" in one transaction through
/// <see cref="ClassificationImport"/>. A province administrator classifies the units of their province only.
/// </summary>
[Authorize(Policy = Policies.AdministerAccounts)]
[Route("admin/unit-classifications/import")]
public sealed class AdminClassificationImportController(ClassificationImport import, OnboardingFiles files, UnitAccess access, ICurrentUser currentUser, ILogger<AdminClassificationImportController> log) : OnboardingImportController<ClassificationRow, ClassificationImportPage>(files, currentUser)
{
    protected override string Kind => "classifications";

    protected override IReadOnlyList<ImportColumn> Columns => ClassificationImport.Columns;

    protected override (string SheetNameKey, string FileName) TemplateFile => ("ClassImport.SheetName", "phan-nhom-mau.xlsx");

    protected override async Task<IActionResult> DryRunAsync(OnboardingTable table, ClassificationImportPage page, Stopwatch watch, CancellationToken ct)
    {
        var rows = table.Rows.Select(r => new ClassificationRow(r.Row, r.Cells["code"], r.Cells["group"], r.Cells["region"], r.Cells["from"], r.Cells["decision"])).ToList();
        page.Plan = await import.PlanAsync(rows, await access.ProfileAsync(User, ct), Formats.Current, ct);
        page.Milliseconds = watch.ElapsedMilliseconds;
        log.LogInformation("Classification import dry run of {File} by {User}: {Rows} rows, {Errors} errors in {Ms} ms",
            table.FileName, CurrentUser.Name, rows.Count, page.Plan.Errors.Count, watch.ElapsedMilliseconds);
        if (!page.Plan.Ok)
        {
            return Unprocessable("Preview", page);
        }

        if (page.Plan.Rows.Any(r => r.Change != ClassificationChange.Unchanged))
        {
            page.Payload = Protect(table, rows);
        }

        return View("Preview", page);
    }

    protected override async Task<IActionResult> ApplyAsync(OnboardingPayload<ClassificationRow> data, ClassificationImportPage page, CancellationToken ct)
    {
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

        log.LogInformation("Classification import of {File} by {User} applied: {Rows} rows in {Ms} ms", data.FileName, CurrentUser.Name, page.Plan.Rows.Count, watch.ElapsedMilliseconds);
        page.Applied = true;
        return View("Preview", page);
    }
}
