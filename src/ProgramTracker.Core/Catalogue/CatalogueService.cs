using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

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
    string? NameEn = null)
{
    public ThresholdInput Common => Thresholds.GetValueOrDefault(Zones.Common) ?? new ThresholdInput(null);
}

public enum ChangeKind
{
    Added = 1,
    Changed = 2,
    Unchanged = 3,
}

/// <summary>What a change does to one indicator: added, changed (with each difference in Vietnamese) or left as it is.</summary>
public sealed record PlannedChange(string Code, string Name, ChangeKind Kind, IReadOnlyList<string> Differences);

public sealed record CatalogueChangeResult(bool Ok, IReadOnlyList<PlannedChange> Changes, IReadOnlyList<string> Errors, int? VersionNumber = null)
{
    public int Added => Changes.Count(c => c.Kind == ChangeKind.Added);
    public int Changed => Changes.Count(c => c.Kind == ChangeKind.Changed);
    public int Unchanged => Changes.Count(c => c.Kind == ChangeKind.Unchanged);
    public bool HasChanges => Added + Changed > 0;

    public static CatalogueChangeResult Fail(params string[] errors) => new(false, [], errors);
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
public sealed class CatalogueService(ProgramTrackerDbContext db, TimeProvider clock, SummaryUpdater summaries)
{
    /// <summary>The messages of the code check (Vietnamese), kept together.</summary>
    public static class CodeMessages
    {
        public const string CodeFixed = "Không đổi mã của chỉ tiêu đã có (số liệu đã nhập gắn với mã này); thêm chỉ tiêu mới nếu cần.";
        public const string CodeTaken = "Mã này đã dùng cho chỉ tiêu khác.";
    }

    /// <summary>
    /// An edited indicator (<paramref name="id"/>) must belong to the set and keep its code (entered figures hang on it);
    /// a new one needs a code no indicator uses.
    /// </summary>
    public async Task<CodeCheck> CheckCodeAsync(string setCode, int? id, string? code, CancellationToken ct = default)
    {
        if (id is { } existing)
        {
            var found = await db.Indicators.AsNoTracking().Where(i => i.Id == existing && i.Criterion.CriteriaSet.Code == setCode)
                .Select(i => new { i.Code }).FirstOrDefaultAsync(ct);
            return found is null ? new CodeCheck(false, null) : found.Code == code ? CodeCheck.Fine : new CodeCheck(true, CodeMessages.CodeFixed);
        }

        return code is not null && await db.Indicators.AnyAsync(i => i.Code == code, ct) ? new CodeCheck(true, CodeMessages.CodeTaken) : CodeCheck.Fine;
    }

    /// <summary>The dry run: what <see cref="ApplyAsync"/> would do, and every error; nothing is written.</summary>
    public Task<CatalogueChangeResult> PlanAsync(string setCode, IReadOnlyList<IndicatorDefinition> rows, DateOnly? effectiveFrom, CancellationToken ct = default) =>
        RunAsync(setCode, rows, effectiveFrom, auditNote: null, ct);

    public Task<CatalogueChangeResult> ApplyAsync(string setCode, IReadOnlyList<IndicatorDefinition> rows, DateOnly? effectiveFrom, string auditNote, CancellationToken ct = default) =>
        RunAsync(setCode, rows, effectiveFrom, auditNote, ct);

    private async Task<CatalogueChangeResult> RunAsync(string setCode, IReadOnlyList<IndicatorDefinition> rows, DateOnly? effectiveFrom, string? auditNote, CancellationToken ct)
    {
        var set = await db.CriteriaSets
            .Include(s => s.Criteria).ThenInclude(c => c.Indicators)
            .Include(s => s.Versions).ThenInclude(v => v.Thresholds)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Code == setCode, ct);
        if (set is null)
        {
            return CatalogueChangeResult.Fail($"Không có bộ tiêu chí “{setCode}”.");
        }

        var errors = Validate(set, rows);
        var codes = rows.Select(r => r.Code).ToList();
        var elsewhere = await db.Indicators.AsNoTracking()
            .Where(i => codes.Contains(i.Code) && i.Criterion.CriteriaSetId != set.Id)
            .Select(i => new { i.Code, Set = i.Criterion.CriteriaSet.Code })
            .ToListAsync(ct);
        errors.AddRange(elsewhere.Select(e => $"{CodePrefix}{e.Code} đã dùng cho một chỉ tiêu của bộ “{e.Set}”: mỗi mã chỉ dùng một lần."));

        var versions = set.Versions.OrderBy(v => v.EffectiveFrom ?? DateOnly.MinValue).ToList();
        var baseVersion = effectiveFrom is null ? versions.FirstOrDefault() : versions.LastOrDefault(v => v.EffectiveFrom is null || v.EffectiveFrom <= effectiveFrom) ?? versions.FirstOrDefault();
        var indicators = set.Criteria.SelectMany(c => c.Indicators).ToDictionary(i => i.Code);
        var changes = rows.Select(r => Compare(r, indicators.GetValueOrDefault(r.Code), baseVersion, set)).ToList();

