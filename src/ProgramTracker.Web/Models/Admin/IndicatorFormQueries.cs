using ProgramTracker.Core.Attainment;

namespace ProgramTracker.Web.Models.Admin;

/// <summary>The admin's indicator form: a set's criteria and versions, and an indicator as it stands in the latest version.</summary>
public sealed class IndicatorFormQueries(ProgramTrackerDbContext db)
{
    /// <summary>The form filled with indicator <paramref name="id"/>; null when there is none.</summary>
    public async Task<IndicatorFormPage?> EditAsync(int id, CancellationToken ct)
    {
        var i = await db.Indicators.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Code, x.Name, x.NameEn, x.Unit, x.ValueType, x.Note, x.CriterionId, SetId = x.Criterion.CriteriaSetId, SetCode = x.Criterion.CriteriaSet.Code })
            .FirstOrDefaultAsync(ct);
        if (i is null)
        {
            return null;
        }

        var book = await RuleBook.LoadAsync(db, [i.SetId], [], ct);
        var versions = book.Versions(i.SetId);
        var latest = versions.Count == 0 ? null : versions[^1];
        var rules = latest is null ? [] : book.ZoneRules(latest.Id, i.Id);
        var common = rules.FirstOrDefault(r => r.Zone == Zones.Common);
        var form = new IndicatorForm
        {
            Id = id, CriterionId = i.CriterionId, Code = i.Code, Name = i.Name, NameEn = i.NameEn, Unit = i.Unit, ValueType = i.ValueType, Note = i.Note,
            Comparator = common?.Comparator ?? Comparator.AtLeast, Threshold = common?.Value is { } t ? Formats.Current.Editable(t) : null, ThresholdText = common?.Text,
            Zones = rules.Where(r => r.Zone != Zones.Common).ToDictionary(r => r.Zone, r => r.Value is { } v ? Formats.Current.Editable(v) : null),
        };
        return await PageAsync(i.SetCode, form, ct);
    }

    public async Task<IndicatorFormPage?> PageAsync(string setCode, IndicatorForm form, CancellationToken ct)
    {
        var set = await db.CriteriaSets.AsNoTracking().Where(s => s.Code == setCode)
            .Select(s => new
            {
                s.Code, s.Name, s.NameEn, s.DeclaredIndicators, s.ThresholdScheme,
                Defined = s.Criteria.SelectMany(c => c.Indicators).Count(),
                Criteria = s.Criteria.OrderBy(c => c.Number).Select(c => new { c.Id, c.Number, c.Name, c.NameEn }).ToList(),
                Versions = s.Versions.OrderBy(v => v.Number).Select(v => new { v.Number, v.EffectiveFrom }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return set is null
            ? null
            : new IndicatorFormPage(set.Code, Formats.Current.Name(set.Name, set.NameEn), set.DeclaredIndicators, set.Defined,
                set.Criteria.Select(c => (c.Id, $"{c.Number}. {Formats.Current.Name(c.Name, c.NameEn)}")).ToList(), form)
            {
                Numbers = set.Criteria.ToDictionary(c => c.Id, c => c.Number),
                ZoneChoices = Zones.Of(set.ThresholdScheme),
                Versions = set.Versions.Select(v => Formats.Current.Format("AdminIndicator.Version", v.Number, v.EffectiveFrom is { } f ? Formats.Current.Date(f) : Formats.Current["AdminIndicator.VersionFromStart"])).ToList(),
            };
    }
}
