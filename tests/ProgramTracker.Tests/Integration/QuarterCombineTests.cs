using ProgramTracker.Core.Domain;
using ProgramTracker.Web.Models.CatalogueImport;
using static ProgramTracker.Tests.Integration.HtmlParts;

namespace ProgramTracker.Tests.Integration;

/// <summary>How an indicator's quarters combine (issue 26.1): in the seeded catalogue for every indicator, on the indicator page, in the set table's words.</summary>
public sealed class QuarterCombineTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Every_seeded_indicator_has_a_rule_and_the_non_obvious_ones_say_why()
    {
        var rules = await fixture.Factory.WithDbAsync(db => db.Indicators.Select(i => new { i.Code, i.Combine, i.CombineReason }).ToListAsync());

        rules.Should().NotBeEmpty();
        rules.Should().OnlyContain(r => Enum.IsDefined(r.Combine));
        // Income is a yearly average re-estimated each quarter: the last estimate, never a sum of four.
        var income = rules.Single(r => r.Code == "dtts-thu-nhap");
        income.Combine.Should().Be(QuarterCombine.Last);
        income.CombineReason.Should().NotBeNullOrEmpty();
        rules.Single(r => r.Code == "dtts-ho-ngheo-giam").CombineReason.Should().Contain("tính trùng");
    }

    [Fact]
    public async Task The_indicator_page_states_the_rule_and_its_reason()
    {
        var id = await fixture.Factory.WithDbAsync(db => db.Indicators.Where(i => i.Code == "dtts-thu-nhap").Select(i => i.Id).SingleAsync());

        var html = await (await fixture.Factory.SignedInClientAsync("lanhdao")).GetStringAsync($"/indicators/{id}");

        Text(Element(html, "indicator-combine", "dd")).Should().Contain("Lấy số của quý sau cùng").And.Contain("số của quý sau cùng thay số trước");
    }

    [Theory]
    [InlineData("cuối kỳ", QuarterCombine.Last)]
    [InlineData("Sum", QuarterCombine.Sum)]
    [InlineData(" trung bình ", QuarterCombine.Mean)]
    [InlineData("mean", QuarterCombine.Mean)]
    public void The_set_table_reads_the_rule_in_either_language(string text, QuarterCombine expected)
    {
        SetTableShape.TryParseCombine(text, out var combine).Should().BeTrue();
        combine.Should().Be(expected);
    }

    [Fact]
    public void The_set_table_refuses_an_unknown_rule() => SetTableShape.TryParseCombine("max", out _).Should().BeFalse();
}
