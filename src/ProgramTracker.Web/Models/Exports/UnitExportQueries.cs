using ProgramTracker.Core.Periods;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Web.Models.CatalogueImport;
using ProgramTracker.Web.Models.Dashboard;

namespace ProgramTracker.Web.Models.Exports;

public sealed record UnitExport(string Slug, string FullName, string PeriodCode, IReadOnlyList<UnitValueSheetRow> Values, IReadOnlyList<UnitReportedSheetRow> Reported)
{
    public string FileName => $"chi-tieu-{Slug}-{PeriodCode}.xlsx";

    /// <summary>The workbook with sheet names and headers in <paramref name="f"/>'s language (the values were read in it too).</summary>
    public byte[] ToXlsx(Formats f)
    {
        return SetTableWriter.TablesXlsx(
        [
            DashboardExcel.Sheet(f["Excel.Sheet.Indicators"], DashboardExcel.OrPlaceholder(Values.ToList(),
                () => new UnitValueSheetRow { Indicator = f["Excel.NoIndicators"], Status = f["Value.NoData"] }), f),
            DashboardExcel.Sheet(f["Excel.Sheet.Reported"], DashboardExcel.OrPlaceholder(Reported.ToList(), () => new UnitReportedSheetRow { Kind = f["Value.NoData"] }), f),
        ]);
    }
}

/// <summary>One unit's indicator values for one period, with every indicator of its level listed, as an Excel workbook.</summary>
public sealed class UnitExportQueries(ProgramTrackerDbContext db)
{
    /// <summary>
    /// Null when the period names no stored one nor a window with a quarter (the unit and the period were bound, and the
    /// unit's access checked, before the action); the default period when none is named.
    /// </summary>
    public async Task<UnitExport?> LoadAsync(Units.UnitHeader header, bool communeLevel, PeriodKey? named, CancellationToken ct)
    {
        var unit = new DashUnit(header.Id, header.Slug, header.Name, header.Kind);

        var periods = (await db.Periods.AsNoTracking().Select(p => new DashPeriod(p.Id, p.Year, p.Quarter)).ToListAsync(ct)).OrderBy(p => p.SortKey).ToList();
        DashPeriod? period;
        Units.UnitWindowScope? window = null;
        if (named is { Span: not PeriodSpan.Quarter } key && Units.UnitWindowScope.Of(key, periods) is { } w)
        {
            // A half-year or a year (issue 26.1): each value combined from the quarters as on the unit's page.
            (window, period) = (w, w.Period);
        }
        else if (named is null)
        {
            // The one default-period rule (Core/Periods/DefaultPeriod), as the unit's page.
            var withFigures = await DefaultPeriod.PeriodsWithFiguresAsync(db, [unit.Id], ct);
            period = DefaultPeriod.Pick(periods, p => p.Id, p => p.SortKey, withFigures);
        }
        else
        {
            // A stored quarter or whole year; a half-year without a quarter is none.
            var stored = named.Value;
            period = stored.Span == PeriodSpan.Half ? null : periods.FirstOrDefault(p => p.Year == stored.Year && p.Quarter == stored.Quarter);
        }

        if (period is null)
        {
            return null;
        }

        var (uid, pid, level, starts, ends) = (unit.Id, period.Id, communeLevel ? UnitLevel.Commune : UnitLevel.District, period.StartsOn, period.EndsOn);
        var windowIds = window?.PeriodIds ?? [];
        var values = await db.Indicators.AsNoTracking()
            .Where(i => (i.Criterion.CriteriaSet.Level == level
                    && (i.Criterion.CriteriaSet.ValidFrom == null || i.Criterion.CriteriaSet.ValidFrom <= ends)
                    && (i.Criterion.CriteriaSet.ValidTo == null || i.Criterion.CriteriaSet.ValidTo >= starts))
                || db.IndicatorValues.Any(v => v.UnitId == uid && (v.PeriodId == pid || windowIds.Contains(v.PeriodId)) && v.IndicatorId == i.Id))
            .OrderBy(i => i.Criterion.CriteriaSet.SortOrder).ThenBy(i => i.Criterion.Number).ThenBy(i => i.SortOrder)
            .Select(i => new
            {
                i.Id, SetId = i.Criterion.CriteriaSetId, i.Combine, Set = i.Criterion.CriteriaSet.Name, Criterion = i.Criterion.Number + ". " + i.Criterion.Name, i.Code, i.Name, i.Unit, i.ValueType,
                Value = db.IndicatorValues.Where(v => v.UnitId == uid && v.PeriodId == pid && v.IndicatorId == i.Id)
                    .Select(v => new { v.Value, v.Qualifier, v.AsOf, v.Note, Source = v.Source != null ? v.Source.Publisher ?? v.Source.Title : null, SourceDate = v.Source != null ? v.Source.PublishedOn : null })
                    .FirstOrDefault(),
            })
            .ToListAsync(ct);

        // A window's values: its quarters' (and its stored year's), combined per set as on the unit's page.
        var windowRows = window is null ? [] : await db.IndicatorValues.AsNoTracking()
            .Where(v => v.UnitId == uid && windowIds.Contains(v.PeriodId))
            .Select(v => new
            {
                v.PeriodId, v.IndicatorId, SetId = v.Indicator.Criterion.CriteriaSetId, v.Value, v.Qualifier, v.AsOf, v.Note,
                Source = v.Source != null ? v.Source.Publisher ?? v.Source.Title : null, SourceDate = v.Source != null ? v.Source.PublishedOn : null,
            })
            .ToListAsync(ct);
        var combineOf = values.ToDictionary(v => v.Id, v => v.Combine);
        var windowValues = window is null ? [] : values.Select(v => v.SetId).Distinct().ToDictionary(
            setId => setId,
            setId => window.Combine(setId, windowRows.Select(r => new Units.WindowRawValue(r.PeriodId, r.IndicatorId, r.SetId, r.Value)),
                id => combineOf.GetValueOrDefault(id, QuarterCombine.Last)));
        var f = Formats.Current;
        string WindowNote(int setId, int indicatorId)
        {
            var set = windowValues[setId];
            var combined = set.Values.GetValueOrDefault(indicatorId);
            if (set.FromStoredYear || combined is null)
            {
                return "";
            }

            var note = f.Format("Excel.WindowNote", string.Join(", ", combined.UsedQuarters.Select(f.QuarterName)), f["QuarterCombine.Short." + combineOf[indicatorId]]);
            return combined.MissingQuarters.Count == 0 ? note : $"{note}; {f.Format("Excel.WindowMissing", string.Join(", ", combined.MissingQuarters.Select(f.QuarterName)))}";
        }

        // The stored row a window's value stands on: the latest quarter with a value (or the stored year's row).
        var windowSource = windowRows.Where(r => r.Value is not null)
            .GroupBy(r => r.IndicatorId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.PeriodId == window?.StoredYear?.Id ? 1 : 0).ThenBy(r => window!.QuarterOf.GetValueOrDefault(r.PeriodId)).Last());
        values = values.Select(v =>
        {
            if (window is null || !windowValues[v.SetId].Values.TryGetValue(v.Id, out var combined))
            {
                return v;
            }

            var from = windowSource.GetValueOrDefault(v.Id);
            var note = string.Join(" · ", new[] { WindowNote(v.SetId, v.Id), from?.Note }.Where(n => !string.IsNullOrEmpty(n)));
            return v with
            {
                Value = combined.Value is null && from is null ? null : new
                {
                    combined.Value, Qualifier = from?.Qualifier ?? ValueQualifier.None, AsOf = from?.AsOf, Note = note.Length == 0 ? null : note,
                    from?.Source, from?.SourceDate,
                },
            };
        }).ToList();

