using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Primitives;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// One guard for every request: an address, query string or form field name with a control character (NUL and the other
/// C0/C1 controls except tab and line breaks), a lone UTF-16 surrogate or bytes that were not valid UTF-8 is refused
/// with 400 and the Vietnamese page, before any controller or the database sees it (PostgreSQL refuses NUL in text).
/// A form field's value with such text goes on without those characters and is named (<see cref="InvalidFormFields"/>):
/// a page that shows field errors marks it and keeps the other inputs; any other page still answers 400.
/// </summary>
public sealed class InputGuard(RequestDelegate next, RequestLimits limits, ILogger<InputGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }

        string? where;
        try
        {
            where = limits.IsTooLarge(context.Request) ? "size" : await FindInvalidAsync(context.Request);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            where = "size"; // a body without a declared length, stopped by the server while the form was read
        }

        if (where == "size")
        {
            // 413 and the page (or problem details) that says so, before anything reads the body.
            logger.LogWarning("Request refused: body over {Limit} bytes on {Method} {Path}", limits.MaxBodyBytes, context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (where is not null)
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
            IFormCollection? form = null;
            var broken = new Dictionary<string, string>(StringComparer.Ordinal);
            List<KeyValuePair<string, string>>? pairs = null;
            try
            {
                if (IsUrlEncodedForm(request))
                {
                    // ASP.NET keeps percent-escapes that are not UTF-8 (a lone surrogate "%ED%A0%80") as literal text: check the bytes, field by field.
                    request.EnableBuffering();
                    using var bytes = new MemoryStream();
                    await request.Body.CopyToAsync(bytes, request.HttpContext.RequestAborted);
                    request.Body.Position = 0;
                    pairs = ReadPairs(bytes.ToArray(), broken);
                    if (pairs is null)
                    {
                        return "form (not UTF-8)";
                    }
                }

                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (InvalidDataException) when (pairs is not null && pairs.Any(p => p.Value.Contains('\0', StringComparison.Ordinal)))
            {
                // The form reader refuses an escaped NUL: the fields as read here, the NUL to be removed below.
                form = new FormCollection(pairs.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new StringValues(g.Select(p => p.Value).ToArray()), StringComparer.Ordinal));
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException || ex is BadHttpRequestException { StatusCode: not StatusCodes.Status413PayloadTooLarge })
            {
                // The form reader itself refuses some input (a form over the count or length limits).
                return "form (malformed)";
            }

            foreach (var key in form.Keys)
            {
                if (!IsValid(key))
                {
                    return $"form '{Printable(key)}'";
                }
            }

            // A value with invalid text is not refused here: the form continues without those characters, and the
            // fields are named (InvalidFormFields) so that the page marks them and keeps the other inputs.
            var invalid = form.Where(f => broken.ContainsKey(f.Key) || !IsValid(f.Value)).Select(f => f.Key).ToList();
            if (invalid.Count > 0)
            {
                request.Form = new FormCollection(
                    form.ToDictionary(f => f.Key, f => broken.TryGetValue(f.Key, out var clean) ? new StringValues(clean) : new StringValues(f.Value.Select(Clean).ToArray())),
                    form.Files);
                request.HttpContext.Features.Set(new InvalidFormFields(invalid));
            }
        }

        return null;
    }

    /// <summary>
    /// The fields of a form-encoded body, decoded here; those whose percent-escapes are not UTF-8 go into
    /// <paramref name="broken"/> with their values cleaned. Null when a field's name itself is broken.
    /// </summary>
    private static List<KeyValuePair<string, string>>? ReadPairs(byte[] body, Dictionary<string, string> broken)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var range in body.AsSpan().Split((byte)'&'))
        {
            var pair = body.AsSpan(range);
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (!IsValidUrlEncoded(pair))
            {
                if (!IsValid(key))
                {
                    return null;
                }

                broken[key] = Clean(value);
            }

            pairs.Add(new(key, value));
        }

        return pairs;
    }

    /// <summary>The text without what <see cref="IsValid"/> refuses (controls but tab and line breaks, lone surrogates, U+FFFD).</summary>
    public static string Clean(string? text)
    {
        if (IsValid(text))
        {
            return text ?? "";
        }

        var kept = new StringBuilder(text!.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && c != '\uFFFD' && (!char.IsControl(c) || c is '\t' or '\r' or '\n'))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>Form-encoded bytes to text ("+" is a space); bytes that are not UTF-8 become U+FFFD.</summary>
    private static string Decode(ReadOnlySpan<byte> encoded)
    {
        var decoded = PercentDecode(encoded, plusIsSpace: true);
        return Encoding.UTF8.GetString(decoded);
    }

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>True when percent-decoding these bytes ("a%C3%A1+b") gives valid UTF-8 (so no encoded surrogate nor stray byte).</summary>
    public static bool IsValidUrlEncoded(ReadOnlySpan<byte> encoded) => System.Text.Unicode.Utf8.IsValid(PercentDecode(encoded, plusIsSpace: false));

    private static byte[] PercentDecode(ReadOnlySpan<byte> encoded, bool plusIsSpace)
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
                decoded[n++] = plusIsSpace && encoded[i] == (byte)'+' ? (byte)' ' : encoded[i];
            }
        }

        return decoded[..n];
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
    public static bool IsValid(string? text) => ProgramTracker.Core.Entry.CellRules.IsValidText(text);

    private static string Printable(string key) => new(key.Take(60).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c).ToArray());
}

/// <summary>The form fields whose values had invalid text (removed by <see cref="InputGuard"/>), for the page to mark.</summary>
public sealed class InvalidFormFields(IReadOnlyList<string> keys)
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
