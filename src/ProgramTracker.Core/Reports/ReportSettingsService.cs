using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Data.Configurations;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Reports;

/// <summary>What the unit's staff typed into the report settings form (raw, before checks).</summary>
public sealed record ReportSettingsInput(
    string? IssuingBody, string? ParentBody, string? Place, string? Symbol, string? SignerAuthority, string? SignerTitle, string? SignerName, string? Recipients);

/// <summary>A save's outcome: the refusals by field (resource keys), empty when saved.</summary>
public sealed record ReportSettingsResult(IReadOnlyDictionary<string, string> Errors)
{
    public bool Saved => Errors.Count == 0;
}

/// <summary>Reads a unit's report settings (its own, or the defaults) and saves the form in one write.</summary>
public sealed class ReportSettingsService(ProgramTrackerDbContext db)
{
    public static class Messages
    {
        public const string Required = "ReportSettings.Required";
        public const string TooLong = "ReportSettings.TooLong";
    }

    /// <summary>The unit's settings; the defaults (not stored) where its staff have set none; null for an unknown unit.</summary>
    public async Task<UnitReportSettings?> GetAsync(int unitId, CancellationToken ct = default)
    {
        if (await db.ReportSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UnitId == unitId, ct) is { } stored)
        {
            return stored;
        }

        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return null;
        }

        var parent = unit.ParentId is { } p ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == p, ct) : null;
        return ReportSettingsDefaults.For(unit, parent);
    }

    /// <summary>Checks every field, then saves all of them or none.</summary>
    public async Task<ReportSettingsResult> SaveAsync(int unitId, ReportSettingsInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        string? Field(string name, string? value, int max, bool required)
        {
            var text = value?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (required)
                {
                    errors[name] = Messages.Required;
                }

                return null;
            }

            if (text.Length > max)
            {
                errors[name] = Messages.TooLong;
            }

            return text;
        }

        var issuing = Field(nameof(input.IssuingBody), input.IssuingBody, UnitReportSettingsLimits.Line, true);
        var parent = Field(nameof(input.ParentBody), input.ParentBody, UnitReportSettingsLimits.Line, false);
        var place = Field(nameof(input.Place), input.Place, UnitReportSettingsLimits.Name, true);
        var symbol = Field(nameof(input.Symbol), input.Symbol, UnitReportSettingsLimits.Name, true);
        var authority = Field(nameof(input.SignerAuthority), input.SignerAuthority, UnitReportSettingsLimits.Line, false);
        var title = Field(nameof(input.SignerTitle), input.SignerTitle, UnitReportSettingsLimits.Line, true);
        var name = Field(nameof(input.SignerName), input.SignerName, UnitReportSettingsLimits.Name, false);
        // One recipient a line: blank lines and typed dashes or semicolons are dropped, the document adds its own.
        var lines = (input.Recipients ?? "").Split('\n').Select(l => l.Trim().TrimStart('-', '–', ' ').TrimEnd(';', '.', ' ').Trim()).Where(l => l.Length > 0).ToList();
        var recipients = Field(nameof(input.Recipients), string.Join('\n', lines), UnitReportSettingsLimits.Recipients, true);
        if (errors.Count > 0)
        {
            return new ReportSettingsResult(errors);
        }

        var row = await db.ReportSettings.FirstOrDefaultAsync(s => s.UnitId == unitId, ct);
        if (row is null)
        {
            row = new UnitReportSettings { UnitId = unitId, IssuingBody = "", Place = "", Symbol = "", SignerTitle = "", Recipients = "" };
            db.ReportSettings.Add(row);
        }

        row.IssuingBody = issuing!;
        row.ParentBody = parent;
        row.Place = place!;
        row.Symbol = symbol!;
        row.SignerAuthority = authority;
        row.SignerTitle = title!;
        row.SignerName = name;
        row.Recipients = recipients!;
        await db.SaveChangesAsync(ct);
        return new ReportSettingsResult(new Dictionary<string, string>());
    }
}
