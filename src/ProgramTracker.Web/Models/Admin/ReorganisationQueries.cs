using System.Globalization;

namespace ProgramTracker.Web.Models.Admin;

/// <summary>The reads of the reorganisations page: the recorded reorganisations, the provinces, and the units under one.</summary>
public sealed class ReorganisationQueries(ProgramTrackerDbContext db)
{
    /// <summary>Every reorganisation by effective date, its successor and the predecessors' names.</summary>
    public async Task<List<ReorganisationRow>> RowsAsync(CancellationToken ct) =>
        (await db.Reorganisations.AsNoTracking().OrderBy(r => r.EffectiveOn).ThenBy(r => r.Id)
                .Select(r => new
                {
                    r.Code, r.ActNumber, r.ActDate, r.EffectiveOn, r.CreatedBy, r.Note,
                    Parts = r.Parts.OrderBy(p => p.Id).Select(p => new { p.PredecessorName, p.Whole, p.Successor.Slug, p.Successor.Kind, p.Successor.Name }).ToList(),
                })
                .ToListAsync(ct))
            .Select(r => new ReorganisationRow(r.Code, r.ActNumber, r.ActDate, r.EffectiveOn,
                r.Parts.Count > 0 ? AdministrativeUnit.FullNameOf(r.Parts[0].Kind, r.Parts[0].Name) : "—", r.Parts.FirstOrDefault()?.Slug,
                r.Parts.Count > 0 && AdministrativeUnit.IsCommuneLevelKind(r.Parts[0].Kind),
                r.Parts.Select(p => p.PredecessorName + (p.Whole ? "" : " " + Formats.Current["Reorg.PartSuffix"])).ToList(), r.CreatedBy, r.Note))
            .ToList();

    /// <summary>The provinces and cities (top-level, not synthetic), by their full name in the current language.</summary>
    public async Task<List<(int Id, string Slug, string Label)>> ProvincesAsync(CancellationToken ct) =>
        (await db.Units.AsNoTracking()
                .Where(u => !u.IsSynthetic && u.ParentId == null && (u.Kind == UnitKind.Province || u.Kind == UnitKind.City))
                .Select(u => new { u.Id, u.Slug, u.Kind, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Slug, Label: AdministrativeUnit.FullNameOf(u.Kind, u.Name)))
            .OrderBy(u => u.Label, StringComparer.Create(Formats.Current.Culture, CompareOptions.IgnoreCase)).ToList();

    /// <summary>
    /// The province, its districts of before 2025 and the communes under either: the units one reorganisation draws on.
    /// </summary>
    public async Task<List<UnitOption>> UnitsUnderAsync(int root, CancellationToken ct) =>
        (await db.Units.AsNoTracking()
                .Where(u => !u.IsSynthetic && (u.Id == root || u.ParentId == root || (u.Parent != null && u.Parent.ParentId == root)))
                .OrderBy(u => u.Kind).ThenBy(u => u.Name)
                .Select(u => new { u.Id, u.Kind, u.Name, u.ValidFrom, u.ValidTo, Parent = u.Parent != null ? u.Parent.Name : null })
                .ToListAsync(ct))
            .Select(u => new UnitOption(u.Id, AdministrativeUnit.FullNameOf(u.Kind, u.Name) + (u.Parent is null ? "" : $" ({u.Parent})"), u.Kind, u.ValidFrom, u.ValidTo))
            .ToList();
}
