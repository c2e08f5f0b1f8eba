using System.Security.Claims;

namespace ProgramTracker.Web.ViewComponents;

/// <summary>Links for "Nhập bằng Excel" in the inbox: a reviewer's multi-unit page, an officer's own forms, per open period.</summary>
public sealed class ExcelImportViewComponent(ProgramTrackerDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Link(string Text, string Href);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = (ClaimsPrincipal)User;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var reviewer = user.IsInRole(Roles.DistrictStaff);
        if (userId is null || !(reviewer || user.IsInRole(Roles.CommuneOfficer)))
        {
            return Content("");
        }

        // Per bound unit, the two latest open quarters in which it existed (a district's end on 30/06/2025 ends its links).
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var periods = (await db.Periods.AsNoTracking().Where(p => !p.IsLocked && p.Quarter != null).ToListAsync())
            .Where(p => p.StartsOn <= today)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ToList();
        var units = await db.UserUnits.AsNoTracking().Where(u => u.UserId == userId)
            .Select(u => new { u.Unit.Slug, u.Unit.Name, u.Unit.Kind, u.Unit.ValidFrom, u.Unit.ValidTo }).ToListAsync();
        // A commune's quarter whose forms are all submitted or approved takes no upload: no workbook link for it (issue 32.8).
        var periodIds = periods.Select(p => p.Id).ToList();
        var slugs = units.Select(u => u.Slug).ToList();
        var closed = (await db.Submissions.AsNoTracking()
                .Where(s => periodIds.Contains(s.PeriodId) && slugs.Contains(s.Unit.Slug))
                .Select(s => new { s.Unit.Slug, s.PeriodId, s.Status })
                .ToListAsync())
            .GroupBy(s => (s.Slug, s.PeriodId))
            .Where(g => g.All(s => Core.Workflow.WorkflowRules.LocksValues(s.Status)))
            .Select(g => g.Key)
            .ToHashSet();
        var links = (from u in units
                     from p in periods.Where(p => AdministrativeUnit.Overlaps(u.ValidFrom, u.ValidTo, p.StartsOn, p.EndsOn)).Take(2)
                     where !(AdministrativeUnit.IsCommuneLevelKind(u.Kind) && closed.Contains((u.Slug, p.Id)))
                     select reviewer && !AdministrativeUnit.IsCommuneLevelKind(u.Kind)
                         ? new Link(Formats.Current.Format("Workbook.LinkUnits", AdministrativeUnit.FullNameOf(u.Kind, u.Name), p.Label), $"/entry/{p.Code}/import?unit={Uri.EscapeDataString(u.Slug)}")
                         : AdministrativeUnit.IsCommuneLevelKind(u.Kind)
                             ? new Link(Formats.Current.Format("Workbook.LinkWorkbook", AdministrativeUnit.FullNameOf(u.Kind, u.Name), p.Label), $"/communes/{u.Slug}/entry/{p.Code}/workbook.xlsx")
                             : null)
            .OfType<Link>().ToList();
        return View(links);
    }
}
