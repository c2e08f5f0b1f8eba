using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Core.Catalogue;

/// <summary>A threshold as given: a number, a wording (tiered rules, checklists), or both; neither means unknown.</summary>
public sealed record ThresholdInput(decimal? Value, string? Text = null);

/// <summary>One indicator of a set's table, as the admin form or an imported row gives it.</summary>
public sealed record IndicatorDefinition(
    string Code,
    int CriterionNumber,
    string Name,
    string? Unit,
    ValueKind ValueType,
    Comparator Comparator,
    IReadOnlyDictionary<string, ThresholdInput> Thresholds,
    string? Note = null,
    string? Frequency = null,
    int? SourceId = null,
    string? NameEn = null,
    QuarterCombine? Combine = null,
    string? CombineReason = null)
{
    public ThresholdInput Common => Thresholds.GetValueOrDefault(Zones.Common) ?? new ThresholdInput(null);
}

public enum ChangeKind
{
    Added = 1,
    Changed = 2,
    Unchanged = 3,
}

/// <summary>What a change does to one indicator: added, changed (each difference as data, see <see cref="ChangeText"/>) or left as it is.</summary>
public sealed record PlannedChange(string Code, string Name, ChangeKind Kind, IReadOnlyList<Difference> Differences);

/// <summary>A refusal in the caller's language; <see cref="Code"/> names the indicator it concerns (the import page adds the file's row).</summary>
public sealed record CatalogueError(string? Code, string Message);

public sealed record CatalogueChangeResult(bool Ok, IReadOnlyList<PlannedChange> Changes, IReadOnlyList<CatalogueError> Errors, int? VersionNumber = null)
{
    public int Added => Changes.Count(c => c.Kind == ChangeKind.Added);
    public int Changed => Changes.Count(c => c.Kind == ChangeKind.Changed);
    public int Unchanged => Changes.Count(c => c.Kind == ChangeKind.Unchanged);
    public bool HasChanges => Added + Changed > 0;

    public static CatalogueChangeResult Fail(params CatalogueError[] errors) => new(false, [], errors);
}

/// <summary>What the admin form's indicator code comes to: <see cref="InSet"/> false means an indicator outside the set (404).</summary>
public sealed record CodeCheck(bool InSet, string? Error)
{
    public static readonly CodeCheck Fine = new(true, null);
}

/// <summary>
/// The one door for changing a set's list and thresholds: the admin form, the table import and the seed all come
/// through here. A change applies from a chosen period on: it amends the version that starts then (made by copying
/// the version in force, when none starts then) and every later version; earlier periods keep their version.
/// The attainment summaries of the affected periods are rebuilt in the same transaction.
/// </summary>
public sealed class CatalogueService(ProgramTrackerDbContext db, SummaryUpdater summaries)
{
    /// <summary>
    /// An edited indicator (<paramref name="id"/>) must belong to the set and keep its code (entered figures hang on it);
    /// a new one needs a code no indicator uses. The refusal is in the language of <paramref name="f"/>.
    /// </summary>
    public async Task<CodeCheck> CheckCodeAsync(string setCode, int? id, string? code, Formats f, CancellationToken ct = default)
    {
        if (id is { } existing)
        {
            var found = await db.Indicators.AsNoTracking().Where(i => i.Id == existing && i.Criterion.CriteriaSet.Code == setCode)
                .Select(i => new { i.Code }).FirstOrDefaultAsync(ct);
            return found is null ? new CodeCheck(false, null) : found.Code == code ? CodeCheck.Fine : new CodeCheck(true, f["Catalogue.Error.CodeFixed"]);
        }

        return code is not null && await db.Indicators.AnyAsync(i => i.Code == code, ct) ? new CodeCheck(true, f["Catalogue.Error.CodeTaken"]) : CodeCheck.Fine;
    }

    /// <summary>The dry run: what <see cref="ApplyAsync"/> would do, and every error (in the language of <paramref name="f"/>); nothing is written.</summary>
    public Task<CatalogueChangeResult> PlanAsync(string setCode, IReadOnlyList<IndicatorDefinition> rows, DateOnly? effectiveFrom, Formats f, CancellationToken ct = default) =>
        RunAsync(setCode, rows, effectiveFrom, auditNote: null, f, ct);

