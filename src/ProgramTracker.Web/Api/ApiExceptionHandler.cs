using Microsoft.AspNetCore.Diagnostics;

namespace ProgramTracker.Web.Api;

/// <summary>
/// An exception on an /api address is answered as problem details, never the HTML error page: 503 when the database did
/// not answer (saying whether a commit was sent, so the outcome is unknown), 413 for a body over the limit, 500 otherwise.
/// Other addresses fall through to the Vietnamese error page (/error/{code}).
/// </summary>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        var path = http.Features.Get<IExceptionHandlerFeature>()?.Path ?? http.Request.Path.Value;
        if (path is null || !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) && !string.Equals(path, "/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var f = Formats.Current;
        var status = DatabaseFailures.StatusCode(exception);
        var (title, detail) = status switch
        {
            StatusCodes.Status503ServiceUnavailable when DatabaseFailures.RefusesWrites(exception) => (f["Errors.Title503"], f["Errors.RefusesWrites1"] + " " + f["Errors.RefusesWrites2"] + f["Errors.RefusesWrites3"]),
            StatusCodes.Status503ServiceUnavailable when http.Items.ContainsKey(DatabaseRetry.CommitSent) => (f["Errors.Title503"], f["Api.CommitUnknown"]),
            StatusCodes.Status503ServiceUnavailable => (f["Errors.Title503"], f["Api.DatabaseUnavailable"]),
            StatusCodes.Status413PayloadTooLarge => (f["Errors.Title413"], RequestLimits.TooLargeMessage(http, f)),
            StatusCodes.Status400BadRequest => (f["Api.BadRequest"], f["Api.BodyNotJson"]),
            _ => (f["Api.Failed"], f["Errors.Text500"]),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "5";
        }

        await ApiProblems.WriteAsync(http, status, title, detail);
        return true;
    }
}
