using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProgramTracker.Core.Data;

/// <summary>
/// A row someone else saved after the form was opened. <paramref name="RowId"/> is the id the form keys its rows by:
/// the indicator on an entry form and on the district targets, the commune (unit) on the poverty form.
/// </summary>
public sealed record CellConflict(int RowId, decimal? CurrentValue, string? CurrentNote, int CurrentVersion, string? By, DateTime? AtUtc);

/// <summary>How a versioned save of a form ended.</summary>
public enum SaveOutcome
{
    Saved = 1,
    Conflict = 2,
    Refused = 3,

    /// <summary>Cells refused by their content (<see cref="Entry.CellRules"/>) before anything was read or written.</summary>
    Invalid = 4,
}

/// <summary>The result of a versioned save of a form (indicator entry, district targets, poverty figures).</summary>
public sealed record SaveResult(SaveOutcome Outcome, int Changed, IReadOnlyList<CellConflict> Conflicts, string? Message)
{
    public static SaveResult Refused(string message) => new(SaveOutcome.Refused, 0, [], message);

    /// <summary>
    /// Ends a versioned save: cells found stale while applying make a conflict and nothing is written; otherwise the
    /// changes are saved and committed, and a race lost at the database (version token, unique key) is a conflict too.
    /// </summary>
    public static async Task<SaveResult> CommitAsync(
        ProgramTrackerDbContext db, IDbContextTransaction tx,
        int changed, IReadOnlyList<CellConflict> conflicts, string raceMessage, CancellationToken ct)
    {
        if (conflicts.Count > 0)
        {
            return new SaveResult(SaveOutcome.Conflict, 0, conflicts, null);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (IsLostRace(ex))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new SaveResult(SaveOutcome.Conflict, 0, [], raceMessage);
        }

        return new SaveResult(SaveOutcome.Saved, changed, [], null);
    }

    /// <summary>
    /// A race lost at the database (a save's DbUpdateException, or a set-based write's own exception): the version token,
    /// or a constraint (a unique key). A connection lost during the save
    /// is not a race and is not answered as a conflict: it is rethrown, so the request runs again or gets the 503 page.
    /// </summary>
    public static bool IsLostRace(Exception ex) =>
        ex is DbUpdateConcurrencyException
        || (ex is DbUpdateException ? ex.InnerException : ex) is Npgsql.PostgresException { SqlState: var state } && state.StartsWith("23", StringComparison.Ordinal)
        || (ex is DbUpdateException ? ex.InnerException : ex) is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };
}
