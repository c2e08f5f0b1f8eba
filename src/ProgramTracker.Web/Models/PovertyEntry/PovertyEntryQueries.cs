using ProgramTracker.Core.Periods;
using System.Globalization;
using System.Security.Claims;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.PovertyEntry;

/// <summary>A district's poverty entry page: its communes' household counts for one period and standard.</summary>
public sealed class PovertyEntryQueries(ProgramTrackerDbContext db, UnitAccess access)
{
    /// <param name="key">A quarter or a year, bound and known before (PeriodAttribute).</param>
    public async Task<PovertyEntryPage?> PageAsync(UnitHeader district, PeriodKey key, string? standardCode, ClaimsPrincipal user, CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ToListAsync(ct);
        var period = key.StoredIn(periods);
        var standards = await db.PovertyStandards.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.Code, s.ShortName }).ToListAsync(ct);
        var standard = standardCode is null ? standards.FirstOrDefault() : standards.FirstOrDefault(s => s.Code == standardCode);
        if (period is null || standard is null)
        {
            return null;
        }

        var list = await db.Units.AsNoTracking()
            .Where(u => u.Id == district.Id || u.ParentId == district.Id)
            .OrderBy(u => u.Kind).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Kind, u.Name })
            .ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var records = await db.PovertyRecords.AsNoTracking()
            .Where(p => p.PeriodId == period.Id && p.StandardId == standard.Id && ids.Contains(p.UnitId))
            .ToDictionaryAsync(p => p.UnitId, ct);
        var index = 0;
        var rows = list.Select(u =>
        {
            records.TryGetValue(u.Id, out var r);
            return new PovertyEntryRow
            {
                UnitId = u.Id, Index = index++, UnitName = Formats.Current.UnitName(u.Kind, u.Name), ReportedPoorRate = r?.ReportedPoorRate,
                ReportedNearPoorRate = r?.ReportedNearPoorRate, Households = r?.HouseholdsTotal?.ToString(CultureInfo.InvariantCulture),
                Poor = r?.PoorHouseholds?.ToString(CultureInfo.InvariantCulture), NearPoor = r?.NearPoorHouseholds?.ToString(CultureInfo.InvariantCulture),
                Version = r?.Version ?? 0,
            };
        }).ToList();

        return new PovertyEntryPage
        {
            District = district, Period = period, Periods = periods, StandardCode = standard.Code,
            Standards = standards.Select(s => (s.Code, s.ShortName)).ToList(), Rows = rows,
            CanEdit = !period.IsLocked && await access.CanEditAsync(user, district.Id, ct),
        };
    }

    /// <summary>The id of the poverty standard a page shows (it exists: the page was loaded with it).</summary>
    public Task<int> StandardIdAsync(string code, CancellationToken ct) =>
        db.PovertyStandards.Where(s => s.Code == code).Select(s => s.Id).SingleAsync(ct);
}
