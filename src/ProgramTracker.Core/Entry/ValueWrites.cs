using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Entry;

/// <summary>One value to write: an update of the row <paramref name="Id"/> at version <paramref name="ExpectedVersion"/>, or a new row.</summary>
/// <param name="KeepsSource">True when the figure itself is unchanged (only the note): its source, qualifier and date stay.</param>
public sealed record ValueWrite(int UnitId, int IndicatorId, long? Id, int ExpectedVersion, decimal? Value, string? Note, bool KeepsSource);

/// <summary>
/// Writes the values and audit entries of a save on PostgreSQL in three set-based statements (arrays through
/// <c>unnest</c>), inside the caller's transaction, instead of one statement per row through the change tracker: a
/// reviewer's workbook of 60 communes writes ~4,500 values and as many audit entries. The rules are those of
/// <see cref="EntryService"/>'s tracked path: the version rises by one, a changed figure loses its source, qualifier and
/// date, a stale version or a row inserted meanwhile makes the save a race (false: the caller rolls back).
/// The update also filters on <c>"Id" = ANY(@ids)</c>: knowing the array's length, the planner would otherwise hash
/// the whole table (17.5 million values at national scale) instead of reading the primary key.
/// </summary>
public static class ValueWrites
{
    private const string UpdateSql = """
        UPDATE indicator_values AS v
        SET "Value" = u.value, "Note" = u.note, "UpdatedBy" = @user, "UpdatedAtUtc" = @now, "Version" = v."Version" + 1,
            "SourceId" = CASE WHEN u.keep THEN v."SourceId" END,
            "Qualifier" = CASE WHEN u.keep THEN v."Qualifier" ELSE 0 END,
            "AsOf" = CASE WHEN u.keep THEN v."AsOf" END
        FROM unnest(@ids, @versions, @values, @notes, @keep) AS u(id, version, value, note, keep)
        WHERE v."Id" = u.id AND v."Version" = u.version AND v."Id" = ANY(@ids)
        """;

    private const string InsertSql = """
        INSERT INTO indicator_values ("UnitId", "PeriodId", "IndicatorId", "Value", "Note", "Qualifier", "UpdatedBy", "UpdatedAtUtc", "Version")
        SELECT u.unit, @period, u.indicator, u.value, u.note, 0, @user, @now, 1
        FROM unnest(@units, @indicators, @values, @notes) AS u(unit, indicator, value, note)
        ON CONFLICT ("UnitId", "PeriodId", "IndicatorId") DO NOTHING
        """;

    private const string AuditSql = """
        INSERT INTO audit_entries ("AtUtc", "UserName", "Action", "UnitId", "PeriodId", "CriteriaSetId", "IndicatorId", "OldValue", "NewValue", "Note")
        SELECT @now, @user, @action, u.unit, @period, u.set_id, u.indicator, u.old_value, u.new_value, u.note
        FROM unnest(@units, @sets, @indicators, @olds, @news, @notes) WITH ORDINALITY AS u(unit, set_id, indicator, old_value, new_value, note, n)
        ORDER BY u.n
        """;

    /// <summary>
    /// False when a row was changed or inserted by someone else since it was read: nothing must be committed. Who and
    /// when are the context's <paramref name="stamp"/> (<see cref="ProgramTrackerDbContext.Stamp"/>), as on EF writes.
    /// </summary>
    public static async Task<bool> WriteAsync(
        ProgramTrackerDbContext db, int periodId, IReadOnlyList<ValueWrite> values, IReadOnlyList<AuditEntry> audit, Stamp stamp, CancellationToken ct)
    {
        if (values.Count == 0 && audit.Count == 0)
        {
            return true;
        }

        // These statements bypass SaveChanges: name the units they change, so that their scopes' data versions rise
        // at the transaction's commit like any other change (docs/adr/0008).
        db.PendingScopes.AddUnits(values.Select(v => v.UnitId));
        var updates = values.Where(v => v.Id is not null).ToList();
        if (updates.Count > 0)
        {
            var updated = await db.Database.ExecuteSqlRawAsync(UpdateSql, [
                Scalar("user", stamp.By), Scalar("now", stamp.AtUtc),
                Column("ids", NpgsqlDbType.Bigint, updates.Select(v => v.Id!.Value).ToArray()),
                Column("versions", NpgsqlDbType.Integer, updates.Select(v => v.ExpectedVersion).ToArray()),
                Column("values", NpgsqlDbType.Numeric, updates.Select(v => v.Value).ToArray()),
                Column("notes", NpgsqlDbType.Text, updates.Select(v => v.Note).ToArray()),
                Column("keep", NpgsqlDbType.Boolean, updates.Select(v => v.KeepsSource).ToArray()),
            ], ct);
            if (updated != updates.Count)
            {
                return false;
            }
        }

        var inserts = values.Where(v => v.Id is null).ToList();
        if (inserts.Count > 0)
        {
            var inserted = await db.Database.ExecuteSqlRawAsync(InsertSql, [
                Scalar("user", stamp.By), Scalar("now", stamp.AtUtc), Scalar("period", periodId),
                Column("units", NpgsqlDbType.Integer, inserts.Select(v => v.UnitId).ToArray()),
                Column("indicators", NpgsqlDbType.Integer, inserts.Select(v => v.IndicatorId).ToArray()),
                Column("values", NpgsqlDbType.Numeric, inserts.Select(v => v.Value).ToArray()),
                Column("notes", NpgsqlDbType.Text, inserts.Select(v => v.Note).ToArray()),
            ], ct);
            if (inserted != inserts.Count)
            {
                return false;
            }
        }

        if (audit.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(AuditSql, [
                Scalar("user", stamp.By), Scalar("now", stamp.AtUtc), Scalar("period", periodId), Scalar("action", (int)AuditAction.ValueChanged),
                Column("units", NpgsqlDbType.Integer, audit.Select(a => a.UnitId).ToArray()),
                Column("sets", NpgsqlDbType.Integer, audit.Select(a => a.CriteriaSetId).ToArray()),
                Column("indicators", NpgsqlDbType.Integer, audit.Select(a => a.IndicatorId).ToArray()),
                Column("olds", NpgsqlDbType.Text, audit.Select(a => a.OldValue).ToArray()),
                Column("news", NpgsqlDbType.Text, audit.Select(a => a.NewValue).ToArray()),
                Column("notes", NpgsqlDbType.Text, audit.Select(a => a.Note).ToArray()),
            ], ct);
        }

        return true;
    }

    private static NpgsqlParameter Scalar(string name, object value) => new(name, value);

    private static NpgsqlParameter Column<T>(string name, NpgsqlDbType type, T[] values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values };
}
