using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Data;

/// <summary>
/// The portal's one context. Each provider has a thin subclass so that each keeps its own migrations
/// (see docs/adr/0002-two-providers.md); code depends on this type only.
/// </summary>
public abstract class ProgramTrackerDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    /// <summary>
    /// A context with no known user (design time, tools): changes are stamped "?" unless <see cref="ActAs"/> says who.
    /// The portal's contexts come from a pool (<see cref="DatabaseServiceCollectionExtensions"/>) and are given the
    /// request's user and the portal's clock by <see cref="Lease"/> each time one is handed out.
    /// </summary>
    protected ProgramTrackerDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Who changes data through this context: every change and audit entry is stamped with this name as it is saved (<see cref="StampInterceptor"/>).</summary>
    public ICurrentUser CurrentUser { get; private set; } = NamedUser.Unknown;

    /// <summary>The clock of the stamps.</summary>
    public TimeProvider Clock { get; private set; } = TimeProvider.System;

    /// <summary>
    /// Who and when, now: what <see cref="StampInterceptor"/> writes on every added or changed stamped row as this
    /// context saves, and what a raw SQL write (<see cref="Entry.ValueWrites"/>) takes as its parameters.
    /// </summary>
    public Stamp Stamp() => new(CurrentUser.Name, Clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Readies a pooled context for one request: its user, its clock and no pending scope. Everything a request may
    /// leave on a context that EF Core's pool does not reset itself is set here.
    /// </summary>
    internal ProgramTrackerDbContext Lease(ICurrentUser currentUser, TimeProvider clock)
    {
        CurrentUser = currentUser;
        Clock = clock;
        PendingScopes = new();
        return this;
    }

    /// <summary>Acts as <paramref name="user"/> until the returned scope is disposed (the seed, a command-line tool, a test).</summary>
    public IDisposable ActAs(ICurrentUser user)
    {
        var before = CurrentUser;
        CurrentUser = user;
        return new Restore(() => CurrentUser = before);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    public DbSet<AdministrativeUnit> Units => Set<AdministrativeUnit>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammeProject> ProgrammeProjects => Set<ProgrammeProject>();
    public DbSet<CriteriaSet> CriteriaSets => Set<CriteriaSet>();
    public DbSet<Criterion> Criteria => Set<Criterion>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<CriteriaSetVersion> CriteriaSetVersions => Set<CriteriaSetVersion>();
    public DbSet<IndicatorThreshold> IndicatorThresholds => Set<IndicatorThreshold>();
    public DbSet<UnitClassification> UnitClassifications => Set<UnitClassification>();
    public DbSet<Reorganisation> Reorganisations => Set<Reorganisation>();
    public DbSet<ReportingPeriod> Periods => Set<ReportingPeriod>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<ReportedAttainment> ReportedAttainments => Set<ReportedAttainment>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<PovertyStandard> PovertyStandards => Set<PovertyStandard>();
    public DbSet<PovertyRecord> PovertyRecords => Set<PovertyRecord>();
    public DbSet<CapitalFigure> CapitalFigures => Set<CapitalFigure>();
    public DbSet<ReportHighlight> ReportHighlights => Set<ReportHighlight>();
    public DbSet<UserUnit> UserUnits => Set<UserUnit>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AttainmentSummary> AttainmentSummaries => Set<AttainmentSummary>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<UnitReportSettings> ReportSettings => Set<UnitReportSettings>();
    public DbSet<Validation.ValidationRule> ValidationRules => Set<Validation.ValidationRule>();
    public DbSet<Validation.ValueFlag> ValueFlags => Set<Validation.ValueFlag>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ProgramTrackerDbContext).Assembly);
    }

    /// <summary>The scopes this unit of work changed; raised at commit by <see cref="DataVersionInterceptor"/>.</summary>
    internal PendingScopes PendingScopes { get; private set; } = new();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        if (!ChangeTracker.HasChanges())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var tx = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        PendingScopes.Collect(ChangeTracker);
        var written = base.SaveChanges(acceptAllChangesOnSuccess);
        tx?.Commit();
        return written;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        if (!ChangeTracker.HasChanges())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The versions of the changed scopes rise in the same transaction as the change, as its last statement
        // before the commit (DataVersionInterceptor): a reader sees both or neither, and no lock is held meanwhile.
        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        PendingScopes.Collect(ChangeTracker);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>The audit trail is append-only: no code path may change or remove an entry.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
        }
    }
}

public sealed class PostgresProgramTrackerDbContext : ProgramTrackerDbContext
{
    public PostgresProgramTrackerDbContext(DbContextOptions<PostgresProgramTrackerDbContext> options)
        : base(options)
    {
    }
}

public sealed class SqliteProgramTrackerDbContext : ProgramTrackerDbContext
{
    public SqliteProgramTrackerDbContext(DbContextOptions<SqliteProgramTrackerDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no decimal type; storing REAL lets it sum, compare and order in SQL.
        // Values here have at most four decimals, well inside double precision.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
    }
}
