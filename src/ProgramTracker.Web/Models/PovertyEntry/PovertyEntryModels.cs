using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.PovertyEntry;

public sealed class PovertyEntryPage
{
    public required UnitHeader District { get; init; }
    public required ReportingPeriod Period { get; init; }
    public required IReadOnlyList<ReportingPeriod> Periods { get; init; }
    public required IReadOnlyList<(string Code, string Name)> Standards { get; init; }
    public required string StandardCode { get; init; }
    public required IReadOnlyList<PovertyEntryRow> Rows { get; init; }
    public bool CanEdit { get; set; }
    public string? Message { get; set; }
    public bool IsError { get; set; }
    public string Path => $"{Infrastructure.Links.Poverty(District.Slug, Period.Code)}?standard={StandardCode}";
}

public sealed class PovertyEntryRow
{
    public required int UnitId { get; init; }
    public required int Index { get; init; }
    public required string UnitName { get; init; }
    public decimal? ReportedPoorRate { get; init; }
    public decimal? ReportedNearPoorRate { get; init; }
    public string? Households { get; set; }
    public string? Poor { get; set; }
    public string? NearPoor { get; set; }
    public int Version { get; set; }
    public string? Error { get; set; }
}

public sealed class PovertyForm
{
    public List<PovertyPost> Rows { get; set; } = [];
}

public sealed class PovertyPost
{
    public int UnitId { get; set; }
    public string? Households { get; set; }
    public string? Poor { get; set; }
    public string? NearPoor { get; set; }
    public int Version { get; set; }
}
