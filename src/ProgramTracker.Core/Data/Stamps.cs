using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Data;

/// <summary>Rows whose last change is stamped: <c>UpdatedBy</c> (where the row has it) and <c>UpdatedAtUtc</c>.</summary>
public interface IChangeStamped;

/// <summary>Rows stamped once, when added: <c>CreatedBy</c> and <c>CreatedAtUtc</c>.</summary>
public interface ICreationStamped;

/// <summary>
/// The one place that writes who and when: called by <see cref="ProgramTrackerDbContext"/> as it saves, before the
/// changed scopes are collected (docs/adr/0008), so every service, the seed and the tools stamp alike.
/// </summary>
internal static class Stamps
{
    public static void Apply(ChangeTracker tracker, string userName, DateTime nowUtc)
    {
        foreach (var entry in tracker.Entries())
        {
            var added = entry.State == EntityState.Added;
            if (!added && entry.State != EntityState.Modified)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case AuditEntry audit when added:
                    (audit.UserName, audit.AtUtc) = (userName, nowUtc);
                    break;
                case IChangeStamped:
                    Set(entry, "UpdatedBy", userName);
                    Set(entry, "UpdatedAtUtc", nowUtc);
                    break;
                case ICreationStamped when added:
                    Set(entry, "CreatedBy", userName);
                    Set(entry, "CreatedAtUtc", nowUtc);
                    break;
            }
        }
    }

    private static void Set(EntityEntry entry, string property, object value)
    {
        if (entry.Metadata.FindProperty(property) is not null)
        {
            entry.Property(property).CurrentValue = value;
        }
    }
}
