namespace ProgramTracker.Web.Models.Admin;

/// <summary>Reads for the user administration pages: two queries for the list whatever the number of users.</summary>
public sealed class AdminUserQueries(ProgramTrackerDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserListRow>> ListAsync(CancellationToken ct) => await RowsAsync(db.Users, ct);

    public async Task<UserListRow?> RowAsync(string id, CancellationToken ct) =>
        await RowsAsync(db.Users.Where(u => u.Id == id), ct) is [var row] ? row : null;

    public async Task<IReadOnlyList<int>> UnitIdsAsync(string userId, CancellationToken ct) =>
        await db.UserUnits.AsNoTracking().Where(x => x.UserId == userId).Select(x => x.UnitId).ToListAsync(ct);

    /// <summary>Every unit with its parent, in id order (<see cref="UnitChoiceGroup.Of"/> puts them in tree order); units no longer valid are still listed (history).</summary>
    public async Task<IReadOnlyList<UnitChoice>> UnitChoicesAsync(CancellationToken ct) =>
        await db.Units.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => new UnitChoice(u.Id, u.Name, u.Kind, u.ParentId, u.StatisticsCode, u.ValidTo))
            .ToListAsync(ct);

    private async Task<IReadOnlyList<UserListRow>> RowsAsync(IQueryable<AppUser> users, CancellationToken ct)
    {
        var rows = await users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.FullName, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled,
                Units = u.Units.OrderBy(x => x.Unit.Kind).ThenBy(x => x.UnitId).Select(x => new { x.Unit.Kind, x.Unit.Name }).ToList(),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(r => new UserListRow(
                r.Id, r.UserName ?? "", r.FullName, roles.FirstOrDefault(x => x.UserId == r.Id)?.Name,
                r.Units.Select(u => Formats.Current.UnitName(u.Kind, u.Name)).ToList(),
                r.IsDisabled, r.LockoutEnd is { } end && end > now, r.TwoFactorEnabled))
            .ToList();
    }
}
