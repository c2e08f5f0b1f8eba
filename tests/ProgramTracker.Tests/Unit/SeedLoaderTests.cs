using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Seeding;

namespace ProgramTracker.Tests.Unit;

public sealed class SeedLoaderTests : IDisposable
{
    private readonly TempSeeds _seeds = new();

    public void Dispose() => _seeds.Dispose();

    [Fact]
    public void Project_seeds_hold_the_units_of_Ba_Che()
    {
        var data = SeedLoader.Load(RepoPaths.Seeds);

        data.Units.Select(u => u.Slug).Should().BeEquivalentTo(
            "quang-ninh", "ba-che", "nam-son", "don-dac", "thanh-son", "thanh-lam", "dap-thanh", "luong-mong", "minh-cam", "thi-tran-ba-che");
        data.Units.Where(u => u.Parent == "ba-che").Should().HaveCount(8);
    }

    [Fact]
    public void Catalogue_holds_19_commune_and_9_district_criteria_with_declared_totals()
    {
        var sets = SeedLoader.Load(RepoPaths.Seeds).CriteriaSets.ToDictionary(s => s.Code);

        sets["ntm-xa-nang-cao"].Criteria.Should().HaveCount(19);
        sets["ntm-xa-nang-cao"].DeclaredIndicators.Should().Be(75);
        sets["ntm-xa-kieu-mau"].DeclaredCriteria.Should().Be(6);
        sets["ntm-xa-kieu-mau"].DeclaredIndicators.Should().Be(15);
        sets["ntm-huyen-nang-cao"].Criteria.Should().HaveCount(9);
        sets["ntm-huyen-nang-cao"].DeclaredIndicators.Should().Be(38);
        sets["ntm-xa-nang-cao"].Criteria.Single(c => c.Number == 10).Group.Should().Be("III. Kinh tế và tổ chức sản xuất");
        // Sources differ on the group of criteria 18–19: the seed leaves it empty rather than guess.
        sets["ntm-xa-nang-cao"].Criteria.Where(c => c.Number >= 18).Should().OnlyContain(c => c.Group == null);
    }

    [Fact]
    public void Group_average_stays_a_group_figure()
    {
        var reported = SeedLoader.Load(RepoPaths.Seeds).ReportedAttainments;

        var group = reported.Single(r => r.Kind == ReportedKind.GroupAverage);
        group.Units.Should().BeEquivalentTo("don-dac", "thanh-son", "thanh-lam", "dap-thanh");
        (group.CriteriaMet, group.IndicatorsMet).Should().Be((14.5m, 65.5m));
        reported.Where(r => r.Kind == ReportedKind.Exact).Should().OnlyContain(r => r.Units.Count == 1);
    }

    [Fact]
    public void Every_figure_names_a_known_source()
    {
        var data = SeedLoader.Load(RepoPaths.Seeds);
        var sources = data.Sources.Select(s => s.Code).ToHashSet();

        data.IndicatorValues.Select(v => v.Source)
            .Concat(data.ReportedAttainments.Select(r => r.Source))
            .Concat(data.PovertyRecords.Select(p => p.Source))
            .Concat(data.CapitalFigures.Select(c => c.Source))
            .Concat(data.Targets.Select(t => t.Source))
            .Should().OnlyContain(code => sources.Contains(code));
    }

    [Fact]
    public void Unknown_thresholds_stay_empty()
    {
        // Only the thresholds that ntm-catalogue-sources.md confirms are numbers; every other one stays empty.
        var indicators = SeedLoader.Load(RepoPaths.Seeds).CriteriaSets.SelectMany(s => s.Criteria).SelectMany(c => c.Indicators ?? []).ToList();
        indicators.Where(i => i.Threshold is not null).Select(i => (i.Code, i.Threshold)).Should().BeEquivalentTo([("ntm-xa.3.1", (decimal?)80m), ("ntm-xa.6.3", 100m)]);
        indicators.Where(i => i.Threshold is null).Should().NotBeEmpty();
        indicators.Should().OnlyContain(i => i.Thresholds == null || i.Thresholds.Count == 0, "no regional value is confirmed");
    }

    [Fact]
    public void A_misspelt_field_is_refused_naming_file_and_field()
    {
        _seeds.Edit("ba-che/poverty.json", "\"reportedPoorRate\": 0.46", "\"reportedPoorRat\": 0.46");

        var act = () => SeedLoader.Load(_seeds.Path);

        act.Should().Throw<SeedException>().Where(e => e.File == "ba-che/poverty.json" && e.Field.Contains("reportedPoorRat"));
    }

    [Fact]
    public void A_missing_required_field_is_refused()
    {
        _seeds.Edit("units.json", "\"name\": \"Nam Sơn\", ", "");

        var act = () => SeedLoader.Load(_seeds.Path);

        act.Should().Throw<SeedException>().Where(e => e.File == "units.json" && e.Message.Contains("name"));
    }

    [Fact]
    public void A_wrong_type_is_refused_with_its_path()
    {
        _seeds.Edit("ba-che/capital.json", "\"amountVnd\": 119000000000", "\"amountVnd\": \"hơn 119 tỷ\"");

        var act = () => SeedLoader.Load(_seeds.Path);

        act.Should().Throw<SeedException>().Where(e => e.File == "ba-che/capital.json" && e.Field == "$.capitalFigures[0].amountVnd");
    }

    [Fact]
    public void A_dangling_reference_is_refused_with_its_path()
    {
        _seeds.Edit("ba-che/reported-attainment.json", "\"units\": [\"nam-son\"]", "\"units\": [\"nam-so\"]");

        var act = () => SeedLoader.Load(_seeds.Path);

        act.Should().Throw<SeedException>()
            .Where(e => e.File == "ba-che/reported-attainment.json" && e.Field == "$.reportedAttainments[0].units" && e.Message.Contains("nam-so"));
    }

    [Fact]
    public void An_exact_figure_for_a_group_is_refused()
    {
        _seeds.Edit("ba-che/reported-attainment.json", "\"kind\": \"GroupAverage\"", "\"kind\": \"Exact\"");

        var act = () => SeedLoader.Load(_seeds.Path);

        act.Should().Throw<SeedException>().Where(e => e.Field == "$.reportedAttainments[1].units");
    }

    [Fact]
    public void A_bad_period_code_is_refused()
    {
        _seeds.Edit("periods.json", "\"2023-Q2\"", "\"2023-Q7\"");

        var act = () => SeedLoader.Load(_seeds.Path);

        act.Should().Throw<SeedException>().Where(e => e.File == "periods.json" && e.Field == "$.periods[2].code");
    }

}
