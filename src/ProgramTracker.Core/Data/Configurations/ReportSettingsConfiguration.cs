using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Data.Configurations;

public sealed class UnitReportSettingsConfiguration : IEntityTypeConfiguration<UnitReportSettings>
{
    /// <summary>The longest text of each field (also the form's limit, <see cref="UnitReportSettingsLimits"/>).</summary>
    public void Configure(EntityTypeBuilder<UnitReportSettings> builder)
    {
        builder.ToTable("unit_report_settings");
        builder.HasIndex(s => s.UnitId).IsUnique();
        builder.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.IssuingBody).HasMaxLength(UnitReportSettingsLimits.Line);
        builder.Property(s => s.ParentBody).HasMaxLength(UnitReportSettingsLimits.Line);
        builder.Property(s => s.Place).HasMaxLength(UnitReportSettingsLimits.Name);
        builder.Property(s => s.Symbol).HasMaxLength(UnitReportSettingsLimits.Name);
        builder.Property(s => s.SignerAuthority).HasMaxLength(UnitReportSettingsLimits.Line);
        builder.Property(s => s.SignerTitle).HasMaxLength(UnitReportSettingsLimits.Line);
        builder.Property(s => s.SignerName).HasMaxLength(UnitReportSettingsLimits.Name);
        builder.Property(s => s.Recipients).HasMaxLength(UnitReportSettingsLimits.Recipients);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}

public static class UnitReportSettingsLimits
{
    public const int Name = 80;
    public const int Line = 200;
    public const int Recipients = 2000;
}
