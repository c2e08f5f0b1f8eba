using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Data.Configurations;

public sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> b)
    {
        b.ToTable("units");
        b.Property(u => u.Slug).HasMaxLength(80);
        b.HasIndex(u => u.Slug).IsUnique();
        b.Property(u => u.Name).HasMaxLength(120);
        b.Property(u => u.Note).HasMaxLength(500);
        b.Property(u => u.StatisticsCode).HasMaxLength(10);
        b.HasOne(u => u.Parent).WithMany(u => u.Children).HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.ParentId, u.Kind });
        b.Ignore(u => u.KindLabel);
        b.Ignore(u => u.FullName);
        b.Ignore(u => u.IsCommuneLevel);
    }
}

public sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> b)
    {
        b.ToTable("sources");
        b.Property(s => s.Code).HasMaxLength(80);
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Title).HasMaxLength(400);
        b.Property(s => s.Publisher).HasMaxLength(200);
        b.Property(s => s.Document).HasMaxLength(200);
    }
}

public sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.ToTable("programmes");
        b.Property(p => p.Code).HasMaxLength(20);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.NameEn).HasMaxLength(300);
        b.Property(p => p.LocalName).HasMaxLength(400);
        b.Property(p => p.LegalBasis).HasMaxLength(300);
        b.Property(p => p.Phase).HasMaxLength(40);
        b.Property(p => p.Targets).HasMaxLength(2000);
        b.HasMany(p => p.Projects).WithOne(p => p.Programme).HasForeignKey(p => p.ProgrammeId);
        b.HasMany(p => p.CriteriaSets).WithOne(s => s.Programme).HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProgrammeProjectConfiguration : IEntityTypeConfiguration<ProgrammeProject>
{
    public void Configure(EntityTypeBuilder<ProgrammeProject> b)
    {
        b.ToTable("programme_projects");
        b.Property(p => p.Name).HasMaxLength(400);
        b.HasIndex(p => new { p.ProgrammeId, p.Number }).IsUnique();
    }
}

public sealed class CriteriaSetConfiguration : IEntityTypeConfiguration<CriteriaSet>
{
    public void Configure(EntityTypeBuilder<CriteriaSet> b)
    {
        b.ToTable("criteria_sets");
        b.Property(s => s.Code).HasMaxLength(40);
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Name).HasMaxLength(300);
        b.Property(s => s.NameEn).HasMaxLength(300);
        b.Property(s => s.Phase).HasMaxLength(20);
        b.Property(s => s.LegalBasis).HasMaxLength(300);
        b.Property(s => s.Note).HasMaxLength(1000);
        b.HasMany(s => s.Criteria).WithOne(c => c.CriteriaSet).HasForeignKey(c => c.CriteriaSetId);
        b.HasMany(s => s.Versions).WithOne(v => v.CriteriaSet).HasForeignKey(v => v.CriteriaSetId);
    }
}

public sealed class CriteriaSetVersionConfiguration : IEntityTypeConfiguration<CriteriaSetVersion>
{
    public void Configure(EntityTypeBuilder<CriteriaSetVersion> b)
    {
        b.ToTable("criteria_set_versions");
        b.HasIndex(v => new { v.CriteriaSetId, v.Number }).IsUnique();
        b.Property(v => v.Changes).HasMaxLength(2000);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.HasMany(v => v.Thresholds).WithOne(t => t.Version).HasForeignKey(t => t.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IndicatorThresholdConfiguration : IEntityTypeConfiguration<IndicatorThreshold>
{
    public void Configure(EntityTypeBuilder<IndicatorThreshold> b)
    {
        b.ToTable("indicator_thresholds");
        b.Property(t => t.Zone).HasMaxLength(20);
        b.Property(t => t.Value).HasPrecision(18, 4);
        b.Property(t => t.Text).HasMaxLength(600);
        b.HasIndex(t => new { t.VersionId, t.IndicatorId, t.Zone }).IsUnique();
        b.HasIndex(t => t.IndicatorId);
        b.HasOne(t => t.Indicator).WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class UnitClassificationConfiguration : IEntityTypeConfiguration<UnitClassification>
{
    public void Configure(EntityTypeBuilder<UnitClassification> b)
    {
        b.ToTable("unit_classifications");
        b.Property(c => c.Region).HasMaxLength(20);
        b.Property(c => c.Note).HasMaxLength(500);
        b.HasIndex(c => new { c.UnitId, c.ValidFrom });
        b.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReorganisationConfiguration : IEntityTypeConfiguration<Reorganisation>
{
    public void Configure(EntityTypeBuilder<Reorganisation> b)
    {
        b.ToTable("reorganisations");
        b.Property(r => r.Code).HasMaxLength(80);
        b.HasIndex(r => r.Code).IsUnique();
        b.Property(r => r.ActNumber).HasMaxLength(120);
        b.Property(r => r.Note).HasMaxLength(1000);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.HasMany(r => r.Parts).WithOne(p => p.Reorganisation).HasForeignKey(p => p.ReorganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReorganisationPartConfiguration : IEntityTypeConfiguration<ReorganisationPart>
{
    public void Configure(EntityTypeBuilder<ReorganisationPart> b)
    {
        b.ToTable("reorganisation_parts");
        b.Property(p => p.PredecessorName).HasMaxLength(200);
        b.HasOne(p => p.Predecessor).WithMany().HasForeignKey(p => p.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Successor).WithMany().HasForeignKey(p => p.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.PredecessorId);
        b.HasIndex(p => p.SuccessorId);
    }
}

public sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> b)
    {
        b.ToTable("criteria");
        b.Property(c => c.Name).HasMaxLength(300);
        b.Property(c => c.NameEn).HasMaxLength(300);
        b.Property(c => c.GroupName).HasMaxLength(200);
        b.HasIndex(c => new { c.CriteriaSetId, c.Number }).IsUnique();
        b.HasMany(c => c.Indicators).WithOne(i => i.Criterion).HasForeignKey(i => i.CriterionId);
    }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("indicators");
        b.Property(i => i.Code).HasMaxLength(60);
        b.HasIndex(i => i.Code).IsUnique();
        b.Property(i => i.Name).HasMaxLength(400);
        b.Property(i => i.NameEn).HasMaxLength(400);
        b.Property(i => i.Unit).HasMaxLength(60);
        b.Property(i => i.Frequency).HasMaxLength(40);
        b.Property(i => i.Note).HasMaxLength(1000);
    }
}

public sealed class PovertyStandardConfiguration : IEntityTypeConfiguration<PovertyStandard>
{
    public void Configure(EntityTypeBuilder<PovertyStandard> b)
    {
        b.ToTable("poverty_standards");
        b.Property(s => s.Code).HasMaxLength(40);
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Name).HasMaxLength(300);
        b.Property(s => s.ShortName).HasMaxLength(80);
        b.Property(s => s.LegalBasis).HasMaxLength(300);
        b.Property(s => s.RuralIncomeLine).HasPrecision(18, 0);
        b.Property(s => s.UrbanIncomeLine).HasPrecision(18, 0);
    }
}
