namespace ProgramTracker.Web.Api;

/// <summary>RFC 9457 problem details for the API: title and detail in the caller's language (Vietnamese by default, <c>?culture=en</c> for English).</summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static ProblemDetails Create(int status, string title, string detail, HttpContext? http = null) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
        Instance = http?.Request.Path.Value,
    };

    public static ObjectResult Result(int status, string title, string detail, object? extensions = null)
    {
        var problem = Create(status, title, detail);
        if (extensions is not null)
        {
            foreach (var property in extensions.GetType().GetProperties())
            {
                problem.Extensions[char.ToLowerInvariant(property.Name[0]) + property.Name[1..]] = property.GetValue(extensions);
            }
        }

        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { ContentType } };
    }

    public static async Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        await http.Response.WriteAsJsonAsync(Create(status, title, detail, http), typeof(ProblemDetails), options: null, contentType: ContentType);
    }
}