        // Each value is judged by the rule of its set's version in force then and the unit's threshold (RuleBook).
        var book = await RuleBook.LoadAsync(db, values.Select(v => v.SetId).Distinct().ToList(), [uid], ct);
        var rules = values.Select(v => v.SetId).Distinct()
            .SelectMany(setId => book.For(setId, uid, window?.RuleDay ?? starts).Indicators)
            .ToDictionary(r => r.IndicatorId);
        values = values.Where(v => rules.ContainsKey(v.Id) || v.Value is not null).ToList();

        var reported = await db.ReportedAttainments.AsNoTracking()
            .Where(r => (r.PeriodId == pid || windowIds.Contains(r.PeriodId)) && r.Scope.Any(s => s.UnitId == uid))
            .OrderBy(r => r.CriteriaSet.SortOrder)
            .Select(r => new
            {
                r.PeriodId, r.CriteriaSetId, Set = r.CriteriaSet.Name, r.CriteriaSet.DeclaredCriteria, r.CriteriaSet.DeclaredIndicators, r.Kind, r.CriteriaMet, r.IndicatorsMet, r.UnitsAchieved,
                ScopeCount = r.Scope.Count, r.AsOf, r.Note, r.Source.Publisher, r.Source.Title, r.Source.PublishedOn,
            })
            .ToListAsync(ct);
        if (window is not null)
        {
            // A report's figure is a level: the window shows each set's latest (as the dashboard does).
            var rank = window.Quarters.Select((q, i) => (q.Id, i)).ToDictionary(x => x.Id, x => x.i);
            reported = reported.GroupBy(r => r.CriteriaSetId)
                .SelectMany(g => g.GroupBy(r => rank.GetValueOrDefault(r.PeriodId, int.MaxValue)).MaxBy(x => x.Key)!)
                .ToList();
        }

