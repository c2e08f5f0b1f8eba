using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Attainment;

/// <summary>Where a unit stands on one day for the threshold rules (from <see cref="UnitClassification"/>).</summary>
public sealed record UnitZone(string? Region, int? CommuneGroup, bool EspeciallyDisadvantaged);

/// <summary>The threshold picked for a unit, with the zone it belongs to and the reason, for pages to show.</summary>
public sealed record PickedThreshold(string Zone, Comparator Comparator, decimal? Value, string? Text, string Why);

/// <summary>One zone's rule of an indicator in a version.</summary>
public sealed record ZoneRule(string Zone, Comparator Comparator, decimal? Value, string? Text);

/// <summary>
/// Which threshold applies to a unit: the one of its region (2021–2025 sets) or commune group (2026–2030 set),
/// else the common one. QĐ 318/QĐ-TTg Điều 1: especially disadvantaged and ATK communes use the Trung du miền núi
/// phía Bắc thresholds whatever their region. Pure, so every page and the summaries pick alike.
/// </summary>
public static class ThresholdRules
{
    public static PickedThreshold Pick(ThresholdScheme scheme, UnitZone? zone, IReadOnlyCollection<ZoneRule> rules)
    {
        var common = rules.FirstOrDefault(r => r.Zone == Zones.Common);
        var (wanted, why) = Wanted(scheme, zone);
        if (wanted is not null && rules.FirstOrDefault(r => r.Zone == wanted) is { } specific)
        {
            return new PickedThreshold(specific.Zone, specific.Comparator, specific.Value, specific.Text, why!);
        }

        // A set with one threshold for all needs no explanation.
        var fallback = scheme == ThresholdScheme.Common
            ? ""
            : wanted is null
                ? $"ngưỡng chung ({why})"
                : $"ngưỡng chung (không có ngưỡng riêng cho {Zones.Name(wanted)})";
        return common is null
            ? new PickedThreshold(Zones.Common, Comparator.AtLeast, null, null, fallback)
            : new PickedThreshold(Zones.Common, common.Comparator, common.Value, common.Text, fallback);
    }

    private static (string? Zone, string? Why) Wanted(ThresholdScheme scheme, UnitZone? zone) => scheme switch
    {
        ThresholdScheme.Region when zone is { EspeciallyDisadvantaged: true } =>
            (Zones.NorthernMidlandsAndMountains, "xã đặc biệt khó khăn/ATK (Điều 1 QĐ 318/QĐ-TTg): ngưỡng vùng Trung du và miền núi phía Bắc"),
        ThresholdScheme.Region when zone?.Region is { } region => (region, $"ngưỡng vùng {Zones.Name(region)}, vùng của đơn vị"),
        ThresholdScheme.Region => (null, "đơn vị chưa được xếp vùng"),
        ThresholdScheme.CommuneGroup when zone?.CommuneGroup is { } g => (Zones.GroupCode(g), $"ngưỡng {Zones.Name(Zones.GroupCode(g)).ToLowerInvariant()}, nhóm của xã"),
        ThresholdScheme.CommuneGroup => (null, "xã chưa được xếp nhóm"),
        _ => (null, null),
    };
}
