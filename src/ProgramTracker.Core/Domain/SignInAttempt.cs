namespace ProgramTracker.Core.Domain;

/// <summary>
/// Sign-in attempts of one client address in the current fixed window, shared by every portal process through the
/// database (an in-memory limiter would give each process its own count).
/// </summary>
public class SignInAttempt
{
    public required string Key { get; set; }
    /// <summary>The window's number: Unix seconds divided by the window length.</summary>
    public long Window { get; set; }
    public int Count { get; set; }
}
