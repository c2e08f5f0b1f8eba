using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Data;

/// <summary>
/// The scopes of the data version (docs/adr/0008-data-version-per-scope.md). Row 1 of <c>data_version</c> counts
/// changes to what every page may show (the catalogue, units, periods, accounts' rights); row −N counts changes to
/// the figures of the units under root unit N (a province or a centrally governed city). A page of a unit keys its
/// cache on rows 1 and −root; a page of the whole country keys on the sum of every row.
/// </summary>
public static class DataScopes
{
    public const int Catalogue = 1;

    /// <summary>The scope a reader keys a root's figures on: the sum of the root's stripes (and of its row from before stripes).</summary>
    public static int OfRoot(int rootUnitId) => -rootUnitId;

    /// <summary>
    /// A root's figures are counted in <see cref="RootStripes"/> rows, a changed unit raising the one its id picks
    /// (row <c>−(StripeBase + root × RootStripes + unit mod RootStripes)</c>): saves of different communes of one province
    /// raise different rows, so no commit waits for another's row lock (issue 24, goal 6). Readers sum a root's stripes in
    /// the query (<see cref="ReaderScope"/>), so keys stay <see cref="OfRoot"/>.
    /// </summary>
    public const int RootStripes = 16;

    /// <summary>Stripe rows start below this id, far from the rows −N that counted a root's figures before stripes.</summary>
    public const int StripeBase = 100_000_000;

    public static int OfRootStripe(int rootUnitId, int unitId) => -(StripeBase + (rootUnitId * RootStripes) + (unitId % RootStripes));

    /// <summary>
    /// The scope a row counts for, as readers see it: a stripe row for its root (integer division truncates toward zero
    /// in C#, PostgreSQL and SQLite alike, so −(StripeBase + 16 r + s) maps to −r), every other row for itself.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<DataVersion, int>> ReaderScope =
        v => v.Id <= -StripeBase && v.Id > UnitScopeBase ? (v.Id + StripeBase) / RootStripes : v.Id;

    /// <summary>
    /// Rows at or below this id count changes to one unit's own figures (row <c>UnitScopeBase − unitId</c>), raised beside
    /// its root's row: a page that shows one unit's figures only (the commune page) keys on it, so a save in another commune
    /// of the same province leaves it valid (issue 24). Every other reader of the versions leaves these rows out.
    /// </summary>
    public const int UnitScopeBase = -1_000_000_000;

    public static int OfUnit(int unitId) => UnitScopeBase - unitId;

    /// <summary>Figures that belong to one unit: a change raises only that unit's root scope.</summary>
    internal static int? UnitOf(EntityEntry entry, bool original) => entry.Entity switch
    {
        IndicatorValue or AttainmentSummary or Submission or PovertyRecord or CapitalFigure or Target or ReportHighlight or Validation.ValueFlag =>
            (int)(original ? entry.OriginalValues["UnitId"]! : entry.CurrentValues["UnitId"]!),
        _ => null,
    };

    /// <summary>
    /// Rows no cached page shows: the audit trail (always written beside a change that counts), the shared sign-in
    /// limit's counters, data-protection keys, API tokens (each request reads them afresh), and an account's sign-in
    /// bookkeeping (failed attempts, lockout, stamps). A change of a user's name,
    /// rights or state still counts as a catalogue change.
    /// </summary>
    internal static bool IsInvisible(EntityEntry entry) => entry.Entity switch
    {
        AuditEntry or SignInAttempt or ApiToken => true,
        Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey => true,
        AppUser when entry.State == EntityState.Modified =>
            entry.Properties.Where(p => p.IsModified).All(p => SignInBookkeeping.Contains(p.Metadata.Name)),
        _ => false,
    };

    private static readonly HashSet<string> SignInBookkeeping =
    [
        nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.SecurityStamp),
        nameof(AppUser.PasswordHash), nameof(AppUser.TwoFactorEnabled),
    ];
}

/// <summary>
/// The scopes a unit of work changed, kept by the context until its transaction commits. The versions are raised
/// by <see cref="DataVersionInterceptor"/> as the last statement before the commit, so a transaction holds the
/// version rows' locks for the commit only: saves of different units never wait for each other's work.
/// </summary>
internal sealed class PendingScopes
{
    private readonly HashSet<int> _units = [];

    public bool Catalogue { get; private set; }

    public bool IsEmpty => !Catalogue && _units.Count == 0;

    public IReadOnlyCollection<int> Units => _units;

    public void Collect(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || DataScopes.IsInvisible(entry))
            {
                continue;
            }