    /// <summary>Applies the change; <paramref name="auditNote"/> is stored as given (Vietnamese, like every stored note); errors are in the language of <paramref name="f"/>.</summary>
    public Task<CatalogueChangeResult> ApplyAsync(string setCode, IReadOnlyList<IndicatorDefinition> rows, DateOnly? effectiveFrom, string auditNote, Formats f, CancellationToken ct = default) =>
        RunAsync(setCode, rows, effectiveFrom, auditNote, f, ct);

    private async Task<CatalogueChangeResult> RunAsync(string setCode, IReadOnlyList<IndicatorDefinition> rows, DateOnly? effectiveFrom, string? auditNote, Formats f, CancellationToken ct)
    {
        var set = await db.CriteriaSets
            .Include(s => s.Criteria).ThenInclude(c => c.Indicators)
            .Include(s => s.Versions).ThenInclude(v => v.Thresholds)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Code == setCode, ct);
        if (set is null)
        {
            return CatalogueChangeResult.Fail(new CatalogueError(null, f.Format("Catalogue.Error.NoSet", setCode)));
        }

        var errors = Validate(set, rows, f);
        var codes = rows.Select(r => r.Code).ToList();
        var elsewhere = await db.Indicators.AsNoTracking()
            .Where(i => codes.Contains(i.Code) && i.Criterion.CriteriaSetId != set.Id)
            .Select(i => new { i.Code, Set = i.Criterion.CriteriaSet.Code })
            .ToListAsync(ct);
        errors.AddRange(elsewhere.Select(e => new CatalogueError(e.Code, f.Format("Catalogue.Error.CodeInOtherSet", e.Code, e.Set))));

        var versions = set.Versions.OrderBy(v => v.EffectiveFrom ?? DateOnly.MinValue).ToList();
        var baseVersion = effectiveFrom is null ? versions.FirstOrDefault() : versions.LastOrDefault(v => v.EffectiveFrom is null || v.EffectiveFrom <= effectiveFrom) ?? versions.FirstOrDefault();
        var indicators = set.Criteria.SelectMany(c => c.Indicators).ToDictionary(i => i.Code);
        var changes = rows.Select(r => Compare(r, indicators.GetValueOrDefault(r.Code), baseVersion, set)).ToList();

        var members = baseVersion?.Thresholds.Where(t => t.Zone == Zones.Common).Select(t => t.IndicatorId).ToHashSet() ?? [];
        var afterCount = members.Count + changes.Count(c => c.Kind == ChangeKind.Added || (indicators.TryGetValue(c.Code, out var i) && !members.Contains(i.Id)));
        if (set.DeclaredIndicators is { } declared && afterCount > declared)
        {
            errors.Add(new CatalogueError(null, f.Format("Catalogue.Error.TooMany", declared, afterCount)));
        }

        if (errors.Count > 0)
        {
            return new CatalogueChangeResult(false, changes, errors);
        }

        var result = new CatalogueChangeResult(true, changes, []);
        if (auditNote is null || !result.HasChanges)
        {
            return result;
        }

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var targets = TargetVersions(set, versions, effectiveFrom);
        // The version's log is stored as data and put into words when shown (ChangeText), so each reader gets their language.
        var entries = changes.Where(c => c.Kind != ChangeKind.Unchanged).Select(c => new ChangeEntry(c.Kind, c.Code, c.Differences));
        targets[0].Changes = (ChangeLog.Parse(targets[0].Changes) ?? new ChangeLog()).With(entries).Serialize();

