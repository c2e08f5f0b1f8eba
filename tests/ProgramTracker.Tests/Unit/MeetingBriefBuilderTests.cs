using ProgramTracker.Core.Domain;
using ProgramTracker.Web.Models;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Reports;

namespace ProgramTracker.Tests.Unit;

/// <summary>The summary text from hand-built figures: no database, no web host.</summary>
public class MeetingBriefBuilderTests
{
    private static readonly DashPeriod Q2 = new(1, 2023, 2);
    private static readonly DashPeriod Q3 = new(2, 2023, 3);
    private static readonly DashPeriod EndOf2022 = new(3, 2022, 4);
    private static readonly DashUnit District = new(100, "ba-che", "Ba Chẽ", UnitKind.District);
    private static readonly DashUnit NamSon = new(101, "nam-son", "Nam Sơn", UnitKind.Commune);
    private static readonly DashUnit DonDac = new(102, "don-dac", "Đồn Đạc", UnitKind.Commune);
    private static readonly DashUnit ThanhSon = new(103, "thanh-son", "Thanh Sơn", UnitKind.Commune);
    private static readonly DashUnit LuongMong = new(104, "luong-mong", "Lương Mông", UnitKind.Commune);
    private static readonly DashUnit MinhCam = new(105, "minh-cam", "Minh Cầm", UnitKind.Commune);
    private static readonly DashUnit Town = new(106, "thi-tran", "Ba Chẽ", UnitKind.Town);
    private static readonly DashSet Standard = new(1, "ntm-xa", "Bộ tiêu chí xã nông thôn mới", "ntm", UnitLevel.Commune, CriteriaTier.Standard, 19, null, 0, 1, "Chương trình MTQG xây dựng nông thôn mới", 1);
    private static readonly DashSet Advanced = new(2, "ntm-xa-nang-cao", "Bộ tiêu chí xã nông thôn mới nâng cao", "ntm", UnitLevel.Commune, CriteriaTier.Advanced, 19, 75, 0, 2, "Chương trình MTQG xây dựng nông thôn mới", 1);
    private static readonly DashSet Model = new(3, "ntm-xa-kieu-mau", "Bộ tiêu chí xã nông thôn mới kiểu mẫu", "ntm", UnitLevel.Commune, CriteriaTier.Model, 6, 15, 0, 3, "Chương trình MTQG xây dựng nông thôn mới", 1);
    private static readonly DashSet DistrictStandard = new(4, "ntm-huyen", "Bộ tiêu chí huyện nông thôn mới", "ntm", UnitLevel.District, CriteriaTier.Standard, 9, null, 0, 4, "Chương trình MTQG xây dựng nông thôn mới", 1);
    private static readonly DateOnly AsOf = new(2023, 8, 24);
    private static readonly SourceRef Report = new("ba-che-2023-08-25", "Báo cáo", "Trung tâm Truyền thông và Văn hóa huyện Ba Chẽ", new DateOnly(2023, 8, 25));

    [Fact]
    public void One_commune_reads_as_xa_name_dat_criteria_and_indicators()
    {
        var text = Build(attainment: [Reported(NamSon, Advanced, 16, 72)]).Paragraphs[0].Text;

        text.Should().Contain("Tính đến ngày 24/08/2023, theo bộ tiêu chí xã nông thôn mới nâng cao, xã Nam Sơn đạt 16/19 tiêu chí, 72/75 chỉ tiêu.");
    }

    [Fact]
    public void A_group_average_is_said_to_be_an_average_of_the_named_communes()
    {
        int[] scope = [DonDac.Id, ThanhSon.Id];
        var text = Build(attainment: [Reported(DonDac, Advanced, 14.5m, 65.5m, FigureKind.GroupAverage, scope), Reported(ThanhSon, Advanced, 14.5m, 65.5m, FigureKind.GroupAverage, scope)])
            .Paragraphs[0].Text;

        text.Should().Contain("các xã Đồn Đạc, Thanh Sơn bình quân đạt 14,5/19 tiêu chí, 65,5/75 chỉ tiêu").And.NotContain("xã Đồn Đạc đạt");
    }

