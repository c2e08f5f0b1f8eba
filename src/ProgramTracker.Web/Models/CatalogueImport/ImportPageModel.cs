using ProgramTracker.Core.Catalogue;

namespace ProgramTracker.Web.Models.CatalogueImport;

/// <summary>The upload form, the dry-run preview and the applied result of a set's table import.</summary>
public sealed class ImportPageModel
{
    public required string SetCode { get; init; }
    public required string SetName { get; init; }
    public ThresholdScheme Scheme { get; init; }
    public int Criteria { get; init; }
    public int? DeclaredIndicators { get; init; }
    public string? EffectiveFrom { get; init; }
    public long MaxFileBytes { get; init; }
    public int MaxRows { get; init; }
    public IReadOnlyList<string> Versions { get; init; } = [];
    public string? FileName { get; set; }
    public string? Sha256 { get; set; }
    public List<ImportError> Errors { get; } = [];
    public CatalogueChangeResult? Plan { get; set; }
    /// <summary>The signed rows for "Áp dụng"; null when there is nothing to apply.</summary>
    public string? Payload { get; set; }
    public bool Applied { get; set; }

    /// <summary>Rule versions the rules sheet adds and changes (issue 25); both 0 without a rules sheet.</summary>
    public int RulesAdded { get; set; }

    public int RulesChanged { get; set; }

    public bool RulesChange => RulesAdded + RulesChanged > 0;
}
