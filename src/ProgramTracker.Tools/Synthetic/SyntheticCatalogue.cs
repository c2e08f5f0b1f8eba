using ProgramTracker.Core.Domain;

namespace ProgramTracker.Tools.Synthetic;

/// <summary>
/// One synthetic indicator: where it goes, how it is judged, and how its values behave.
/// Spread is the distance between "far from the threshold" and the threshold, in the indicator's unit;
/// difficulty (0–1) shifts how far units start from the threshold.
/// </summary>
public sealed record SyntheticIndicator(
    string SetCode,
    int CriterionNumber,
    string Code,
    string Name,
    string? Unit,
    ValueKind ValueType,
    Comparator Comparator,
    decimal Threshold,
    double Spread,
    double Difficulty);

/// <summary>
/// The synthetic indicators added to the NTM sets so that pages and aggregates carry a national-size load:
/// 38 for ntm-xa, 42 for ntm-xa-nang-cao (80 commune indicators of 2021–2025), 47 for ntm-xa-2026 (the number
/// QĐ 51/2025 declares; their split across its 10 criteria is invented) and 38 for ntm-huyen-nang-cao (districts
/// are gone since 01/07/2025: no register unit reports it, the indicators stay for older databases).
/// Names and thresholds look plausible but are invented: every one is flagged by its code, its name and its note.
/// </summary>
public static class SyntheticCatalogue
{
    public const string CodePrefix = "syn.";
    public const string NamePrefix = "[TH] ";
    public const string Note = "Chỉ tiêu tổng hợp để đo tải, không phải số liệu thật";
    public const string Frequency = "Quý";

    public const string CommuneSet = "ntm-xa";
    public const string CommuneAdvancedSet = "ntm-xa-nang-cao";
    public const string DistrictAdvancedSet = "ntm-huyen-nang-cao";
    public const string Commune2026Set = "ntm-xa-2026";

    /// <summary>The 2026–2035 programme: it has no capital in the synthetic years (2021–2025).</summary>
    public const string MergedProgramme = "ctmtqg-2026";

    /// <summary>The sets the synthetic catalogue adds indicators to.</summary>
    public static IReadOnlyList<string> Sets { get; } = [CommuneSet, CommuneAdvancedSet, DistrictAdvancedSet, Commune2026Set];

    /// <summary>
    /// Where each 2021–2025 commune criterion's indicators go among the 10 criteria of QĐ 51/2025 (1 planning,
    /// 2 infrastructure, 3 rural economy, 4 training, 5 culture–education–health, 6 poverty, 7 science and digital,
    /// 8 environment, 9 political system, 10 law, defence and security).
    /// </summary>
    private static readonly int[] CriterionOf2026 = [0, 1, 2, 2, 2, 2, 2, 2, 7, 2, 3, 6, 4, 3, 5, 5, 5, 8, 9, 10];

    /// <summary>Five more indicators of the 2026 set, to reach its 47 (QĐ 51/2025 declares 47; their wording is invented).</summary>
    private static readonly CommuneTemplate[] Commune2026Extra =
    [
        new(3, "Số sản phẩm OCOP đạt 3 sao trở lên", "sản phẩm", C, Ge, 2, 2, 3),
        new(6, "Tỷ lệ đối tượng bảo trợ xã hội được hưởng trợ cấp đúng quy định", "%", P, Ge, 100, 100, 15),
        new(7, "Tỷ lệ người dân trưởng thành có danh tính điện tử mức độ 2", "%", P, Ge, 80, 80, 35),
        new(7, "Tỷ lệ hộ gia đình có kết nối internet băng rộng cố định", "%", P, Ge, 80, 80, 30),
        new(8, "Tỷ lệ hộ gia đình phân loại chất thải rắn sinh hoạt tại nguồn", "%", P, Ge, 50, 50, 35),
    ];

    /// <summary>A commune template: the standard threshold, the advanced one, and whether only the advanced set has it.</summary>
    private sealed record CommuneTemplate(int Criterion, string Name, string? Unit, ValueKind Type, Comparator Comparator,
        decimal Standard, decimal Advanced, double Spread, bool AdvancedOnly = false);

    private sealed record DistrictTemplate(int Criterion, string Name, string? Unit, ValueKind Type, Comparator Comparator, decimal Threshold, double Spread);