    [Fact]
    public void Communes_with_the_same_exact_figures_share_one_statement()
    {
        var text = Build(attainment: [Reported(LuongMong, Model, 2, 7), Reported(MinhCam, Model, 2, 7)]).Paragraphs[0].Text;

        text.Should().Contain("2 xã Lương Mông, Minh Cầm đều đạt 2/6 tiêu chí, 7/15 chỉ tiêu");
    }

    [Fact]
    public void The_date_is_said_once_for_a_run_of_sets_and_units_without_figures_are_named()
    {
        var text = Build(attainment: [Reported(NamSon, Advanced, 16, 72), Reported(LuongMong, Model, 2, 7)]).Paragraphs[0].Text;

        text.Should().Contain("Theo bộ tiêu chí xã nông thôn mới kiểu mẫu, xã Lương Mông đạt 2/6 tiêu chí, 7/15 chỉ tiêu.");
        text.Split("Tính đến ngày 24/08/2023").Should().HaveCount(2);
        text.Should().Contain("Xã Đồn Đạc, xã Thanh Sơn, xã Minh Cầm, thị trấn Ba Chẽ chưa có số liệu đánh giá trong kỳ.")
            .And.Contain("Chưa có số liệu trong kỳ đối với bộ tiêu chí xã nông thôn mới, bộ tiêu chí huyện nông thôn mới.");
    }

    [Fact]
    public void Computed_attainment_is_labelled_as_computed_with_its_coverage()
    {
        var computed = new AttainmentFigure(NamSon.Id, Standard.Id, Q3.Id, FigureKind.Computed, 3, 19, 5, null, null, null, [NamSon.Id], new ComputedCounts(8, 6, 6, 16, CriteriaJudged: 3));

        Build(attainment: [computed]).Paragraphs[0].Text
            .Should().Contain("xã Nam Sơn đạt 3/19 tiêu chí (16 chưa đánh giá được), 5/chưa rõ chỉ tiêu (tính từ số liệu đã nhập, 6/8 chỉ tiêu trong danh mục đã có số liệu)");
    }

    [Fact]
    public void End_of_year_status_nests_the_advanced_count_in_the_standard_one()
    {
        int[] seven = [101, 102, 103, 104, 105, 107, 108];
        var text = Build(achievements:
            [
                new AchievementFigure(Standard.Id, EndOf2022.Id, new DateOnly(2022, 12, 31), 7, seven, 1, null),
                new AchievementFigure(Advanced.Id, EndOf2022.Id, new DateOnly(2022, 12, 31), 2, seven, 1, null),
                new AchievementFigure(DistrictStandard.Id, EndOf2022.Id, new DateOnly(2022, 12, 31), 1, [District.Id], 1, null),
            ]).Paragraphs[0].Text;

        text.Should().Contain("Cuối năm 2022, 7/7 xã đạt chuẩn nông thôn mới, trong đó 02 xã đạt chuẩn nông thôn mới nâng cao; huyện Ba Chẽ đạt chuẩn nông thôn mới.");
    }

    [Fact]
    public void Poverty_names_both_standards_the_date_and_how_the_rates_were_obtained()
    {
        var text = Build(poverty:
            [
                new PovertyFigure(District.Id, Q3.Id, 1, new DateOnly(2023, 8, 15), 0.46m, 2.17m, PovertyOrigin.Reported, null, null, null, 1),
                new PovertyFigure(District.Id, Q3.Id, 2, new DateOnly(2023, 8, 15), 0.27m, 0.89m, PovertyOrigin.Reported, null, null, null, 1),
                new PovertyFigure(NamSon.Id, Q3.Id, 2, null, 1.2m, 3m, PovertyOrigin.Counts, 500, 6, 15, null),
            ]).Paragraphs.Single(p => p.Id == "poverty").Text;

        text.Should().Contain("Tính đến ngày 15/08/2023, theo chuẩn Quảng Ninh 2023–2025, tỷ lệ hộ nghèo toàn huyện Ba Chẽ là 0,46 %, tỷ lệ hộ cận nghèo là 2,17 % (theo báo cáo); theo chuẩn quốc gia (NĐ 07/2021), tỷ lệ hộ nghèo toàn huyện Ba Chẽ là 0,27 %, tỷ lệ hộ cận nghèo là 0,89 % (theo báo cáo).")
            .And.Contain("Theo chuẩn quốc gia (NĐ 07/2021), tỷ lệ hộ nghèo xã Nam Sơn là 1,2 %, tỷ lệ hộ cận nghèo là 3 % (tính từ số hộ).");
    }

