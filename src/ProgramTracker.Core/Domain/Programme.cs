namespace ProgramTracker.Core.Domain;

/// <summary>A National Target Programme (chương trình mục tiêu quốc gia): ntm, gnbv, dtts.</summary>
public class Programme
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>An English name, shown to English readers beside the official Vietnamese (docs/localization.md); null when none is given.</summary>
    public string? NameEn { get; set; }
    public string? LocalName { get; set; }
    public string? LegalBasis { get; set; }
    public string? Phase { get; set; }
    public int SortOrder { get; set; }
    /// <summary>The programme's stated targets, as its legal basis words them (one per line).</summary>
    public string? Targets { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    public List<ProgrammeProject> Projects { get; } = [];
    public List<CriteriaSet> CriteriaSets { get; } = [];
}

/// <summary>A project (dự án) of a programme, e.g. project 4 of QĐ 90.</summary>
public class ProgrammeProject
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme Programme { get; set; } = null!;
    public int Number { get; set; }
    public required string Name { get; set; }
    /// <summary>False where domain notes mark the official title as unconfirmed.</summary>
    public bool TitleConfirmed { get; set; }
}
