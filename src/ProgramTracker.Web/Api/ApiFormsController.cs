using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Workflow;
using ProgramTracker.Web.Infrastructure.Binding;
using ProgramTracker.Web.Models.Entry;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Api;

/// <summary>
/// One unit × set × period, as the entry form shows it, and its writes: the form's own query (EntryQueries), parser
/// (ValueParser), save (EntryService) and workflow (WorkflowService), so validation, versions, scoping, locks and
/// audit are the form's; the audit note says "qua API" and the token's name.
/// </summary>
[Route("api/v1")]
[Tags(ApiOpenApi.FormsTag)]
public sealed class ApiFormsController(
    UnitQueries units, EntryQueries queries, SaveEntry save, WorkflowService workflow, UnitAccess access, ApiFilters filters)
    : ApiControllerBase
{
    [HttpGet("values/{unit}/{set}/{period}")]
    [EndpointName("getForm")]
    [EndpointSummary("Read one form: a unit's values of a set for a quarter")]
    [EndpointDescription("Every indicator of the set's version in force for the quarter, entered or not, with its value, qualifier, note and version "
        + "(0 for a value never entered), and the form's workflow status. Send each value's `version` back with `putFormValues`.")]
    [ProducesResponseType<FormValuesDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<ActionResult<FormValuesDto>> Get(string unit, string set, string period, CancellationToken ct)
    {
        var (form, error) = await FormAsync(unit, set, period, ct);
        if (error is not null)
        {
            return error;
        }

        return ToDto(form!);
    }

    /// <summary>
    /// Saves the given values in one transaction, each with the version it was read at: a value changed since is a 409
    /// with the current values and nothing is written; a bad value is a 422 listing each, and nothing is written.
    /// </summary>
    [HttpPut("values/{unit}/{set}/{period}")]
    [Authorize(Policy = ApiSetup.WritePolicy)]
    [EndpointName("putFormValues")]
    [EndpointSummary("Save values of one form")]
    [EndpointDescription("Saves the given values in one transaction with the entry form's rules (parser, ranges, note length, locks, scoping, audit), "
        + "each with the `version` it was read at. A value changed since is a 409 with `conflicts` and the `current` form, and nothing is written; "
        + "a bad value is a 422 listing each in `errors`, and nothing is written; a locked or approved form is a 409 without `conflicts`.")]
    [ProducesResponseType<PutValuesResult>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    [ProducesResponseType<ConflictProblem>(StatusCodes.Status409Conflict, ApiProblems.ContentType)]
    [ProducesResponseType<InvalidValuesProblem>(StatusCodes.Status422UnprocessableEntity, ApiProblems.ContentType)]
    public async Task<ActionResult<PutValuesResult>> Put(string unit, string set, string period, PutValuesRequest request, CancellationToken ct)
    {
        var (form, error) = await FormAsync(unit, set, period, ct);
        if (error is not null)
        {
            return error;
        }

        if (!await access.CanEditAsync(User, form!.Page.Unit.Id, ct))
        {
            return ForbiddenProblem(F.Format("Api.MayNotChange", unit));
        }

        if (!form.Page.UnitValidInPeriod)
        {
            return ApiProblems.Result(StatusCodes.Status409Conflict, F["Api.UnitNotInPeriod"], F.Format("Api.UnitNotInPeriodNoEntry", unit, period));
        }

        if (request.Values.Count == 0)
        {
            return BadRequestProblem(F.Format("Api.SendValues", """{"values": [{"indicator": …, "value": …, "version": …}]}"""));
        }

        var put = new PutValuesMapping(form.Page.Unit.Id, form.Page.Period.Id, form.Set, request, $"qua API: {TokenName}", F);
        var result = await save.SaveAsync(put.Save, F, ct);
        return result.Outcome == SaveOutcome.Invalid ? put.Answer(result, null, F) : put.Answer(result, ToDto((await FormAsync(unit, set, period, ct)).Form!), F);
    }

    /// <summary>A workflow step: submit (the unit's editors), approve, return (with a comment) or reopen (the reviewer).</summary>
    [HttpPost("submissions/{unit}/{set}/{period}/{step}")]
    [Authorize(Policy = ApiSetup.WritePolicy)]
    [EndpointName("postWorkflowStep")]
    [EndpointSummary("Move a form through the workflow: submit, approve, return or reopen")]
    [EndpointDescription("`submit` (the unit's editors), `approve`, `return` or `reopen` (the reviewer; `return` and `reopen` take a `comment`), with the "
        + "entry form's rules: a step the form's status does not allow, a form without values or a unit without a reviewer is a 409.")]
    [ProducesResponseType<WorkflowResultDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblems.ContentType)]
    public async Task<ActionResult<WorkflowResultDto>> Step(string unit, string set, string period, string step, WorkflowRequest? request, CancellationToken ct)
    {
        if (!StrictEnum.TryParse<WorkflowStep>(step, out var parsed))
        {
            return NotFoundProblem(F.Format("Api.NoStep", step));
        }

        var (form, error) = await FormAsync(unit, set, period, ct);
        if (error is not null)
        {
            return error;
        }

        var page = form!.Page;
        var allowed = WorkflowRules.IsReviewStep(parsed)
            ? await access.CanApproveAsync(User, page.Unit.Id, page.Period, ct)
            : await access.CanEditAsync(User, page.Unit.Id, ct);
        if (!allowed)
        {
            return ForbiddenProblem(F.Format("Api.MayNotStep", step, unit, period));
        }

        if (!page.UnitValidInPeriod)
        {
            return ApiProblems.Result(StatusCodes.Status409Conflict, F["Api.UnitNotInPeriod"], F.Format("Api.UnitNotInPeriodDetail", unit, period));
        }

        if (parsed == WorkflowStep.Submit && await access.ReviewerAsync(page.Unit.Id, page.Period, ct) is null)
        {
            return ApiProblems.Result(StatusCodes.Status409Conflict, F["Api.NoReviewer"], F.Format("Api.NoReviewerDetail", unit, period));
        }

        var result = await workflow.ApplyAsync(page.Unit.Id, form.Set.Id, page.Period.Id, parsed, request?.Comment, $"qua API: {TokenName}", ct);
        return result.Ok
            ? new WorkflowResultDto(unit, set, period, result.Status)
            : ApiProblems.Result(StatusCodes.Status409Conflict, result.Error ?? F["Api.NotDone"], F.Format("Api.StepNotPossible", step, F.Status(result.Status)));
    }

    private sealed record Form(EntryPageModel Page, EntrySet Set);

    private async Task<(Form? Form, ObjectResult? Error)> FormAsync(string unit, string set, string period, CancellationToken ct)
    {
        var header = await filters.UnitAsync(unit, ct) is { } u ? await units.FindAsync(unit, AdministrativeUnit.IsCommuneLevelKind(u.Kind), ct) : null;
        var p = await filters.PeriodAsync(period, ct);
        if (header is null || p is null || p.Quarter is null)
        {
            return (null, NotFoundProblem(header is null ? F.Format("Api.NoUnitForm", unit) : F.Format("Api.NoQuarter", period)));
        }

        if (!await access.CanReadAsync(User, header.Id, ct))
        {
            return (null, ForbiddenProblem(F.Format("Api.MayNotRead", unit)));
        }

        var page = await queries.PageAsync(header, p, ct);
        var entrySet = page.Sets.FirstOrDefault(s => s.Code == set);
        return entrySet is null
            ? (null, NotFoundProblem(F.Format("Api.SetNoIndicators", set, unit, period)))
            : (new Form(page, entrySet), null);
    }

    private static FormValuesDto ToDto(Form form) =>
        new(form.Page.Unit.Slug, form.Set.Code, form.Page.Period.Code, form.Set.Status, form.Page.Period.IsLocked,
            form.Set.Criteria.SelectMany(c => c.Rows).Select(r => new FormValueDto(r.IndicatorId, r.Code, r.Name, r.ValueType, r.Unit, r.StoredValue,
                r.StoredQualifier, r.Note, r.Version, r.StoredBy, r.StoredAtUtc)).ToList());
}
