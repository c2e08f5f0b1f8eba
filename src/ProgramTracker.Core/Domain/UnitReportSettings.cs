namespace ProgramTracker.Core.Domain;

/// <summary>
/// What a unit's official report (the summary as a Word document in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I)
/// says about who sends it: the issuing body and its parent, the place, the symbol, the signer and the recipients.
/// Edited by the unit's staff at /units/{slug}/report-settings; a unit without a row gets the defaults of
/// <see cref="ReportSettingsDefaults"/>. All text is Vietnamese, as the document is.
/// </summary>
public class UnitReportSettings : Data.IChangeStamped
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public AdministrativeUnit Unit { get; set; } = null!;
    /// <summary>"ỦY BAN NHÂN DÂN HUYỆN BA CHẼ" (Ô 2, in capitals as printed).</summary>
    public required string IssuingBody { get; set; }
    /// <summary>The direct parent body (cơ quan chủ quản), printed above the issuing body; empty when there is none.</summary>
    public string? ParentBody { get; set; }
    /// <summary>The place name before the date (Ô 4): "Ba Chẽ".</summary>
    public required string Place { get; set; }
    /// <summary>The symbol after the number (Ô 3): "BC-UBND".</summary>
    public required string Symbol { get; set; }
    /// <summary>The authority line of the signer's block (Ô 7a), e.g. "TM. ỦY BAN NHÂN DÂN"; empty when the head signs in own name.</summary>
    public string? SignerAuthority { get; set; }
    /// <summary>The signer's title (Ô 7a): "CHỦ TỊCH".</summary>
    public required string SignerTitle { get; set; }
    /// <summary>The signer's name (Ô 7b); empty leaves the line for the hand.</summary>
    public string? SignerName { get; set; }
    /// <summary>The recipients (Ô 9b), one a line, without the leading dash.</summary>
    public required string Recipients { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    void Data.IChangeStamped.StampChange(Data.Stamp stamp) => (UpdatedBy, UpdatedAtUtc) = (stamp.By, stamp.AtUtc);
}

/// <summary>The settings a unit's report takes before its staff set their own: the forms of a people's committee's report.</summary>
public static class ReportSettingsDefaults
{
    public static UnitReportSettings For(AdministrativeUnit unit, AdministrativeUnit? parent)
    {
        var body = unit.Kind switch
        {
            UnitKind.Province => "ỦY BAN NHÂN DÂN TỈNH " + unit.Name,
            UnitKind.City => "ỦY BAN NHÂN DÂN THÀNH PHỐ " + unit.Name,
            UnitKind.District => "ỦY BAN NHÂN DÂN HUYỆN " + unit.Name,
            UnitKind.Ward => "ỦY BAN NHÂN DÂN PHƯỜNG " + unit.Name,
            UnitKind.Town => "ỦY BAN NHÂN DÂN THỊ TRẤN " + unit.Name,
            UnitKind.SpecialZone => "ỦY BAN NHÂN DÂN ĐẶC KHU " + unit.Name,
            _ => "ỦY BAN NHÂN DÂN XÃ " + unit.Name,
        };
        var recipients = new List<string>();
        if (parent is not null)
        {
            recipients.Add($"UBND {Localization.Formats.Vietnamese.UnitName(parent.Kind, parent.Name)} (b/c)");
        }

        recipients.Add("Lưu: VT");
        return new UnitReportSettings
        {
            UnitId = unit.Id,
            IssuingBody = body.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")),
            ParentBody = null,
            Place = unit.Name,
            Symbol = "BC-UBND",
            SignerAuthority = "TM. ỦY BAN NHÂN DÂN",
            SignerTitle = "CHỦ TỊCH",
            SignerName = null,
            Recipients = string.Join('\n', recipients),
        };
    }
}
