using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Core.Units;

/// <summary>One row of a classification file as read (cells trimmed, empty as null). <see cref="From"/> is the cell's text.</summary>
public sealed record ClassificationRow(int Row, string? StatisticsCode, string? Group, string? Region, string? From, string? Decision);

public enum ClassificationChange
{
    /// <summary>A new classification from the date; the one in force then (if any) ends the day before.</summary>
    Added = 1,
    /// <summary>The unit already has a classification from that very date: its group, region or decision change.</summary>
    Changed = 2,
    /// <summary>The unit already has exactly this classification from that date.</summary>
    Unchanged = 3,
}

public sealed record PlannedClassification(int Row, int UnitId, string UnitName, string StatisticsCode, int? Group, string? Region, DateOnly From, string Decision, ClassificationChange Change);

public sealed record ClassificationPlan(IReadOnlyList<PlannedClassification> Rows, IReadOnlyList<RowError> Errors)
{
    public bool Ok => Errors.Count == 0 && Rows.Count > 0;

    public int Count(ClassificationChange change) => Rows.Count(r => r.Change == change);
}

/// <summary>
/// Commune groups (QĐ 51/2025) and regions (QĐ 318/2022) by file (/admin/unit-classifications/import): checks each row
/// against the units the administrator may administer, then writes every classification in one transaction. A row
/// starts a classification on its date: the one in force then ends the day before and its other fields carry over (a
/// group does not erase the region), so the thresholds given by group apply to the commune from that date on. The
/// summaries of the periods from the earliest date are recomputed in the same transaction.
/// </summary>
public sealed class ClassificationImport(ProgramTrackerDbContext db, SummaryUpdater summaries)
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("code", "Mã đơn vị", "Unit code"),
        new("group", "Nhóm xã (QĐ 51)", "Commune group (QĐ 51)"),
        new("region", "Vùng (QĐ 318)", "Region (QĐ 318)"),
        new("from", "Từ ngày", "From"),
        new("decision", "Số quyết định", "Decision number"),
    ];

    public async Task<ClassificationPlan> PlanAsync(IReadOnlyList<ClassificationRow> rows, AccessProfile importer, Formats f, CancellationToken ct = default)
    {
        var errors = new List<RowError>();
        var planned = new List<PlannedClassification>();
        var field = Columns.ToDictionary(c => c.Key, c => c.Header(f));
        var codes = rows.Select(r => r.StatisticsCode).OfType<string>().Distinct().ToList();
        var units = (await db.Units.AsNoTracking().Where(u => u.StatisticsCode != null && codes.Contains(u.StatisticsCode))
                .Select(u => new { u.Id, u.Kind, u.Name, u.ParentId, GrandparentId = u.Parent != null ? u.Parent.ParentId : null, u.StatisticsCode, u.ValidFrom, u.ValidTo })
                .ToListAsync(ct))
            .GroupBy(u => u.StatisticsCode!)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.ValidTo is null ? 0 : 1).ThenByDescending(u => u.ValidTo).First(), StringComparer.Ordinal);
        var unitIds = units.Values.Select(u => u.Id).ToList();
        var existing = await db.UnitClassifications.AsNoTracking().Include(c => c.Source).Where(c => unitIds.Contains(c.UnitId)).ToListAsync(ct);
        var seen = new Dictionary<(string, DateOnly), int>();

        foreach (var row in rows)
        {
            var before = errors.Count;
            void Error(string key, string message) => errors.Add(new RowError(row.Row, field[key], message));

            var unit = row.StatisticsCode is { } code ? units.GetValueOrDefault(code) : null;
            if (row.StatisticsCode is null)
            {
                Error("code", f["UserImport.CodeMissing"]);
            }
            else if (unit is null)
            {
                Error("code", f.Format("UserImport.CodeUnknown", row.StatisticsCode));
            }
            else if (!AccessRules.CanAdminister(importer, new UnitPlace(unit.Id, unit.Kind, unit.ParentId, unit.GrandparentId)))
            {
                Error("code", f.Format("UserImport.UnitNotYours", row.StatisticsCode, f.UnitName(unit.Kind, unit.Name)));
            }
            else if (!AdministrativeUnit.IsCommuneLevelKind(unit.Kind))
            {
                Error("code", f.Format("ClassImport.NotCommune", row.StatisticsCode, f.UnitName(unit.Kind, unit.Name)));
            }

            int? group = null;
            if (row.Group is { } g)
            {
                var digits = g.Replace("Nhóm", "", StringComparison.OrdinalIgnoreCase).Replace("Group", "", StringComparison.OrdinalIgnoreCase).Trim();
                if (digits is "1" or "2" or "3")
                {
                    group = digits[0] - '0';
                }
                else
                {
                    Error("group", f.Format("ClassImport.GroupInvalid", g));
                }
            }

            string? region = null;
            if (row.Region is { } r)
            {
                region = Zones.Regions.FirstOrDefault(z => Same(z.Code, r) || Same(z.Name, r) || Same(Formats.English.Zone(z.Code), r)).Code;
                if (region is null)
                {
                    Error("region", f.Format("ClassImport.RegionInvalid", r, string.Join(", ", Zones.Regions.Select(z => z.Code))));
                }
            }

            if (row.Group is null && row.Region is null)
            {
                Error("group", f["ClassImport.NothingGiven"]);
            }

            DateOnly? from = null;
            if (row.From is null)
            {
                Error("from", f["ClassImport.FromMissing"]);
            }
            else if (ParseDate(row.From) is not { } date)
            {
                Error("from", f.Format("ClassImport.FromInvalid", row.From));
            }
            else if (unit is not null && (unit.ValidFrom is { } start && date < start || unit.ValidTo is { } end && date > end))
            {
                Error("from", f.Format("ClassImport.FromOutside", f.Date(date), f.UnitName(unit.Kind, unit.Name), f.Date(unit.ValidFrom), f.Date(unit.ValidTo, "—")));
            }
            else
            {
                from = date;
            }

            var decision = row.Decision;
            if (decision is null)
            {
                Error("decision", f["ClassImport.DecisionMissing"]);
            }
            else if (decision.Length > 100)
            {
                Error("decision", f["ClassImport.DecisionTooLong"]);
            }

            if (unit is not null && from is { } day)
            {
                if (seen.TryGetValue((unit.StatisticsCode!, day), out var first))
                {
                    Error("code", f.Format("ClassImport.Twice", unit.StatisticsCode, f.Date(day), first));
                }
                else
                {
                    seen[(unit.StatisticsCode!, day)] = row.Row;
                }
            }

            if (errors.Count == before)
            {
                var same = existing.FirstOrDefault(c => c.UnitId == unit!.Id && c.ValidFrom == from);
                var change = same is null ? ClassificationChange.Added
                    : (group is null || same.CommuneGroup == group) && (region is null || same.Region == region) && same.Source?.Title == decision
                        ? ClassificationChange.Unchanged
                        : ClassificationChange.Changed;
                planned.Add(new PlannedClassification(row.Row, unit!.Id, f.UnitName(unit.Kind, unit.Name), unit.StatisticsCode!, group, region, from!.Value, decision!, change));
            }
        }

        return new ClassificationPlan(planned, errors);
    }

    /// <summary>Checks the rows again and writes them all in one transaction, or nothing.</summary>
    public async Task<ClassificationPlan> ApplyAsync(IReadOnlyList<ClassificationRow> rows, AccessProfile importer, string fileNote, Formats f, CancellationToken ct = default)
    {
        var plan = await PlanAsync(rows, importer, f, ct);
        if (!plan.Ok)
        {
            return plan;
        }

        var writes = plan.Rows.Where(r => r.Change != ClassificationChange.Unchanged).OrderBy(r => r.From).ToList();
        if (writes.Count == 0)
        {
            return plan;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unitIds = writes.Select(w => w.UnitId).Distinct().ToList();
        var all = await db.UnitClassifications.Where(c => unitIds.Contains(c.UnitId)).ToListAsync(ct);
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var w in writes)
        {
            var source = await SourceAsync(w.Decision, sources, ct);
            var mine = all.Where(c => c.UnitId == w.UnitId).OrderBy(c => c.ValidFrom ?? DateOnly.MinValue).ToList();
            if (mine.FirstOrDefault(c => c.ValidFrom == w.From) is { } same)
            {
                same.CommuneGroup = w.Group ?? same.CommuneGroup;
                same.Region = w.Region ?? same.Region;
                same.Source = source;
                same.Note = fileNote;
                continue;
            }

            // The classification in force on the date ends the day before; the new one carries its other fields and ends
            // where it ended (or where the next one starts).
            var current = mine.LastOrDefault(c => (c.ValidFrom is null || c.ValidFrom < w.From) && (c.ValidTo is null || c.ValidTo >= w.From));
            var next = mine.FirstOrDefault(c => c.ValidFrom > w.From);
            var added = new UnitClassification
            {
                UnitId = w.UnitId,
                ValidFrom = w.From,
                ValidTo = current?.ValidTo ?? next?.ValidFrom?.AddDays(-1),
                Region = w.Region ?? current?.Region,
                CommuneGroup = w.Group ?? current?.CommuneGroup,
                EspeciallyDisadvantaged = current?.EspeciallyDisadvantaged ?? false,
                Note = fileNote,
                Source = source,
            };
            if (current is not null)
            {
                current.ValidTo = w.From.AddDays(-1);
            }

            db.UnitClassifications.Add(added);
            all.Add(added);
        }

        await db.SaveChangesAsync(ct);

        // Thresholds by group or region change from the earliest date on: recompute the summaries there are.
        var earliest = writes.Min(w => w.From);
        var periods = (await db.Periods.AsNoTracking().ToListAsync(ct)).Where(p => p.EndsOn >= earliest).Select(p => p.Id).ToList();
        var affected = await db.AttainmentSummaries.AsNoTracking()
            .Where(s => unitIds.Contains(s.UnitId) && periods.Contains(s.PeriodId) && s.CriteriaSet.ThresholdScheme != ThresholdScheme.Common)
            .Select(s => new { s.UnitId, s.PeriodId, s.CriteriaSetId })
            .ToListAsync(ct);
        foreach (var period in affected.GroupBy(a => a.PeriodId))
        {
            await summaries.UpdateManyAsync(period.Key,
                period.GroupBy(a => a.UnitId).ToDictionary(u => u.Key, u => (IReadOnlyCollection<int>)u.Select(a => a.CriteriaSetId).ToList()), ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>The province's decision as a source: found by its number, else added.</summary>
    private async Task<Source> SourceAsync(string decision, Dictionary<string, Source> made, CancellationToken ct)
    {
        var code = SourceCode(decision);
        if (made.TryGetValue(code, out var known))
        {
            return known;
        }

        var source = await db.Sources.FirstOrDefaultAsync(s => s.Code == code, ct);
        if (source is null)
        {
            source = new Source { Code = code, Title = decision };
            db.Sources.Add(source);
        }

        made[code] = source;
        return source;
    }

    /// <summary>"QĐ 123/QĐ-UBND" → "phan-nhom-qd-123-qd-ubnd": the decision number as a source code.</summary>
    public static string SourceCode(string decision)
    {
        var plain = new StringBuilder();
        foreach (var ch in decision.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            plain.Append(char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-');
        }

        var slug = string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return ("phan-nhom-" + slug)[..Math.Min(80, 10 + slug.Length)];
    }

    /// <summary>dd/MM/yyyy (the Vietnamese way), yyyy-MM-dd, or an Excel date serial as the reader gives it.</summary>
    public static DateOnly? ParseDate(string text)
    {
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000 && serial == decimal.Truncate(serial))
        {
            return DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays((double)serial));
        }

        return null;
    }

    private static bool Same(string a, string b) =>
        CultureInfo.InvariantCulture.CompareInfo.Compare(a.Trim(), b.Trim(), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;
}
