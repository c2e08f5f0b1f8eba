using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Validation;

/// <summary>
/// The rules the seeded catalogue makes obvious (issue 25), each with its reason: a rate lies in 0–100 %, a count or an
/// amount is not negative, a yes/no is 0 or 1 (hard); a change of more than 100 % against the previous quarter and a
/// robust outlier (modified z-score past 3.5) are warned. Idempotent: a rule whose code exists is left as the
/// administrator made it.
/// </summary>
public static class RuleSeed
{
    public const string ChangeCode = "thay-doi-so-voi-quy-truoc";
    public const string OutlierCode = "ngoai-le-thong-ke";

    /// <summary>Rules apply from the first quarter of the 2021–2025 phase on.</summary>
    public const int FromYear = 2021;

    public static async Task<int> SeedAsync(ProgramTrackerDbContext db, CancellationToken ct)
    {
        var existing = (await db.ValidationRules.Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        List<ValidationRule> rules =
        [
            Bounds(ValueKind.Percent, "ty-le-0-100", 0, 100,
                "Tỷ lệ trong khoảng 0–100 %", "Rate within 0–100 %",
                "Tỷ lệ phải từ 0 đến 100 % (quy tắc «Tỷ lệ trong khoảng 0–100 %»).", "A rate must be between 0 and 100 % (rule “Rate within 0–100 %”).",
                "Một tỷ lệ là phần của một tổng: dưới 0 hoặc trên 100 % là nhập nhầm (số đếm thay cho tỷ lệ, thừa một chữ số)."),
            Bounds(ValueKind.Count, "so-dem-khong-am", 0, null,
                "Số đếm không âm", "Count not negative",
                "Số đếm không được âm (quy tắc «Số đếm không âm»).", "A count cannot be negative (rule “Count not negative”).",
                "Số hộ, số người, số công trình không thể âm."),
            Bounds(ValueKind.Money, "so-tien-khong-am", 0, null,
                "Số tiền không âm", "Amount not negative",
                "Số tiền không được âm (quy tắc «Số tiền không âm»).", "An amount cannot be negative (rule “Amount not negative”).",
                "Vốn giao, giải ngân và thu nhập là số tiền không âm; một khoản giảm được ghi ở dòng riêng."),
            Bounds(ValueKind.Boolean, "dat-khong-dat", 0, 1,
                "Đạt/không đạt là 1 hoặc 0", "Met/not met is 1 or 0",
                "Chỉ tiêu đạt/không đạt chỉ nhận «đạt» hoặc «không đạt».", "A met/not met indicator takes only “met” or “not met”.",
                "Chỉ tiêu đạt/không đạt được lưu là 1 (đạt) hoặc 0 (không đạt)."),
        ];
        rules.RemoveAll(r => !existing.Add(r.Code));

        if (existing.Add(ChangeCode))
        {
            rules.Add(new ValidationRule
            {
                Code = ChangeCode, Kind = RuleKind.Change, Severity = RuleSeverity.Soft, Share = 1m, FromYear = FromYear,
                Name = "Thay đổi lớn so với quý trước", NameEn = "Large change against the previous quarter",
                Message = "Giá trị thay đổi hơn 100 % so với quý trước: kiểm tra lại hoặc ghi chú lý do.",
                MessageEn = "The value changed by more than 100 % against the previous quarter: check it or note why.",
                Reason = "Một giá trị tăng gấp đôi trở lên trong một quý thường là nhập nhầm (thừa một chữ số 0, số đếm thay cho tỷ lệ) hơn là thay đổi thật.",
            });
        }

        if (existing.Add(OutlierCode))
        {
            rules.Add(new ValidationRule
            {
                Code = OutlierCode, Kind = RuleKind.Outlier, Severity = RuleSeverity.Soft, Share = RobustStats.DefaultThreshold, FromYear = FromYear,
                Name = "Giá trị bất thường (trung vị/MAD)", NameEn = "Outlier (median/MAD)",
                Message = "Giá trị khác xa lịch sử của đơn vị hoặc các xã khác trong tỉnh cùng quý: kiểm tra lại hoặc ghi chú lý do.",
                MessageEn = "The value is far from the unit's own history or from the province's other communes this quarter: check it or note why.",
                Reason = "Điểm z hiệu chỉnh (Iglewicz–Hoaglin) trên 3,5 so với trung vị và MAD, như phân tích giá trị ngoại lai của DHIS2; chỉ cảnh báo, không từ chối.",
            });
        }

        // Rules between the poverty counts of the district's table (issue 25), over the figure codes of RuleFigures.
        foreach (var rule in PovertyRules().Where(r => existing.Add(r.Code)))
        {
            rules.Add(rule);
        }

        db.ValidationRules.AddRange(rules);
        await db.SaveChangesAsync(ct);
        return rules.Count;
    }

    private static IEnumerable<ValidationRule> PovertyRules()
    {
        yield return new ValidationRule
        {
            Code = "ho-ngheo-khong-vuot-tong-ho", Kind = RuleKind.Expression, Severity = RuleSeverity.Hard, FromYear = FromYear,
            Expression = $"{RuleFigures.Poor} <= {RuleFigures.Households}",
            Name = "Hộ nghèo ≤ tổng số hộ", NameEn = "Poor households ≤ all households",
            Message = "Số hộ nghèo vượt tổng số hộ (quy tắc «Hộ nghèo ≤ tổng số hộ»).",
            MessageEn = "Poor households exceed the total number of households (rule “Poor households ≤ all households”).",
            Reason = "Hộ nghèo là một phần của tổng số hộ trên địa bàn: số hộ nghèo lớn hơn tổng số hộ là nhập nhầm cột.",
        };
        yield return new ValidationRule
        {
            Code = "ngheo-can-ngheo-khong-vuot-tong-ho", Kind = RuleKind.Expression, Severity = RuleSeverity.Hard, FromYear = FromYear,
            Expression = $"{RuleFigures.Poor} + {RuleFigures.NearPoor} <= {RuleFigures.Households}",
            Name = "Hộ nghèo + hộ cận nghèo ≤ tổng số hộ", NameEn = "Poor + near-poor households ≤ all households",
            Message = "Số hộ nghèo và cận nghèo cộng lại vượt tổng số hộ (quy tắc «Hộ nghèo + hộ cận nghèo ≤ tổng số hộ»).",
            MessageEn = "Poor and near-poor households together exceed the total number of households (rule “Poor + near-poor households ≤ all households”).",
            Reason = "Một hộ được xếp nghèo hoặc cận nghèo, không cả hai: hai nhóm cộng lại không thể nhiều hơn tổng số hộ.",
        };
    }

    private static ValidationRule Bounds(ValueKind type, string code, decimal min, decimal? max, string name, string nameEn, string message, string messageEn, string reason) => new()
    {
        Code = code,
        Kind = RuleKind.Bounds,
        Severity = RuleSeverity.Hard,
        ValueType = type,
        Min = min,
        Max = max,
        FromYear = FromYear,
        Name = name,
        NameEn = nameEn,
        Message = message,
        MessageEn = messageEn,
        Reason = reason,
    };
}
