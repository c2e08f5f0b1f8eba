using System.Linq.Expressions;
using ProgramTracker.Core.Periods;
using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using System.Text;

namespace ProgramTracker.Web.Api;

/// <summary>A page of a list: its items in a stable order and the cursor of the next page (null on the last).</summary>
public sealed record Page<T>(
    [property: Description("The page's items, in the list's stable order.")] IReadOnlyList<T> Items,
    [property: Description("The next page's cursor (pass it as `cursor`); null on the last page.")] string? Next);

/// <summary>
/// Opaque cursors for keyset pagination: the sort key of the last item. Rows are ordered by their key, which never
/// changes, so a page never skips or repeats a row whatever is written between two requests (new rows come later).
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static string Encode(params long[] key) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Join('.', key.Select(k => k.ToString(CultureInfo.InvariantCulture)))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The key in a cursor with <paramref name="parts"/> parts; null for no cursor; false when it is not one of ours.</summary>
    public static bool TryDecode(string? cursor, int parts, out long[]? key)
    {
        key = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            var values = Encoding.ASCII.GetString(Convert.FromBase64String(b64)).Split('.');
            if (values.Length != parts)
            {
                return false;
            }

            key = values.Select(v => long.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToArray();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static int Limit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);

    /// <summary>Cuts a list fetched with limit + 1 rows into a page.</summary>
    public static Page<T> Cut<T>(List<T> rows, int limit, Func<T, long[]> key) =>
        rows.Count > limit ? new Page<T>(rows[..limit], Encode(key(rows[limit - 1]))) : new Page<T>(rows, null);
}

/// <summary>An error in a query's filters: the status and the English detail (the title is chosen by the status).</summary>
public sealed record FilterError(int Status, string Detail);

/// <summary>Reads the shared filters: unit (with its descendants, within what the user reads), set, period range.</summary>
public sealed class ApiFilters(ProgramTrackerDbContext db, UnitAccess access)
{
    /// <summary>
    /// The units a list covers: <paramref name="slug"/> and the units below it (two levels), or everything the user
    /// reads; null means every unit (an administrator without a unit filter).
    /// </summary>
    public async Task<(int[]? Ids, FilterError? Error)> UnitsAsync(ClaimsPrincipal user, string? slug, CancellationToken ct)
    {
        var scope = await access.ReadScopeAsync(user, ct);
        if (string.IsNullOrWhiteSpace(slug))
        {
            return (scope.All ? null : scope.UnitIds, null);
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Slug == slug).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (unit is not { } id)
        {
            return (null, new FilterError(StatusCodes.Status404NotFound, Formats.Current.Format("Api.NoUnit", slug)));
        }

        if (!scope.Includes(id))
        {
            return (null, new FilterError(StatusCodes.Status403Forbidden, Formats.Current.Format("Api.MayNotRead", slug)));
        }

        var ids = await db.Units.AsNoTracking()
            .Where(u => u.Id == id || u.ParentId == id || (u.Parent != null && u.Parent.ParentId == id))
            .Select(u => u.Id).ToListAsync(ct);
        return (ids.Where(scope.Includes).Order().ToArray(), null);
    }

    public async Task<(int? Id, FilterError? Error)> SetAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return (null, null);
        }

        var id = await db.CriteriaSets.AsNoTracking().Where(s => s.Code == code).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        return id is null ? (null, new FilterError(StatusCodes.Status404NotFound, Formats.Current.Format("Api.NoSet", code))) : (id, null);
    }

    /// <summary>
    /// A period range as <see cref="PeriodKey.SortKey"/> bounds (the one order of periods: a year after its quarters):
    /// `period` alone, or `from` and/or `to` ("2023-Q1", "2023-H1", "2023"). A half-year or a year covers its quarters
    /// (and a year its stored whole-year figures): as `from` it starts at its first quarter, as `to` it runs to its end.
    /// Filter stored periods with <see cref="StoredRankBetween"/>.
    /// </summary>
    public static (int From, int To, FilterError? Error) PeriodRange(string? period, string? from, string? to)
    {
        if (!string.IsNullOrWhiteSpace(period))
        {
            (from, to) = (period, period);
        }

        var lower = 0;
        var upper = int.MaxValue;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!PeriodKey.TryParse(from, out var key))
            {
                return (0, 0, new FilterError(StatusCodes.Status400BadRequest, Formats.Current.Format("Api.NotAPeriod", from)));
            }

            lower = PeriodKey.OfQuarter(key.Year, key.Quarters[0]).SortKey;
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!PeriodKey.TryParse(to, out var key))
            {
                return (0, 0, new FilterError(StatusCodes.Status400BadRequest, Formats.Current.Format("Api.NotAPeriod", to)));
            }

            upper = key.SortKey;
        }

        return (lower, upper, null);
    }

    /// <summary>
    /// The stored periods (a quarter, or a whole year's own row) whose <see cref="PeriodKey.SortKey"/> lies in
    /// [<paramref name="from"/>, <paramref name="to"/>]: the key's one SQL form, <c>Year * 100 + (Quarter ?? WholeYearRank) * 10</c>,
    /// translated alike by SQLite and PostgreSQL (PeriodRankTests holds it equal to the C# key).
    /// </summary>
    public static Expression<Func<ReportingPeriod, bool>> StoredRankBetween(int from, int to) =>
        p => (p.Year * 100) + ((p.Quarter ?? PeriodKey.WholeYearRank) * 10) >= from && (p.Year * 100) + ((p.Quarter ?? PeriodKey.WholeYearRank) * 10) <= to;

    /// <summary>An indicator named by its id ("12") or its code ("ntm-xa.10.1").</summary>
    public async Task<int?> IndicatorIdAsync(string indicator, CancellationToken ct) =>
        int.TryParse(indicator, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.Indicators.AnyAsync(i => i.Id == id, ct) ? id : null
            : await db.Indicators.Where(i => i.Code == indicator).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);

    /// <summary>A unit's id and kind by its slug; null when no unit has that slug.</summary>
    public async Task<(int Id, UnitKind Kind)?> UnitAsync(string slug, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Slug == slug).Select(u => new { u.Id, u.Kind }).FirstOrDefaultAsync(ct) is { } unit ? (unit.Id, unit.Kind) : null;

    public Task<ReportingPeriod?> PeriodAsync(string code, CancellationToken ct) =>
        PeriodCode.TryParse(code, out var year, out var quarter)
            ? db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Year == year && p.Quarter == quarter, ct)
            : Task.FromResult<ReportingPeriod?>(null);
}
