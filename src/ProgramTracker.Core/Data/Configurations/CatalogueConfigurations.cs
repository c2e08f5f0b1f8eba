using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Data.Configurations;

public sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> builder)
    {
        builder.ToTable("units");
        builder.Property(u => u.Slug).HasMaxLength(80);
        builder.HasIndex(u => u.Slug).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(120);
        builder.Property(u => u.Note).HasMaxLength(500);
        builder.Property(u => u.StatisticsCode).HasMaxLength(10);
        // The statistics code is a unit's identity (ADR 0012): at most one unit has it; units without one are many.
        builder.HasIndex(u => u.StatisticsCode).IsUnique();
        builder.HasOne(u => u.Source).WithMany().HasForeignKey(u => u.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Parent).WithMany(u => u.Children).HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.ParentId, u.Kind });
        builder.Ignore(u => u.KindLabel);
        builder.Ignore(u => u.FullName);
        builder.Ignore(u => u.IsCommuneLevel);
    }
}

public sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ToTable("sources");
        builder.Property(s => s.Code).HasMaxLength(80);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Title).HasMaxLength(400);
        builder.Property(s => s.Publisher).HasMaxLength(200);
        builder.Property(s => s.Document).HasMaxLength(200);
    }
}

public sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ToTable("programmes");
        builder.Property(p => p.Code).HasMaxLength(20);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.Property(p => p.NameEn).HasMaxLength(300);
        builder.Property(p => p.LocalName).HasMaxLength(400);
        builder.Property(p => p.LegalBasis).HasMaxLength(300);
        builder.Property(p => p.Phase).HasMaxLength(40);
        builder.Property(p => p.Targets).HasMaxLength(2000);
        builder.HasMany(p => p.Projects).WithOne(p => p.Programme).HasForeignKey(p => p.ProgrammeId);
        builder.HasMany(p => p.CriteriaSets).WithOne(s => s.Programme).HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProgrammeProjectConfiguration : IEntityTypeConfiguration<ProgrammeProject>
{
    public void Configure(EntityTypeBuilder<ProgrammeProject> builder)
    {
        builder.ToTable("programme_projects");
        builder.Property(p => p.Name).HasMaxLength(400);
        builder.HasIndex(p => new { p.ProgrammeId, p.Number }).IsUnique();
    }
}

public sealed class CriteriaSetConfiguration : IEntityTypeConfiguration<CriteriaSet>
{
    public void Configure(EntityTypeBuilder<CriteriaSet> builder)
    {
        builder.ToTable("criteria_sets");
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.NameEn).HasMaxLength(300);
        builder.Property(s => s.Phase).HasMaxLength(20);
        builder.Property(s => s.LegalBasis).HasMaxLength(300);
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.HasMany(s => s.Criteria).WithOne(c => c.CriteriaSet).HasForeignKey(c => c.CriteriaSetId);
        builder.HasMany(s => s.Versions).WithOne(v => v.CriteriaSet).HasForeignKey(v => v.CriteriaSetId);
    }
}

public sealed class CriteriaSetVersionConfiguration : IEntityTypeConfiguration<CriteriaSetVersion>
{
    public void Configure(EntityTypeBuilder<CriteriaSetVersion> builder)
    {
        builder.ToTable("criteria_set_versions");
        builder.HasIndex(v => new { v.CriteriaSetId, v.Number }).IsUnique();
        builder.Property(v => v.Changes).HasMaxLength(2000);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.HasMany(v => v.Thresholds).WithOne(t => t.Version).HasForeignKey(t => t.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IndicatorThresholdConfiguration : IEntityTypeConfiguration<IndicatorThreshold>
{
    public void Configure(EntityTypeBuilder<IndicatorThreshold> builder)
    {
        builder.ToTable("indicator_thresholds");
        builder.Property(t => t.Zone).HasMaxLength(20);
        builder.Property(t => t.Value).HasPrecision(18, 4);
        builder.Property(t => t.Text).HasMaxLength(600);
        builder.HasIndex(t => new { t.VersionId, t.IndicatorId, t.Zone }).IsUnique();
        builder.HasIndex(t => t.IndicatorId);
        builder.HasOne(t => t.Indicator).WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class UnitClassificationConfiguration : IEntityTypeConfiguration<UnitClassification>
{
    public void Configure(EntityTypeBuilder<UnitClassification> builder)
    {
        builder.ToTable("unit_classifications");
        builder.Property(c => c.Region).HasMaxLength(20);
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.HasIndex(c => new { c.UnitId, c.ValidFrom });
        builder.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReorganisationConfiguration : IEntityTypeConfiguration<Reorganisation>
{
    public void Configure(EntityTypeBuilder<Reorganisation> builder)
    {
        builder.ToTable("reorganisations");
        builder.Property(r => r.Code).HasMaxLength(80);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.ActNumber).HasMaxLength(120);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.HasMany(r => r.Parts).WithOne(p => p.Reorganisation).HasForeignKey(p => p.ReorganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReorganisationPartConfiguration : IEntityTypeConfiguration<ReorganisationPart>
{
    public void Configure(EntityTypeBuilder<ReorganisationPart> builder)
    {
        builder.ToTable("reorganisation_parts");
        builder.Property(p => p.PredecessorName).HasMaxLength(200);
        builder.HasOne(p => p.Predecessor).WithMany().HasForeignKey(p => p.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Successor).WithMany().HasForeignKey(p => p.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PredecessorId);
        builder.HasIndex(p => p.SuccessorId);
    }
}

public sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> builder)
    {
        builder.ToTable("criteria");
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.NameEn).HasMaxLength(300);
        builder.Property(c => c.GroupName).HasMaxLength(200);
        builder.HasIndex(c => new { c.CriteriaSetId, c.Number }).IsUnique();
        builder.HasMany(c => c.Indicators).WithOne(i => i.Criterion).HasForeignKey(i => i.CriterionId);
    }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("indicators");
        builder.Property(i => i.Code).HasMaxLength(60);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(400);
        builder.Property(i => i.NameEn).HasMaxLength(400);
        builder.Property(i => i.Unit).HasMaxLength(60);
        builder.Property(i => i.Frequency).HasMaxLength(40);
        // Stored as its number; rows that predate the rule take Last (1), the migration's default.
        builder.Property(i => i.Combine).HasDefaultValue(QuarterCombine.Last).HasSentinel(QuarterCombine.Last);
        builder.Property(i => i.CombineReason).HasMaxLength(300);
        builder.Property(i => i.Note).HasMaxLength(1000);
    }
}

public sealed class PovertyStandardConfiguration : IEntityTypeConfiguration<PovertyStandard>
{
    public void Configure(EntityTypeBuilder<PovertyStandard> builder)
    {
        builder.ToTable("poverty_standards");
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.ShortName).HasMaxLength(80);
        builder.Property(s => s.LegalBasis).HasMaxLength(300);
        builder.Property(s => s.RuralIncomeLine).HasPrecision(18, 0);
        builder.Property(s => s.UrbanIncomeLine).HasPrecision(18, 0);
    }
}