            if (DataScopes.UnitOf(entry, original: false) is { } unit)
            {
                _units.Add(unit);
                if (entry.State == EntityState.Modified && DataScopes.UnitOf(entry, original: true) is { } before)
                {
                    _units.Add(before);
                }
            }
            else
            {
                Catalogue = true;
            }
        }
    }

    /// <summary>The catalogue (the unit tree among it) changed by statements that bypass the change tracker.</summary>
    public void MarkCatalogue() => Catalogue = true;

    /// <summary>Units changed by statements that bypass the change tracker (set-based writes).</summary>
    public void AddUnits(IEnumerable<int> unitIds) => _units.UnionWith(unitIds);

    public void Clear()
    {
        Catalogue = false;
        _units.Clear();
    }

    private readonly List<Action> _afterCommit = [];

    /// <summary>Work that must follow the commit of the current transaction and never a rollback (an in-memory copy of committed rows).</summary>
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    /// <summary>The transaction committed: runs and forgets the work kept for its commit.</summary>
    public void Committed()
    {
        var actions = _afterCommit.ToList();
        _afterCommit.Clear();
        actions.ForEach(a => a());
    }

    /// <summary>A transaction began or rolled back: nothing it noted counts.</summary>
    public void Forget()
    {
        Clear();
        _afterCommit.Clear();
    }
}

/// <summary>Raises the data version of every scope the committing transaction changed, inside that transaction.</summary>
public sealed class DataVersionInterceptor : DbTransactionInterceptor
{
    public static readonly DataVersionInterceptor Instance = new();

    private DataVersionInterceptor()
    {
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Pending(eventData)?.Forget();
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Pending(eventData)?.Forget();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Pending(eventData) is { IsEmpty: false } pending)
        {
            RaiseAsync(transaction, pending, async: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Pending(eventData) is { IsEmpty: false } pending)
        {
            await RaiseAsync(transaction, pending, async: true, cancellationToken);
        }

        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Pending(eventData)?.Committed();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Pending(eventData)?.Committed();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Pending(eventData)?.Forget();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Pending(eventData)?.Forget();
        return Task.CompletedTask;
    }

    private static PendingScopes? Pending(TransactionEventData eventData) => (eventData.Context as ProgramTrackerDbContext)?.PendingScopes;

    private static async Task RaiseAsync(DbTransaction transaction, PendingScopes pending, bool async, CancellationToken ct)
    {
        var scopes = new SortedSet<int>();
        if (pending.Catalogue)
        {
            scopes.Add(DataScopes.Catalogue);
        }

        if (pending.Units.Count > 0)
        {
            // Each changed unit's stripe of its root, and its own row (and its successors': their pages show its figures).
            foreach (var (unit, root) in await RootsAsync(transaction, pending.Units, async, ct))
            {
                scopes.Add(DataScopes.OfRootStripe(root, unit));
                scopes.Add(DataScopes.OfUnit(unit));
            }
        }

        pending.Clear();
        if (scopes.Count == 0)
        {
            return;
        }

        // Rows in one order (ascending id) in every transaction: two commits can never wait on each other in a cycle.
        var values = string.Join(", ", scopes.Select(s => string.Create(CultureInfo.InvariantCulture, $"({s}, 1)")));
        await ExecuteAsync(transaction,
            $"INSERT INTO data_version (\"Id\", \"Value\") VALUES {values} ON CONFLICT (\"Id\") DO UPDATE SET \"Value\" = data_version.\"Value\" + 1",
            async, ct);
    }

    /// <summary>
    /// The given units and every unit they went into by a reorganisation (a successor's page shows its predecessors'
    /// figures, so a change to them must reach the successor's scopes too), each with its root unit (no parent).
    /// </summary>
    private static async Task<List<(int Unit, int Root)>> RootsAsync(DbTransaction transaction, IReadOnlyCollection<int> units, bool async, CancellationToken ct)
    {
        var all = new HashSet<int>(units);
        var frontier = all.ToList();
        for (var depth = 0; frontier.Count > 0 && depth < 10; depth++)
        {
            var successors = await IdsAsync(transaction,
                $"SELECT \"SuccessorId\" FROM reorganisation_parts WHERE \"PredecessorId\" IN ({List(frontier)})", async, ct);
            frontier = successors.Select(p => p.First).Where(all.Add).ToList();
        }

        return await IdsAsync(transaction,
            $"""
             WITH RECURSIVE up("Start", "Id", "ParentId") AS (
                 SELECT "Id", "Id", "ParentId" FROM units WHERE "Id" IN ({List(all)})
                 UNION
                 SELECT up."Start", u."Id", u."ParentId" FROM units u JOIN up ON u."Id" = up."ParentId")
             SELECT "Start", "Id" FROM up WHERE "ParentId" IS NULL
             """, async, ct);
    }

    // Integers only, formatted invariantly: nothing a user typed reaches these statements.
    private static string List(IEnumerable<int> ids) => string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Rows of one or two integer columns (the second read as the first when there is one column).</summary>
    private static async Task<List<(int First, int Second)>> IdsAsync(DbTransaction transaction, string sql, bool async, CancellationToken ct)
    {
        await using var command = Command(transaction, sql);
        var ids = new List<(int, int)>();
        await using var reader = async ? await command.ExecuteReaderAsync(ct) : command.ExecuteReader();
        while (async ? await reader.ReadAsync(ct) : reader.Read())
        {
            var first = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
            ids.Add((first, reader.FieldCount > 1 ? Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture) : first));
        }

        return ids;
    }

    private static async Task ExecuteAsync(DbTransaction transaction, string sql, bool async, CancellationToken ct)
    {
        await using var command = Command(transaction, sql);
        if (async)
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        else
        {
            command.ExecuteNonQuery();
        }
    }

    private static DbCommand Command(DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
