using ProgramTracker.Web.Models.CatalogueImport;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Trust;

namespace ProgramTracker.Web.Controllers;

/// <summary>Issue 25's reports for reviewers and leaders, in their scope: who reported on time, and which values are warned.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class TrustReportsController(TrustReportQueries queries, DashboardQueries dashboard, UnitAccess access) : Controller
{
    [HttpGet("/reports/completeness")]
    public async Task<IActionResult> Completeness(string? unit, string? period, CancellationToken ct)
    {
        var (target, quarter, quarters, refusal) = await ResolveAsync(unit, period, ct);
        return refusal ?? View(await queries.CompletenessAsync(target, quarter!, quarters, ct));
    }

    [HttpGet("/reports/validation")]
    public async Task<IActionResult> Validation(string? unit, string? period, CancellationToken ct)
    {
        var (target, quarter, quarters, refusal) = await ResolveAsync(unit, period, ct);
        return refusal ?? View(await queries.ValidationAsync(target, quarter!, quarters, ct));
    }

    /// <summary>The completeness report as a workbook: the same unit, quarter and rows as the page.</summary>
    [HttpGet("/reports/completeness.xlsx")]
    public async Task<IActionResult> CompletenessXlsx(string? unit, string? period, CancellationToken ct)
    {
        var (target, quarter, quarters, refusal) = await ResolveAsync(unit, period, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var page = await queries.CompletenessAsync(target, quarter!, quarters, ct);
        return File(TrustExcel.Completeness(page, Formats.Current), SetTableWriter.XlsxContentType, $"{Formats.Current["TrustXlsx.CompletenessFile"]}-{page.UnitSlug}-{page.Period.Code}.xlsx");
    }

    /// <summary>The validation report as a workbook: the same unit, quarter and flagged values as the page.</summary>
    [HttpGet("/reports/validation.xlsx")]
    public async Task<IActionResult> ValidationXlsx(string? unit, string? period, CancellationToken ct)
    {
        var (target, quarter, quarters, refusal) = await ResolveAsync(unit, period, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var page = await queries.ValidationAsync(target, quarter!, quarters, ct);
        return File(TrustExcel.Validation(page, Formats.Current), SetTableWriter.XlsxContentType, $"{Formats.Current["TrustXlsx.ValidationFile"]}-{page.UnitSlug}-{page.Period.Code}.xlsx");
    }

    private async Task<((int Id, string Slug, string Name) Unit, Core.Domain.ReportingPeriod? Period, List<Core.Domain.ReportingPeriod> Quarters, IActionResult? Refusal)> ResolveAsync(string? unit, string? period, CancellationToken ct)
    {
        // Without a unit: the reader's own, as the dashboard chooses it. Access first: nothing of a unit is read for someone who may not see it.
        unit ??= await dashboard.DefaultUnitSlugAsync(await access.ProfileAsync(User, ct), await access.ReadScopeAsync(User, ct), ct);
        if (await queries.UnitAsync(unit, ct) is not { } target)
        {
            return (default, null, [], NotFound());
        }

        if (!await access.CanReadAsync(User, target.Id, ct))
        {
            return (target, null, [], Forbid());
        }

        var (quarter, quarters) = await queries.PeriodAsync(period, ct);
        return quarter is null ? (target, null, quarters, NotFound()) : (target, quarter, quarters, null);
    }
}