    [Fact]
    public void Missing_sections_say_chua_co_so_lieu_instead_of_inventing_figures()
    {
        var summary = Build();

        summary.Paragraphs.Single(p => p.Id == "poverty").Text.Should().Be("Chưa có số liệu tỷ lệ hộ nghèo, cận nghèo trong Quý III/2023.");
        summary.Paragraphs.Single(p => p.Id == "capital").Text.Should().Be("Chưa có số liệu nguồn vốn trong Quý III/2023.");
        summary.Paragraphs.Single(p => p.Id == "indicators").Text.Should().Be("Chưa có số liệu chỉ tiêu của huyện Ba Chẽ trong Quý III/2023.");
        summary.Paragraphs.Should().NotContain(p => p.Id == "highlights");
    }

    [Fact]
    public void Income_estimate_below_target_states_the_shortfall_and_keeps_uoc()
    {
        var target = new TargetFigure(District.Id, 9, "Thu nhập bình quân đầu người trên địa bàn huyện", "triệu đồng/người/năm", ValueKind.Number, 2023,
            Comparator.AtLeast, 70, 68, ValueQualifier.Estimate, Q3.Id, AsOf, 1, 1);

        Build(targets: [target]).Paragraphs.Single(p => p.Id == "indicators").Text.Should().Be(
            "Thu nhập bình quân đầu người trên địa bàn huyện năm 2023 ước đạt 68 triệu đồng/người/năm; mục tiêu năm 2023 là tối thiểu 70 triệu đồng/người/năm, còn thiếu 2 triệu đồng/người/năm so với mục tiêu.");
    }

    [Fact]
    public void Other_figures_keep_their_qualifiers_and_say_when_they_are_from_an_earlier_period()
    {
        var text = Build(figures:
            [
                new IndicatorFigure(1, "a", "Tỷ lệ hộ nghèo toàn huyện", "%", ValueKind.Percent, 0.62m, ValueQualifier.None, new DateOnly(2022, 12, 31), EndOf2022.Id, null, 1),
                new IndicatorFigure(2, "b", "Tỷ lệ hộ dân được sử dụng nước sinh hoạt hợp vệ sinh", "%", ValueKind.Percent, 99, ValueQualifier.MoreThan, AsOf, Q3.Id, null, 1),
                new IndicatorFigure(3, "c", "Số địa bàn đặc biệt khó khăn còn lại", "địa bàn", ValueKind.Count, 0, ValueQualifier.None, AsOf, Q3.Id, null, 1),
            ]).Paragraphs.Single(p => p.Id == "indicators").Text;

        text.Should().Be("Các chỉ tiêu khác của huyện Ba Chẽ: tỷ lệ hộ nghèo toàn huyện (cuối năm 2022) là 0,62 %; tỷ lệ hộ dân được sử dụng nước sinh hoạt hợp vệ sinh đạt trên 99 %; số địa bàn đặc biệt khó khăn còn lại là 0 địa bàn.");
    }

