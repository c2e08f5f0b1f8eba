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
        b.Property(p => p.LocalName).HasMaxLength(400);
        b.Property(p => p.LegalBasis).HasMaxLength(300);
        b.Property(p => p.Phase).HasMaxLength(40);
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
        b.Property(s => s.Phase).HasMaxLength(20);
        b.Property(s => s.LegalBasis).HasMaxLength(300);
        b.Property(s => s.Note).HasMaxLength(1000);
        b.HasMany(s => s.Criteria).WithOne(c => c.CriteriaSet).HasForeignKey(c => c.CriteriaSetId);
    }
}

public sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> b)
    {
        b.ToTable("criteria");
        b.Property(c => c.Name).HasMaxLength(300);
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
        b.Property(i => i.Unit).HasMaxLength(60);
        b.Property(i => i.Frequency).HasMaxLength(40);
        b.Property(i => i.Note).HasMaxLength(1000);
        b.Property(i => i.Threshold).HasPrecision(18, 4);
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
