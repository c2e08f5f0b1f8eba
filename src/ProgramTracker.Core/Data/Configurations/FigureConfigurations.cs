using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Data.Configurations;

public sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.ToTable("periods");
        builder.HasIndex(p => new { p.Year, p.Quarter }).IsUnique();
        builder.Ignore(p => p.Code);
        builder.Ignore(p => p.Label);
        builder.Ignore(p => p.StartsOn);
        builder.Ignore(p => p.EndsOn);
    }
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("indicator_values");
        builder.Property(v => v.Value).HasPrecision(20, 4);
        builder.Property(v => v.Note).HasMaxLength(1000);
        builder.Property(v => v.UpdatedBy).HasMaxLength(256);
        builder.Property(v => v.Version).IsConcurrencyToken();
        // One value per unit, indicator and period; the unit-first order serves commune pages.
        builder.HasIndex(v => new { v.UnitId, v.PeriodId, v.IndicatorId }).IsUnique();
        builder.HasIndex(v => new { v.IndicatorId, v.PeriodId });
        builder.HasOne(v => v.Unit).WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Period).WithMany().HasForeignKey(v => v.PeriodId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReportedAttainmentConfiguration : IEntityTypeConfiguration<ReportedAttainment>
{
    public void Configure(EntityTypeBuilder<ReportedAttainment> builder)
    {
        builder.ToTable("reported_attainments");
        builder.Property(r => r.CriteriaMet).HasPrecision(9, 2);
        builder.Property(r => r.IndicatorsMet).HasPrecision(9, 2);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.HasOne(r => r.CriteriaSet).WithMany().HasForeignKey(r => r.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Period).WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Source).WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Scope).WithOne(s => s.ReportedAttainment).HasForeignKey(s => s.ReportedAttainmentId);
    }
}

public sealed class ReportedAttainmentUnitConfiguration : IEntityTypeConfiguration<ReportedAttainmentUnit>
{
    public void Configure(EntityTypeBuilder<ReportedAttainmentUnit> builder)
    {
        builder.ToTable("reported_attainment_units");
        builder.HasKey(s => new { s.ReportedAttainmentId, s.UnitId });
        builder.HasIndex(s => s.UnitId);
        builder.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.ToTable("targets");
        builder.Property(t => t.Value).HasPrecision(20, 4);
        builder.Property(t => t.Note).HasMaxLength(1000);
        builder.Property(t => t.UpdatedBy).HasMaxLength(256);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.UnitId, t.IndicatorId, t.Year }).IsUnique();
        builder.HasOne(t => t.Unit).WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Indicator).WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PovertyRecordConfiguration : IEntityTypeConfiguration<PovertyRecord>
{
    public void Configure(EntityTypeBuilder<PovertyRecord> builder)
    {
        builder.ToTable("poverty_records");
        builder.Property(p => p.ReportedPoorRate).HasPrecision(9, 4);
        builder.Property(p => p.ReportedNearPoorRate).HasPrecision(9, 4);
        builder.Property(p => p.Note).HasMaxLength(1000);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.UnitId, p.PeriodId, p.StandardId }).IsUnique();
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Period).WithMany().HasForeignKey(p => p.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Standard).WithMany().HasForeignKey(p => p.StandardId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CapitalFigureConfiguration : IEntityTypeConfiguration<CapitalFigure>
{
    public void Configure(EntityTypeBuilder<CapitalFigure> builder)
    {
        builder.ToTable("capital_figures");
        builder.Property(c => c.AmountVnd).HasPrecision(20, 0);
        builder.Property(c => c.FundingSource).HasMaxLength(120);
        builder.Property(c => c.Description).HasMaxLength(1000);
        builder.HasIndex(c => new { c.UnitId, c.PeriodId });
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasQueryFilter(c => !c.IsDeleted);
        builder.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Period).WithMany().HasForeignKey(c => c.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Programme).WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Project).WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReportHighlightConfiguration : IEntityTypeConfiguration<ReportHighlight>
{
    public void Configure(EntityTypeBuilder<ReportHighlight> builder)
    {
        builder.ToTable("report_highlights");
        builder.Property(h => h.Topic).HasMaxLength(200);
        builder.Property(h => h.Text).HasMaxLength(2000);
        builder.HasOne(h => h.Unit).WithMany().HasForeignKey(h => h.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(h => h.Period).WithMany().HasForeignKey(h => h.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(h => h.Programme).WithMany().HasForeignKey(h => h.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class UserUnitConfiguration : IEntityTypeConfiguration<UserUnit>
{
    public void Configure(EntityTypeBuilder<UserUnit> builder)
    {
        builder.ToTable("user_units");
        builder.HasKey(u => new { u.UserId, u.UnitId });
        builder.HasOne(u => u.User).WithMany(u => u.Units).HasForeignKey(u => u.UserId);
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
    }
}

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submissions");
        builder.Property(s => s.Comment).HasMaxLength(2000);
        builder.Property(s => s.SubmittedBy).HasMaxLength(256);
        builder.Property(s => s.ReviewedBy).HasMaxLength(256);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.UnitId, s.CriteriaSetId, s.PeriodId }).IsUnique();
        builder.HasIndex(s => new { s.PeriodId, s.Status });
        UnitSetPeriodKeys.Configure(builder);
        builder.Ignore(s => s.LocksValues);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.OldValue).HasMaxLength(200);
        builder.Property(a => a.NewValue).HasMaxLength(200);
        builder.Property(a => a.Note).HasMaxLength(2000);
        builder.HasIndex(a => new { a.UnitId, a.PeriodId, a.IndicatorId });
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => a.UserName);
        builder.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Period).WithMany().HasForeignKey(a => a.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.CriteriaSet).WithMany().HasForeignKey(a => a.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Indicator).WithMany().HasForeignKey(a => a.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The three keys of a <see cref="UnitSetPeriodRow"/>: none of the rows they name is deleted under it.</summary>
internal static class UnitSetPeriodKeys
{
    public static void Configure<T>(EntityTypeBuilder<T> builder) where T : UnitSetPeriodRow
    {
        builder.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.CriteriaSet).WithMany().HasForeignKey(s => s.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Period).WithMany().HasForeignKey(s => s.PeriodId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AttainmentSummaryConfiguration : IEntityTypeConfiguration<AttainmentSummary>
{
    public void Configure(EntityTypeBuilder<AttainmentSummary> builder)
    {
        builder.ToTable("attainment_summaries");
        builder.HasKey(s => new { s.UnitId, s.CriteriaSetId, s.PeriodId });
        // Overviews read one period and set across many units.
        builder.HasIndex(s => new { s.PeriodId, s.CriteriaSetId });
        UnitSetPeriodKeys.Configure(builder);
    }
}

public sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.ToTable("data_version");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DataVersion { Id = 1, Value = 0 });
    }
}

public sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> builder)
    {
        builder.ToTable("sign_in_attempts");
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(200);
    }
}
