using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Web.Models.Inbox;

public sealed record InboxItem(
    string UnitName,
    string EntryPath,
    string SetName,
    string PeriodLabel,
    DateOnly? Deadline,
    SubmissionStatus Status,
    string? Comment,
    string? By,
    bool Overdue);

public sealed record InboxModel(string Role, IReadOnlyList<InboxItem> Due, IReadOnlyList<InboxItem> Returned, IReadOnlyList<InboxItem> Waiting, IReadOnlyList<InboxItem> NotSubmitted);

/// <summary>
/// "Việc của tôi": forms due in open periods for the units a person enters, and for district staff the
/// submissions waiting for review and the units that have not submitted.
/// </summary>
public sealed class InboxQueries(ProgramTrackerDbContext db, TimeProvider clock)
{
    public async Task<InboxModel> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var bound = userId is null ? [] : await db.UserUnits.Where(u => u.UserId == userId).Select(u => u.UnitId).ToListAsync(ct);
        var isDistrict = user.IsInRole(Roles.DistrictStaff);
        var role = isDistrict ? Roles.DistrictStaff : user.IsInRole(Roles.CommuneOfficer) ? Roles.CommuneOfficer : "other";
        if (role == "other")
        {
            return new InboxModel(role, [], [], [], []);
        }

        // The units whose forms this person answers for: own communes, or the district and all its units.
        var units = await db.Units.AsNoTracking()
            .Where(u => bound.Contains(u.Id) || (isDistrict && u.ParentId != null && bound.Contains(u.ParentId.Value)))
            .Where(u => u.Kind != UnitKind.Province)
            .OrderBy(u => u.Kind).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Slug, u.Name, u.Kind })
            .ToListAsync(ct);
        var unitIds = units.Select(u => u.Id).ToList();

        var periods = await db.Periods.AsNoTracking().Where(p => !p.IsLocked && p.Quarter != null)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).Take(2).ToListAsync(ct);
        var periodIds = periods.Select(p => p.Id).ToList();

        // Sets that can be filled in: those with at least one defined indicator, by level.
        var sets = await db.CriteriaSets.AsNoTracking()
            .Where(s => s.Criteria.Any(c => c.Indicators.Count > 0))
            .OrderBy(s => s.SortOrder)
            .Select(s => new { s.Id, s.Name, s.Level })
            .ToListAsync(ct);
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => unitIds.Contains(s.UnitId) && periodIds.Contains(s.PeriodId))
            .Select(s => new { s.UnitId, s.CriteriaSetId, s.PeriodId, s.Status, s.Comment, s.SubmittedBy, s.ReviewedBy })
            .ToListAsync(ct);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var items = (from u in units
                     from p in periods
                     from s in sets
                     where s.Level == (u.Kind == UnitKind.District ? UnitLevel.District : UnitLevel.Commune)
                     let sub = submissions.FirstOrDefault(x => x.UnitId == u.Id && x.CriteriaSetId == s.Id && x.PeriodId == p.Id)
                     let status = sub?.Status ?? SubmissionStatus.Draft
                     select new InboxItem(
                         AdministrativeUnit.FullNameOf(u.Kind, u.Name),
                         $"/{(u.Kind == UnitKind.District ? "districts" : "communes")}/{u.Slug}/entry/{p.Code}",
                         s.Name, p.Label, p.Deadline, status,
                         sub?.Comment, status == SubmissionStatus.Submitted ? sub?.SubmittedBy : sub?.ReviewedBy,
                         p.Deadline is { } d && d < today && status is SubmissionStatus.Draft or SubmissionStatus.Returned))
            .ToList();

        var open = items.Where(i => i.Status is SubmissionStatus.Draft or SubmissionStatus.Returned).ToList();
        return isDistrict
            ? new InboxModel(role, [], items.Where(i => i.Status == SubmissionStatus.Returned).ToList(),
                items.Where(i => i.Status == SubmissionStatus.Submitted).ToList(), open)
            : new InboxModel(role, open.Where(i => i.Status == SubmissionStatus.Draft).ToList(),
                open.Where(i => i.Status == SubmissionStatus.Returned).ToList(), items.Where(i => i.Status == SubmissionStatus.Submitted).ToList(), []);
    }
}
