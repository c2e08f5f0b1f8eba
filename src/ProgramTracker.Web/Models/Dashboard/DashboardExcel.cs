using System.Reflection;
using ProgramTracker.Core.Import;
using ProgramTracker.Web.Models.CatalogueImport;

namespace ProgramTracker.Web.Models.Dashboard;

/// <summary>
/// The dashboard's tables as an .xlsx workbook, one named sheet per table, sheet names, headers and words in the
/// downloader's language (<see cref="HeaderAttribute"/>), numbers as numbers (decimal and int values are numeric cells).
/// </summary>
public static class DashboardExcel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(DashboardPage page, Formats f)
    {
        var data = page.Data;
        var missing = f["Value.NoData"];
        var sheets = new List<PlainTable>
        {
            Sheet(f["Excel.Sheet.Criteria"], OrPlaceholder(AttainmentRows(page, f), () => new AttainmentSheetRow { Status = missing }), f),
            Sheet(f["Excel.Sheet.Trends"], OrPlaceholder(TrendRows(data), () => new TrendSheetRow { Origin = missing }), f),
            Sheet(f["Excel.Sheet.Achieved"], OrPlaceholder(page.Achievements.Select(a => new AchievementSheetRow
            {
                Set = a.Set.Name,
                Statement = a.Text,
                Achieved = a.Figure.UnitsAchieved,
                InScope = a.Figure.ScopeUnitIds.Count,
                AsOf = f.Date(a.Figure.AsOf),
                Source = a.Source?.Citation,
            }).ToList(), () => new AchievementSheetRow { Statement = missing }), f),
            Sheet(f["Excel.Sheet.Poverty"], OrPlaceholder(PovertyRows(data), () => new PovertySheetRow { Origin = missing }), f),
            Sheet(f["Excel.Sheet.Capital"], OrPlaceholder(CapitalRows(page, f), () => new CapitalSheetRow { Note = missing }), f),
            Sheet(f["Excel.Sheet.Targets"], OrPlaceholder(data.Targets.Select(t => new TargetSheetRow
            {
                Unit = data.Unit(t.UnitId)?.FullName ?? "",
                Indicator = t.IndicatorName,
                MeasureUnit = t.Unit,
                Year = t.Year,
                Comparator = Formats.ComparatorSymbol(t.Comparator),
                Target = t.Target,
                Actual = t.Actual,
                Qualifier = QualifierWord(t.ActualQualifier, f),
                ActualPeriod = t.ActualPeriodId is { } p ? data.PeriodById(p)?.Label : null,
                Gap = t.Gap,
                Verdict = f[t.Met switch { true => "Value.Met", false => "Excel.NotMet", null => "Excel.NoData" }],
                Source = data.Source(t.SourceId)?.Citation,
            }).ToList(), () => new TargetSheetRow { Verdict = missing }), f),
            Sheet(f["Excel.Sheet.DistrictIndicators"], OrPlaceholder(data.UpperFigures.Select(x => new FigureSheetRow
            {
                Indicator = x.Name,
                MeasureUnit = x.Unit,
                Value = x.Value,
                Qualifier = QualifierWord(x.Qualifier, f, x.ValueType == ProgramTracker.Core.Domain.ValueKind.Money),
                Period = data.PeriodById(x.PeriodId)?.Label,
                AsOf = x.AsOf is { } d ? f.Date(d) : null,
                Note = x.Note,
                Source = data.Source(x.SourceId)?.Citation,
            }).ToList(), () => new FigureSheetRow { Note = missing }), f),
            Sheet(f["Excel.Sheet.Risk"], OrPlaceholder(page.Risk.AtRisk.SelectMany(r => r.Reasons.Select(reason => new RiskSheetRow { Unit = r.Unit.FullName, Reason = reason }))
                .Concat(page.Risk.WithoutData.Select(u => new RiskSheetRow { Unit = u.FullName, Reason = f["Excel.RiskNoData"] }))
                .ToList(), () => new RiskSheetRow { Reason = f["Excel.RiskNone"] }), f),
        };

        return SetTableWriter.TablesXlsx(sheets);
    }

    private static List<AttainmentSheetRow> AttainmentRows(DashboardPage page, Formats f) =>
        page.CommuneRows.Append(page.DistrictRow).SelectMany(row => row.Cells).Select(c => new AttainmentSheetRow
        {
            Unit = c.Unit.FullName,
            Level = f[c.Unit.IsDistrict ? "Excel.LevelDistrict" : "Excel.LevelCommune"],
            Set = c.Set.Name,
            CriteriaMet = c.CriteriaText is not null ? c.Figure?.CriteriaMet : null,
            CriteriaDeclared = c.Set.DeclaredCriteria,
            IndicatorsMet = c.IndicatorsText is not null ? c.Figure?.IndicatorsMet : null,
            IndicatorsDeclared = c.Set.DeclaredIndicators,
            SharePercent = c.Share is { } s ? Math.Round(s * 100m, 1) : null,
            Status = c.Status,
            Origin = c.Origin,
            Detail = c.Detail,
            AsOf = c.Figure?.AsOf is { } d ? Formats.Current.Date(d) : null,
            Source = c.Source?.Citation,
        }).ToList();

    private static List<TrendSheetRow> TrendRows(DashboardData data)
    {
        var rows = new List<TrendSheetRow>();
        foreach (var set in data.Sets)
        {
            var units = set.Level == UnitLevel.District ? [data.Upper] : data.Communes;
            foreach (var unit in units)
            {
                foreach (var period in data.Window)
                {
                    if (data.Figure(unit.Id, set.Id, period.Id) is not { Judged: true } f)
                    {
                        continue;
                    }

                    rows.Add(new TrendSheetRow
                    {
                        Unit = unit.FullName,
                        Set = set.Name,
                        Period = period.Label,
                        CriteriaMet = FigureText.CriteriaText(f) is null ? null : f.CriteriaMet,
                        CriteriaDeclared = set.DeclaredCriteria,
                        IndicatorsMet = f.IndicatorsMet,
                        IndicatorsDeclared = set.DeclaredIndicators,
                        Origin = DashboardPageBuilder.Origin(f.Kind).Label,
                    });
                }
            }
        }

        return rows;
    }

    private static List<PovertySheetRow> PovertyRows(DashboardData data) =>
        data.Poverty
            .OrderByDescending(p => data.PeriodById(p.PeriodId)?.SortKey).ThenBy(p => p.UnitId == data.Upper.Id ? 0 : 1).ThenBy(p => p.UnitId)
            .ThenBy(p => data.Standards.ToList().FindIndex(s => s.Id == p.StandardId))
            .Select(p => new PovertySheetRow
            {
                Unit = data.Unit(p.UnitId)?.FullName ?? "",
                Standard = data.Standards.FirstOrDefault(s => s.Id == p.StandardId)?.Name ?? "",
                Period = data.PeriodById(p.PeriodId)?.Label ?? "",
                PoorRate = p.PoorRate,
                NearPoorRate = p.NearPoorRate,
                Households = p.Households,
                Poor = p.PoorHouseholds,
                NearPoor = p.NearPoorHouseholds,
                Origin = FigureText.PovertyOriginLabel(p.Origin),
                AsOf = p.AsOf is { } d ? Formats.Current.Date(d) : null,
                Source = data.Source(p.SourceId)?.Citation,
            }).ToList();

    private static List<CapitalSheetRow> CapitalRows(DashboardPage page, Formats f)
    {
        var data = page.Data;
        var rows = new List<CapitalSheetRow>();
        foreach (var row in page.Capital)
        {
            foreach (var line in row.Measures.Values.OrderBy(l => l.Measure))
            {
                rows.Add(new CapitalSheetRow
                {
                    Level = row.LevelLabel,
                    Programme = row.ProgrammeName,
                    Project = row.ProjectLabel,
                    FundingSource = row.FundingSource,
                    Kind = Formats.Current.CapitalKindName(row.Kind),
                    Measure = Formats.Current.Measure(line.Measure),
                    AmountVnd = line.AmountVnd,
                    Qualifier = QualifierWord(line.Qualifier, f, money: true),
                    WorksCount = line.WorksCount,
                    DisbursementRate = line.Measure == CapitalMeasure.Disbursed ? row.Rate : null,
                    AsOf = line.AsOf is { } d ? Formats.Current.Date(d) : null,
                    Source = string.Join("; ", line.SourceIds.Select(i => data.Source(i)).OfType<SourceRef>().Select(s => s.Citation)),
                });
            }

            if (row.Rate is null)
            {
                rows[^1].Note = row.RateText;
            }
        }

        return rows;
    }

    /// <summary>An empty table gets one row that says so, never a made-up number.</summary>
    public static List<T> OrPlaceholder<T>(List<T> rows, Func<T> placeholder) => rows.Count > 0 ? rows : [placeholder()];

    public static string? QualifierWord(ValueQualifier qualifier, Formats f, bool money = false) => qualifier switch
    {
        ValueQualifier.Estimate => f["Excel.Estimate"],
        ValueQualifier.MoreThan => f[money ? "Excel.MoreThanMoney" : "Excel.MoreThan"],
        _ => null,
    };

    /// <summary>
    /// Typed rows as a sheet: the headers of <typeparamref name="T"/>'s columns in <paramref name="f"/>'s language
    /// (<see cref="HeaderAttribute"/>), in the order the properties are declared; values keep their types (the writer
    /// neutralises text that a spreadsheet would run as a formula; numbers stay numbers).
    /// </summary>
    public static PlainTable Sheet<T>(string name, List<T> rows, Formats f)
    {
        var columns = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Header: f[p.GetCustomAttribute<HeaderAttribute>()?.Key ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} names no header")]))
            .ToList();
        return new PlainTable(name, columns.Select(c => c.Header).ToList(), rows.Select(r => columns.Select(c => c.Property.GetValue(r)).ToList()).ToList());
    }
}

