using System.Security.Claims;

namespace ProgramTracker.Web.Models.Inbox;

public sealed record InboxItem(
    string UnitName,
    string EntryPath,
    string SetName,
    string? SetNameEn,
    string PeriodLabel,
    DateOnly? Deadline,
    SubmissionStatus Status,
    string? Comment,
    string? By,
    bool Overdue)
{
    /// <summary>Values of the form warned by a soft rule (issue 25).</summary>
    public int Flags { get; init; }

    /// <summary>Values the reviewer marked for follow-up, still open.</summary>
    public int FollowUps { get; init; }
}

public sealed record InboxModel(string Role, IReadOnlyList<InboxItem> Due, IReadOnlyList<InboxItem> Returned, IReadOnlyList<InboxItem> Waiting, IReadOnlyList<InboxItem> NotSubmitted)
{
    /// <summary>
    /// The first piece of work on the list, in the list's own order, that is not the form at <paramref name="currentPath"/>:
    /// for an officer a returned form, then a due one; for a reviewer a submission waiting for review. Null when none is left.
    /// </summary>
    public InboxItem? NextAfter(string? currentPath)
    {
        IEnumerable<InboxItem> work = Role == Roles.CommuneOfficer ? Returned.Concat(Due) : Waiting;
        return work.FirstOrDefault(i => !string.Equals(i.EntryPath.Split('?', '#')[0], currentPath, StringComparison.OrdinalIgnoreCase));
    }
}

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

        // The units whose forms this person answers for: own units; for staff also every unit up to two levels below
        // (a province's communes, a district's communes, a province's districts and their former communes).
        var units = await db.Units.AsNoTracking()
            .Where(u => bound.Contains(u.Id)
                || (isDistrict && u.ParentId != null && (bound.Contains(u.ParentId.Value) || (u.Parent!.ParentId != null && bound.Contains(u.Parent.ParentId.Value)))))
            .Where(u => u.Kind != UnitKind.Province && u.Kind != UnitKind.City)
            .OrderBy(u => u.Kind).ThenBy(u => u.Id)
            .Select(u => new
            {
                u.Id, u.Slug, u.Name, u.Kind, u.ValidFrom, u.ValidTo,
                Parent = u.Parent == null ? null : new UnitValidity(u.Parent.Id, u.Parent.Kind, u.Parent.Name, u.Parent.ValidFrom, u.Parent.ValidTo),
                Grandparent = u.Parent == null || u.Parent.Parent == null ? null
                    : new UnitValidity(u.Parent.Parent.Id, u.Parent.Parent.Kind, u.Parent.Parent.Name, u.Parent.Parent.ValidFrom, u.Parent.Parent.ValidTo),
            })
            .ToListAsync(ct);
        var unitIds = units.Select(u => u.Id).ToList();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var periods = (await db.Periods.AsNoTracking().Where(p => !p.IsLocked && p.Quarter != null).ToListAsync(ct))
            .Where(p => p.StartsOn <= today)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ToList();
        var periodIds = periods.Select(p => p.Id).ToList();
        // "Due" means the two latest open quarters of the calendar, not a unit's own last two: a unit that ended in 2025
        // (huyện Ba Chẽ) has nothing due in 2026, and its old quarters do not fill the list with overdue badges.
        var latest = periods.Take(2).Select(p => p.Id).ToHashSet();

        // Sets that can be filled in: those with at least one defined indicator, by level, in force in the period.
        var sets = await db.CriteriaSets.AsNoTracking()
            .Where(s => s.Criteria.Any(c => c.Indicators.Count > 0))
            .OrderBy(s => s.SortOrder)
            .Select(s => new { s.Id, s.Name, s.NameEn, s.Level, s.ValidFrom, s.ValidTo })
            .ToListAsync(ct);
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => unitIds.Contains(s.UnitId) && periodIds.Contains(s.PeriodId))
            .Select(s => new { s.UnitId, s.CriteriaSetId, s.PeriodId, s.Status, s.Comment, s.SubmittedBy, s.ReviewedBy })
            .ToDictionaryAsync(s => (s.UnitId, s.CriteriaSetId, s.PeriodId), ct);

        var flags = await db.ValueFlags.AsNoTracking()
            .Where(fl => unitIds.Contains(fl.UnitId) && periodIds.Contains(fl.PeriodId))
            .GroupBy(fl => new { fl.UnitId, fl.Indicator.Criterion.CriteriaSetId, fl.PeriodId })
            .Select(g => new { g.Key.UnitId, g.Key.CriteriaSetId, g.Key.PeriodId, Flags = g.Select(x => x.IndicatorId).Distinct().Count(), FollowUps = g.Where(x => x.FollowUp && !x.FollowUpClosed).Select(x => x.IndicatorId).Distinct().Count() })
            .ToDictionaryAsync(x => (x.UnitId, x.CriteriaSetId, x.PeriodId), ct);

        var items = new List<(InboxItem Item, bool Recent, bool Reviews)>();
        foreach (var u in units)
        {
            // Each unit's open quarters while it existed, latest first; the two latest are "due".
            var own = periods.Where(p => AdministrativeUnit.Overlaps(u.ValidFrom, u.ValidTo, p.StartsOn, p.EndsOn)).ToList();
            foreach (var p in own)
            {
                var reviewer = AccessRules.Reviewer(new[] { u.Parent, u.Grandparent }.OfType<UnitValidity>(), p.StartsOn, p.EndsOn);
                var reviews = isDistrict && reviewer is not null && bound.Contains(reviewer.Id);
                if (isDistrict && !reviews && !bound.Contains(u.Id))
                {
                    continue;
                }

                var level = u.Kind == UnitKind.District ? UnitLevel.District : UnitLevel.Commune;
                foreach (var s in sets.Where(s => s.Level == level && AdministrativeUnit.Overlaps(s.ValidFrom, s.ValidTo, p.StartsOn, p.EndsOn)))
                {
                    var sub = submissions.GetValueOrDefault((u.Id, s.Id, p.Id));
                    var status = sub?.Status ?? SubmissionStatus.Draft;
                    items.Add((new InboxItem(
                        AdministrativeUnit.FullNameOf(u.Kind, u.Name),
                        $"/{(u.Kind == UnitKind.District ? "districts" : "communes")}/{u.Slug}/entry/{p.Code}",
                        s.Name, s.NameEn, p.Label, p.Deadline, status,
                        sub?.Comment, status == SubmissionStatus.Submitted ? sub?.SubmittedBy : sub?.ReviewedBy,
                        p.Deadline is { } d && d < today && status is SubmissionStatus.Draft or SubmissionStatus.Returned)
                        {
                            Flags = flags.GetValueOrDefault((u.Id, s.Id, p.Id))?.Flags ?? 0,
                            FollowUps = flags.GetValueOrDefault((u.Id, s.Id, p.Id))?.FollowUps ?? 0,
                        }, latest.Contains(p.Id), reviews));
                }
            }
        }

        // Returned and waiting forms stay listed whatever their period; forms not yet sent only for the two latest quarters.
        // Each list: overdue first, then the earliest deadline (the work to do first on top).
        static List<InboxItem> Ordered(IEnumerable<InboxItem> list) =>
            list.OrderByDescending(i => i.Overdue).ThenBy(i => i.Deadline ?? DateOnly.MaxValue).ThenBy(i => i.UnitName, StringComparer.Ordinal).ToList();
        var open = Ordered(items.Where(i => i.Recent && i.Item.Status == SubmissionStatus.Draft).Select(i => i.Item));
        var returned = Ordered(items.Where(i => i.Item.Status == SubmissionStatus.Returned).Select(i => i.Item));
        var waiting = items.Where(i => i.Item.Status == SubmissionStatus.Submitted).ToList();
        return isDistrict
            ? new InboxModel(role, [], returned, Ordered(waiting.Where(i => i.Reviews).Select(i => i.Item)),
                Ordered(items.Where(i => i.Recent && i.Item.Status is SubmissionStatus.Draft or SubmissionStatus.Returned).Select(i => i.Item)))
            : new InboxModel(role, open, returned, Ordered(waiting.Select(i => i.Item)), []);
    }
}
