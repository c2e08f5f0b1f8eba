namespace ProgramTracker.Core.Domain;

public enum UnitKind
{
    Province = 1,
    District = 2,
    Commune = 3,
    Town = 4,
}

/// <summary>
/// A province, district, commune (xã) or town (thị trấn). Units carry validity dates because
/// the 2025 reform dissolved districts and merged communes: history must stay readable.
/// </summary>
public class AdministrativeUnit
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public int? ParentId { get; set; }
    public AdministrativeUnit? Parent { get; set; }
    public List<AdministrativeUnit> Children { get; } = [];
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public bool IsSynthetic { get; set; }
    public string? Note { get; set; }

    /// <summary>The prefix shown before the name: "xã", "thị trấn", "huyện", "tỉnh".</summary>
    public string KindLabel => LabelOf(Kind);

    public string FullName => FullNameOf(Kind, Name);

    public static string LabelOf(UnitKind kind) => kind switch
    {
        UnitKind.Province => "tỉnh",
        UnitKind.District => "huyện",
        UnitKind.Town => "thị trấn",
        _ => "xã",
    };

    /// <summary>"xã Nam Sơn", "thị trấn Ba Chẽ", "huyện Ba Chẽ": for projections that carry only kind and name.</summary>
    public static string FullNameOf(UnitKind kind, string name) => $"{LabelOf(kind)} {name}";

    public bool IsCommuneLevel => Kind is UnitKind.Commune or UnitKind.Town;
}