/// <summary>The resource key of a sheet column's header (docs/localization.md): a workbook speaks its downloader's language.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HeaderAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}

public sealed class AttainmentSheetRow
{
    [Header("Excel.Col.Unit")] public string Unit { get; init; } = "";
    [Header("Excel.Col.Level")] public string Level { get; init; } = "";
    [Header("Excel.Col.Set")] public string Set { get; init; } = "";
    [Header("Excel.Col.CriteriaMet")] public decimal? CriteriaMet { get; init; }
    [Header("Excel.Col.CriteriaDeclared")] public int? CriteriaDeclared { get; init; }
    [Header("Excel.Col.IndicatorsMet")] public decimal? IndicatorsMet { get; init; }
    [Header("Excel.Col.IndicatorsDeclared")] public int? IndicatorsDeclared { get; init; }
    [Header("Excel.Col.SharePercent")] public decimal? SharePercent { get; init; }
    [Header("Excel.Col.Condition")] public string? Status { get; init; }
    [Header("Excel.Col.Origin")] public string Origin { get; init; } = "";
    [Header("Excel.Col.Note")] public string? Detail { get; init; }
    [Header("Excel.Col.DataAsOf")] public string? AsOf { get; init; }
    [Header("Excel.Col.Source")] public string? Source { get; init; }
}