    [Fact]
    public void Capital_keeps_hon_gives_the_works_count_in_two_digits_and_a_rate_only_with_both_amounts()
    {
        var allocated = Capital(CapitalMeasure.Allocated, 119_000_000_000m, ValueQualifier.MoreThan, 6, "dtts", CapitalKind.Investment);
        var mobilised = Capital(CapitalMeasure.Mobilised, 55_000_000_000m, ValueQualifier.MoreThan, null, "ntm", CapitalKind.Unspecified);
        var planned = Capital(CapitalMeasure.Planned, 10_000_000_000m, ValueQualifier.None, null, "gnbv", CapitalKind.Recurrent);
        var disbursed = Capital(CapitalMeasure.Disbursed, 2_500_000_000m, ValueQualifier.None, null, "gnbv", CapitalKind.Recurrent);

        var text = Build(capital: [allocated, mobilised, planned, disbursed]).Paragraphs.Single(p => p.Id == "capital").Text;

        text.Should().Contain("kế hoạch vốn đầu tư phát triển đã phân bổ hơn 119 tỷ đồng, bố trí cho 06 dự án, công trình (đến ngày 24/08/2023); chưa có số liệu giải ngân.")
            .And.Contain("tổng vốn huy động hơn 55 tỷ đồng (đến ngày 24/08/2023).")
            .And.Contain("kế hoạch vốn sự nghiệp được giao 10 tỷ đồng (đến ngày 24/08/2023); vốn sự nghiệp đã giải ngân 2,5 tỷ đồng (đến ngày 24/08/2023); tỷ lệ giải ngân 25 % (tính từ số liệu).");
    }

    [Fact]
    public void Plain_text_for_the_clipboard_has_title_headings_and_sources()
    {
        var plain = Build(attainment: [Reported(NamSon, Advanced, 16, 72)]).PlainText;

        plain.Should().StartWith("Tóm tắt kết quả thực hiện các Chương trình mục tiêu quốc gia – huyện Ba Chẽ, Quý III/2023\n")
            .And.Contain("\nChương trình MTQG xây dựng nông thôn mới\nTính đến ngày 24/08/2023")
            .And.Contain("(Nguồn: Trung tâm Truyền thông và Văn hóa huyện Ba Chẽ, 25/08/2023)");
    }

    private static AttainmentFigure Reported(DashUnit unit, DashSet set, decimal criteria, decimal indicators, FigureKind kind = FigureKind.Reported, int[]? scope = null) =>
        new(unit.Id, set.Id, Q3.Id, kind, criteria, set.DeclaredCriteria, indicators, set.DeclaredIndicators, AsOf, 1, scope ?? [unit.Id]);

    private static CapitalLine Capital(CapitalMeasure measure, decimal amount, ValueQualifier qualifier, int? works, string programme, CapitalKind kind) =>
        new(true, programme, $"Chương trình {programme}", programme == "ntm" ? 1 : 2, null, null, null, kind, measure, amount, qualifier, works, AsOf, 1, null, [1]);

    private static MeetingBrief Build(
        IReadOnlyList<AttainmentFigure>? attainment = null,
        IReadOnlyList<AchievementFigure>? achievements = null,
        IReadOnlyList<PovertyFigure>? poverty = null,
        IReadOnlyList<CapitalLine>? capital = null,
        IReadOnlyList<TargetFigure>? targets = null,
        IReadOnlyList<IndicatorFigure>? figures = null) =>
        MeetingBriefBuilder.Build(new DashboardData(
            District,
            [NamSon, DonDac, ThanhSon, LuongMong, MinhCam, Town],
            Q3,
            [EndOf2022, Q2, Q3],
            [EndOf2022, Q2, Q3],
            [District],
            [Standard, Advanced, Model, DistrictStandard],
            attainment ?? [],
            achievements ?? [],
            [new PovertyStandardInfo(1, "quang-ninh-2023-2025", "Chuẩn Quảng Ninh", "Chuẩn Quảng Ninh 2023–2025"), new PovertyStandardInfo(2, "nd-07-2021", "Chuẩn quốc gia", "Chuẩn quốc gia (NĐ 07/2021)")],
            poverty ?? [],
            capital ?? [],
            targets ?? [],
            figures ?? [],
            [],
            new Dictionary<int, SourceRef> { [1] = Report }));
}
