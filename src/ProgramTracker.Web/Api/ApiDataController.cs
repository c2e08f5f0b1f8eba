namespace ProgramTracker.Web.Api;

/// <summary>
/// The figures: values, attainment (reported and computed, labelled), poverty, capital, targets, submissions and a
/// value's audit. Every list takes the same filters (unit with its descendants, period range, set), is ordered by a
/// key that never changes and is paged by cursor.
/// </summary>
[Route("api/v1")]
[Tags(ApiOpenApi.FiguresTag)]
// Declared here, the list errors replace the base class's: all five are named.
[ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblems.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblems.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ApiProblems.ContentType)]
public sealed class ApiDataController(ApiDataQueries queries, ApiFilters filters, ApiWindowQueries windows) : ApiControllerBase
{
    [HttpGet("values")]
    [EndpointName("listValues")]
    [EndpointSummary("List indicator values")]
    [EndpointDescription("Every entered value of the units (the unit and the units below it) over the period range, with its form's workflow status, "
        + "source, qualifier and version, in id order.")]
    [ProducesResponseType<Page<ValueDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<ValueDto>>> Values(string? unit, string? set, string? period, string? from, string? to, string? cursor, int? limit, CancellationToken ct) =>
        await ReadFiltersAsync(unit, set, period, from, to, cursor, limit, 1, ct) is var (q, error) && error is null ? await queries.ValuesAsync(q!, ct) : error!;

    [HttpGet("attainment/reported")]
    [EndpointName("listReportedAttainment")]
    [EndpointSummary("List attainment as the sources report it")]
    [EndpointDescription("Attainment figures published by a source (`basis` is always `reported`), with their kind, the units they cover and the source.")]
    [ProducesResponseType<Page<ReportedAttainmentDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<ReportedAttainmentDto>>> Reported(string? unit, string? set, string? period, string? from, string? to, string? cursor, int? limit, CancellationToken ct) =>
        await ReadFiltersAsync(unit, set, period, from, to, cursor, limit, 1, ct) is var (q, error) && error is null ? await queries.ReportedAsync(q!, ct) : error!;

    [HttpGet("attainment/computed")]
    [EndpointName("listComputedAttainment")]
    [EndpointSummary("List attainment computed from the entered values")]
    [EndpointDescription("Criteria and indicators met, computed from the entered values against the set's declared totals (`basis` is always `computed`), "
        + "one row per unit, set and period.")]
    [ProducesResponseType<Page<ComputedAttainmentDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<ComputedAttainmentDto>>> Computed(string? unit, string? set, string? period, string? from, string? to, string? cursor, int? limit, CancellationToken ct) =>
        await ReadFiltersAsync(unit, set, period, from, to, cursor, limit, 3, ct) is var (q, error) && error is null ? await queries.ComputedAsync(q!, ct) : error!;

    [HttpGet("attainment/combined")]
    [EndpointName("listCombinedAttainment")]
    [EndpointSummary("List the attainment of a half-year or a year, combined from its quarters")]
    [EndpointDescription("For `period` a half-year (2026-H1) or a year (2026): one row per unit and set with values in it, each indicator's quarters "
        + "combined by its rule (`last`, `sum`, `mean`) and judged as a quarter's are, by the rules in force in the window's last open quarter. "
        + "`quartersMissing` names the quarters without any value of the set: a missing quarter is never counted as zero (a sum with one missing has no value). "
        + "The same figures as the dashboard and the unit pages for the same unit and window.")]
    [ProducesResponseType<Page<CombinedAttainmentDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<CombinedAttainmentDto>>> Combined(string? unit, string? set, string period, string? cursor, int? limit, CancellationToken ct)
    {
        if (!ProgramTracker.Core.Periods.PeriodKey.TryParse(period, out var key) || key.Span == ProgramTracker.Core.Periods.PeriodSpan.Quarter)
        {
            return BadRequestProblem(F.Format("Api.NotAWindow", period));
        }

        var (q, error) = await ReadFiltersAsync(unit, set, null, null, null, cursor, limit, 2, ct);
        if (error is not null)
        {
            return error;
        }

        return await windows.CombinedAsync(q!, key, ct) is { } page ? page : NotFoundProblem(F.Format("Api.NoWindowQuarter", period));
    }

    [HttpGet("poverty")]
    [EndpointName("listPoverty")]
    [EndpointSummary("List poverty figures")]
    [EndpointDescription("Households, poor and near-poor households and the reported rates, by poverty standard, unit and period.")]
    [ProducesResponseType<Page<PovertyDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<PovertyDto>>> Poverty(string? unit, string? period, string? from, string? to, string? cursor, int? limit, CancellationToken ct) =>
        await ReadFiltersAsync(unit, null, period, from, to, cursor, limit, 1, ct) is var (q, error) && error is null ? await queries.PovertyAsync(q!, ct) : error!;

    [HttpGet("capital")]
    [EndpointName("listCapital")]
    [EndpointSummary("List capital figures")]
    [EndpointDescription("Planned, allocated and disbursed capital (VND) by programme, project, funding source, unit and period.")]
    [ProducesResponseType<Page<CapitalDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<CapitalDto>>> Capital(string? unit, string? period, string? from, string? to, string? cursor, int? limit, CancellationToken ct) =>
        await ReadFiltersAsync(unit, null, period, from, to, cursor, limit, 1, ct) is var (q, error) && error is null ? await queries.CapitalAsync(q!, ct) : error!;

    [HttpGet("targets")]
    [EndpointName("listTargets")]
    [EndpointSummary("List targets by year")]
    [EndpointDescription("Each unit's targets for an indicator and a year; `from` and `to` (`2023` or `2023-Q1`) select the years.")]
    [ProducesResponseType<Page<TargetDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<TargetDto>>> Targets(string? unit, string? set, string? from, string? to, string? cursor, int? limit, CancellationToken ct) =>
        await ReadFiltersAsync(unit, set, null, from, to, cursor, limit, 1, ct) is var (q, error) && error is null ? await queries.TargetsAsync(q!, ct) : error!;

    [HttpGet("submissions")]
    [EndpointName("listSubmissions")]
    [EndpointSummary("List submissions and their workflow status")]
    [EndpointDescription("One row per form that has entered the workflow (unit, set, period): status, comment, who submitted and reviewed it and when.")]
    [ProducesResponseType<Page<SubmissionDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<SubmissionDto>>> Submissions(string? unit, string? set, string? period, string? from, string? to, SubmissionStatus? status,
        string? cursor, int? limit, CancellationToken ct) =>
        await ReadFiltersAsync(unit, set, period, from, to, cursor, limit, 1, ct) is var (q, error) && error is null ? await queries.SubmissionsAsync(q!, status, ct) : error!;

    [HttpGet("audit/value")]
    [EndpointName("listValueAudit")]
    [EndpointSummary("Read the history of one value")]
    [EndpointDescription("Every change of one value (unit, indicator by id or code, period), oldest first, with who, when, the old and new value and the note; "
        + "workflow steps are in `listSubmissions`.")]
    [ProducesResponseType<Page<AuditDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<AuditDto>>> ValueAudit(string unit, string indicator, string period, string? cursor, int? limit, CancellationToken ct)
    {
        var (q, error) = await ReadFiltersAsync(unit, null, null, null, null, cursor, limit, 1, ct);
        if (error is not null)
        {
            return error;
        }

        var unitId = (await filters.UnitAsync(unit, ct))!.Value.Id;
        var indicatorId = await filters.IndicatorIdAsync(indicator, ct);
        var p = await filters.PeriodAsync(period, ct);
        if (indicatorId is null || p is null)
        {
            return NotFoundProblem(indicatorId is null ? F.Format("Api.NoIndicator", indicator) : F.Format("Api.NoPeriod", period));
        }

        return await queries.ValueAuditAsync(unitId, indicatorId.Value, p.Id, q!, ct);
    }

    private async Task<(ApiListQuery? Query, ObjectResult? Error)> ReadFiltersAsync(string? unit, string? set, string? period, string? from, string? to, string? cursor,
        int? limit, int cursorParts, CancellationToken ct)
    {
        var (lo, hi, periodError) = ApiFilters.PeriodRange(period, from, to);
        if (periodError is not null)
        {
            return (null, periodError.ToResult());
        }

        if (!Cursor.TryDecode(cursor, cursorParts, out var after))
        {
            return (null, BadRequestProblem(F["Api.UnknownCursor"]));
        }

        var (units, unitError) = await filters.UnitsAsync(User, unit, ct);
        var (setId, setError) = await filters.SetAsync(set, ct);
        var error = unitError ?? setError;
        return error is not null ? (null, error.ToResult()) : (new ApiListQuery(units, setId, lo, hi, after, Cursor.Limit(limit)), null);
    }
}
