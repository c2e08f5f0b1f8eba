using ProgramTracker.Core.Periods;
using System.Globalization;
using System.Security.Claims;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models.Planning;

/// <summary>The targets and capital pages of a district, read for showing and for re-showing a refused form.</summary>
public sealed class PlanningQueries(ProgramTrackerDbContext db, UnitAccess access)
{
    public async Task<TargetsPage?> TargetsPageAsync(UnitHeader district, int year, ClaimsPrincipal user, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            return null;
        }

        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.Criterion.CriteriaSet.Level == UnitLevel.District && i.ValueType != ProgramTracker.Core.Domain.ValueKind.Boolean)
            .OrderBy(i => i.Criterion.CriteriaSet.SortOrder).ThenBy(i => i.Criterion.Number).ThenBy(i => i.SortOrder)
            .Select(i => new { i.Id, i.Name, i.NameEn, i.Unit, SetName = i.Criterion.CriteriaSet.Name })
            .ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.UnitId == district.Id && t.Year == year).ToDictionaryAsync(t => t.IndicatorId, ct);
        var index = 0;
        return new TargetsPage
        {
            District = district, Year = year,
            Rows = indicators.Select(i =>
            {
                targets.TryGetValue(i.Id, out var t);
                return new TargetRowEdit
                {
                    IndicatorId = i.Id, Index = index++, Name = i.Name, NameEn = i.NameEn, Unit = i.Unit, SetName = i.SetName, Comparator = t?.Comparator ?? Comparator.AtLeast,
                    Value = t is null ? null : Formats.Current.Editable(t.Value), Version = t?.Version ?? 0,
                };
            }).ToList(),
            CanEdit = await access.CanEditAsync(user, district.Id, ct),
        };
    }

    /// <param name="key">A quarter or a year, bound and known before (PeriodAttribute); null when the year has no stored row of its own.</param>
    public async Task<CapitalPage?> CapitalPageAsync(UnitHeader district, PeriodKey key, ClaimsPrincipal user, CancellationToken ct)
    {
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Year == key.Year && p.Quarter == key.Quarter, ct);
        if (period is null)
        {
            return null;
        }

        var list = await db.Units.AsNoTracking().Where(u => u.Id == district.Id || u.ParentId == district.Id)
            .OrderBy(u => u.Kind).ThenBy(u => u.Id).Select(u => new { u.Id, u.Kind, u.Name }).ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Code, p.Name, p.NameEn }).ToListAsync(ct);
        var projects = await db.ProgrammeProjects.AsNoTracking().OrderBy(p => p.ProgrammeId).ThenBy(p => p.Number)
            .Select(p => new { p.Id, p.ProgrammeId, p.Number, p.Name }).ToListAsync(ct);
        var loaded = await db.CapitalFigures.AsNoTracking().Where(c => c.PeriodId == period.Id && ids.Contains(c.UnitId))
                .OrderBy(c => c.Programme.SortOrder).ThenBy(c => c.Measure).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.Version, c.ProgrammeId, c.ProjectId, c.UnitId, c.Programme.Code, c.Programme.Name, c.Programme.NameEn, Project = c.Project != null ? c.Project.Name : null, c.Measure, c.Kind, c.FundingSource, c.AmountVnd, c.Qualifier, c.WorksCount, c.AsOf, c.Description, c.Source, UnitName = c.Unit.Name, UnitKind = c.Unit.Kind })
                .ToListAsync(ct);
        var figures = loaded
            .Select(c => new CapitalRow(c.Code, $"{Formats.Current.Name(c.Name, c.NameEn)} · {Formats.Current.UnitName(c.UnitKind, c.UnitName)}", c.Project, period.Label, c.Measure, c.Kind, c.FundingSource,
                c.AmountVnd, c.Qualifier, c.WorksCount, c.AsOf, c.Description, ProgramTracker.Web.Models.SourceRef.From(c.Source)))
            .ToList();
        return new CapitalPage
        {
            District = district, Period = period, Figures = figures,
            Edits = loaded.Select(c => new CapitalEdit(c.Id, c.Version, new CapitalForm
            {
                ProgrammeId = c.ProgrammeId, ProjectId = c.ProjectId, UnitId = c.UnitId, Measure = c.Measure, Kind = c.Kind, FundingSource = c.FundingSource,
                Amount = Formats.Current.Number(c.AmountVnd), Description = c.Description,
            })).ToList(),
            Units = list.Select(u => (u.Id, Formats.Current.UnitName(u.Kind, u.Name))).ToList(),
            Programmes = programmes.Select(p => (p.Id, p.Code, Formats.Current.Name(p.Name, p.NameEn))).ToList(),
            Projects = projects.Select(p => (p.Id, p.ProgrammeId, Formats.Current.Format("Planning.ProjectNumber", p.Number.ToString(CultureInfo.InvariantCulture), p.Name))).ToList(),
            CanEdit = !period.IsLocked && await access.CanEditAsync(user, district.Id, ct),
        };
    }
}
