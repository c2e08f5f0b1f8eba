using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Data;

/// <summary>Who and when of a write: the context's user and clock (<see cref="ProgramTrackerDbContext.Stamp"/>), one value for EF writes and raw SQL alike.</summary>
public readonly record struct Stamp(string By, DateTime AtUtc);

/// <summary>Rows whose last change is stamped, when added and each time they change.</summary>
public interface IChangeStamped
{
    /// <summary>Writes the stamp into the row's own columns (<c>UpdatedBy</c> where it has one, <c>UpdatedAtUtc</c>).</summary>
    void StampChange(Stamp stamp);
}

/// <summary>Rows stamped once, when added.</summary>
public interface ICreationStamped
{
    /// <summary>Writes the stamp into the row's own columns (<c>CreatedBy</c> where it has one, <c>CreatedAtUtc</c>).</summary>
    void StampCreation(Stamp stamp);
}

/// <summary>
/// The one place that writes who and when on EF writes: as a context saves, every added or changed
/// <see cref="IChangeStamped"/> row and every added <see cref="ICreationStamped"/> row (audit entries among them) gets
/// the context's <see cref="ProgramTrackerDbContext.Stamp"/>. Raw SQL writes take the same value as a parameter
/// (<see cref="Entry.ValueWrites"/>). Added to every context by <see cref="DatabaseServiceCollectionExtensions"/>.
/// </summary>
public sealed class StampInterceptor : SaveChangesInterceptor
{
    public static readonly StampInterceptor Instance = new();

    private StampInterceptor()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Apply(DbContext? context)
    {
        if (context is not ProgramTrackerDbContext db)
        {
            return;
        }

        var stamp = db.Stamp();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var added = entry.State == EntityState.Added;
            if (entry.Entity is IChangeStamped changed && (added || entry.State == EntityState.Modified))
            {
                changed.StampChange(stamp);
            }

            if (entry.Entity is ICreationStamped created && added)
            {
                created.StampCreation(stamp);
            }
        }
    }
}
