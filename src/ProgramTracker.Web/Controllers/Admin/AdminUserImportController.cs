using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Localization;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.CatalogueImport;
using ProgramTracker.Web.Models.Onboarding;

namespace ProgramTracker.Web.Controllers.Admin;

/// <summary>
/// Accounts in bulk: upload (.xlsx or .csv) → dry run (each row's account or its errors) → "Áp dụng", which creates
/// every account or none (<see cref="AccountImport"/>, through <see cref="UserAdministration.CreateManyAsync"/>) and
/// answers with the one-time passwords as a sheet to download, once: they are in that response only.
/// </summary>
[Authorize(Policy = Policies.AdministerAccounts)]
[Route("admin/users/import")]
public sealed class AdminUserImportController(AccountImport import, OnboardingFiles files, UnitAccess access, ICurrentUser currentUser, ILogger<AdminUserImportController> log) : Controller
{
    private const string Kind = "accounts";
    private const long RequestLimit = 16L * 1024 * 1024;

    [HttpGet("")]
    public IActionResult Upload() => View("Upload", Page());

    [HttpGet("template.xlsx")]
    public IActionResult Template() =>
        File(OnboardingFiles.Template(AccountImport.Columns, Formats.Current["UserImport.SheetName"], Formats.Current), SetTableWriter.XlsxContentType, "tai-khoan-mau.xlsx");

    [HttpPost("")]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Preview(IFormFile? file, CancellationToken ct)
    {
        var page = Page();
        var watch = Stopwatch.StartNew();
        var table = await files.ReadAsync(file, AccountImport.Columns, Formats.Current, ct);
        page.FileName = table.FileName;
        page.FileErrors.AddRange(table.Errors);
        if (table.Errors.Count > 0)
        {
            return Unprocessable("Upload", page);
        }

        var rows = table.Rows.Select(r => new AccountRow(r.Row, r.Cells["user"], r.Cells["name"], r.Cells["contact"], r.Cells["role"], r.Cells["code"])).ToList();
        page.Plan = await import.PlanAsync(rows, await access.ProfileAsync(User, ct), Formats.Current, ct);
        page.Milliseconds = watch.ElapsedMilliseconds;
        log.LogInformation("Account import dry run of {File} by {User}: {Rows} rows, {Accounts} accounts, {Errors} errors in {Ms} ms",
            table.FileName, currentUser.Name, rows.Count, page.Plan.Accounts.Count, page.Plan.Errors.Count, watch.ElapsedMilliseconds);
        if (!page.Plan.Ok)
        {
            return Unprocessable("Preview", page);
        }

        page.Payload = files.Protect(new OnboardingPayload<AccountRow>(Kind, currentUser.Name, table.FileName, table.Sha256, rows));
        return View("Preview", page);
    }

    [HttpPost("apply")]
    [RequestFormLimits(ValueLengthLimit = 16 * 1024 * 1024)]
    public async Task<IActionResult> Apply(string? payload, CancellationToken ct)
    {
        var data = files.Unprotect<AccountRow>(payload, Kind, currentUser.Name);
        var page = Page();
        if (data is null)
        {
            page.FileErrors.Add(new ImportError(null, null, Formats.Current["SetImport.PreviewExpired"]));
            return Unprocessable("Upload", page);
        }

        var watch = Stopwatch.StartNew();
        var result = await import.ApplyAsync(data.Rows, await access.ProfileAsync(User, ct), Formats.Current, ct);
        page.FileName = data.FileName;
        page.Plan = result.Plan;
        page.Milliseconds = watch.ElapsedMilliseconds;
        if (!result.Ok)
        {
            log.LogWarning("Account import of {File} by {User} refused at apply: {Errors} errors", data.FileName, currentUser.Name, result.Plan.Errors.Count);
            return Unprocessable("Preview", page);
        }

        log.LogInformation("Account import of {File} by {User} applied: {Accounts} accounts in {Ms} ms (hashing {HashMs} ms, writing {WriteMs} ms)",
            data.FileName, currentUser.Name, result.Issued.Count, watch.ElapsedMilliseconds, (long)result.Hashing.TotalMilliseconds, (long)result.Writing.TotalMilliseconds);
        // For bench/run: where the apply's time went (ms).
        Response.Headers["X-Import-Timings"] = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"hashing={(long)result.Hashing.TotalMilliseconds} writing={(long)result.Writing.TotalMilliseconds} total={watch.ElapsedMilliseconds}");
        page.Issued = result.Issued;
        page.PasswordSheet = PasswordSheet.Xlsx(result.Issued, Formats.Current);
        page.PasswordCsv = PasswordSheet.Csv(result.Issued, Formats.Current);
        // The passwords are in this answer only: no page, proxy or browser may keep it.
        Response.Headers.CacheControl = "no-store";
        return View("Applied", page);
    }

    private UserImportPage Page() => new() { MaxFileBytes = files.Limits.MaxFileBytes, MaxRows = files.Limits.MaxRows };

    private ViewResult Unprocessable(string view, UserImportPage page)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(view, page);
    }
}
