using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Tests.Unit;

public sealed class ThresholdRulesTests
{
    private static readonly ZoneRule[] ByRegion =
    [
        new(Zones.Common, Comparator.AtLeast, 90m, null),
        new("tdmnpb", Comparator.AtLeast, 70m, null),
        new("dbsh", Comparator.AtLeast, 95m, null),
    ];

    private static readonly ZoneRule[] ByGroup =
    [
        new(Zones.Common, Comparator.AtLeast, null, null),
        new("nhom-1", Comparator.AtLeast, 100m, null),
        new("nhom-3", Comparator.AtLeast, 60m, null),
    ];

    [Fact]
    public void A_commune_is_judged_by_the_threshold_of_its_region()
    {
        var picked = ThresholdRules.Pick(ThresholdScheme.Region, new UnitZone("dbsh", null, false), ByRegion);

        picked.Should().Match<PickedThreshold>(p => p.Zone == "dbsh" && p.Value == 95m);
        picked.Why.Should().Be(new ThresholdWhy(ThresholdReason.Region, "dbsh"));
        Formats.Vietnamese.ThresholdWhy(picked.Why!).Should().Be("ngưỡng vùng Đồng bằng sông Hồng, vùng của đơn vị");
        Formats.English.ThresholdWhy(picked.Why!).Should().Be("threshold of the Red River Delta region, the unit's region");
    }

    [Fact]
    public void An_especially_disadvantaged_commune_uses_the_northern_mountain_thresholds_whatever_its_region()
    {
        var picked = ThresholdRules.Pick(ThresholdScheme.Region, new UnitZone("dbsh", null, true), ByRegion);

        picked.Should().Match<PickedThreshold>(p => p.Zone == "tdmnpb" && p.Value == 70m);
        picked.Why!.Reason.Should().Be(ThresholdReason.Disadvantaged);
        Formats.Vietnamese.ThresholdWhy(picked.Why).Should().Contain("Điều 1");
        Formats.English.ThresholdWhy(picked.Why).Should().Contain("Article 1");
    }

    [Fact]
    public void A_commune_without_a_region_or_without_a_regional_value_falls_back_to_the_common_threshold_and_says_why()
    {
        ThresholdRules.Pick(ThresholdScheme.Region, null, ByRegion).Should().Match<PickedThreshold>(p => p.Zone == "" && p.Value == 90m && p.Why == new ThresholdWhy(ThresholdReason.NoRegion, null, null));
        ThresholdRules.Pick(ThresholdScheme.Region, new UnitZone("tn", null, false), ByRegion)
            .Should().Match<PickedThreshold>(p => p.Zone == "" && p.Value == 90m && p.Why == new ThresholdWhy(ThresholdReason.NoSpecific, "tn", null));
        Formats.Vietnamese.ThresholdWhy(new ThresholdWhy(ThresholdReason.NoSpecific, "tn")).Should().Be("ngưỡng chung (không có ngưỡng riêng cho Tây Nguyên)");
    }

    [Fact]
    public void The_2026_set_picks_by_commune_group_and_an_unknown_group_stays_unknown()
    {
        ThresholdRules.Pick(ThresholdScheme.CommuneGroup, new UnitZone("tdmnpb", 3, false), ByGroup).Value.Should().Be(60m);
        ThresholdRules.Pick(ThresholdScheme.CommuneGroup, new UnitZone("tdmnpb", 1, false), ByGroup).Value.Should().Be(100m);
        ThresholdRules.Pick(ThresholdScheme.CommuneGroup, new UnitZone("tdmnpb", 2, false), ByGroup).Value.Should().BeNull("no group-2 value and no common one: not guessed");
        ThresholdRules.Pick(ThresholdScheme.CommuneGroup, new UnitZone("tdmnpb", null, false), ByGroup).Why.Should().Be(new ThresholdWhy(ThresholdReason.Ungrouped));
        ThresholdRules.Pick(ThresholdScheme.CommuneGroup, null, [new(Zones.Common, Comparator.AtLeast, 80m, null)])
            .Should().Match<PickedThreshold>(p => p.Value == 80m && p.Why == new ThresholdWhy(ThresholdReason.NoGroup, null, null), "no value by group: the common one is every group's");
        Formats.Vietnamese.ThresholdWhy(ThresholdRules.Pick(ThresholdScheme.CommuneGroup, new UnitZone("tdmnpb", 3, false), ByGroup).Why!).Should().Be("ngưỡng nhóm 3, nhóm của xã");
    }

    [Fact]
    public void A_commune_without_a_group_gets_no_threshold_where_the_indicator_has_values_by_group_never_the_common_one_as_a_guess()
    {
        ZoneRule[] rules = [new(Zones.Common, Comparator.AtLeast, 80m, null), new("nhom-1", Comparator.AtLeast, 100m, null)];

        var picked = ThresholdRules.Pick(ThresholdScheme.CommuneGroup, new UnitZone("tdmnpb", null, false), rules);

        picked.Value.Should().BeNull();
        picked.Why.Should().Be(new ThresholdWhy(ThresholdReason.Ungrouped));
        Formats.Vietnamese.ThresholdWhy(picked.Why!).Should().Be("chưa phân nhóm");
        Formats.English.ThresholdWhy(picked.Why!).Should().Be("not yet grouped");
        ThresholdRules.Pick(ThresholdScheme.CommuneGroup, new UnitZone("tdmnpb", 2, false), rules).Value.Should().Be(80m, "a grouped commune without a value of its group takes the common one");
    }

    [Fact]
    public void A_set_with_one_threshold_ignores_zones()
    {
        ThresholdRules.Pick(ThresholdScheme.Common, new UnitZone("dbsh", 1, true), ByRegion).Should().Match<PickedThreshold>(p => p.Zone == "" && p.Value == 90m);
    }
}
