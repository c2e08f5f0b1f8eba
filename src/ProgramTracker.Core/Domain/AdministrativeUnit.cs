namespace ProgramTracker.Core.Domain;

public enum UnitKind
{
    Province = 1,
    District = 2,
    Commune = 3,
    /// <summary>thị trấn: commune-level town, gone with the district level on 01/07/2025.</summary>
    Town = 4,
    /// <summary>phường.</summary>
    Ward = 5,
    /// <summary>đặc khu: commune-level special zone (from 01/07/2025).</summary>
    SpecialZone = 6,
    /// <summary>thành phố trực thuộc trung ương: province-level city.</summary>
    City = 7,
}

/// <summary>
/// A province, district, commune (xã), ward (phường), town (thị trấn) or special zone (đặc khu). Units carry
/// validity dates because the 2024 and 2025 reorganisations ended districts and merged communes: history stays
/// readable, and a reorganisation (see <see cref="Reorganisation"/>) links each ended unit to its successor.
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
    /// <summary>First day the unit exists; null when it existed before the portal's history begins.</summary>
    public DateOnly? ValidFrom { get; set; }
    /// <summary>Last day the unit exists; null while it exists.</summary>
    public DateOnly? ValidTo { get; set; }
    /// <summary>The statistics office's code (mã đơn vị hành chính), e.g. 06970.</summary>
    public string? StatisticsCode { get; set; }
    /// <summary>The record the unit's existence and code come from (e.g. Công văn 1027/CTK-CSCL); null for units added by hand.</summary>
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    public bool IsSynthetic { get; set; }
    public string? Note { get; set; }

    /// <summary>The prefix shown before the name: "xã", "phường", "thị trấn", "đặc khu", "huyện", "tỉnh".</summary>
    public string KindLabel => LabelOf(Kind);

    public string FullName => FullNameOf(Kind, Name);

    /// <summary>The kind's word in the request's language (Localization/Formats).</summary>
    public static string LabelOf(UnitKind kind) => Localization.Formats.Current.UnitKindName(kind);

    /// <summary>"xã Nam Sơn" / "Nam Sơn commune", in the request's language: for projections that carry only kind and name.</summary>
    public static string FullNameOf(UnitKind kind, string name) => Localization.Formats.Current.UnitName(kind, name);

    /// <summary>The kinds that report as a commune (cấp xã).</summary>
    public static readonly UnitKind[] CommuneLevelKinds = [UnitKind.Commune, UnitKind.Town, UnitKind.Ward, UnitKind.SpecialZone];

    /// <summary>The kinds of the province level (cấp tỉnh).</summary>
    public static readonly UnitKind[] ProvinceLevelKinds = [UnitKind.Province, UnitKind.City];

    public static bool IsCommuneLevelKind(UnitKind kind) => kind is UnitKind.Commune or UnitKind.Town or UnitKind.Ward or UnitKind.SpecialZone;

    public static bool IsProvinceLevelKind(UnitKind kind) => kind is UnitKind.Province or UnitKind.City;

    public bool IsCommuneLevel => IsCommuneLevelKind(Kind);

    /// <summary>True when the unit exists on some day of [from, to].</summary>
    public static bool Overlaps(DateOnly? validFrom, DateOnly? validTo, DateOnly from, DateOnly to) =>
        (validFrom is null || validFrom <= to) && (validTo is null || validTo >= from);
}
