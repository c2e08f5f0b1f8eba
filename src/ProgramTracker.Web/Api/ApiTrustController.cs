using ProgramTracker.Core.Validation;
using ProgramTracker.Web.Models.Trust;

namespace ProgramTracker.Web.Api;

public sealed record CompletenessRowDto(string Unit, string EntryPath, string Set, SubmissionStatus Status, DateOnly? SubmittedOn, int? LateDays, bool OnTime, bool Missing);

public sealed record CompletenessRateDto(string Period, int Expected, int Submitted, int OnTime, decimal? SubmittedRate, decimal? OnTimeRate);

public sealed record CompletenessDto(string Unit, string Period, DateOnly? Deadline, int OnTime, int Late, int Missing, int Approved, int Returned,
    IReadOnlyList<CompletenessRowDto> Rows, IReadOnlyList<CompletenessRateDto> Rates);

public sealed record FlaggedValueDto(string Unit, string CellPath, string Indicator, decimal? Value, string? Note, bool FollowUp, bool FollowUpClosed);

public sealed record RuleGroupDto(string Rule, string Name, string Message, IReadOnlyList<FlaggedValueDto> Values);

public sealed record ValidationDto(string Unit, string Period, int FollowUpsOpen, int FollowUpsClosed, IReadOnlyList<RuleGroupDto> Rules);

public sealed record WarningDto(int IndicatorId, int RuleId, string Message, decimal? Value, decimal? Measure);

/// <summary>Issue 25 through the API: the completeness and validation reports, and the warnings of a unit's quarter.</summary>
[Route("api/v1")]
[Tags(ApiOpenApi.FiguresTag)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblems.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblems.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ApiProblems.ContentType)]
public sealed class ApiTrustController(TrustReportQueries queries, ValueChecks checks, UnitAccess access) : ApiControllerBase
{
    [HttpGet("reports/completeness")]
    [EndpointName("getCompletenessReport")]
    [EndpointSummary("Read who reported on time")]
    [EndpointDescription("For a unit (its communes) and a quarter: each commune's form of each set, submitted on time, late (days) or missing, "
        + "approved or returned; and the rates of forms submitted and submitted on time over the last eight quarters.")]
    [ProducesResponseType<CompletenessDto>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<CompletenessDto>> Completeness(string unit, string? period, CancellationToken ct)
    {
        var (target, quarter, quarters, error) = await ResolveAsync(unit, period, ct);
        if (error is not null)
        {
            return error;
        }

        var page = await queries.CompletenessAsync(target, quarter!, quarters, ct);
        return new CompletenessDto(page.UnitName, page.Period.Code, page.Period.Deadline, page.OnTime, page.Late, page.Missing, page.Approved, page.Returned,
            page.Rows.Select(r => new CompletenessRowDto(r.UnitName, r.EntryPath, r.SetName, r.Status, r.SubmittedOn, r.LateDays, r.OnTime, r.Missing)).ToList(),
            page.Rates.Select(r => new CompletenessRateDto(r.Period, r.Expected, r.Submitted, r.OnTime, r.SubmittedRate, r.OnTimeRate)).ToList());
    }

    [HttpGet("reports/validation")]
    [EndpointName("getValidationReport")]
    [EndpointSummary("Read the values that break a rule")]
    [EndpointDescription("For a unit (and its communes) and a quarter: every stored value warned by a soft rule, grouped by rule, each with the path of "
        + "its cell, the officer's note and the reviewer's follow-up mark.")]
    [ProducesResponseType<ValidationDto>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<ValidationDto>> Validation(string unit, string? period, CancellationToken ct)
    {
        var (target, quarter, quarters, error) = await ResolveAsync(unit, period, ct);
        if (error is not null)
        {
            return error;
        }

        var page = await queries.ValidationAsync(target, quarter!, quarters, ct);
        return new ValidationDto(page.UnitName, page.Period.Code, page.FollowUpsOpen, page.FollowUpsClosed,
            page.Rules.Select(g => new RuleGroupDto(g.RuleCode, g.RuleName, g.Message,
                g.Values.Select(v => new FlaggedValueDto(v.UnitName, v.CellPath, v.IndicatorCode, v.Value, v.Note, v.FollowUp, v.FollowUpClosed)).ToList())).ToList());
    }

    [HttpGet("warnings/{unit}/{period}")]
    [EndpointName("getFormWarnings")]
    [EndpointSummary("List the warnings of a unit's quarter")]
    [EndpointDescription("The soft rules the unit's stored values of the quarter break (a change against the previous quarter, an outlier, a "
        + "plausible range, a rule between indicators), as the entry form shows them beside their cells.")]
    [ProducesResponseType<IReadOnlyList<WarningDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<IReadOnlyList<WarningDto>>> Warnings(string unit, string period, CancellationToken ct)
    {
        var (target, quarter, _, error) = await ResolveAsync(unit, period, ct);
        if (error is not null)
        {
            return error;
        }

        return (await checks.StoredAsync(target.Id, quarter!.Id, F, ct)).Select(w => new WarningDto(w.IndicatorId, w.RuleId, w.Message, w.Value, w.Measure)).ToList();
    }

    private async Task<((int Id, string Slug, string Name) Unit, ReportingPeriod? Period, List<ReportingPeriod> Quarters, ObjectResult? Error)> ResolveAsync(
        string unit, string? period, CancellationToken ct)
    {
        if (await queries.UnitAsync(unit, ct) is not { } target)
        {
            return (default, null, [], NotFoundProblem(F.Format("Api.NoUnit", unit)));
        }

        if (!await access.CanReadAsync(User, target.Id, ct))
        {
            return (target, null, [], ForbiddenProblem(F.Format("Api.MayNotRead", unit)));
        }

        var (quarter, quarters) = await queries.PeriodAsync(period, ct);
        return quarter is null ? (target, null, quarters, NotFoundProblem(F.Format("Api.NoPeriod", period))) : (target, quarter, quarters, null);
    }
}