public sealed class TrendSheetRow
{
    [Header("Excel.Col.Unit")] public string Unit { get; init; } = "";
    [Header("Excel.Col.Set")] public string Set { get; init; } = "";
    [Header("Excel.Col.Period")] public string Period { get; init; } = "";
    [Header("Excel.Col.CriteriaMet")] public decimal? CriteriaMet { get; init; }
    [Header("Excel.Col.CriteriaDeclared")] public int? CriteriaDeclared { get; init; }
    [Header("Excel.Col.IndicatorsMet")] public decimal? IndicatorsMet { get; init; }
    [Header("Excel.Col.IndicatorsDeclared")] public int? IndicatorsDeclared { get; init; }
    [Header("Excel.Col.Origin")] public string Origin { get; init; } = "";
}

public sealed class AchievementSheetRow
{
    [Header("Excel.Col.Set")] public string Set { get; init; } = "";
    [Header("Excel.Col.Statement")] public string Statement { get; init; } = "";
    [Header("Excel.Col.UnitsAchieved")] public int? Achieved { get; init; }
    [Header("Excel.Col.UnitsInGroup")] public int? InScope { get; init; }
    [Header("Excel.Col.AsOf")] public string? AsOf { get; init; }
    [Header("Excel.Col.Source")] public string? Source { get; init; }
}

