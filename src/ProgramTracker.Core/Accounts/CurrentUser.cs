namespace ProgramTracker.Core.Accounts;

/// <summary>
/// Who is changing data in this unit of work. The context stamps every change and every audit entry with this name
/// (see <see cref="Data.ProgramTrackerDbContext.CurrentUser"/>); services read it from there, never from a parameter.
/// The portal implements it from the request's signed-in user; the seed and the command-line tools give their own.
/// </summary>
public interface ICurrentUser
{
    string Name { get; }
}

/// <summary>A fixed name: the seed, a command-line tool, or a test acting as someone.</summary>
public sealed class NamedUser(string name) : ICurrentUser
{
    /// <summary>The seed data's loader.</summary>
    public static NamedUser Seed { get; } = new("seed");

    /// <summary>Nobody known (a context made without a user): the name the audit trail has always shown for that.</summary>
    public static NamedUser Unknown { get; } = new("?");

    public string Name { get; } = name;
}
