using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Core.Accounts;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>Whether a page is loaded to be read or to be changed.</summary>
public enum UnitRight
{
    Read = 1,
    Edit = 2,
}

/// <summary>
/// The preamble of every unit page, in one place: load the page, 404 when the address names nothing, 403 when the
/// signed-in user may not read (or edit) the unit the page belongs to.
/// </summary>
public static class UnitGuard
{
    /// <summary>The loaded page, or the refusal to return instead (NotFound or Forbid); exactly one is non-null.</summary>
    public static async Task<(T? Page, IActionResult? Refusal)> LoadAsync<T>(this UnitAccess access, ClaimsPrincipal user, Task<T?> load,
        Func<T, int> unitOf, UnitRight right, CancellationToken ct) where T : class
    {
        if (await load is not { } page)
        {
            return (null, new NotFoundResult());
        }

        var unitId = unitOf(page);
        var allowed = right == UnitRight.Edit ? await access.CanEditAsync(user, unitId, ct) : await access.CanReadAsync(user, unitId, ct);
        return allowed ? (page, null) : (null, new ForbidResult());
    }
}
