using ProgramTracker.Core.Localization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Accounts;

/// <summary>A token just made: the stored row and the secret, which is never stored and shown only this once.</summary>
public sealed record NewApiToken(ApiToken Token, string Secret);

/// <summary>
/// Personal access tokens of the JSON API: made at /account/tokens or by `create-token`, revoked by their owner.
/// A token is "pt_" and 43 characters of base64url (32 random bytes); the database keeps its SHA-256 only.
/// </summary>
public sealed class ApiTokens(ProgramTrackerDbContext db, TimeProvider clock)
{
    public const string SecretPrefix = "pt_";
    public const int MaxDays = 366;
    public const int DefaultDays = 90;
    public const int MaxNameLength = 100;

    public async Task<(NewApiToken? Created, string? Error)> CreateAsync(string userId, string? name, int days, bool canWrite, Formats? f = null, CancellationToken ct = default)
    {
        f ??= Formats.Vietnamese;
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return (null, f["Tokens.NameRequired"]);
        }

        if (name.Length > MaxNameLength)
        {
            return (null, f.Format("Tokens.NameTooLong", MaxNameLength));
        }

        if (days is < 1 or > MaxDays)
        {
            return (null, f.Format("Tokens.DaysRange", MaxDays));
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        // Created when the context saves it (StampInterceptor); it expires days after this service's now.
        var token = new ApiToken
        {
            UserId = userId, Name = name, SecretHash = Hash(secret), Prefix = secret[..10], CanWrite = canWrite,
            ExpiresAtUtc = clock.GetUtcNow().UtcDateTime.AddDays(days),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (new NewApiToken(token, secret), null);
    }

    public Task<List<ApiToken>> OfUserAsync(string userId, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAtUtc).ThenByDescending(t => t.Id).ToListAsync(ct);

    /// <summary>Revokes one of the user's own tokens; false when there is no such token of theirs.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
        {
            return false;
        }

        token.RevokedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The token and its enabled owner for a presented secret, or null (unknown, expired, revoked, owner disabled).</summary>
    public async Task<ApiToken?> FindActiveAsync(string? secret, CancellationToken ct = default)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ApiTokens.AsNoTracking().Include(t => t.User)
            .FirstOrDefaultAsync(t => t.SecretHash == hash && t.RevokedAtUtc == null && t.ExpiresAtUtc > now && !t.User.IsDisabled, ct);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
