using ProgramTracker.Core.Periods;
using ProgramTracker.Core.Catalogue;

namespace ProgramTracker.Web.Api;

/// <summary>The catalogue and the calendar as the API lists them: programmes, criteria sets, units, periods.</summary>
public sealed class ApiCatalogueQueries(ProgramTrackerDbContext db)
{
    public Task<List<ProgrammeDto>> ProgrammesAsync(string? code, CancellationToken ct) =>
        ProgrammeQuery(db.Programmes.Where(p => code == null || p.Code == code)).ToListAsync(ct);

    public Task<List<CriteriaSetDto>> SetsAsync(string? programme, string? code, CancellationToken ct) =>
        SetQuery(db.CriteriaSets.Where(s => (programme == null || s.Programme.Code == programme) && (code == null || s.Code == code))).ToListAsync(ct);

    /// <summary>One set with its criteria, indicators and versions (thresholds by zone); null when no set has that code.</summary>
    public async Task<CriteriaSetDetailDto?> SetAsync(string code, Formats f, CancellationToken ct)
    {
        var set = (await SetsAsync(null, code, ct)).FirstOrDefault();
        if (set is null)
        {
            return null;
        }

        var criteria = await db.Criteria.AsNoTracking().Where(c => c.CriteriaSet.Code == code).OrderBy(c => c.Number)
            .Select(c => new CriterionDto(c.Number, c.Name, c.GroupName, c.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
                .Select(i => new IndicatorDto(i.Id, i.Code, i.Name, i.Unit, i.ValueType, i.Frequency)).ToList()))
            .ToListAsync(ct);
        var versions = await db.CriteriaSetVersions.AsNoTracking().Where(v => v.CriteriaSet.Code == code).OrderBy(v => v.Number)
            .Select(v => new VersionDto(v.Number, v.EffectiveFrom, v.Changes, v.Thresholds.OrderBy(t => t.Indicator.Code).ThenBy(t => t.Zone)
                .Select(t => new ThresholdDto(t.Indicator.Code, t.Zone, t.Comparator, t.Value, t.Text)).ToList()))
            .ToListAsync(ct);
        // The change log is stored as data: in the caller's language, like every text of the API.
        return new CriteriaSetDetailDto(set, criteria, versions.Select(v => v with { Changes = ChangeText.Log(v.Changes, f) }).ToList());
    }

    /// <summary>A page of units among <paramref name="ids"/> (null: all), after the cursor's id, by statistics code and validity day.</summary>
    public async Task<Page<UnitDto>> UnitsAsync(int[]? ids, string? code, DateOnly? validOn, long[]? after, int take, CancellationToken ct)
    {
        var last = after?[0] ?? 0;
        var query = db.Units.AsNoTracking().Where(u => (ids == null || ids.Contains(u.Id)) && u.Id > last);
        if (code is not null)
        {
            query = query.Where(u => u.StatisticsCode == code);
        }

        if (validOn is { } day)
        {
            query = query.Where(u => (u.ValidFrom == null || u.ValidFrom <= day) && (u.ValidTo == null || u.ValidTo >= day));
        }

        var rows = await UnitQuery(query.OrderBy(u => u.Id).Take(take + 1)).ToListAsync(ct);
        return Cursor.Cut(rows, take, u => [u.Id]);
    }

    public Task<UnitDto?> UnitAsync(string slug, CancellationToken ct) =>
        UnitQuery(db.Units.AsNoTracking().Where(u => u.Slug == slug)).FirstOrDefaultAsync(ct);

    public async Task<List<PeriodDto>> PeriodsAsync(CancellationToken ct) =>
        (await db.Periods.AsNoTracking().ToListAsync(ct)).OrderBy(p => PeriodKey.Of(p.Year, p.Quarter).SortKey)
            .Select(p => new PeriodDto(p.Code, p.Year, p.Quarter, p.Label, p.StartsOn, p.EndsOn, p.IsLocked, p.Deadline)).ToList();

    private static IQueryable<ProgrammeDto> ProgrammeQuery(IQueryable<Programme> programmes) =>
        programmes.AsNoTracking().AsSplitQuery().OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new ProgrammeDto(p.Code, p.Name, p.LocalName, p.LegalBasis, p.Phase, p.Targets,
                p.Projects.OrderBy(x => x.Number).Select(x => new ProjectDto(x.Number, x.Name, x.TitleConfirmed)).ToList(),
                p.CriteriaSets.OrderBy(s => s.SortOrder).Select(s => s.Code).ToList()));

    private static IQueryable<CriteriaSetDto> SetQuery(IQueryable<CriteriaSet> sets) =>
        sets.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new CriteriaSetDto(s.Code, s.Name, s.Programme.Code, s.Level, s.Tier, s.Phase, s.LegalBasis, s.DeclaredCriteria,
                s.DeclaredIndicators, s.ValidFrom, s.ValidTo, s.ThresholdScheme));

    private IQueryable<UnitDto> UnitQuery(IQueryable<AdministrativeUnit> units) =>
        units.Select(u => new UnitDto(u.Id, u.Slug, u.Name, u.Kind, AdministrativeUnit.FullNameOf(u.Kind, u.Name), u.Parent != null ? u.Parent.Slug : null,
            u.ValidFrom, u.ValidTo, u.StatisticsCode,
            db.Set<ReorganisationPart>().Where(p => p.PredecessorId == u.Id).OrderBy(p => p.Reorganisation.EffectiveOn).ThenBy(p => p.Id)
                .Select(p => new SuccessorDto(p.Successor.Slug, p.Reorganisation.ActNumber, p.Reorganisation.EffectiveOn, p.Whole)).ToList()));
}
