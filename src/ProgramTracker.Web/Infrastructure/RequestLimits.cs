namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// The largest request body the portal takes (Limits:MaxRequestBodyBytes, 30,000,000 bytes as Kestrel's default): a
/// larger one is 413 with a message that says so and gives the limit, before anything reads it.
/// </summary>
public sealed class RequestLimits(long maxBodyBytes)
{
    public const string Setting = "Limits:MaxRequestBodyBytes";
    public const long Default = 30_000_000;

    public long MaxBodyBytes { get; } = maxBodyBytes;

    /// <summary>"Tệp hoặc yêu cầu quá lớn (tối đa 30 MB)…" in the reader's language.</summary>
    public static string TooLargeMessage(HttpContext http, Formats f) =>
        f.Format("Errors.Text413", f.Number(Math.Round(http.RequestServices.GetRequiredService<RequestLimits>().MaxBodyBytes / 1_000_000m, 1)));

    /// <summary>True when the body's declared length is over the limit (a body without one is stopped by the server while read).</summary>
    public bool IsTooLarge(HttpRequest request) => request.ContentLength > MaxBodyBytes;
}
