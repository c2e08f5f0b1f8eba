using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;

namespace ProgramTracker.Web.Api;

/// <summary>
/// What every API controller shares: the bearer scheme only (read policy unless an action asks for more), the
/// per-token rate limit, no antiforgery (no cookie authenticates here), JSON in and out, and ETags on GETs.
/// </summary>
[ApiController]
[Authorize(Policy = ApiSetup.ReadPolicy)]
[EnableRateLimiting(ApiSetup.RateLimitPolicy)]
[IgnoreAntiforgeryToken]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblems.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblems.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ApiProblems.ContentType)]
[DataVersionETag]
public abstract class ApiControllerBase : ControllerBase
{
    protected string TokenName => User.FindFirstValue(ApiTokenAuthenticationHandler.TokenNameClaim) ?? "?";

    /// <summary>The caller's language (?culture= or the culture cookie, Vietnamese by default) for problem texts.</summary>
    protected static Formats F => Formats.Current;

    protected static ObjectResult NotFoundProblem(string detail) => ApiProblems.Result(StatusCodes.Status404NotFound, F["Api.NotFound"], detail);

    protected static ObjectResult BadRequestProblem(string detail) => ApiProblems.Result(StatusCodes.Status400BadRequest, F["Api.BadRequest"], detail);

    protected static ObjectResult ForbiddenProblem(string detail) => ApiProblems.Result(StatusCodes.Status403Forbidden, F["Api.Forbidden"], detail);
}

/// <summary>
/// A GET's ETag is the data version (the sum of its scopes, raised by every committed write, ADR 0008), the caller and the address: when the
/// client's If-None-Match still holds it, the answer is 304 without running the action's queries.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class DataVersionETagAttribute : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            await next();
            return;
        }

        var db = http.RequestServices.GetRequiredService<ProgramTrackerDbContext>();
        // The sum of every scope's version rises with every commit (ADR 0008): an answer about any unit is covered.
        var version = await db.DataVersions.AsNoTracking().SumAsync(v => v.Value, http.RequestAborted);
        var key = $"{version}|{http.User.FindFirstValue(ClaimTypes.NameIdentifier)}|{http.Request.Path}{http.Request.QueryString}";
        var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24]}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        // If-None-Match uses the weak comparison: W/"x" and "x" match.
        static string Opaque(string tag) => tag.Trim() is var t && t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t;
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => Opaque(t) == Opaque(etag) || t.Trim() == "*")))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
            return;
        }

        await next();
    }
}

public static class FilterErrors
{
    public static ObjectResult ToResult(this FilterError error) => ApiProblems.Result(error.Status, Formats.Current[error.Status switch
    {
        StatusCodes.Status404NotFound => "Api.NotFound",
        StatusCodes.Status403Forbidden => "Api.Forbidden",
        _ => "Api.BadRequest",
    }], error.Detail);
}
