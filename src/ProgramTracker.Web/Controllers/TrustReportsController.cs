using ProgramTracker.Core.Periods;
using ProgramTracker.Web.Models.CatalogueImport;
using ProgramTracker.Web.Models.Trust;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

/// <summary>
/// Issue 25's reports for reviewers and leaders, in their scope: who reported on time, and which values are warned. Any
/// unit the reader may read (their own when none is named) and a quarter (the latest begun when none is named), bound
/// before the action: 404 for an unknown unit or period, 403 for someone else's unit, before anything of it is read.
/// </summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class TrustReportsController(TrustReportQueries queries, PageDataCache pages) : Controller
{
    /// <summary>
    /// Built once per data version of the unit's province and of the catalogue (docs/adr/0022), as the dashboard: a submission,
    /// an approval or a new deadline changes the key; the quarter left out is today's, which the key holds too.
    /// </summary>
    [HttpGet("/reports/completeness")]
    public async Task<IActionResult> Completeness(
        [Unit(UnitTier.Any, Name = "unit", ReadersOwnWhenLeftOut = true)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey? period, CancellationToken ct) =>
        await pages.GetOrBuildAsync($"completeness|{unit.Id}|{period}", await DataVersionCachePolicy.VersionKeyAsync(HttpContext, unit.Slug, ct),
                () => queries.CompletenessAsync(unit, period, ct), p => 1 + (p.Rows.Count / 8)) is { } page
            ? View(page)
            : NotFound();

    [HttpGet("/reports/validation")]
    public async Task<IActionResult> Validation(
        [Unit(UnitTier.Any, Name = "unit", ReadersOwnWhenLeftOut = true)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey? period, CancellationToken ct) =>
        await queries.ValidationAsync(unit, period, ct) is { } page ? View(page) : NotFound();

    /// <summary>The completeness report as a workbook: the same unit, quarter and rows as the page.</summary>
    [HttpGet("/reports/completeness.xlsx")]
    public async Task<IActionResult> CompletenessXlsx(
        [Unit(UnitTier.Any, Name = "unit", ReadersOwnWhenLeftOut = true)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey? period, CancellationToken ct) =>
        await queries.CompletenessAsync(unit, period, ct) is { } page
            ? File(TrustExcel.Completeness(page, Formats.Current), SetTableWriter.XlsxContentType, $"{Formats.Current["TrustXlsx.CompletenessFile"]}-{page.UnitSlug}-{page.Period.Code}.xlsx")
            : NotFound();

    /// <summary>The validation report as a workbook: the same unit, quarter and flagged values as the page.</summary>
    [HttpGet("/reports/validation.xlsx")]
    public async Task<IActionResult> ValidationXlsx(
        [Unit(UnitTier.Any, Name = "unit", ReadersOwnWhenLeftOut = true)] UnitHeader unit, [Period(PeriodSpans.Quarter)] PeriodKey? period, CancellationToken ct) =>
        await queries.ValidationAsync(unit, period, ct) is { } page
            ? File(TrustExcel.Validation(page, Formats.Current), SetTableWriter.XlsxContentType, $"{Formats.Current["TrustXlsx.ValidationFile"]}-{page.UnitSlug}-{page.Period.Code}.xlsx")
            : NotFound();
}