public sealed class PovertySheetRow
{
    [Header("Excel.Col.Unit")] public string Unit { get; init; } = "";
    [Header("Excel.Col.Standard")] public string Standard { get; init; } = "";
    [Header("Excel.Col.Period")] public string Period { get; init; } = "";
    [Header("Excel.Col.PoorRate")] public decimal? PoorRate { get; init; }
    [Header("Excel.Col.NearPoorRate")] public decimal? NearPoorRate { get; init; }
    [Header("Excel.Col.Households")] public int? Households { get; init; }
    [Header("Excel.Col.Poor")] public int? Poor { get; init; }
    [Header("Excel.Col.NearPoor")] public int? NearPoor { get; init; }
    [Header("Excel.Col.Origin")] public string Origin { get; init; } = "";
    [Header("Excel.Col.AsOf")] public string? AsOf { get; init; }
    [Header("Excel.Col.Source")] public string? Source { get; init; }
}

public sealed class CapitalSheetRow
{
    [Header("Excel.Col.Level")] public string Level { get; init; } = "";
    [Header("Excel.Col.Programme")] public string Programme { get; init; } = "";
    [Header("Excel.Col.Project")] public string? Project { get; init; }
    [Header("Excel.Col.FundingSource")] public string? FundingSource { get; init; }
    [Header("Excel.Col.CapitalKind")] public string Kind { get; init; } = "";
    [Header("Excel.Col.Content")] public string Measure { get; init; } = "";
    [Header("Excel.Col.AmountVnd")] public decimal? AmountVnd { get; init; }
    [Header("Excel.Col.Qualifier")] public string? Qualifier { get; init; }
    [Header("Excel.Col.WorksCount")] public int? WorksCount { get; init; }
    [Header("Excel.Col.DisbursementRate")] public decimal? DisbursementRate { get; init; }
    [Header("Excel.Col.Note")] public string? Note { get; set; }
    [Header("Excel.Col.AsOf")] public string? AsOf { get; init; }
    [Header("Excel.Col.Source")] public string? Source { get; init; }
}

public sealed class TargetSheetRow
{
    [Header("Excel.Col.Unit")] public string Unit { get; init; } = "";
    [Header("Excel.Col.Indicator")] public string Indicator { get; init; } = "";
    [Header("Excel.Col.MeasureUnit")] public string? MeasureUnit { get; init; }
    [Header("Excel.Col.Year")] public int? Year { get; init; }
    [Header("Excel.Col.Comparator")] public string Comparator { get; init; } = "";
    [Header("Excel.Col.Target")] public decimal? Target { get; init; }
    [Header("Excel.Col.Actual")] public decimal? Actual { get; init; }
    [Header("Excel.Col.Qualifier")] public string? Qualifier { get; init; }
    [Header("Excel.Col.ActualPeriod")] public string? ActualPeriod { get; init; }
    [Header("Excel.Col.Gap")] public decimal? Gap { get; init; }
    [Header("Excel.Col.Verdict")] public string Verdict { get; init; } = "";
    [Header("Excel.Col.Source")] public string? Source { get; init; }
}

public sealed class FigureSheetRow
{
    [Header("Excel.Col.Indicator")] public string Indicator { get; init; } = "";
    [Header("Excel.Col.MeasureUnit")] public string? MeasureUnit { get; init; }
    [Header("Excel.Col.Value")] public decimal? Value { get; init; }
    [Header("Excel.Col.Qualifier")] public string? Qualifier { get; init; }
    [Header("Excel.Col.Period")] public string? Period { get; init; }
    [Header("Excel.Col.AsOf")] public string? AsOf { get; init; }
    [Header("Excel.Col.Note")] public string? Note { get; init; }
    [Header("Excel.Col.Source")] public string? Source { get; init; }
}

public sealed class RiskSheetRow
{
    [Header("Excel.Col.Unit")] public string Unit { get; init; } = "";
    [Header("Excel.Col.Reason")] public string Reason { get; init; } = "";
}
