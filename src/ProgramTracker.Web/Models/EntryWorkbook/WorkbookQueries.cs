using System.Security.Claims;
using ProgramTracker.Core.Import;
using ProgramTracker.Core.Workflow;
using ProgramTracker.Web.Models.Entry;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.EntryWorkbook;

/// <summary>
/// The entry forms as workbooks: built from <see cref="EntryQueries.PageAsync"/>, so a workbook shows exactly the sets
/// and indicators the browser form shows for that unit and period.
/// </summary>
public sealed class WorkbookQueries(ProgramTrackerDbContext db, EntryQueries entry, UnitAccess access)
{
    /// <summary>
    /// The forms of these units through the entry form's own query (<see cref="EntryQueries.PagesAsync"/>, which reads
    /// every unit at once), so the rules (sets and units valid in the period, the version in force, the unit's
    /// thresholds) have one home and a workbook shows exactly what the browser form shows.
    /// </summary>
    public async Task<FormBundle> BundleAsync(ReportingPeriod period, IReadOnlyList<UnitHeader> units, CancellationToken ct)
    {
        var pages = await entry.PagesAsync(units, period, ct);
        var forms = units.Zip(pages).Select(x =>
        {
            var (unit, page) = x;
            return new FormUnit(unit.Id, unit.Slug, unit.FullName, page.Sets.SelectMany(set => set.Criteria.SelectMany(c => c.Rows).Select(r => new FormRow(
                r.IndicatorId, r.Code, r.Name, r.Unit, r.ValueType, Formats.Current.Threshold(r.Comparator, r.Threshold, r.ValueType, r.Unit, r.ThresholdText), r.PreviousValue,
                r.StoredValue, r.Note, r.Version, r.StoredBy, r.StoredAtUtc, set.Name,
                set.LocksValues ? LockedBecause(set.Name, set.Status) : null))).ToList());
        }).ToList();
        var rules = ProgramTracker.Core.Validation.ValueChecks.InForce(await db.ValidationRules.AsNoTracking().ToListAsync(ct), period.Year, period.Quarter ?? 4);
        return new FormBundle(period.Id, period.Code, period.Label, pages.Count > 0 ? pages[0].PreviousPeriod?.Label : null, period.IsLocked, forms)
        {
            HardBounds = rules.Where(r => r.Kind == ProgramTracker.Core.Validation.RuleKind.Bounds && r.Severity == ProgramTracker.Core.Validation.RuleSeverity.Hard).ToList(),
        };
    }

    private static string LockedBecause(string setName, SubmissionStatus status) =>
        Formats.Current.Format("Entry.SetLockedByStatus", setName, Formats.Current.Status(status));

    public async Task<List<UnitHeader>> HeadersAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await db.Units.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.Kind != UnitKind.Province)
            .Select(u => new { u.Id, u.Slug, u.Name, u.Kind, ParentName = u.Parent != null ? u.Parent.Name : null, ParentSlug = u.Parent != null ? u.Parent.Slug : null, u.ValidTo, u.Note, u.ValidFrom })
            .ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id])
            .Select(u => new UnitHeader(u.Id, u.Slug, u.Name, u.Kind, AdministrativeUnit.FullNameOf(u.Kind, u.Name), u.ParentName, u.ParentSlug, u.ValidTo, u.Note, u.ValidFrom))
            .ToList();
    }

    /// <summary>A reviewer's units for a period: the district and its communes that the user may approve, valid in that period.</summary>
    public async Task<List<UnitHeader>> ReviewUnitsAsync(ClaimsPrincipal user, UnitHeader district, ReportingPeriod period, CancellationToken ct)
    {
        var (starts, ends) = (period.StartsOn, period.EndsOn);
        var ids = await db.Units.AsNoTracking()
            .Where(u => (u.Id == district.Id || u.ParentId == district.Id) && (u.ValidTo == null || u.ValidTo >= starts) && (u.ValidFrom == null || u.ValidFrom <= ends))
            .OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => u.Id)
            .ToListAsync(ct);
        var allowed = new List<int>();
        foreach (var id in ids)
        {
            if (await access.CanApproveAsync(user, id, period, ct))
            {
                allowed.Add(id);
            }
        }

        return await HeadersAsync(allowed, ct);
    }

    /// <summary>The entry path of a unit's form, or of the reviewer's import page.</summary>
    public static string EntryPath(UnitHeader unit, ReportingPeriod period) => EntryPath(unit.Kind, unit.Slug, period.Code);

    /// <summary>The entry path of a unit's form from its kind, slug and the period's code (reports, follow-ups).</summary>
    public static string EntryPath(UnitKind kind, string slug, string periodCode) =>
        $"/{(AdministrativeUnit.IsCommuneLevelKind(kind) ? "communes" : "districts")}/{slug}/entry/{periodCode}";

    public static string ReviewPath(string districtSlug, ReportingPeriod period) => $"/entry/{period.Code}/import?unit={Uri.EscapeDataString(districtSlug)}";
}

/// <summary>The dry-run page.</summary>
public sealed class ImportPreviewPage
{
    public required ImportPreview Preview { get; init; }
    public required ReportingPeriod Period { get; init; }
    public required string FileName { get; init; }
    public required string BackPath { get; init; }
    public required string UploadAction { get; init; }
    public string? PlanToken { get; init; }
    public bool MultiUnit { get; init; }
    public long ElapsedMs { get; init; }
    /// <summary>Cumulative milliseconds after each step (read, identify, forms, analysis, plan), for the benchmark.</summary>
    public string? Timings { get; init; }
    public string? Message { get; init; }
}

/// <summary>The reviewer's page: download every unit's form as one workbook, upload it back.</summary>
public sealed class ReviewerImportPage
{
    public required UnitHeader District { get; init; }
    public required ReportingPeriod Period { get; init; }
    public required IReadOnlyList<(UnitHeader Unit, int Rows)> Units { get; init; }
    public string? Message { get; init; }
    public string Query => $"?unit={Uri.EscapeDataString(District.Slug)}";
}

public static class EntryWorkbookRegistration
{
    public static IServiceCollection AddEntryWorkbook(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration("Import")
            .Validate(o => o.MaxFileBytes > 0 && o.MaxUncompressedBytes > 0 && o.MaxEntries > 0 && o.MaxRows > 0, "Import:* limits must be positive.");
        return services.AddScoped<WorkbookQueries>().AddSingleton<ImportStamps>();
    }
}
