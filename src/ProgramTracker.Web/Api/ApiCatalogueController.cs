using Microsoft.AspNetCore.Http;

namespace ProgramTracker.Web.Api;

/// <summary>The catalogue and the calendar: programmes, criteria sets (versions, criteria, indicators, thresholds), units, periods.</summary>
[Route("api/v1")]
[Tags(ApiOpenApi.CatalogueTag)]
public sealed class ApiCatalogueController(ApiCatalogueQueries queries, ApiFilters filters) : ApiControllerBase
{
    [HttpGet("programmes")]
    [EndpointName("listProgrammes")]
    [EndpointSummary("List the programmes")]
    [EndpointDescription("Every national target programme with its projects and the codes of its criteria sets, in the catalogue's order. One page: `next` is always null.")]
    [ProducesResponseType<Page<ProgrammeDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<ProgrammeDto>>> Programmes(CancellationToken ct) =>
        new Page<ProgrammeDto>(await queries.ProgrammesAsync(null, ct), null);

    [HttpGet("programmes/{code}")]
    [EndpointName("getProgramme")]
    [EndpointSummary("Read one programme")]
    [EndpointDescription("One programme by its code, with its projects and the codes of its criteria sets.")]
    [ProducesResponseType<ProgrammeDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<ActionResult<ProgrammeDto>> Programme(string code, CancellationToken ct) =>
        (await queries.ProgrammesAsync(code, ct)).FirstOrDefault() is { } p ? p : NotFoundProblem(F.Format("Api.NoProgramme", code));

    [HttpGet("criteria-sets")]
    [EndpointName("listCriteriaSets")]
    [EndpointSummary("List the criteria sets")]
    [EndpointDescription("Every criteria set (level, tier, phase, declared totals, validity), optionally of one programme. One page: `next` is always null.")]
    [ProducesResponseType<Page<CriteriaSetDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<CriteriaSetDto>>> CriteriaSets(string? programme, CancellationToken ct) =>
        new Page<CriteriaSetDto>(await queries.SetsAsync(programme, null, ct), null);

    [HttpGet("criteria-sets/{code}")]
    [EndpointName("getCriteriaSet")]
    [EndpointSummary("Read one criteria set with its criteria, indicators and versions")]
    [EndpointDescription("The set, its criteria with their indicators (id, code, value type, unit), and its versions with the thresholds by zone; "
        + "a version's change log is told in the caller's language.")]
    [ProducesResponseType<CriteriaSetDetailDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<ActionResult<CriteriaSetDetailDto>> CriteriaSet(string code, CancellationToken ct) =>
        await queries.SetAsync(code, F, ct) is { } set ? set : NotFoundProblem(F.Format("Api.NoSet", code));

    [HttpGet("units")]
    [EndpointName("listUnits")]
    [EndpointSummary("List the units: provinces, communes and wards, with statistics code, kind, parent and validity")]
    [EndpointDescription("Every unit the token's user may read, in id order and pages of `limit`. Filters combine: `unit` (a slug: that unit and the two levels below it), "
        + "`code` (a statistics code of the official register, e.g. 06970), `validOn` (units in force on that day). Example: `?unit=quang-ninh&validOn=2025-07-01&limit=1000` "
        + "lists the province quang-ninh and its 54 communes and wards.")]
    [ProducesResponseType<Page<UnitDto>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<ActionResult<Page<UnitDto>>> Units(string? unit, string? code, DateOnly? validOn, string? cursor, int? limit, CancellationToken ct)
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

        return await queries.UnitsAsync(ids, code, validOn, after, Cursor.Limit(limit), ct);
    }

    [HttpGet("units/{unit}")]
    [EndpointName("getUnit")]
    [EndpointSummary("Read one unit")]
    [EndpointDescription("One unit by its slug, with kind, parent, validity, statistics code and the units that succeeded it in a reorganisation.")]
    [ProducesResponseType<UnitDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<ActionResult<UnitDto>> Unit(string unit, CancellationToken ct)
    {
        var (_, error) = await filters.UnitsAsync(User, unit, ct);
        if (error is not null)
        {
            return error.ToResult();
        }

        return await queries.UnitAsync(unit, ct) is { } found ? found : NotFoundProblem(F.Format("Api.NoUnit", unit));
    }

    [HttpGet("periods")]
    [EndpointName("listPeriods")]
    [EndpointSummary("List the reporting periods")]
    [EndpointDescription("Every quarter and year the portal reports on, oldest first, with its dates, lock and deadline. One page: `next` is always null.")]
    [ProducesResponseType<Page<PeriodDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<PeriodDto>>> Periods(CancellationToken ct) =>
        new Page<PeriodDto>(await queries.PeriodsAsync(ct), null);
}