        return new UnitExport(unit.Slug, unit.FullName, period.Code,
            values.Select(v => new UnitValueSheetRow
            {
                Set = v.Set,
                Criterion = v.Criterion,
                Code = v.Code,
                Indicator = v.Name,
                MeasureUnit = v.Unit,
                Value = v.Value?.Value,
                Qualifier = DashboardExcel.QualifierWord(v.Value?.Qualifier ?? ValueQualifier.None, Formats.Current, v.ValueType == ProgramTracker.Core.Domain.ValueKind.Money),
                Threshold = v.ValueType == ProgramTracker.Core.Domain.ValueKind.Boolean ? null : rules.GetValueOrDefault(v.Id)?.Threshold,
                Comparator = v.ValueType == ProgramTracker.Core.Domain.ValueKind.Boolean ? Formats.Current["Value.Met"]
                    : rules.GetValueOrDefault(v.Id) is not { Threshold: not null } rule ? Formats.Current["Excel.NoThreshold"] : Formats.ComparatorSymbol(rule.Comparator),
                Status = rules.GetValueOrDefault(v.Id) is { } r
                    ? Formats.Current.Status(AttainmentRules.Evaluate(v.ValueType, r.Comparator, r.Threshold, v.Value?.Value))
                    : Formats.Current["Excel.NotInVersion"],
                AsOf = v.Value?.AsOf is { } d ? Formats.Current.Date(d) : null,
                Note = v.Value?.Note,
                Source = v.Value is null ? null : v.Value.Source is null ? Formats.Current["Excel.EnteredInSystem"] : v.Value.SourceDate is { } sd ? $"{v.Value.Source}, {Formats.Current.Date(sd)}" : v.Value.Source,
            }).ToList(),
            reported.Select(r => new UnitReportedSheetRow
            {
                Set = r.Set,
                Kind = Formats.Current.Reported(r.Kind),
                CriteriaMet = r.CriteriaMet,
                CriteriaDeclared = r.DeclaredCriteria,
                IndicatorsMet = r.IndicatorsMet,
                IndicatorsDeclared = r.DeclaredIndicators,
                UnitsAchieved = r.UnitsAchieved,
                ScopeCount = r.ScopeCount,
                AsOf = Formats.Current.Date(r.AsOf),
                Note = r.Note,
                Source = r.PublishedOn is { } sd ? $"{r.Publisher ?? r.Title}, {Formats.Current.Date(sd)}" : r.Publisher ?? r.Title,
            }).ToList());
    }
}

public sealed class UnitValueSheetRow
{
    [Header("Excel.Col.Set")] public string Set { get; init; } = "";
    [Header("Excel.Col.Criterion")] public string Criterion { get; init; } = "";
    [Header("Excel.Col.Code")] public string Code { get; init; } = "";
    [Header("Excel.Col.Indicator")] public string Indicator { get; init; } = "";
    [Header("Excel.Col.MeasureUnit")] public string? MeasureUnit { get; init; }
    [Header("Excel.Col.Value")] public decimal? Value { get; init; }
    [Header("Excel.Col.Qualifier")] public string? Qualifier { get; init; }
    [Header("Excel.Col.Comparator")] public string Comparator { get; init; } = "";
    [Header("Excel.Col.Threshold")] public decimal? Threshold { get; init; }
    [Header("Excel.Col.Verdict")] public string Status { get; init; } = "";
    [Header("Excel.Col.DataAsOf")] public string? AsOf { get; init; }
    [Header("Excel.Col.Note")] public string? Note { get; init; }
    [Header("Excel.Col.Source")] public string? Source { get; init; }
}

public sealed class UnitReportedSheetRow
{
    [Header("Excel.Col.Set")] public string Set { get; init; } = "";
    [Header("Excel.Col.FigureKind")] public string Kind { get; init; } = "";
    [Header("Excel.Col.CriteriaMet")] public decimal? CriteriaMet { get; init; }
    [Header("Excel.Col.CriteriaDeclared")] public int? CriteriaDeclared { get; init; }
    [Header("Excel.Col.IndicatorsMet")] public decimal? IndicatorsMet { get; init; }
    [Header("Excel.Col.IndicatorsDeclared")] public int? IndicatorsDeclared { get; init; }
    [Header("Excel.Col.UnitsAchieved")] public int? UnitsAchieved { get; init; }
    [Header("Excel.Col.UnitsInScope")] public int? ScopeCount { get; init; }
    [Header("Excel.Col.DataAsOf")] public string? AsOf { get; init; }
    [Header("Excel.Col.Note")] public string? Note { get; init; }
    [Header("Excel.Col.Source")] public string? Source { get; init; }
}
