using System.Diagnostics;
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
public sealed class AdminUserImportController(AccountImport import, OnboardingFiles files, UnitAccess access, ICurrentUser currentUser, ILogger<AdminUserImportController> log) : OnboardingImportController<AccountRow, UserImportPage>(files, currentUser)
{
    protected override string Kind => "accounts";

    protected override IReadOnlyList<ImportColumn> Columns => AccountImport.Columns;

    protected override (string SheetNameKey, string FileName) TemplateFile => ("UserImport.SheetName", "tai-khoan-mau.xlsx");

    protected override async Task<IActionResult> DryRunAsync(OnboardingTable table, UserImportPage page, Stopwatch watch, CancellationToken ct)
    {
        var rows = table.Rows.Select(r => new AccountRow(r.Row, r.Cells["user"], r.Cells["name"], r.Cells["contact"], r.Cells["role"], r.Cells["code"])).ToList();
        page.Plan = await import.PlanAsync(rows, await access.ProfileAsync(User, ct), Formats.Current, ct);
        page.Milliseconds = watch.ElapsedMilliseconds;
        log.LogInformation("Account import dry run of {File} by {User}: {Rows} rows, {Accounts} accounts, {Errors} errors in {Ms} ms",
            table.FileName, CurrentUser.Name, rows.Count, page.Plan.Accounts.Count, page.Plan.Errors.Count, watch.ElapsedMilliseconds);
        if (!page.Plan.Ok)
        {
            return Unprocessable("Preview", page);
        }

        page.Payload = Protect(table, rows);
        return View("Preview", page);
    }

    protected override async Task<IActionResult> ApplyAsync(OnboardingPayload<AccountRow> data, UserImportPage page, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var result = await import.ApplyAsync(data.Rows, await access.ProfileAsync(User, ct), Formats.Current, ct);
        page.FileName = data.FileName;
        page.Plan = result.Plan;
        page.Milliseconds = watch.ElapsedMilliseconds;
        if (!result.Ok)
        {
            log.LogWarning("Account import of {File} by {User} refused at apply: {Errors} errors", data.FileName, CurrentUser.Name, result.Plan.Errors.Count);
            return Unprocessable("Preview", page);
        }

        log.LogInformation("Account import of {File} by {User} applied: {Accounts} accounts in {Ms} ms (hashing {HashMs} ms, writing {WriteMs} ms)",
            data.FileName, CurrentUser.Name, result.Issued.Count, watch.ElapsedMilliseconds, (long)result.Hashing.TotalMilliseconds, (long)result.Writing.TotalMilliseconds);
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
}