        foreach (var (row, change) in rows.Zip(changes).Where(x => x.Second.Kind != ChangeKind.Unchanged))
        {
            var criterion = set.Criteria.Single(c => c.Number == row.CriterionNumber);
            if (!indicators.TryGetValue(row.Code, out var indicator))
            {
                indicator = new Indicator { Code = row.Code, Name = row.Name, SortOrder = criterion.Indicators.Count + 1 };
                criterion.Indicators.Add(indicator);
                indicators[row.Code] = indicator;
            }
            else if (indicator.CriterionId != criterion.Id)
            {
                indicator.Criterion = criterion;
                indicator.SortOrder = criterion.Indicators.Count + 1;
            }

            indicator.Name = row.Name.Trim();
            if (row.NameEn is not null)
            {
                // The admin form always sends the English name ("" clears it); an imported table has none and keeps it.
                indicator.NameEn = Blank(row.NameEn);
            }

            indicator.Unit = Blank(row.Unit);
            indicator.ValueType = row.ValueType;
            indicator.Note = Blank(row.Note) ?? indicator.Note;
            indicator.Frequency = Blank(row.Frequency) ?? indicator.Frequency;
            // A table without the column keeps the stored rule; a reason goes with the rule it explains.
            if (row.Combine is { } combine)
            {
                indicator.Combine = combine;
                indicator.CombineReason = Blank(row.CombineReason);
            }
            indicator.SourceId = row.SourceId ?? indicator.SourceId;
            foreach (var version in targets)
            {
                version.Thresholds.RemoveAll(t => t.Indicator == indicator || (indicator.Id != 0 && t.IndicatorId == indicator.Id));
                foreach (var (zone, threshold) in row.Thresholds.Where(t => t.Key == Zones.Common || t.Value.Value is not null || t.Value.Text is not null))
                {
                    version.Thresholds.Add(new IndicatorThreshold
                    {
                        Indicator = indicator, Zone = zone, Comparator = row.Comparator, Value = threshold.Value, Text = Blank(threshold.Text),
                    });
                }

                if (!row.Thresholds.ContainsKey(Zones.Common))
                {
                    version.Thresholds.Add(new IndicatorThreshold { Indicator = indicator, Zone = Zones.Common, Comparator = row.Comparator });
                }
            }

            db.AuditEntries.Add(new AuditEntry
            {
                Action = AuditAction.CatalogueChanged, CriteriaSetId = set.Id, Indicator = indicator,
                // Stored audit text: Vietnamese, as every stored audit note (docs/localization.md).
                OldValue = change.Kind == ChangeKind.Added ? null : Clip(string.Join("; ", change.Differences.Select(d => ChangeText.Difference(d, Formats.Vietnamese))), 200),
                NewValue = Clip($"{row.Code}: {Describe(row)}", 200),
                Note = Clip($"{auditNote} · {(change.Kind == ChangeKind.Added ? "thêm chỉ tiêu" : "sửa chỉ tiêu")} · phiên bản {targets[0].Number}"
                    + (effectiveFrom is { } start ? $" từ {start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}" : " từ đầu"), 1000),
            });
        }

        await db.SaveChangesAsync(ct);
        await summaries.RebuildSetAsync(set.Id, effectiveFrom is null ? null : targets[0].EffectiveFrom, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return result with { VersionNumber = targets[0].Number };
    }

    /// <summary>The version that starts at <paramref name="from"/> (made when missing) and every later one.</summary>
    private static List<CriteriaSetVersion> TargetVersions(CriteriaSet set, List<CriteriaSetVersion> versions, DateOnly? from)
    {
        if (versions.Count == 0)
        {
            var first = new CriteriaSetVersion { Number = 1 };
            set.Versions.Add(first);
            return [first];
        }

        if (from is null)
        {
            return versions;
        }

        var start = versions.FirstOrDefault(v => v.EffectiveFrom == from);
        if (start is null)
        {
            var inForce = versions.LastOrDefault(v => v.EffectiveFrom is null || v.EffectiveFrom < from) ?? versions[0];
            start = new CriteriaSetVersion { EffectiveFrom = from };
            start.Thresholds.AddRange(inForce.Thresholds.Select(t => new IndicatorThreshold
            {
                IndicatorId = t.IndicatorId, Zone = t.Zone, Comparator = t.Comparator, Value = t.Value, Text = t.Text,
            }));
            set.Versions.Add(start);
            versions.Add(start);
            var number = 1;
            foreach (var v in versions.OrderBy(v => v.EffectiveFrom ?? DateOnly.MinValue))
            {
                v.Number = number++;
            }
        }

        return versions.Where(v => v == start || (v.EffectiveFrom is { } e && e > from)).OrderBy(v => v.EffectiveFrom ?? DateOnly.MinValue).ToList();
    }

