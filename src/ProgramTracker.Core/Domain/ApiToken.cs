namespace ProgramTracker.Core.Domain;

/// <summary>
/// A personal access token for the JSON API. Only the SHA-256 hash of its secret is stored; the secret is shown once,
/// when the token is made. A token acts with exactly its user's rights (read-only tokens never write).
/// </summary>
public class ApiToken : ProgramTracker.Core.Data.ICreationStamped
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public required string Name { get; set; }
    /// <summary>Lower-case hex SHA-256 of the secret (the part after the prefix).</summary>
    public required string SecretHash { get; set; }
    /// <summary>The first characters of the token, shown in lists so that a person can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public bool CanWrite { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    void ProgramTracker.Core.Data.ICreationStamped.StampCreation(ProgramTracker.Core.Data.Stamp stamp) => CreatedAtUtc = stamp.AtUtc;
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    public bool IsActiveAt(DateTime nowUtc) => RevokedAtUtc is null && ExpiresAtUtc > nowUtc;
}
