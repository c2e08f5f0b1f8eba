using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using ProgramTracker.Core.Periods;
using ProgramTracker.Core.Reports;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Reports;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Controllers;

/// <summary>
/// The summary text an upper unit takes to its steering-committee meeting, generated from the stored figures. Without a
/// unit, the reader's own (a province's leader gets the province, not the district of 2023); the unit and the period are
/// bound before the action (<see cref="UnitAttribute"/>, <see cref="PeriodAttribute"/>), access checked before any read.
/// </summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class ReportsController(DashboardQueries queries, UnitAccess access, PageDataCache pages) : Controller
{
    [HttpGet("/reports/summary")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Summary(
        [Unit(UnitTier.Upper, Name = "unit", ReadersOwnWhenLeftOut = true)] UnitHeader unit, [Period] PeriodKey? period, string? print, CancellationToken ct)
    {
        // Built once per data version of the unit's province (docs/adr/0022).
        var selector = await access.ReadScopeAsync(User, ct);
        return await pages.GetOrBuildAsync($"summary|{unit.Id}|{period}|{PageDataCache.ReaderKey(User, selector)}",
                await DataVersionCachePolicy.VersionKeyAsync(HttpContext, unit.Slug, ct),
                async () => await queries.LoadAsync(unit.Id, period, withHighlights: true, ct, selector: selector) is { } data
                    ? new MeetingBriefPage(data, MeetingBriefBuilder.Build(data), false) : null,
                p => PageDataCache.SizeOf(p.Data)) is { } page
            ? View(page with { Print = print == "1" })
            : NotFound();
    }

    /// <summary>
    /// The same summary as a report in the layout of Nghị định 30/2020/NĐ-CP (docs/summary-docx.md): the figures of
    /// the page for the same unit and period, the unit's report settings, dated today by the portal's clock.
    /// </summary>
    [HttpGet("/reports/summary.docx")]
    public async Task<IActionResult> SummaryDocument(
        [Unit(UnitTier.Upper, Name = "unit", ReadersOwnWhenLeftOut = true)] UnitHeader unit, [Period] PeriodKey? period,
        [FromServices] ReportSettingsService settings, [FromServices] TimeProvider clock, [FromServices] IOptions<DashboardOptions> options, CancellationToken ct)
    {
        if (await queries.LoadAsync(unit.Id, period, withHighlights: true, ct, selector: await access.ReadScopeAsync(User, ct)) is not { } data
            || await settings.GetAsync(unit.Id, ct) is not { } own)
        {
            return NotFound();
        }

        // The document is dated in Viet Nam's time (UTC+7), the day its sender sees.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var bytes = SummaryDocx.Write(DashboardPageBuilder.Build(data, options.Value.AtRiskShare), MeetingBriefBuilder.Build(data), new DocxHeader(own, today));
        var language = ProgramTracker.Core.Localization.Formats.Current.IsEnglish ? "-en" : "";
        return File(bytes, SummaryDocx.ContentType, $"bao-cao-{data.Upper.Slug}-{data.Period.Code}{language}.docx");
    }
}
