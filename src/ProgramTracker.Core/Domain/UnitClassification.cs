namespace ProgramTracker.Core.Domain;

/// <summary>
/// Where a unit stands for the threshold rules, by date: its region (one of the 7 regions of the 2021–2025 sets),
/// its commune group (1/2/3 of the 2026–2030 set), and the QĐ 318 Điều 1 flag (especially disadvantaged or ATK
/// communes are judged by the Trung du miền núi phía Bắc thresholds). Unknown stays null.
/// </summary>
public class UnitClassification
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>A code of <see cref="Zones.Regions"/>, or null when not known.</summary>
    public string? Region { get; set; }
    /// <summary>1, 2 or 3, or null when not known.</summary>
    public int? CommuneGroup { get; set; }
    /// <summary>QĐ 318/QĐ-TTg Điều 1: especially disadvantaged or ATK commune of a poor district.</summary>
    public bool EspeciallyDisadvantaged { get; set; }
    public string? Note { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
}

/// <summary>How a set's thresholds vary between units.</summary>
public enum ThresholdScheme
{
    /// <summary>One threshold for every unit.</summary>
    Common = 0,
    /// <summary>By the 7 regions (QĐ 318/2022 and the other 2021–2025 sets).</summary>
    Region = 1,
    /// <summary>By commune group 1/2/3 (QĐ 51/2025).</summary>
    CommuneGroup = 2,
}

/// <summary>The zone codes that thresholds are given for. "" is the common threshold.</summary>
public static class Zones
{
    public const string Common = "";
    public const string NorthernMidlandsAndMountains = "tdmnpb";

    /// <summary>
    /// The 7 regions of the 2021–2025 sets, in the order the decisions list them. The names are the official Vietnamese
    /// ones, kept as reference data beside the codes; pages and files name a zone in the reader's language by its code
    /// (<c>Formats.Zone</c>, keys <c>Zone.*</c>).
    /// </summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Regions =
    [
        ("tdmnpb", "Trung du và miền núi phía Bắc"),
        ("dbsh", "Đồng bằng sông Hồng"),
        ("btb", "Bắc Trung Bộ"),
        ("dhntb", "Duyên hải Nam Trung Bộ"),
        ("tn", "Tây Nguyên"),
        ("dnb", "Đông Nam Bộ"),
        ("dbscl", "Đồng bằng sông Cửu Long"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> CommuneGroups =
    [
        ("nhom-1", "Nhóm 1"),
        ("nhom-2", "Nhóm 2"),
        ("nhom-3", "Nhóm 3"),
    ];

    public static string GroupCode(int group) => $"nhom-{group}";

    /// <summary>The zones a set of this scheme gives thresholds for (besides the common one).</summary>
    public static IReadOnlyList<(string Code, string Name)> Of(ThresholdScheme scheme) => scheme switch
    {
        ThresholdScheme.Region => Regions,
        ThresholdScheme.CommuneGroup => CommuneGroups,
        _ => [],
    };

    public static bool IsKnown(ThresholdScheme scheme, string zone) => zone == Common || Of(scheme).Any(z => z.Code == zone);
}
