using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProgramTracker.Core.Validation;

public sealed class ValidationRuleConfiguration : IEntityTypeConfiguration<ValidationRule>
{
    public void Configure(EntityTypeBuilder<ValidationRule> builder)
    {
        builder.ToTable("validation_rules");
        builder.HasIndex(r => new { r.Code, r.FromYear, r.FromQuarter }).IsUnique();
        builder.Property(r => r.Code).HasMaxLength(100);
        builder.Property(r => r.Expression).HasMaxLength(ValidationLimits.Expression);
        builder.Property(r => r.Name).HasMaxLength(ValidationLimits.Name);
        builder.Property(r => r.NameEn).HasMaxLength(ValidationLimits.Name);
        builder.Property(r => r.Message).HasMaxLength(ValidationLimits.Message);
        builder.Property(r => r.MessageEn).HasMaxLength(ValidationLimits.Message);
        builder.Property(r => r.Reason).HasMaxLength(ValidationLimits.Message);
        builder.Property(r => r.Min).HasPrecision(20, 4);
        builder.Property(r => r.Max).HasPrecision(20, 4);
        builder.Property(r => r.Share).HasPrecision(20, 4);
        builder.Ignore(r => r.FromKey);
        builder.HasOne(r => r.CriteriaSet).WithMany().HasForeignKey(r => r.CriteriaSetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Indicator).WithMany().HasForeignKey(r => r.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ValueFlagConfiguration : IEntityTypeConfiguration<ValueFlag>
{
    public void Configure(EntityTypeBuilder<ValueFlag> builder)
    {
        builder.ToTable("value_flags");
        builder.HasIndex(f => new { f.UnitId, f.PeriodId, f.IndicatorId, f.RuleId }).IsUnique();
        builder.HasIndex(f => new { f.PeriodId, f.RuleId });
        builder.Property(f => f.Value).HasPrecision(20, 4);
        builder.Property(f => f.Measure).HasPrecision(20, 4);
        builder.Property(f => f.Note).HasMaxLength(Entry.CellRules.MaxNoteLength);
        builder.Property(f => f.FollowUpBy).HasMaxLength(256);
        builder.HasOne(f => f.Unit).WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Period).WithMany().HasForeignKey(f => f.PeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Indicator).WithMany().HasForeignKey(f => f.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Rule).WithMany().HasForeignKey(f => f.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class ValidationLimits
{
    public const int Name = 200;
    public const int Message = 500;
    public const int Expression = 500;
}
