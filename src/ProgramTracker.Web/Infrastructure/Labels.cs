using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Formatting;
using ValueType = ProgramTracker.Core.Domain.ValueType;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>Vietnamese labels for domain values, in one place.</summary>
public static class Labels
{
    public static string Tier(CriteriaTier tier) => tier switch
    {
        CriteriaTier.Standard => "Chuẩn",
        CriteriaTier.Advanced => "Nâng cao",
        CriteriaTier.Model => "Kiểu mẫu",
        _ => "Chỉ tiêu chương trình",
    };

    public static string Level(UnitLevel level) => level == UnitLevel.District ? "Cấp huyện" : "Cấp xã";

    public static string ValueTypeName(ValueType type) => type switch
    {
        ValueType.Boolean => "Đạt / không đạt",
        ValueType.Number => "Số",
        ValueType.Percent => "Tỷ lệ (%)",
        ValueType.Money => "Số tiền",
        _ => "Số đếm",
    };

    public static string Measure(CapitalMeasure measure) => measure switch
    {
        CapitalMeasure.Planned => "Kế hoạch giao",
        CapitalMeasure.Allocated => "Kế hoạch vốn đã phân bổ",
        CapitalMeasure.Disbursed => "Giải ngân",
        _ => "Vốn huy động",
    };

    public static string CapitalKindName(CapitalKind kind) => kind switch
    {
        CapitalKind.Investment => "Đầu tư phát triển",
        CapitalKind.Recurrent => "Sự nghiệp",
        _ => "Không phân loại",
    };

    public static string Reported(ReportedKind kind) => kind switch
    {
        ReportedKind.Exact => "Số liệu riêng của đơn vị",
        ReportedKind.GroupAverage => "Bình quân của nhóm",
        _ => "Số đơn vị đạt chuẩn trong nhóm",
    };

    public static string Status(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "Đạt",
        IndicatorStatus.NotMet => "Chưa đạt",
        IndicatorStatus.NoThreshold => "Chưa có ngưỡng",
        _ => "Chưa có số liệu",
    };

    public static string Threshold(Comparator comparator, decimal? threshold, ValueType type, string? unit, string? text = null) =>
        type == ValueType.Boolean ? text is null ? "Đạt" : $"Đạt ({text})"
        : threshold is { } t ? $"{Vn.ComparatorSymbol(comparator)} {Value(t, type, unit)}"
        : text is not null ? $"{text} (chưa có ngưỡng số)"
        : "chưa có ngưỡng";

    /// <summary>A value as it reads in a table: "0,46 %", "68 triệu đồng/người/năm", "Đạt".</summary>
    public static string Value(decimal? value, ValueType type, string? unit, ValueQualifier qualifier = ValueQualifier.None)
    {
        if (value is not { } v)
        {
            return "chưa có số liệu";
        }

        var text = type switch
        {
            ValueType.Boolean => v == 1 ? "Đạt" : "Không đạt",
            ValueType.Percent => Vn.Percent(v),
            ValueType.Money => Vn.Money(v),
            _ => string.IsNullOrEmpty(unit) ? Vn.Number(v) : $"{Vn.Number(v)} {unit}",
        };
        return Vn.Qualified(text, qualifier, type == ValueType.Money);
    }

    public static string Role(string? role) => role switch
    {
        Roles.Admin => "Quản trị",
        Roles.DistrictStaff => "Cán bộ huyện",
        Roles.Leader => "Lãnh đạo",
        Roles.CommuneOfficer => "Cán bộ xã",
        _ => "Chưa có vai trò",
    };

    public static string UnitName(UnitKind kind, string name) => AdministrativeUnit.FullNameOf(kind, name);
}