    private const ValueKind B = ValueKind.Boolean;
    private const ValueKind N = ValueKind.Number;
    private const ValueKind P = ValueKind.Percent;
    private const ValueKind C = ValueKind.Count;
    private const Comparator Ge = Comparator.AtLeast;
    private const Comparator Le = Comparator.AtMost;
    private const Comparator Eq = Comparator.Equal;

    private static readonly CommuneTemplate[] Commune =
    [
        new(1, "Có quy hoạch chung xây dựng xã được phê duyệt và công bố công khai", null, B, Eq, 1, 1, 1),
        new(1, "Tỷ lệ thôn có quy hoạch chi tiết điểm dân cư nông thôn được duyệt", "%", P, Ge, 80, 100, 30),
        new(2, "Tỷ lệ đường xã và đường từ trung tâm xã đến đường huyện được nhựa hóa hoặc bê tông hóa", "%", P, Ge, 100, 100, 25),
        new(2, "Tỷ lệ đường thôn, ngõ xóm được cứng hóa", "%", P, Ge, 70, 90, 30),
        new(2, "Chiều dài đường trục chính nội đồng được cứng hóa", "km", N, Ge, 5, 5, 3, AdvancedOnly: true),
        new(3, "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động", "%", P, Ge, 80, 90, 25),
        new(3, "Bảo đảm yêu cầu chủ động phòng, chống thiên tai theo phương châm 4 tại chỗ", null, B, Eq, 1, 1, 1),
        new(4, "Tỷ lệ hộ sử dụng điện thường xuyên, an toàn từ các nguồn", "%", P, Ge, 95, 99, 10),
        new(4, "Hệ thống điện đạt chuẩn", null, B, Eq, 1, 1, 1),
        new(5, "Tỷ lệ trường học các cấp có cơ sở vật chất và thiết bị dạy học đạt chuẩn quốc gia", "%", P, Ge, 70, 100, 40),
        new(5, "Số trường đạt chuẩn quốc gia mức độ 2", "trường", C, Ge, 1, 2, 2),
        new(6, "Có nhà văn hóa hoặc hội trường đa năng và sân thể thao của xã", null, B, Eq, 1, 1, 1),
        new(6, "Tỷ lệ thôn có nhà văn hóa hoặc nơi sinh hoạt văn hóa, thể thao cộng đồng", "%", P, Ge, 100, 100, 30),
        new(7, "Có chợ nông thôn hoặc cơ sở bán lẻ đạt chuẩn", null, B, Eq, 1, 1, 1),
        new(7, "Số cửa hàng tiện lợi, siêu thị mini trên địa bàn xã", "cửa hàng", C, Ge, 1, 3, 3),
        new(8, "Có điểm phục vụ bưu chính", null, B, Eq, 1, 1, 1),
        new(8, "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", "%", P, Ge, 50, 70, 35),
        new(9, "Tỷ lệ nhà tạm, dột nát", "%", P, Le, 0, 0, 4),
        new(9, "Tỷ lệ hộ có nhà ở đạt tiêu chuẩn theo quy định", "%", P, Ge, 75, 85, 25),
        new(10, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", N, Ge, 46, 55, 18),
        new(10, "Mức tăng thu nhập bình quân đầu người so với cùng kỳ năm trước", "%", P, Ge, 5, 7, 6),
        new(10, "Tỷ lệ hộ có thu nhập khá trở lên", "%", P, Ge, 40, 40, 25, AdvancedOnly: true),
        new(11, "Tỷ lệ hộ nghèo đa chiều", "%", P, Le, 13, 6, 12),
        new(11, "Tỷ lệ hộ cận nghèo", "%", P, Le, 15, 8, 10),
        new(12, "Tỷ lệ lao động qua đào tạo", "%", P, Ge, 65, 75, 25),
        new(12, "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "%", P, Ge, 20, 25, 15),
        new(13, "Số hợp tác xã hoạt động hiệu quả theo Luật Hợp tác xã", "hợp tác xã", C, Ge, 1, 2, 2),
        new(13, "Có mô hình liên kết sản xuất gắn với tiêu thụ nông sản chủ lực", null, B, Eq, 1, 1, 1),
        new(14, "Đạt phổ cập giáo dục mầm non, xóa mù chữ, phổ cập giáo dục tiểu học và trung học cơ sở", null, B, Eq, 1, 1, 1),
        new(14, "Tỷ lệ học sinh tốt nghiệp THCS tiếp tục học THPT, bổ túc hoặc học nghề", "%", P, Ge, 85, 90, 20),
        new(14, "Số thôn đạt danh hiệu cộng đồng học tập", "thôn", C, Ge, 3, 3, 4, AdvancedOnly: true),
        new(15, "Tỷ lệ người dân tham gia bảo hiểm y tế", "%", P, Ge, 90, 95, 15),
        new(15, "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi", "%", P, Le, 22, 20, 12),
        new(16, "Tỷ lệ thôn đạt chuẩn văn hóa", "%", P, Ge, 70, 80, 30),
        new(16, "Tỷ lệ hộ gia đình được công nhận gia đình văn hóa", "%", P, Ge, 85, 90, 15),
        new(17, "Tỷ lệ hộ sử dụng nước sinh hoạt hợp vệ sinh", "%", P, Ge, 95, 98, 12),
        new(17, "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý theo quy định", "%", P, Ge, 80, 90, 30),
        new(17, "Tỷ lệ cơ sở sản xuất, kinh doanh thực phẩm tuân thủ quy định về an toàn thực phẩm", "%", P, Ge, 100, 100, 20, AdvancedOnly: true),
        new(18, "Đảng bộ, chính quyền xã được xếp loại hoàn thành tốt nhiệm vụ trở lên", null, B, Eq, 1, 1, 1),
        new(18, "Xã đạt chuẩn tiếp cận pháp luật", null, B, Eq, 1, 1, 1),
        new(19, "Hoàn thành chỉ tiêu quân sự, quốc phòng", null, B, Eq, 1, 1, 1),
        new(19, "Số vụ trọng án, tội phạm nghiêm trọng xảy ra trên địa bàn", "vụ", C, Le, 0, 0, 3),
    ];

    private static readonly DistrictTemplate[] District =
    [
        new(1, "Có quy hoạch xây dựng vùng huyện được phê duyệt", null, B, Eq, 1, 1),
        new(1, "Tỷ lệ xã có quy hoạch chung được rà soát, điều chỉnh", "%", P, Ge, 100, 30),
        new(1, "Tỷ lệ đồ án quy hoạch được công bố công khai", "%", P, Ge, 100, 25),
        new(1, "Số khu chức năng theo quy hoạch đã hoàn thành đầu tư", "khu", C, Ge, 2, 3),
        new(2, "Tỷ lệ đường huyện được nhựa hóa hoặc bê tông hóa", "%", P, Ge, 100, 20),
        new(2, "Tỷ lệ đường huyện được bảo trì hằng năm", "%", P, Ge, 80, 30),
        new(2, "Có bến xe khách đạt chuẩn", null, B, Eq, 1, 1),
        new(2, "Chiều dài đường huyện có cây xanh, chiếu sáng", "km", N, Ge, 20, 12),
        new(3, "Tỷ lệ công trình thủy lợi liên xã được quản lý, khai thác hiệu quả", "%", P, Ge, 90, 20),
        new(3, "Có hệ thống cảnh báo sớm thiên tai", null, B, Eq, 1, 1),
        new(3, "Tỷ lệ diện tích cây trồng được tưới tiên tiến, tiết kiệm nước", "%", P, Ge, 20, 15),
        new(3, "Số công trình phòng, chống thiên tai được nâng cấp", "công trình", C, Ge, 3, 3),
        new(4, "Hệ thống điện liên xã đạt chuẩn", null, B, Eq, 1, 1),
        new(4, "Tỷ lệ hộ sử dụng điện an toàn", "%", P, Ge, 99, 6),
        new(4, "Tỷ lệ đường huyện có chiếu sáng", "%", P, Ge, 60, 30),
        new(4, "Số sự cố mất điện kéo dài trong quý", "sự cố", C, Le, 2, 4),
        new(5, "Tỷ lệ trường THPT đạt chuẩn quốc gia", "%", P, Ge, 80, 35),
        new(5, "Trung tâm y tế huyện đạt chuẩn", null, B, Eq, 1, 1),
        new(5, "Tỷ lệ người dân tham gia bảo hiểm y tế", "%", P, Ge, 95, 10),
        new(5, "Số thiết chế văn hóa, thể thao cấp huyện đạt chuẩn", "thiết chế", C, Ge, 3, 3),
        new(6, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", N, Ge, 60, 22),
        new(6, "Tỷ lệ hộ nghèo đa chiều", "%", P, Le, 1.5m, 6),
        new(6, "Số sản phẩm OCOP đạt 4 sao trở lên", "sản phẩm", C, Ge, 3, 4),
        new(6, "Có khu, cụm công nghiệp hoặc làng nghề hoạt động hiệu quả", null, B, Eq, 1, 1),
        new(6, "Tỷ lệ lao động qua đào tạo", "%", P, Ge, 75, 20),
        new(7, "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý theo quy định", "%", P, Ge, 95, 20),
        new(7, "Tỷ lệ cơ sở sản xuất, kinh doanh bảo đảm quy định về môi trường", "%", P, Ge, 100, 20),
        new(7, "Tỷ lệ chất thải nhựa được thu gom, tái sử dụng, tái chế", "%", P, Ge, 70, 30),
        new(7, "Có mô hình phân loại chất thải rắn tại nguồn", null, B, Eq, 1, 1),
        new(7, "Số điểm ô nhiễm môi trường tồn đọng", "điểm", C, Le, 0, 3),
        new(8, "Tỷ lệ hộ sử dụng nước sạch theo quy chuẩn", "%", P, Ge, 60, 30),
        new(8, "Tỷ lệ cơ sở cung cấp thực phẩm tuân thủ quy định an toàn thực phẩm", "%", P, Ge, 100, 15),
        new(8, "Diện tích cây xanh công cộng bình quân đầu người", "m²/người", N, Ge, 4, 3),
        new(8, "Số vụ ngộ độc thực phẩm đông người", "vụ", C, Le, 0, 2),
        new(9, "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn", "%", P, Ge, 98, 8),
        new(9, "Đảng bộ, chính quyền huyện được xếp loại hoàn thành tốt nhiệm vụ trở lên", null, B, Eq, 1, 1),
        new(9, "Tỷ lệ người dân hài lòng với dịch vụ hành chính công", "%", P, Ge, 90, 15),
        new(9, "Số vụ khiếu kiện đông người, kéo dài", "vụ", C, Le, 0, 2),
    ];

    // Declared after the templates: static initializers run in text order.
    public static IReadOnlyList<SyntheticIndicator> Indicators { get; } = Build();

    private static List<SyntheticIndicator> Build()
    {
        var list = new List<SyntheticIndicator>();
        AddCommuneSet(list, CommuneSet, "xa", advanced: false);
        AddCommuneSet(list, CommuneAdvancedSet, "xa-nc", advanced: true);

        // 2026–2030: the 2021–2025 commune indicators at their advanced thresholds, regrouped under QĐ 51's 10 criteria, and 5 more.
        var regrouped = Commune.Select(t => t with { Criterion = CriterionOf2026[t.Criterion] }).Concat(Commune2026Extra);
        foreach (var group in regrouped.GroupBy(t => t.Criterion).OrderBy(g => g.Key))
        {
            var n = 0;
            foreach (var t in group)
            {
                n++;
                list.Add(new SyntheticIndicator(Commune2026Set, t.Criterion, $"{CodePrefix}xa-2026.c{t.Criterion:00}.{n}", NamePrefix + t.Name,
                    t.Unit, t.Type, t.Comparator, t.Advanced, t.Spread, Difficulty: 0.45 + 0.04 * Math.Min(n, 8)));
            }
        }

        foreach (var group in District.GroupBy(t => t.Criterion))
        {
            var n = 0;
            foreach (var t in group)
            {
                n++;
                list.Add(new SyntheticIndicator(DistrictAdvancedSet, t.Criterion, $"{CodePrefix}huyen-nc.c{t.Criterion:00}.{n}", NamePrefix + t.Name,
                    t.Unit, t.Type, t.Comparator, t.Threshold, t.Spread, Difficulty: 0.55 + 0.05 * n));
            }
        }

        return list;
    }

    private static void AddCommuneSet(List<SyntheticIndicator> list, string setCode, string codePart, bool advanced)
    {
        foreach (var group in Commune.Where(t => advanced || !t.AdvancedOnly).GroupBy(t => t.Criterion))
        {
            var n = 0;
            foreach (var t in group)
            {
                n++;
                var difficulty = (advanced ? 0.6 : 0.35) + 0.08 * n;
                list.Add(new SyntheticIndicator(setCode, t.Criterion, $"{CodePrefix}{codePart}.c{t.Criterion:00}.{n}", NamePrefix + t.Name,
                    t.Unit, t.Type, t.Comparator, advanced ? t.Advanced : t.Standard, t.Spread, difficulty));
            }
        }
    }
}
