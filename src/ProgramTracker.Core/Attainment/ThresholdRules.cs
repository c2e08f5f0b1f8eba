using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Attainment;

/// <summary>Where a unit stands on one day for the threshold rules (from <see cref="UnitClassification"/>).</summary>
public sealed record UnitZone(string? Region, int? CommuneGroup, bool EspeciallyDisadvantaged);

/// <summary>Why a threshold applies to a unit, as data; <c>Formats.ThresholdWhy</c> puts it into the reader's words.</summary>
public enum ThresholdReason
{
    /// <summary>QĐ 318/QĐ-TTg Article 1: an especially disadvantaged or ATK commune takes the northern mountain thresholds.</summary>
    Disadvantaged = 1,
    /// <summary>The threshold of the unit's region (<see cref="ThresholdWhy.Zone"/>).</summary>
    Region = 2,
    /// <summary>The threshold of the commune's group (<see cref="ThresholdWhy.Group"/>).</summary>
    Group = 3,
    /// <summary>The common threshold: the unit has no region recorded.</summary>
    NoRegion = 4,
    /// <summary>The common threshold: the commune has no group recorded.</summary>
    NoGroup = 5,
    /// <summary>The common threshold: the set has none of its own for the unit's zone (<see cref="ThresholdWhy.Zone"/>).</summary>
    NoSpecific = 6,
    /// <summary>
    /// No threshold: the indicator's threshold is given by commune group and the commune has none yet ("chưa phân
    /// nhóm"). The common value, if the set has one, is not taken in its place: that would be a guess.
    /// </summary>
    Ungrouped = 7,
}

/// <summary>The reason a threshold applies: the kind, and the zone or group it names.</summary>
public sealed record ThresholdWhy(ThresholdReason Reason, string? Zone = null, int? Group = null);

/// <summary>The threshold picked for a unit, with the zone it belongs to and the reason (null for a set with one threshold), for pages to show.</summary>
public sealed record PickedThreshold(string Zone, Comparator Comparator, decimal? Value, string? Text, ThresholdWhy? Why);

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
        if (scheme == ThresholdScheme.CommuneGroup && zone?.CommuneGroup is null && rules.Any(r => Zones.CommuneGroups.Any(g => g.Code == r.Zone)))
        {
            return new PickedThreshold(Zones.Common, common?.Comparator ?? Comparator.AtLeast, null, null, new ThresholdWhy(ThresholdReason.Ungrouped));
        }

        var (wanted, why) = Wanted(scheme, zone);
        if (wanted is not null && rules.FirstOrDefault(r => r.Zone == wanted) is { } specific)
        {
            return new PickedThreshold(specific.Zone, specific.Comparator, specific.Value, specific.Text, why);
        }

        // A set with one threshold for all needs no explanation.
        var fallback = scheme == ThresholdScheme.Common
            ? null
            : wanted is null
                ? why
                : new ThresholdWhy(ThresholdReason.NoSpecific, wanted);
        return common is null
            ? new PickedThreshold(Zones.Common, Comparator.AtLeast, null, null, fallback)
            : new PickedThreshold(Zones.Common, common.Comparator, common.Value, common.Text, fallback);
    }

    private static (string? Zone, ThresholdWhy? Why) Wanted(ThresholdScheme scheme, UnitZone? zone) => scheme switch
    {
        ThresholdScheme.Region when zone is { EspeciallyDisadvantaged: true } =>
            (Zones.NorthernMidlandsAndMountains, new ThresholdWhy(ThresholdReason.Disadvantaged, Zones.NorthernMidlandsAndMountains)),
        ThresholdScheme.Region when zone?.Region is { } region => (region, new ThresholdWhy(ThresholdReason.Region, region)),
        ThresholdScheme.Region => (null, new ThresholdWhy(ThresholdReason.NoRegion)),
        ThresholdScheme.CommuneGroup when zone?.CommuneGroup is { } g => (Zones.GroupCode(g), new ThresholdWhy(ThresholdReason.Group, Zones.GroupCode(g), g)),
        ThresholdScheme.CommuneGroup => (null, new ThresholdWhy(ThresholdReason.NoGroup)),
        _ => (null, null),
    };
}
