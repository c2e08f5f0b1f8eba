using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Primitives;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// One guard for every request: an address, query string or form field with a control character (NUL and the other
/// C0/C1 controls except tab and line breaks), a lone UTF-16 surrogate or bytes that were not valid UTF-8 is refused
/// with 400 and the Vietnamese page, before any controller or the database sees it (PostgreSQL refuses NUL in text).
/// </summary>
public sealed class InputGuard(RequestDelegate next, ILogger<InputGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await FindInvalidAsync(context.Request) is { } where)
        {
            logger.LogWarning("Request refused: invalid characters in {Where} of {Method} {Path}", where, context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await next(context);
    }

    /// <summary>Where the first invalid text is ("path", "query 'user'", "form 'Cells[0].Note'"), or null when all is valid.</summary>
    public static async Task<string?> FindInvalidAsync(HttpRequest request)
    {
        if (!IsValid(request.Path.Value))
        {
            return "path";
        }

        if (!IsValidUrlEncoded(System.Text.Encoding.ASCII.GetBytes(request.QueryString.Value ?? "")))
        {
            return "query (not UTF-8)";
        }

        foreach (var (key, values) in request.Query)
        {
            if (!IsValid(key) || !IsValid(values))
            {
                return $"query '{Printable(key)}'";
            }
        }

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                if (IsUrlEncodedForm(request))
                {
                    // ASP.NET keeps percent-escapes that are not UTF-8 (a lone surrogate "%ED%A0%80") as literal text: check the bytes.
                    request.EnableBuffering();
                    using var bytes = new MemoryStream();
                    await request.Body.CopyToAsync(bytes, request.HttpContext.RequestAborted);
                    request.Body.Position = 0;
                    if (!IsValidUrlEncoded(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)))
                    {
                        return "form (not UTF-8)";
                    }
                }

                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or InvalidOperationException)
            {
                // The form reader itself refuses some input (an escaped NUL, a form over the size limit).
                return "form (malformed)";
            }

            foreach (var (key, values) in form)
            {
                if (!IsValid(key) || !IsValid(values))
                {
                    return $"form '{Printable(key)}'";
                }
            }
        }

        return null;
    }

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>True when percent-decoding these bytes ("a%C3%A1+b") gives valid UTF-8 (so no encoded surrogate nor stray byte).</summary>
    public static bool IsValidUrlEncoded(ReadOnlySpan<byte> encoded)
    {
        var decoded = new byte[encoded.Length];
        var n = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == (byte)'%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                decoded[n++] = (byte)((Hex(encoded[i + 1]) << 4) | Hex(encoded[i + 2]));
                i += 2;
            }
            else
            {
                decoded[n++] = encoded[i];
            }
        }

        return System.Text.Unicode.Utf8.IsValid(decoded.AsSpan(0, n));
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    private static bool IsValid(StringValues values)
    {
        foreach (var value in values)
        {
            if (!IsValid(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the text has no control character (tab, CR and LF aside), no lone surrogate and no U+FFFD (what invalid UTF-8 decodes to).</summary>
    public static bool IsValid(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return false;
            }

            if (char.IsLowSurrogate(c) || c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
            {
                return false;
            }
        }

        return true;
    }

    private static string Printable(string key) => new(key.Take(60).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c).ToArray());
}
