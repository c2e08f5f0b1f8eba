using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Attainment;

/// <summary>
/// Recomputes <see cref="AttainmentSummary"/> rows from stored values, with the rules the pages use (the
/// <see cref="RuleBook"/>: the version in force and the unit's threshold). Called inside the write's own
/// transaction, so an overview is never stale: after a value is saved, and after a catalogue change for every
/// period it affects.
/// </summary>
/// <param name="catalogue">
/// The process's catalogue snapshot (null in the seed): a save takes its rule book when the catalogue's version, read in the
/// save's own transaction, is the snapshot's (one query instead of four, issue 24); otherwise the rules are read as before.
/// </param>
public sealed class SummaryUpdater(ProgramTrackerDbContext db, CatalogueCache? catalogue = null)
{
    public Task UpdateAsync(int unitId, int periodId, IReadOnlyCollection<int> criteriaSetIds, CancellationToken ct) =>
        UpdateManyAsync(periodId, new Dictionary<int, IReadOnlyCollection<int>> { [unitId] = criteriaSetIds }, ct);

    /// <summary>
    /// The summaries of several units of one period (a save of many units: a reviewer's workbook) in a fixed number of
    /// queries whatever the number of units: the rules, values, statuses and existing summaries of all of them at once.
    /// </summary>
    public async Task UpdateManyAsync(int periodId, IReadOnlyDictionary<int, IReadOnlyCollection<int>> setsByUnit, CancellationToken ct)
    {
        var targets = setsByUnit.Where(u => u.Value.Count > 0).ToDictionary(u => u.Key, u => u.Value.Distinct().ToList());
        if (targets.Count == 0)
        {
            return;
        }

        var unitIds = targets.Keys.ToList();
        var setIds = targets.Values.SelectMany(s => s).Distinct().ToList();
        var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == periodId, ct);
        var book = await BookAsync(setIds, unitIds, ct);
        var rules = targets.ToDictionary(u => u.Key, u => u.Value.Select(s => book.For(s, u.Key, period.StartsOn)).ToList());
        var ruleIds = rules.Values.SelectMany(r => r).SelectMany(r => r.Indicators).Select(r => r.IndicatorId).Distinct().ToList();

        // Read inside the caller's transaction, after its writes: the values just written are seen.
        var values = (await db.IndicatorValues.AsNoTracking()
                .Where(v => unitIds.Contains(v.UnitId) && v.PeriodId == periodId && ruleIds.Contains(v.IndicatorId))
                .Select(v => new { v.UnitId, v.IndicatorId, v.Value })
                .ToListAsync(ct))
            .GroupBy(v => v.UnitId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(v => v.IndicatorId, v => v.Value));
        var statuses = await db.Submissions.AsNoTracking()
            .Where(s => unitIds.Contains(s.UnitId) && s.PeriodId == periodId && setIds.Contains(s.CriteriaSetId))
            .ToDictionaryAsync(s => (s.UnitId, s.CriteriaSetId), s => s.Status, ct);
        var existing = await db.AttainmentSummaries
            .Where(s => unitIds.Contains(s.UnitId) && s.PeriodId == periodId && setIds.Contains(s.CriteriaSetId))
            .ToDictionaryAsync(s => (s.UnitId, s.CriteriaSetId), ct);

