using ProgramTracker.Core.Reports;

namespace ProgramTracker.Web.Models.Reports;

/// <summary>The form at /units/{slug}/report-settings: the fields as shown (stored, defaults or as typed), the refusals by field, and whether the reader may save.</summary>
public sealed record ReportSettingsPage(
    string Slug,
    string UnitName,
    ReportSettingsInput Fields,
    IReadOnlyDictionary<string, string> Errors,
    bool IsDefault,
    bool Saved,
    bool CanEdit)
{
    public string? Error(string field) => Errors.GetValueOrDefault(field);
}
