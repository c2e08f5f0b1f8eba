using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Data.Configurations;

public sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> b)
    {
        b.ToTable("periods");
        b.HasIndex(p => new { p.Year, p.Quarter }).IsUnique();
        b.Ignore(p => p.Code);
        b.Ignore(p => p.Label);
        b.Ignore(p => p.StartsOn);
        b.Ignore(p => p.EndsOn);
    }
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.ToTable("indicator_values");
        b.Property(v => v.Value).HasPrecision(20, 4);
        b.Property(v => v.Note).HasMaxLength(1000);
        b.Property(v => v.UpdatedBy).HasMaxLength(256);
        b.Property(v => v.Version).IsConcurrencyToken();
        // One value per unit, indicator and period; the unit-first order serves commune pages.
        b.HasIndex(v => new { v.UnitId, v.PeriodId, v.IndicatorId }).IsUnique();
        b.HasIndex(v => new { v.IndicatorId, v.PeriodId });
        b.HasOne(v => v.Unit).WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(v => v.Period).WithMany().HasForeignKey(v => v.PeriodId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReportedAttainmentConfiguration : IEntityTypeConfiguration<ReportedAttainment>
{
    public void Configure(EntityTypeBuilder<ReportedAttainment> b)
    {
        b.ToTable("reported_attainments");
        b.Property(r => r.CriteriaMet).HasPrecision(9, 2);
        b.Property(r => r.IndicatorsMet).HasPrecision(9, 2);
        b.Property(r => r.Note).HasMaxLength(1000);
        b.HasOne(r => r.CriteriaSet).WithMany().HasForeignKey(r => r.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Period).WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Source).WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Scope).WithOne(s => s.ReportedAttainment).HasForeignKey(s => s.ReportedAttainmentId);
    }
}

public sealed class ReportedAttainmentUnitConfiguration : IEntityTypeConfiguration<ReportedAttainmentUnit>
{
    public void Configure(EntityTypeBuilder<ReportedAttainmentUnit> b)
    {
        b.ToTable("reported_attainment_units");
        b.HasKey(s => new { s.ReportedAttainmentId, s.UnitId });
        b.HasIndex(s => s.UnitId);
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.ToTable("targets");
        b.Property(t => t.Value).HasPrecision(20, 4);
        b.Property(t => t.Note).HasMaxLength(1000);
        b.Property(t => t.UpdatedBy).HasMaxLength(256);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.UnitId, t.IndicatorId, t.Year }).IsUnique();
        b.HasOne(t => t.Unit).WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Indicator).WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PovertyRecordConfiguration : IEntityTypeConfiguration<PovertyRecord>
{
    public void Configure(EntityTypeBuilder<PovertyRecord> b)
    {
        b.ToTable("poverty_records");
        b.Property(p => p.ReportedPoorRate).HasPrecision(9, 4);
        b.Property(p => p.ReportedNearPoorRate).HasPrecision(9, 4);
        b.Property(p => p.Note).HasMaxLength(1000);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.UnitId, p.PeriodId, p.StandardId }).IsUnique();
        b.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Period).WithMany().HasForeignKey(p => p.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Standard).WithMany().HasForeignKey(p => p.StandardId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CapitalFigureConfiguration : IEntityTypeConfiguration<CapitalFigure>
{
    public void Configure(EntityTypeBuilder<CapitalFigure> b)
    {
        b.ToTable("capital_figures");
        b.Property(c => c.AmountVnd).HasPrecision(20, 0);
        b.Property(c => c.FundingSource).HasMaxLength(120);
        b.Property(c => c.Description).HasMaxLength(1000);
        b.HasIndex(c => new { c.UnitId, c.PeriodId });
        b.Property(c => c.UpdatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasQueryFilter(c => !c.IsDeleted);
        b.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Period).WithMany().HasForeignKey(c => c.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Programme).WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Project).WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReportHighlightConfiguration : IEntityTypeConfiguration<ReportHighlight>
{
    public void Configure(EntityTypeBuilder<ReportHighlight> b)
    {
        b.ToTable("report_highlights");
        b.Property(h => h.Topic).HasMaxLength(200);
        b.Property(h => h.Text).HasMaxLength(2000);
        b.HasOne(h => h.Unit).WithMany().HasForeignKey(h => h.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(h => h.Period).WithMany().HasForeignKey(h => h.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(h => h.Programme).WithMany().HasForeignKey(h => h.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class UserUnitConfiguration : IEntityTypeConfiguration<UserUnit>
{
    public void Configure(EntityTypeBuilder<UserUnit> b)
    {
        b.ToTable("user_units");
        b.HasKey(u => new { u.UserId, u.UnitId });
        b.HasOne(u => u.User).WithMany(u => u.Units).HasForeignKey(u => u.UserId);
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(200);
    }
}

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.ToTable("submissions");
        b.Property(s => s.Comment).HasMaxLength(2000);
        b.Property(s => s.SubmittedBy).HasMaxLength(256);
        b.Property(s => s.ReviewedBy).HasMaxLength(256);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.UnitId, s.CriteriaSetId, s.PeriodId }).IsUnique();
        b.HasIndex(s => new { s.PeriodId, s.Status });
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.CriteriaSet).WithMany().HasForeignKey(s => s.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Period).WithMany().HasForeignKey(s => s.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.LocksValues);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.OldValue).HasMaxLength(200);
        b.Property(a => a.NewValue).HasMaxLength(200);
        b.Property(a => a.Note).HasMaxLength(2000);
        b.HasIndex(a => new { a.UnitId, a.PeriodId, a.IndicatorId });
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => a.UserName);
        b.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Period).WithMany().HasForeignKey(a => a.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.CriteriaSet).WithMany().HasForeignKey(a => a.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Indicator).WithMany().HasForeignKey(a => a.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AttainmentSummaryConfiguration : IEntityTypeConfiguration<AttainmentSummary>
{
    public void Configure(EntityTypeBuilder<AttainmentSummary> b)
    {
        b.ToTable("attainment_summaries");
        b.HasKey(s => new { s.UnitId, s.CriteriaSetId, s.PeriodId });
        // Overviews read one period and set across many units.
        b.HasIndex(s => new { s.PeriodId, s.CriteriaSetId });
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.CriteriaSet).WithMany().HasForeignKey(s => s.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Period).WithMany().HasForeignKey(s => s.PeriodId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> b)
    {
        b.ToTable("data_version");
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasData(new DataVersion { Id = 1, Value = 0 });
    }
}

public sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> b)
    {
        b.ToTable("sign_in_attempts");
        b.HasKey(a => a.Key);
        b.Property(a => a.Key).HasMaxLength(200);
    }
}
