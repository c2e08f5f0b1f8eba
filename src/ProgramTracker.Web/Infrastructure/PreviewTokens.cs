using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// A file's checked rows carried from its preview to its confirmation in the page itself: JSON, gzipped, protected by the
/// portal's data-protection key for a limited time and one purpose. The set import and the onboarding files both use it;
/// each then checks that the payload is for its set or kind and its user.
/// </summary>
public static class PreviewTokens
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Protect<T>(IDataProtectionProvider protection, string purpose, T payload, CompressionLevel level, TimeSpan lifetime)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, level, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, payload, Json);
        }

        var protector = protection.CreateProtector(purpose).ToTimeLimitedDataProtector();
        return WebEncoders.Base64UrlEncode(protector.Protect(buffer.ToArray(), lifetime));
    }

    /// <summary>The payload when the token is the portal's own for <paramref name="purpose"/>, unexpired and at most <paramref name="maxLength"/> characters; else null.</summary>
    public static T? Unprotect<T>(IDataProtectionProvider protection, string purpose, string? token, int maxLength) where T : class
    {
        if (string.IsNullOrEmpty(token) || token.Length > maxLength)
        {
            return null;
        }

        try
        {
            var protector = protection.CreateProtector(purpose).ToTimeLimitedDataProtector();
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            return JsonSerializer.Deserialize<T>(gzip, Json);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>A file size in megabytes with one decimal, for the "file too large" messages.</summary>
    public static string Mb(long bytes, Formats f) => $"{f.Number(Math.Round(bytes / 1024m / 1024m, 1))} MB";
}