        var members = baseVersion?.Thresholds.Where(t => t.Zone == Zones.Common).Select(t => t.IndicatorId).ToHashSet() ?? [];
        var afterCount = members.Count + changes.Count(c => c.Kind == ChangeKind.Added || (indicators.TryGetValue(c.Code, out var i) && !members.Contains(i.Id)));
        if (set.DeclaredIndicators is { } declared && afterCount > declared)
        {
            errors.Add($"Bộ này khai báo {declared} chỉ tiêu; sau thay đổi sẽ có {afterCount}: không vượt quá số đã khai báo.");
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

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var targets = TargetVersions(set, versions, effectiveFrom);
        var summary = string.Join("; ", changes.Where(c => c.Kind != ChangeKind.Unchanged)
            .Select(c => c.Kind == ChangeKind.Added ? $"thêm {c.Code}" : $"sửa {c.Code} ({string.Join(", ", c.Differences)})"));
        targets[0].Changes = Clip(string.IsNullOrEmpty(targets[0].Changes) ? summary : $"{targets[0].Changes}; {summary}", 2000);

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
                OldValue = change.Kind == ChangeKind.Added ? null : Clip(string.Join("; ", change.Differences), 200),
                NewValue = Clip($"{row.Code}: {Describe(row)}", 200),
                Note = Clip($"{auditNote} · {(change.Kind == ChangeKind.Added ? "thêm chỉ tiêu" : "sửa chỉ tiêu")} · phiên bản {targets[0].Number}"
                    + (effectiveFrom is { } f ? $" từ {f.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}" : " từ đầu"), 1000),
            });
        }

        await db.SaveChangesAsync(ct);
        await summaries.RebuildSetAsync(set.Id, effectiveFrom is null ? null : targets[0].EffectiveFrom, now, ct);
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

    /// <summary>How a plan error that concerns one indicator starts: "Mã 8.1: …" (the import page adds the file's row).</summary>
    public const string CodePrefix = "Mã ";

    private static List<string> Validate(CriteriaSet set, IReadOnlyList<IndicatorDefinition> rows)
    {
        var errors = new List<string>();
        foreach (var dup in rows.GroupBy(r => r.Code).Where(g => g.Count() > 1))
        {
            errors.Add($"{CodePrefix}{dup.Key} xuất hiện {dup.Count()} lần.");
        }

        foreach (var row in rows)
        {
            if (set.Criteria.All(c => c.Number != row.CriterionNumber))
            {
                errors.Add($"{CodePrefix}{row.Code}: bộ này không có tiêu chí số {row.CriterionNumber}.");
            }

            foreach (var zone in row.Thresholds.Keys.Where(z => !Zones.IsKnown(set.ThresholdScheme, z)))
            {
                errors.Add($"{CodePrefix}{row.Code}: “{zone}” không phải vùng hoặc nhóm xã của bộ này.");
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

        var differences = new List<string>();
        void Diff(string what, string? before, string? after)
        {
            if (!string.Equals(Blank(before), Blank(after), StringComparison.Ordinal))
            {
                differences.Add($"{what}: {Blank(before) ?? "(trống)"} → {Blank(after) ?? "(trống)"}");
            }
        }

        Diff("tên", current.Name, row.Name.Trim());
        if (row.NameEn is not null)
        {
            Diff("tên tiếng Anh", current.NameEn, row.NameEn);
        }

        Diff("đơn vị tính", current.Unit, row.Unit);
        Diff("kiểu", current.ValueType.ToString(), row.ValueType.ToString());
        Diff("tiêu chí", set.Criteria.FirstOrDefault(c => c.Id == current.CriterionId || c.Indicators.Contains(current))?.Number.ToString(CultureInfo.InvariantCulture),
            row.CriterionNumber.ToString(CultureInfo.InvariantCulture));
        var rules = version?.Thresholds.Where(t => t.IndicatorId == current.Id).ToList() ?? [];
        if (rules.Count == 0)
        {
            differences.Add("đưa vào phiên bản này");
        }
        else
        {
            Diff("so sánh", rules[0].Comparator.ToString(), row.Comparator.ToString());
            foreach (var zone in rules.Select(r => r.Zone).Union(row.Thresholds.Keys).Distinct())
            {
                var before = rules.FirstOrDefault(r => r.Zone == zone);
                var after = row.Thresholds.GetValueOrDefault(zone);
                Diff($"ngưỡng {Zones.Name(zone)}", Show(before?.Value, before?.Text), Show(after?.Value, after?.Text));
            }
        }

        return new PlannedChange(row.Code, row.Name, differences.Count == 0 ? ChangeKind.Unchanged : ChangeKind.Changed, differences);
    }

    private static string? Show(decimal? value, string? text) =>
        value is null && string.IsNullOrWhiteSpace(text) ? null
        : string.Join(" ", new[] { value?.ToString("0.####", CultureInfo.InvariantCulture), Blank(text) }.Where(x => x is not null));

    private static string Describe(IndicatorDefinition row) =>
        $"{row.Name} ({row.ValueType}, {row.Comparator} {Show(row.Common.Value, row.Common.Text) ?? "chưa có ngưỡng"})";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Clip(string? text, int max) => text is { Length: > 0 } t && t.Length > max ? t[..max] : text;
}
