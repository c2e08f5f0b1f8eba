using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// Who may change which unit's data: commune officers their own communes, district staff every unit of
/// their district. Leaders and admins change no figures. Checked on the server for every write.
/// </summary>
public sealed class UnitPermissions(ProgramTrackerDbContext db)
{
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, int unitId, CancellationToken ct)
    {
        var bound = await BoundUnitsAsync(user, ct);
        if (user.IsInRole(Roles.DistrictStaff))
        {
            return await db.Units.AnyAsync(u => u.Id == unitId && (bound.Contains(u.Id) || (u.ParentId != null && bound.Contains(u.ParentId.Value))), ct);
        }

        return user.IsInRole(Roles.CommuneOfficer) && bound.Contains(unitId);
    }

    /// <summary>Submitting is for the people who enter the unit's data.</summary>
    public Task<bool> CanSubmitAsync(ClaimsPrincipal user, int unitId, CancellationToken ct) => CanEditAsync(user, unitId, ct);

    /// <summary>Review (approve, return, reopen) is for district staff of the unit's district.</summary>
    public async Task<bool> CanReviewAsync(ClaimsPrincipal user, int unitId, CancellationToken ct) =>
        user.IsInRole(Roles.DistrictStaff) && await CanEditAsync(user, unitId, ct);

    /// <summary>Reading is scoped to the person's district: the district and every unit under it. Admins read all.</summary>
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, int unitId, CancellationToken ct) =>
        user.IsInRole(Roles.Admin) || (await ReadableUnitsAsync(user, ct))?.Contains(unitId) != false;

    /// <summary>The units a person may read, or null for all (admins).</summary>
    public async Task<IReadOnlyCollection<int>?> ReadableUnitsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return null;
        }

        var bound = await BoundUnitsAsync(user, ct);
        // A commune binding reads its whole district; a district binding reads itself and its units.
        var districts = await db.Units.Where(u => bound.Contains(u.Id))
            .Select(u => u.Kind == UnitKind.District || u.Kind == UnitKind.Province ? u.Id : u.ParentId ?? u.Id)
            .ToListAsync(ct);
        return await db.Units.Where(u => districts.Contains(u.Id) || (u.ParentId != null && districts.Contains(u.ParentId.Value)))
            .Select(u => u.Id).ToListAsync(ct);
    }

    private async Task<List<int>> BoundUnitsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is null ? [] : await db.UserUnits.Where(u => u.UserId == userId).Select(u => u.UnitId).ToListAsync(ct);
    }
}
