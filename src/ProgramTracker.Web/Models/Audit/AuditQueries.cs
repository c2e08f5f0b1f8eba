namespace ProgramTracker.Web.Models.Audit;

public sealed record AuditRow(DateTime AtUtc, string UserName, AuditAction Action, string? UnitName, string? PeriodLabel, string? SetName, string? IndicatorName, string? OldValue, string? NewValue, string? Note);

public sealed class AuditFilter
{
    public string? Unit { get; set; }
    public string? Period { get; set; }
    public string? User { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>The cell whose history is shown: which value, of which unit, in which period.</summary>
public sealed record ValueHistory(string UnitName, string IndicatorName, string PeriodLabel, string EntryPath, IReadOnlyList<AuditRow> Rows);

public sealed record AuditPage(AuditFilter Filter, IReadOnlyList<AuditRow> Rows, bool More, IReadOnlyList<(string Slug, string Name)> Units, IReadOnlyList<string> Periods, string? Title = null);

public sealed class AuditQueries(ProgramTrackerDbContext db)
{
    public const int PageSize = 200;

    /// <summary>Audit entries of the given units, newest first, filtered; at most <see cref="PageSize"/> rows.</summary>
    public async Task<AuditPage> SearchAsync(AuditFilter filter, IReadOnlyCollection<int>? allowedUnits, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (allowedUnits is not null)
        {
            query = query.Where(a => a.UnitId != null && allowedUnits.Contains(a.UnitId.Value));
        }

        if (!string.IsNullOrWhiteSpace(filter.Unit))
        {
            query = query.Where(a => a.Unit != null && a.Unit.Slug == filter.Unit);
        }

        if (PeriodCode.TryParse(filter.Period, out var year, out var quarter))
        {
            query = query.Where(a => a.Period != null && a.Period.Year == year && a.Period.Quarter == quarter);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            query = query.Where(a => a.UserName == filter.User.Trim());
        }

        if (filter.From is { } from)
        {
            var f = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc >= f);
        }

        if (filter.To is { } to)
        {
            var t = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc < t);
        }

        var rows = await ToRowsAsync(query.OrderByDescending(a => a.Id).Take(PageSize + 1), ct);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Kind != UnitKind.Province && (allowedUnits == null || allowedUnits.Contains(u.Id)))
            .OrderBy(u => u.Kind).ThenBy(u => u.Id).Select(u => new { u.Slug, u.Name, u.Kind }).ToListAsync(ct);
        var periods = (await db.Periods.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ToListAsync(ct)).Select(p => p.Code).ToList();
        return new AuditPage(filter, rows.Take(PageSize).ToList(), rows.Count > PageSize,
            units.Select(u => (u.Slug, ProgramTracker.Core.Localization.Formats.Current.UnitName(u.Kind, u.Name))).ToList(), periods);
    }

    /// <summary>The history of one cell, with what the cell is; null when unit, indicator or period does not exist.</summary>
    public async Task<ValueHistory?> ValueHistoryPageAsync(int unitId, int indicatorId, int periodId, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Kind, u.Name, u.Slug }).FirstOrDefaultAsync(ct);
        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Id == indicatorId).Select(i => i.Name).FirstOrDefaultAsync(ct);
        var period = await db.Periods.AsNoTracking().Where(p => p.Id == periodId).Select(p => new { p.Year, p.Quarter }).FirstOrDefaultAsync(ct);
        if (unit is null || indicator is null || period is null)
        {
            return null;
        }

        var path = $"/{(AdministrativeUnit.IsCommuneLevelKind(unit.Kind) ? "communes" : "districts")}/{unit.Slug}/entry/{PeriodCode.Format(period.Year, period.Quarter)}";
        return new ValueHistory(ProgramTracker.Core.Localization.Formats.Current.UnitName(unit.Kind, unit.Name), indicator, ProgramTracker.Core.Localization.Formats.Current.Period(period.Year, period.Quarter), path,
            await ValueHistoryAsync(unitId, indicatorId, periodId, ct));
    }

    /// <summary>The history of one cell: every change of one indicator's value for a unit and period.</summary>
    public Task<List<AuditRow>> ValueHistoryAsync(int unitId, int indicatorId, int periodId, CancellationToken ct) =>
        ToRowsAsync(db.AuditEntries.AsNoTracking()
            .Where(a => a.UnitId == unitId && a.IndicatorId == indicatorId && a.PeriodId == periodId)
            .OrderByDescending(a => a.Id), ct);

    private static async Task<List<AuditRow>> ToRowsAsync(IQueryable<AuditEntry> query, CancellationToken ct) =>
        (await query.Select(a => new
            {
                a.AtUtc, a.UserName, a.Action, Unit = a.Unit != null ? a.Unit.Name : null,
                Year = a.Period != null ? (int?)a.Period.Year : null, Quarter = a.Period != null ? a.Period.Quarter : null,
                Set = a.CriteriaSet != null ? a.CriteriaSet.Name : null, Indicator = a.Indicator != null ? a.Indicator.Name : null,
                a.OldValue, a.NewValue, a.Note,
            })
            .ToListAsync(ct))
        .Select(a => new AuditRow(a.AtUtc, a.UserName, a.Action, a.Unit, a.Year is { } y ? ProgramTracker.Core.Localization.Formats.Current.Period(y, a.Quarter) : null,
            a.Set, a.Indicator, a.OldValue, a.NewValue, a.Note))
        .ToList();
}