    private static List<CatalogueError> Validate(CriteriaSet set, IReadOnlyList<IndicatorDefinition> rows, Formats f)
    {
        var errors = new List<CatalogueError>();
        foreach (var dup in rows.GroupBy(r => r.Code).Where(g => g.Count() > 1))
        {
            errors.Add(new CatalogueError(dup.Key, f.Format("Catalogue.Error.CodeTwice", dup.Key, dup.Count())));
        }

        foreach (var row in rows)
        {
            if (set.Criteria.All(c => c.Number != row.CriterionNumber))
            {
                errors.Add(new CatalogueError(row.Code, f.Format("Catalogue.Error.NoCriterion", row.Code, row.CriterionNumber)));
            }

            foreach (var zone in row.Thresholds.Keys.Where(z => !Zones.IsKnown(set.ThresholdScheme, z)))
            {
                errors.Add(new CatalogueError(row.Code, f.Format("Catalogue.Error.UnknownZone", row.Code, zone)));
            }
        }

        return errors;
    }

    private static PlannedChange Compare(IndicatorDefinition row, Indicator? current, CriteriaSetVersion? version, CriteriaSet set)
    {
        if (current is null)
        {
            return new PlannedChange(row.Code, row.Name, ChangeKind.Added, []);
        }

        var differences = new List<Difference>();
        void Diff(ChangeField what, string? before, string? after)
        {
            if (!string.Equals(Blank(before), Blank(after), StringComparison.Ordinal))
            {
                differences.Add(new Difference(what, Blank(before), Blank(after)));
            }
        }

        Diff(ChangeField.Name, current.Name, row.Name.Trim());
        if (row.NameEn is not null)
        {
            Diff(ChangeField.NameEn, current.NameEn, row.NameEn);
        }

        Diff(ChangeField.Unit, current.Unit, row.Unit);
        Diff(ChangeField.ValueType, current.ValueType.ToString(), row.ValueType.ToString());
        Diff(ChangeField.Criterion, set.Criteria.FirstOrDefault(c => c.Id == current.CriterionId || c.Indicators.Contains(current))?.Number.ToString(CultureInfo.InvariantCulture),
            row.CriterionNumber.ToString(CultureInfo.InvariantCulture));
        var rules = version?.Thresholds.Where(t => t.IndicatorId == current.Id).ToList() ?? [];
        if (rules.Count == 0)
        {
            differences.Add(new Difference(ChangeField.Included));
        }
        else
        {
            Diff(ChangeField.Comparator, rules[0].Comparator.ToString(), row.Comparator.ToString());
            foreach (var zone in rules.Select(r => r.Zone).Union(row.Thresholds.Keys).Distinct())
            {
                var before = rules.FirstOrDefault(r => r.Zone == zone);
                var after = row.Thresholds.GetValueOrDefault(zone);
                if (!string.Equals(Show(before?.Value, before?.Text), Show(after?.Value, after?.Text), StringComparison.Ordinal))
                {
                    differences.Add(new Difference(ChangeField.Threshold, Blank(before?.Text), Blank(after?.Text), zone, before?.Value, after?.Value));
                }
            }
        }

        return new PlannedChange(row.Code, row.Name, differences.Count == 0 ? ChangeKind.Unchanged : ChangeKind.Changed, differences);
    }

    private static string? Show(decimal? value, string? text) =>
        value is null && string.IsNullOrWhiteSpace(text) ? null
        : string.Join(" ", new[] { value?.ToString("0.####", CultureInfo.InvariantCulture), Blank(text) }.Where(x => x is not null));

    /// <summary>The stored audit value of a row (Vietnamese, as every stored audit text).</summary>
    private static string Describe(IndicatorDefinition row) =>
        $"{row.Name} ({row.ValueType}, {row.Comparator} {Show(row.Common.Value, row.Common.Text) ?? Formats.Vietnamese["Catalogue.Change.NoThreshold"]})";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Clip(string? text, int max) => text is { Length: > 0 } t && t.Length > max ? t[..max] : text;
}
