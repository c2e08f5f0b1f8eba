using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Catalogue;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Web.Infrastructure.Api;
using ProgramTracker.Web.Models.Api;

namespace ProgramTracker.Web.Controllers.Api;

/// <summary>The catalogue and the calendar: programmes, criteria sets (versions, criteria, indicators, thresholds), units, periods.</summary>
[Route("api/v1")]
public sealed class ApiCatalogueController(ProgramTrackerDbContext db, ApiFilters filters) : ApiControllerBase
{
    [HttpGet("programmes")]
    public async Task<ActionResult<Page<ProgrammeDto>>> Programmes(CancellationToken ct) =>
        new Page<ProgrammeDto>(await ProgrammeQuery(db.Programmes).ToListAsync(ct), null);

    [HttpGet("programmes/{code}")]
    public async Task<ActionResult<ProgrammeDto>> Programme(string code, CancellationToken ct) =>
        await ProgrammeQuery(db.Programmes.Where(p => p.Code == code)).FirstOrDefaultAsync(ct) is { } p ? p : NotFoundProblem(F.Format("Api.NoProgramme", code));

    [HttpGet("criteria-sets")]
    public async Task<ActionResult<Page<CriteriaSetDto>>> CriteriaSets(string? programme, CancellationToken ct) =>
        new Page<CriteriaSetDto>(await SetQuery(db.CriteriaSets.Where(s => programme == null || s.Programme.Code == programme)).ToListAsync(ct), null);

    [HttpGet("criteria-sets/{code}")]
    public async Task<ActionResult<CriteriaSetDetailDto>> CriteriaSet(string code, CancellationToken ct)
    {
        var set = await SetQuery(db.CriteriaSets.Where(s => s.Code == code)).FirstOrDefaultAsync(ct);
        if (set is null)
        {
            return NotFoundProblem(F.Format("Api.NoSet", code));
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
        return new CriteriaSetDetailDto(set, criteria, versions.Select(v => v with { Changes = ChangeText.Log(v.Changes, F) }).ToList());
    }

    /// <summary>Units the token's user reads (or <paramref name="unit"/> and the units below it), by id, with validity and successors.</summary>
    [HttpGet("units")]
    [EndpointSummary("Units: provinces, communes and wards, with statistics code, kind, parent and validity")]
    [EndpointDescription("Every unit the token's user may read, in id order and pages of `limit`. Filters combine: `unit` (a slug: that unit and the two levels below it), "
        + "`code` (a statistics code of the official register, e.g. 06970), `validOn` (units in force on that day). Example: `?unit=quang-ninh&validOn=2025-07-01&limit=1000` "
        + "lists the province quang-ninh and its 54 communes and wards.")]
    public async Task<ActionResult<Page<UnitDto>>> Units(
        [Description("A unit's slug (e.g. quang-ninh): that unit and the units below it (two levels).")] string? unit,
        [Description("A statistics code of the official register (e.g. 06970 for a commune, 22 for a province): the unit with that code.")] string? code,
        [Description("A day (yyyy-MM-dd): only units in force on that day (valid from on or before it, valid to on or after it).")] DateOnly? validOn,
        [Description("The next page's cursor, from the previous page's `next`.")] string? cursor,
        [Description("Rows per page: 1 to 1000 (100 when absent).")] int? limit,
        CancellationToken ct)
    {
        var (ids, error) = await filters.UnitsAsync(User, unit, ct);
        if (error is not null)
        {
            return error.ToResult();
        }

        if (code is not null && (code.Length is 0 or > 10 || !code.All(char.IsAsciiDigit)))
        {
            return BadRequestProblem(F.Format("Api.NotACode", code));
        }

        if (!Cursor.TryDecode(cursor, 1, out var after))
        {
            return BadRequestProblem(F["Api.UnknownCursor"]);
        }

        var take = Cursor.Limit(limit);
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

    [HttpGet("units/{slug}")]
    public async Task<ActionResult<UnitDto>> Unit(string slug, CancellationToken ct)
    {
        var (_, error) = await filters.UnitsAsync(User, slug, ct);
        if (error is not null)
        {
            return error.ToResult();
        }

        return await UnitQuery(db.Units.AsNoTracking().Where(u => u.Slug == slug)).FirstAsync(ct);
    }

    [HttpGet("periods")]
    public async Task<ActionResult<Page<PeriodDto>>> Periods(CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().OrderBy(p => p.Year).ThenBy(p => p.Quarter).ToListAsync(ct);
        return new Page<PeriodDto>(periods.Select(p => new PeriodDto(p.Code, p.Year, p.Quarter, p.Label, p.StartsOn, p.EndsOn, p.IsLocked, p.Deadline)).ToList(), null);
    }

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
