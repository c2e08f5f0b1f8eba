using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;
using ProgramTracker.Web.Infrastructure;

namespace ProgramTracker.Web.Models.Dashboard;

/// <summary>
/// The dashboard's tables as an .xlsx workbook, one named sheet per table, Vietnamese headers, numbers as numbers
/// (typed rows: MiniExcel writes decimal and int properties as numeric cells and keeps headers on empty sheets).
/// </summary>
public static class DashboardExcel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(DashboardPage page)
    {
        var data = page.Data;
        var sheets = new Dictionary<string, object>
        {
            ["Tiêu chí"] = OrPlaceholder(AttainmentRows(page), () => new AttainmentSheetRow { Status = Missing }),
            ["Xu hướng"] = OrPlaceholder(TrendRows(data), () => new TrendSheetRow { Origin = Missing }),
            ["Đạt chuẩn"] = OrPlaceholder(page.Achievements.Select(a => new AchievementSheetRow
            {
                Set = a.Set.Name,
                Statement = a.Text,
                Achieved = a.Figure.UnitsAchieved,
                InScope = a.Figure.ScopeUnitIds.Count,
                AsOf = Formats.Current.Date(a.Figure.AsOf),
                Source = a.Source?.Citation,
            }).ToList(), () => new AchievementSheetRow { Statement = Missing }),
            ["Nghèo"] = OrPlaceholder(PovertyRows(data), () => new PovertySheetRow { Origin = Missing }),
            ["Vốn"] = OrPlaceholder(CapitalRows(page), () => new CapitalSheetRow { Note = Missing }),
            ["Mục tiêu"] = OrPlaceholder(data.Targets.Select(t => new TargetSheetRow
            {
                Unit = data.Unit(t.UnitId)?.FullName ?? "",
                Indicator = t.IndicatorName,
                MeasureUnit = t.Unit,
                Year = t.Year,
                Comparator = Formats.ComparatorSymbol(t.Comparator),
                Target = t.Target,
                Actual = t.Actual,
                Qualifier = QualifierWord(t.ActualQualifier),
                ActualPeriod = t.ActualPeriodId is { } p ? data.PeriodById(p)?.Label : null,
                Gap = t.Gap,
                Verdict = t.Met switch { true => "Đạt", false => "Chưa đạt", null => "Chưa có số liệu" },
                Source = data.Source(t.SourceId)?.Citation,
            }).ToList(), () => new TargetSheetRow { Verdict = Missing }),
            ["Chỉ tiêu huyện"] = OrPlaceholder(data.DistrictFigures.Select(f => new FigureSheetRow
            {
                Indicator = f.Name,
                MeasureUnit = f.Unit,
                Value = f.Value,
                Qualifier = QualifierWord(f.Qualifier, f.ValueType == ProgramTracker.Core.Domain.ValueKind.Money),
                Period = data.PeriodById(f.PeriodId)?.Label,
                AsOf = f.AsOf is { } d ? Formats.Current.Date(d) : null,
                Note = f.Note,
                Source = data.Source(f.SourceId)?.Citation,
            }).ToList(), () => new FigureSheetRow { Note = Missing }),
            ["Nguy cơ"] = OrPlaceholder(page.Risk.AtRisk.SelectMany(r => r.Reasons.Select(reason => new RiskSheetRow { Unit = r.Unit.FullName, Reason = reason }))
                .Concat(page.Risk.WithoutData.Select(u => new RiskSheetRow { Unit = u.FullName, Reason = "Chưa có số liệu đánh giá trong kỳ" }))
                .ToList(), () => new RiskSheetRow { Reason = "Không có xã nào dưới ngưỡng hoặc giảm so với kỳ trước" }),
        };

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static List<AttainmentSheetRow> AttainmentRows(DashboardPage page) =>
        page.CommuneRows.Append(page.DistrictRow).SelectMany(row => row.Cells).Select(c => new AttainmentSheetRow
        {
            Unit = c.Unit.FullName,
            Level = c.Unit.IsDistrict ? "Huyện" : "Xã, thị trấn",
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
            var units = set.Level == UnitLevel.District ? [data.District] : data.Communes;
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
            .OrderByDescending(p => data.PeriodById(p.PeriodId)?.SortKey).ThenBy(p => p.UnitId == data.District.Id ? 0 : 1).ThenBy(p => p.UnitId)
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

    private static List<CapitalSheetRow> CapitalRows(DashboardPage page)
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
                    Qualifier = QualifierWord(line.Qualifier, money: true),
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

    private const string Missing = "chưa có số liệu";

    /// <summary>MiniExcel writes no header for an empty list: an empty table gets one row that says so, never a made-up number.</summary>
    public static List<T> OrPlaceholder<T>(List<T> rows, Func<T> placeholder) => rows.Count > 0 ? rows : [placeholder()];

    public static string? QualifierWord(ValueQualifier qualifier, bool money = false) => qualifier switch
    {
        ValueQualifier.Estimate => "ước",
        ValueQualifier.MoreThan => money ? "hơn" : "trên",
        _ => null,
    };
}

public sealed class AttainmentSheetRow
{
    [ExcelColumnName("Đơn vị")] public string Unit { get; init; } = "";
    [ExcelColumnName("Cấp")] public string Level { get; init; } = "";
    [ExcelColumnName("Bộ tiêu chí")] public string Set { get; init; } = "";
    [ExcelColumnName("Số tiêu chí đạt")] public decimal? CriteriaMet { get; init; }
    [ExcelColumnName("Tổng số tiêu chí")] public int? CriteriaDeclared { get; init; }
    [ExcelColumnName("Số chỉ tiêu đạt")] public decimal? IndicatorsMet { get; init; }
    [ExcelColumnName("Tổng số chỉ tiêu")] public int? IndicatorsDeclared { get; init; }
    [ExcelColumnName("Tỷ lệ so với chuẩn (%)")] public decimal? SharePercent { get; init; }
    [ExcelColumnName("Tình trạng")] public string? Status { get; init; }
    [ExcelColumnName("Cách có số")] public string Origin { get; init; } = "";
    [ExcelColumnName("Ghi chú")] public string? Detail { get; init; }
    [ExcelColumnName("Số liệu đến ngày")] public string? AsOf { get; init; }
    [ExcelColumnName("Nguồn")] public string? Source { get; init; }
}

public sealed class TrendSheetRow
{
    [ExcelColumnName("Đơn vị")] public string Unit { get; init; } = "";
    [ExcelColumnName("Bộ tiêu chí")] public string Set { get; init; } = "";
    [ExcelColumnName("Kỳ")] public string Period { get; init; } = "";
    [ExcelColumnName("Số tiêu chí đạt")] public decimal? CriteriaMet { get; init; }
    [ExcelColumnName("Tổng số tiêu chí")] public int? CriteriaDeclared { get; init; }
    [ExcelColumnName("Số chỉ tiêu đạt")] public decimal? IndicatorsMet { get; init; }
    [ExcelColumnName("Tổng số chỉ tiêu")] public int? IndicatorsDeclared { get; init; }
    [ExcelColumnName("Cách có số")] public string Origin { get; init; } = "";
}

public sealed class AchievementSheetRow
{
    [ExcelColumnName("Bộ tiêu chí")] public string Set { get; init; } = "";
    [ExcelColumnName("Kết quả")] public string Statement { get; init; } = "";
    [ExcelColumnName("Số đơn vị đạt chuẩn")] public int? Achieved { get; init; }
    [ExcelColumnName("Số đơn vị trong nhóm")] public int? InScope { get; init; }
    [ExcelColumnName("Thời điểm")] public string? AsOf { get; init; }
    [ExcelColumnName("Nguồn")] public string? Source { get; init; }
}

public sealed class PovertySheetRow
{
    [ExcelColumnName("Đơn vị")] public string Unit { get; init; } = "";
    [ExcelColumnName("Chuẩn nghèo")] public string Standard { get; init; } = "";
    [ExcelColumnName("Kỳ")] public string Period { get; init; } = "";
    [ExcelColumnName("Tỷ lệ hộ nghèo (%)")] public decimal? PoorRate { get; init; }
    [ExcelColumnName("Tỷ lệ hộ cận nghèo (%)")] public decimal? NearPoorRate { get; init; }
    [ExcelColumnName("Tổng số hộ")] public int? Households { get; init; }
    [ExcelColumnName("Số hộ nghèo")] public int? Poor { get; init; }
    [ExcelColumnName("Số hộ cận nghèo")] public int? NearPoor { get; init; }
    [ExcelColumnName("Cách có số")] public string Origin { get; init; } = "";
    [ExcelColumnName("Thời điểm")] public string? AsOf { get; init; }
    [ExcelColumnName("Nguồn")] public string? Source { get; init; }
}

public sealed class CapitalSheetRow
{
    [ExcelColumnName("Cấp")] public string Level { get; init; } = "";
    [ExcelColumnName("Chương trình")] public string Programme { get; init; } = "";
    [ExcelColumnName("Dự án")] public string? Project { get; init; }
    [ExcelColumnName("Nguồn vốn")] public string? FundingSource { get; init; }
    [ExcelColumnName("Loại vốn")] public string Kind { get; init; } = "";
    [ExcelColumnName("Nội dung")] public string Measure { get; init; } = "";
    [ExcelColumnName("Số tiền (đồng)")] public decimal? AmountVnd { get; init; }
    [ExcelColumnName("Định tính")] public string? Qualifier { get; init; }
    [ExcelColumnName("Số dự án, công trình")] public int? WorksCount { get; init; }
    [ExcelColumnName("Tỷ lệ giải ngân (%)")] public decimal? DisbursementRate { get; init; }
    [ExcelColumnName("Ghi chú")] public string? Note { get; set; }
    [ExcelColumnName("Thời điểm")] public string? AsOf { get; init; }
    [ExcelColumnName("Nguồn")] public string? Source { get; init; }
}

public sealed class TargetSheetRow
{
    [ExcelColumnName("Đơn vị")] public string Unit { get; init; } = "";
    [ExcelColumnName("Chỉ tiêu")] public string Indicator { get; init; } = "";
    [ExcelColumnName("Đơn vị tính")] public string? MeasureUnit { get; init; }
    [ExcelColumnName("Năm")] public int? Year { get; init; }
    [ExcelColumnName("So sánh")] public string Comparator { get; init; } = "";
    [ExcelColumnName("Mục tiêu")] public decimal? Target { get; init; }
    [ExcelColumnName("Thực hiện")] public decimal? Actual { get; init; }
    [ExcelColumnName("Định tính")] public string? Qualifier { get; init; }
    [ExcelColumnName("Kỳ thực hiện")] public string? ActualPeriod { get; init; }
    [ExcelColumnName("Chênh lệch")] public decimal? Gap { get; init; }
    [ExcelColumnName("Đánh giá")] public string Verdict { get; init; } = "";
    [ExcelColumnName("Nguồn")] public string? Source { get; init; }
}

public sealed class FigureSheetRow
{
    [ExcelColumnName("Chỉ tiêu")] public string Indicator { get; init; } = "";
    [ExcelColumnName("Đơn vị tính")] public string? MeasureUnit { get; init; }
    [ExcelColumnName("Giá trị")] public decimal? Value { get; init; }
    [ExcelColumnName("Định tính")] public string? Qualifier { get; init; }
    [ExcelColumnName("Kỳ")] public string? Period { get; init; }
    [ExcelColumnName("Thời điểm")] public string? AsOf { get; init; }
    [ExcelColumnName("Ghi chú")] public string? Note { get; init; }
    [ExcelColumnName("Nguồn")] public string? Source { get; init; }
}

public sealed class RiskSheetRow
{
    [ExcelColumnName("Đơn vị")] public string Unit { get; init; } = "";
    [ExcelColumnName("Lý do")] public string Reason { get; init; } = "";
}