        foreach (var (unitId, unitRules) in rules)
        {
            var unitValues = values.GetValueOrDefault(unitId) ?? [];
            foreach (var setRules in unitRules)
            {
                Apply(setRules, unitValues, statuses.GetValueOrDefault((unitId, setRules.SetId), SubmissionStatus.Draft),
                    existing.GetValueOrDefault((unitId, setRules.SetId)), unitId, periodId);
            }
        }
    }

    /// <summary>
    /// The snapshot's rule book (every set, every unit's classification) when it is the catalogue as this transaction sees it,
    /// else the rules of these sets and units read now. The version is raised only when a transaction commits, so a transaction
    /// that changed the catalogue itself (a classification import recomputing its communes) is known by its pending scopes and
    /// reads the rules it has just written.
    /// </summary>
    private async Task<RuleBook> BookAsync(List<int> setIds, List<int> unitIds, CancellationToken ct)
    {
        if (catalogue?.Current is { } snapshot && !db.PendingScopes.Catalogue)
        {
            var version = await db.DataVersions.AsNoTracking().Where(v => v.Id == DataScopes.Catalogue).Select(v => v.Value).FirstOrDefaultAsync(ct);
            if (version == snapshot.Version)
            {
                return snapshot.Rules;
            }
        }

        return await RuleBook.LoadAsync(db, setIds, unitIds, ct);
    }

    /// <summary>
    /// Brings the read model up to date for the given (unit, period, set) keys, and for every row written before the
    /// read model held its heat-map counts (a row with values whose defined-indicator count is 0: the migration that
    /// added the columns leaves them so). Used by the seed, inside its transaction.
    /// </summary>
    public async Task RefreshAsync(IEnumerable<(int UnitId, int PeriodId, int SetId)> keys, CancellationToken ct)
    {
        var stale = await db.AttainmentSummaries.AsNoTracking().Where(s => s.ValuesEntered > 0 && s.IndicatorsDefined == 0)
            .Select(s => new { s.UnitId, s.PeriodId, SetId = s.CriteriaSetId }).ToListAsync(ct);
        var all = keys.Concat(stale.Select(s => (s.UnitId, s.PeriodId, s.SetId))).Distinct();
        foreach (var period in all.GroupBy(k => k.PeriodId))
        {
            await UpdateManyAsync(period.Key, period.GroupBy(k => k.UnitId)
                .ToDictionary(u => u.Key, u => (IReadOnlyCollection<int>)u.Select(k => k.SetId).ToList()), ct);
        }
    }

    /// <summary>
    /// Recomputes the summaries of every unit and period that has values of the set, from <paramref name="from"/> on
    /// (null: all periods). Used after a catalogue change, inside its transaction.
    /// </summary>
    public async Task RebuildSetAsync(int setId, DateOnly? from, CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().ToListAsync(ct);
        var periodIds = periods.Where(p => from is null || p.StartsOn >= from).Select(p => p.Id).ToArray();
        var start = periods.ToDictionary(p => p.Id, p => p.StartsOn);
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => periodIds.Contains(v.PeriodId) && v.Indicator.Criterion.CriteriaSetId == setId)
            .Select(v => new { v.UnitId, v.PeriodId, v.IndicatorId, v.Value })
            .ToListAsync(ct);
        var existing = await db.AttainmentSummaries.Where(s => s.CriteriaSetId == setId && periodIds.Contains(s.PeriodId)).ToListAsync(ct);
        var unitIds = values.Select(v => v.UnitId).Concat(existing.Select(e => e.UnitId)).Distinct().ToList();
        var book = await RuleBook.LoadAsync(db, [setId], unitIds, ct);
        var statuses = await db.Submissions.AsNoTracking().Where(s => s.CriteriaSetId == setId && periodIds.Contains(s.PeriodId))
            .ToDictionaryAsync(s => (s.UnitId, s.PeriodId), s => s.Status, ct);
        var byKey = existing.ToDictionary(e => (e.UnitId, e.PeriodId));
        var grouped = values.GroupBy(v => (v.UnitId, v.PeriodId)).ToDictionary(g => g.Key, g => g.ToDictionary(v => v.IndicatorId, v => v.Value));
        foreach (var key in grouped.Keys.Union(byKey.Keys))
        {
            var rules = book.For(setId, key.UnitId, start[key.PeriodId]);
            var unitValues = grouped.GetValueOrDefault(key) ?? [];
            Apply(rules, unitValues.Where(v => rules.Defines(v.Key)).ToDictionary(), statuses.GetValueOrDefault(key, SubmissionStatus.Draft),
                byKey.GetValueOrDefault(key), key.UnitId, key.PeriodId);
        }
    }

    private void Apply(SetRules rules, Dictionary<int, decimal?> values, SubmissionStatus status, AttainmentSummary? summary, int unitId, int periodId)
    {
        var setValues = rules.Indicators.Where(r => values.ContainsKey(r.IndicatorId)).ToDictionary(r => r.IndicatorId, r => values[r.IndicatorId]);
        var result = AttainmentRules.Evaluate(rules.CriterionIds, rules.Indicators, setValues, rules.DeclaredCriteria, rules.DeclaredIndicators);
        summary ??= db.AttainmentSummaries.Add(new AttainmentSummary { UnitId = unitId, PeriodId = periodId, CriteriaSetId = rules.SetId }).Entity;
        summary.CriteriaMet = result.CriteriaMet;
        summary.IndicatorsMet = result.IndicatorsMet;
        summary.ValuesEntered = setValues.Count(v => v.Value is not null);
        summary.Achieved = result.Achieved;
        summary.IndicatorsDefined = rules.Indicators.Count;
        summary.IndicatorsJudged = result.Indicators.Values.Count(s => s is IndicatorStatus.Met or IndicatorStatus.NotMet);
        summary.CriteriaJudged = result.Criteria.Values.Count(c => c is CriterionStatus.Met or CriterionStatus.NotMet);
        summary.CriteriaUnknown = result.CriteriaUnknown;
        summary.Status = status;
        // Recomputed now, changed or not: the context stamps it as it saves (StampInterceptor).
        db.Entry(summary).Property(s => s.UpdatedAtUtc).IsModified = true;
    }
}
