using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Reports;

using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Web.Infrastructure.Security;

using ProgramTracker.Web.Infrastructure;

namespace ProgramTracker.Web.Controllers;

/// <summary>The summary text a district takes to its steering-committee meeting, generated from the stored figures.</summary>
[Authorize(Policy = Policies.ReadData)]
public sealed class ReportsController(DashboardQueries queries, UnitAccess access, PageDataCache pages,
    ProgramTracker.Core.Data.CurrentCatalogue catalogue) : Controller
{
    [HttpGet("/reports/summary")]
    [OutputCache(PolicyName = DataVersionCachePolicy.Name)]
    public async Task<IActionResult> Summary(string? unit, string? period, string? print, CancellationToken ct)
    {
        // Without a unit: the reader's own (a province's leader gets the province, not the district of 2023).
        unit ??= await queries.DefaultUnitSlugAsync(await access.ProfileAsync(User, ct), await access.ReadScopeAsync(User, ct), ct);
        // Access first: nothing of a unit is read for someone who may not see it.
        if (await queries.UpperUnitIdAsync(unit, ct) is not { } id)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, id, ct))
        {
            return Forbid();
        }

        // Built once per data version of the unit's province (docs/adr/0022).
        var selector = await access.ReadScopeAsync(User, ct);
        return await pages.GetOrBuildAsync($"summary|{id}|{period}|{PageDataCache.ReaderKey(User, selector)}",
                await DataVersionCachePolicy.VersionKeyAsync(catalogue, unit, ct),
                async () => await queries.LoadAsync(unit, period, withHighlights: true, ct, selector: selector) is { } data
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
        string? unit, string? period, [FromServices] ProgramTracker.Core.Reports.ReportSettingsService settings,
        [FromServices] TimeProvider clock, [FromServices] Microsoft.Extensions.Options.IOptions<DashboardOptions> options, CancellationToken ct)
    {
        unit ??= await queries.DefaultUnitSlugAsync(await access.ProfileAsync(User, ct), await access.ReadScopeAsync(User, ct), ct);
        if (await queries.UpperUnitIdAsync(unit, ct) is not { } id)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, id, ct))
        {
            return Forbid();
        }

        if (await queries.LoadAsync(unit, period, withHighlights: true, ct, selector: await access.ReadScopeAsync(User, ct)) is not { } data
            || await settings.GetAsync(id, ct) is not { } own)
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
