using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Periods;

namespace ProgramTracker.Core.Validation;

/// <summary>A soft rule broken by a saved value: shown beside its cell, stored as a <see cref="ValueFlag"/>.</summary>
public sealed record CellWarning(int UnitId, int IndicatorId, int RuleId, string Message, decimal? Value, decimal? Measure);

/// <summary>A parsed value of a save, for the checks.</summary>
public sealed record CheckedCell(int IndicatorId, decimal? Value, string? Note = null);

/// <summary>
/// The catalogue's validation rules applied to a save (issue 25), called by <see cref="SaveEntry"/> so that the entry
/// form, the workbook import and the API all get them: <see cref="RefuseAsync"/> before the write (hard rules),
/// <see cref="FlagAsync"/> after it in the same transaction (soft rules, change against last quarter, robust outliers).
/// One instance serves one request (scoped): the period, the rule rows, the indicators' kinds and codes it reads are kept for
/// the request's later checks (a save asks the refusal and the flags, often twice each), never longer.
/// </summary>
public sealed class ValueChecks(ProgramTrackerDbContext db, CurrentCatalogue catalogue, PeerValues peerValues)
{
    /// <summary>An indicator as the checks need it: its type and its criteria set.</summary>
    public sealed record IndicatorKind(int Id, ValueKind ValueType, int CriteriaSetId);

    private ReportingPeriod? _period;
    private List<ValidationRule>? _ruleRows;
    private readonly Dictionary<int, IndicatorKind> _kinds = [];
    private Dictionary<string, int>? _codes;

    /// <summary>The kinds of these indicators (an id that names no indicator is left out), read once a request.</summary>
    public async Task<IReadOnlyDictionary<int, IndicatorKind>> KindsAsync(IEnumerable<int> indicatorIds, CancellationToken ct)
    {
        var ids = indicatorIds.Distinct().ToList();
        var missing = ids.Where(id => !_kinds.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var kind in await db.Indicators.AsNoTracking().Where(i => missing.Contains(i.Id))
                         .Select(i => new IndicatorKind(i.Id, i.ValueType, i.Criterion.CriteriaSetId)).ToListAsync(ct))
            {
                _kinds[kind.Id] = kind;
            }
        }

        return ids.Where(_kinds.ContainsKey).ToDictionary(id => id, id => _kinds[id]);
    }

    private async Task<ReportingPeriod?> PeriodAsync(int periodId, CancellationToken ct)
    {
        if (_period?.Id != periodId)
        {
            _period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        }

        return _period;
    }

    /// <summary>The rules in force in a period: per code, the latest row from that period on, if active.</summary>
    public static IReadOnlyList<ValidationRule> InForce(IEnumerable<ValidationRule> rows, int year, int quarter)
    {
        var key = PeriodKey.OfQuarter(year, quarter).SortKey;
        return rows.Where(r => r.FromKey <= key)
            .GroupBy(r => r.Code, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.FromKey)!)
            .Where(r => r.Active)
            .ToList();
    }

    public async Task<IReadOnlyList<ValidationRule>> RulesInForceAsync(ReportingPeriod period, CancellationToken ct)
    {
        _ruleRows ??= await db.ValidationRules.AsNoTracking().ToListAsync(ct);
        return InForce(_ruleRows, period.Year, period.Quarter ?? 4);
    }

    /// <summary>The cells refused by hard rules (bounds, rules between indicators), with the rule's message.</summary>
    public async Task<IReadOnlyList<CellRefusal>> RefuseAsync(int periodId, IReadOnlyList<(int UnitId, IReadOnlyList<CheckedCell> Cells)> units, Formats f, CancellationToken ct)
    {
        var period = await PeriodAsync(periodId, ct);
        if (period is null)
        {
            return [];
        }

        var rules = (await RulesInForceAsync(period, ct)).Where(r => r.Severity == RuleSeverity.Hard).ToList();
        if (rules.Count == 0)
        {
            return [];
        }

        var indicators = await KindsAsync(units.SelectMany(u => u.Cells).Select(c => c.IndicatorId), ct);
        var refused = new List<CellRefusal>();
        var context = await ExpressionContextAsync(periodId, units, rules, ct);
        foreach (var (unitId, cells) in units)
        {
            foreach (var cell in cells)
            {
                if (cell.Value is not { } v)
                {
                    continue;
                }

                var ind = indicators[cell.IndicatorId];
                var broken = rules.FirstOrDefault(r => r.Kind == RuleKind.Bounds && r.AppliesTo(cell.IndicatorId, ind.ValueType, ind.CriteriaSetId) && BreaksBounds(r, v));
                if (broken is not null)
                {
                    refused.Add(new CellRefusal(unitId, cell.IndicatorId, CellFault.Value, broken.MessageIn(f.IsEnglish)));
                }
            }

            foreach (var (rule, expression, exprIds) in context.Expressions)
            {
                var inSave = cells.Where(c => exprIds.Contains(c.IndicatorId)).ToList();
                if (inSave.Count > 0 && expression.Holds(code => context.ValueOf(unitId, code, cells)) == false
                    && !refused.Any(r => r.UnitId == unitId && exprIds.Contains(r.IndicatorId)))
                {
                    refused.AddRange(inSave.Select(c => new CellRefusal(unitId, c.IndicatorId, CellFault.Value, rule.MessageIn(f.IsEnglish))));
                }
            }
        }

        return refused;
    }

    /// <summary>
    /// Checks the soft rules on the saved cells of each unit and keeps their flags current: a flag no longer broken goes, a
    /// new one is added, one still broken keeps its note and follow-up. Returns the warnings, in the reader's language.
    /// </summary>
    public async Task<IReadOnlyList<CellWarning>> FlagAsync(int periodId, IReadOnlyList<(int UnitId, IReadOnlyList<CheckedCell> Cells)> units, Formats f, CancellationToken ct)
    {
        var warnings = await WarnAsync(periodId, units, f, ct);
        await StoreAsync(periodId, units, warnings, ct);
        KeepPeersCurrent(await catalogue.GetAsync(ct), periodId, units);
        return warnings;
    }

    /// <summary>The soft rules the cells break, without storing anything (a submission asks for a note on each first).</summary>
    public async Task<List<CellWarning>> WarnAsync(int periodId, IReadOnlyList<(int UnitId, IReadOnlyList<CheckedCell> Cells)> units, Formats f, CancellationToken ct)
    {
        var period = await PeriodAsync(periodId, ct);
        if (period?.Quarter is null)
        {
            return [];
        }

        var rules = (await RulesInForceAsync(period, ct)).Where(r => r.Severity == RuleSeverity.Soft).ToList();
        var unitIds = units.Select(u => u.UnitId).Distinct().ToList();
        var indicators = await KindsAsync(units.SelectMany(u => u.Cells).Select(c => c.IndicatorId), ct);

        var warnings = new List<CellWarning>();
        if (rules.Count > 0)
        {
            // The earlier values each kind of rule reads, of the numeric indicators it applies to only (a yes/no is never
            // compared): a full form's peers were every commune of the province times every indicator of the form.
            List<int> ReadBy(RuleKind kind) => indicators.Values
                .Where(i => i.ValueType != ValueKind.Boolean && rules.Any(r => r.Kind == kind && r.AppliesTo(i.Id, i.ValueType, i.CriteriaSetId)))
                .Select(i => i.Id).ToList();
            var (changed, outlying) = (ReadBy(RuleKind.Change), ReadBy(RuleKind.Outlier));
            var context = await ExpressionContextAsync(periodId, units, rules, ct);
            var previous = changed.Count > 0 ? await PreviousAsync(period, unitIds, changed, ct) : [];
            var history = outlying.Count > 0 ? await HistoryAsync(period, unitIds, outlying, ct) : [];
            var peers = outlying.Count > 0 ? await PeersAsync(periodId, units, outlying, ct) : [];
            foreach (var (unitId, cells) in units)
            {
                foreach (var cell in cells)
                {
                    if (cell.Value is not { } v || !indicators.TryGetValue(cell.IndicatorId, out var ind) || ind.ValueType == ValueKind.Boolean)
                    {
                        continue;
                    }

                    foreach (var rule in rules.Where(r => r.AppliesTo(cell.IndicatorId, ind.ValueType, ind.CriteriaSetId)))
                    {
                        var measure = rule.Kind switch
                        {
                            RuleKind.Bounds when BreaksBounds(rule, v) => v,
                            RuleKind.Change when previous.TryGetValue((unitId, cell.IndicatorId), out var prev) && prev != 0
                                && Math.Abs(v - prev) / Math.Abs(prev) > (rule.Share ?? 1m) => Math.Round(v / prev, 2),
                            RuleKind.Outlier => OutlierZ(v, history.GetValueOrDefault((unitId, cell.IndicatorId)), peers.GetValueOrDefault(cell.IndicatorId), unitId, rule.Share ?? RobustStats.DefaultThreshold),
                            _ => (decimal?)null,
                        };
                        if (measure is not null)
                        {
                            warnings.Add(new CellWarning(unitId, cell.IndicatorId, rule.Id, Describe(rule, measure.Value, f), v, measure));
                        }
                    }
                }

                foreach (var (rule, expression, exprIds) in context.Expressions)
                {
                    foreach (var cell in cells.Where(c => exprIds.Contains(c.IndicatorId) && c.Value is not null))
                    {
                        if (expression.Holds(code => context.ValueOf(unitId, code, cells)) == false)
                        {
                            warnings.Add(new CellWarning(unitId, cell.IndicatorId, rule.Id, rule.MessageIn(f.IsEnglish), cell.Value, null));
                        }
                    }
                }
            }
        }

        return warnings;
    }

    /// <summary>The warnings stored for a unit's period (the form's cells after a reload, the API's "warnings").</summary>
    public async Task<IReadOnlyList<CellWarning>> StoredAsync(int unitId, int periodId, Formats f, CancellationToken ct)
    {
        var flags = await db.ValueFlags.AsNoTracking().Where(x => x.UnitId == unitId && x.PeriodId == periodId)
            .Select(x => new { x.IndicatorId, x.RuleId, x.Value, x.Measure, x.Rule })
            .ToListAsync(ct);
        return flags.Select(x => new CellWarning(unitId, x.IndicatorId, x.RuleId, Describe(x.Rule, x.Measure, f), x.Value, x.Measure))
            .ToList();
    }

    /// <summary>Marks the flags of a value for follow-up (the reviewer's request); false when the value has no flag.</summary>
    public async Task<bool> MarkFollowUpAsync(int unitId, int periodId, int indicatorId, CancellationToken ct)
    {
        var flags = await db.ValueFlags.Where(x => x.UnitId == unitId && x.PeriodId == periodId && x.IndicatorId == indicatorId).ToListAsync(ct);
        var stamp = db.Stamp();
        foreach (var flag in flags)
        {
            (flag.FollowUp, flag.FollowUpClosed, flag.FollowUpBy, flag.FollowUpAtUtc) = (true, false, stamp.By, stamp.AtUtc);
        }

        await db.SaveChangesAsync(ct);
        return flags.Count > 0;
    }

    /// <summary>The rule's message with what was measured: the change as a multiple of last quarter, or the z-score.</summary>
    public static string Describe(ValidationRule rule, decimal? measure, Formats f) => (rule.Kind, measure) switch
    {
        (RuleKind.Change, { } m) => f.Format("Trust.ChangeMeasured", rule.MessageIn(f.IsEnglish), f.Number(m)),
        (RuleKind.Outlier, { } m) => f.Format("Trust.OutlierMeasured", rule.MessageIn(f.IsEnglish), f.Number(m)),
        _ => rule.MessageIn(f.IsEnglish),
    };

    private static bool BreaksBounds(ValidationRule rule, decimal v) => (rule.Min is { } min && v < min) || (rule.Max is { } max && v > max);

    private static decimal? OutlierZ(decimal v, List<decimal>? own, List<(int UnitId, decimal Value)>? peers, int unitId, decimal threshold)
    {
        var zOwn = own is null ? null : RobustStats.ModifiedZ(v, own);
        var others = peers?.Where(p => p.UnitId != unitId).Select(p => p.Value).ToList();
        var zPeers = others is null ? null : RobustStats.ModifiedZ(v, others);
        var z = Math.Max(zOwn ?? 0, zPeers ?? 0);
        return z > threshold ? Math.Round(z, 1) : null;
    }

    private async Task StoreAsync(int periodId, IReadOnlyList<(int UnitId, IReadOnlyList<CheckedCell> Cells)> units, List<CellWarning> warnings, CancellationToken ct)
    {
        var unitIds = units.Select(u => u.UnitId).Distinct().ToList();
        var ids = units.SelectMany(u => u.Cells).Select(c => c.IndicatorId).Distinct().ToList();
        var stored = await db.ValueFlags.Where(x => x.PeriodId == periodId && unitIds.Contains(x.UnitId) && ids.Contains(x.IndicatorId)).ToListAsync(ct);
        var saved = units.SelectMany(u => u.Cells.Select(c => (u.UnitId, c.IndicatorId))).ToHashSet();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var notes = units.SelectMany(u => u.Cells.Select(c => (u.UnitId, c.IndicatorId, c.Note))).ToDictionary(x => (x.UnitId, x.IndicatorId), x => CellRules.CleanNote(x.Note));
        foreach (var flag in stored.Where(x => saved.Contains((x.UnitId, x.IndicatorId))))
        {
            flag.Note = notes.GetValueOrDefault((flag.UnitId, flag.IndicatorId));
            var still = warnings.FirstOrDefault(w => w.UnitId == flag.UnitId && w.IndicatorId == flag.IndicatorId && w.RuleId == flag.RuleId);
            if (still is null)
            {
                db.ValueFlags.Remove(flag);
            }
            else if (still.Value != flag.Value)
            {
                (flag.Value, flag.Measure, flag.FlaggedAtUtc, flag.FollowUpClosed) = (still.Value, still.Measure, now, flag.FollowUp);
            }
        }

        foreach (var w in warnings.DistinctBy(w => (w.UnitId, w.IndicatorId, w.RuleId)))
        {
            if (!stored.Any(x => x.UnitId == w.UnitId && x.IndicatorId == w.IndicatorId && x.RuleId == w.RuleId))
            {
                db.ValueFlags.Add(new ValueFlag
                {
                    UnitId = w.UnitId, PeriodId = periodId, IndicatorId = w.IndicatorId, RuleId = w.RuleId,
                    Value = w.Value, Measure = w.Measure, FlaggedAtUtc = now, Note = notes.GetValueOrDefault((w.UnitId, w.IndicatorId)),
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<Dictionary<(int, int), decimal>> PreviousAsync(ReportingPeriod period, List<int> unitIds, List<int> ids, CancellationToken ct)
    {
        var (year, quarter) = period.Quarter == 1 ? (period.Year - 1, 4) : (period.Year, period.Quarter!.Value - 1);
        // The quarter's id from the catalogue snapshot: the values' unique (unit, period, indicator) index answers, no join.
        if (PeriodKey.OfQuarter(year, quarter).StoredIn((await catalogue.GetAsync(ct)).Quarters) is not { } previous)
        {
            return [];
        }

        var previousId = previous.Id;
        return await db.IndicatorValues.AsNoTracking()
            .Where(v => v.PeriodId == previousId && unitIds.Contains(v.UnitId) && ids.Contains(v.IndicatorId) && v.Value != null)
            .ToDictionaryAsync(v => (v.UnitId, v.IndicatorId), v => v.Value!.Value, ct);
    }

    /// <summary>The unit's own values of earlier quarters (the last five years at most).</summary>
    private async Task<Dictionary<(int, int), List<decimal>>> HistoryAsync(ReportingPeriod period, List<int> unitIds, List<int> ids, CancellationToken ct)
    {
        // The earlier quarters' ids from the catalogue snapshot (the query read them through a join on the periods and a range on
        // their year and quarter: 2 ms a save at province scale, issue 24): from the same quarter five years before.
        var (from, to) = (DefaultPeriod.SortKey(period.Year - 5, period.Quarter), DefaultPeriod.SortKey(period.Year, period.Quarter));
        var periodIds = (await catalogue.GetAsync(ct)).Quarters
            .Where(p => DefaultPeriod.SortKey(p.Year, p.Quarter) is var key && key >= from && key < to)
            .Select(p => p.Id).ToList();
        if (periodIds.Count == 0)
        {
            return [];
        }

        var rows = await db.IndicatorValues.AsNoTracking()
            .Where(v => unitIds.Contains(v.UnitId) && periodIds.Contains(v.PeriodId) && ids.Contains(v.IndicatorId) && v.Value != null)
            .Select(v => new { v.UnitId, v.IndicatorId, Value = v.Value!.Value })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.UnitId, r.IndicatorId)).ToDictionary(g => g.Key, g => g.Select(r => r.Value).ToList());
    }

    /// <summary>
    /// The values of the same quarter of the communes of the saving units' province (one in practice), from the province's copy
    /// in memory (<see cref="PeerValues"/>), with the save's own cells as they are now.
    /// </summary>
    private async Task<Dictionary<int, List<(int UnitId, decimal Value)>>> PeersAsync(int periodId, IReadOnlyList<(int UnitId, IReadOnlyList<CheckedCell> Cells)> units,
        List<int> ids, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        var writing = units.SelectMany(u => u.Cells.Select(c => (u.UnitId, c.IndicatorId))).ToHashSet();
        var peers = ids.ToDictionary(id => id, _ => new List<(int UnitId, decimal Value)>());
        foreach (var province in units.Select(u => ProvinceOf(snapshot, u.UnitId)).OfType<int>().Distinct())
        {
            var communes = snapshot.CommunesUnder(province).Select(c => c.Id).ToList();
            foreach (var (id, values) in await peerValues.GetAsync(db, snapshot, province, communes, periodId, ids, writing, ct))
            {
                peers[id].AddRange(values);
            }
        }

        foreach (var (unitId, cells) in units)
        {
            foreach (var cell in cells.Where(c => peers.ContainsKey(c.IndicatorId)))
            {
                peers[cell.IndicatorId].RemoveAll(p => p.UnitId == unitId);
                if (cell.Value is { } v)
                {
                    peers[cell.IndicatorId].Add((unitId, v));
                }
            }
        }

        return peers;
    }

    /// <summary>
    /// A save's cells reach the provinces' copies of <see cref="PeerValues"/> once they are committed: after the transaction's
    /// commit when there is one (a rollback leaves the copies as they were), at once when the write has already committed.
    /// </summary>
    private void KeepPeersCurrent(CatalogueSnapshot snapshot, int periodId, IReadOnlyList<(int UnitId, IReadOnlyList<CheckedCell> Cells)> units)
    {
        // Commune-level units only, as the copies hold them (a district's own figures are nobody's peers).
        var byProvince = units.Where(u => snapshot.Unit(u.UnitId) is { } unit && AdministrativeUnit.IsCommuneLevelKind(unit.Kind))
            .GroupBy(u => ProvinceOf(snapshot, u.UnitId))
            .Where(g => g.Key is not null)
            .Select(g => (Province: g.Key!.Value, Cells: g.SelectMany(u => u.Cells.Select(c => (u.UnitId, c.IndicatorId, c.Value))).ToList()))
            .ToList();
        void Apply() => byProvince.ForEach(p => peerValues.Apply(p.Province, periodId, p.Cells));
        if (db.Database.CurrentTransaction is null)
        {
            Apply();
        }
        else
        {
            db.PendingScopes.AfterCommit(Apply);
        }
    }

    /// <summary>A unit's province (the root of its chain); none for a unit without a parent (a province compares with nobody).</summary>
    private static int? ProvinceOf(CatalogueSnapshot snapshot, int unitId) =>
        snapshot.Unit(unitId) is { ParentId: not null } ? snapshot.RootOf(unitId) : null;

    private async Task<ExpressionContext> ExpressionContextAsync(int periodId, IReadOnlyList<(int UnitId, IReadOnlyList<CheckedCell> Cells)> units, List<ValidationRule> rules, CancellationToken ct)
    {
        var exprRules = rules.Where(r => r.Kind == RuleKind.Expression && !string.IsNullOrWhiteSpace(r.Expression)).ToList();
        if (exprRules.Count == 0)
        {
            return new ExpressionContext([], new Dictionary<string, int>(StringComparer.Ordinal), []);
        }

        var codes = _codes ??= await db.Indicators.AsNoTracking().Select(i => new { i.Code, i.Id }).ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, ct);
        var parsed = new List<(ValidationRule, RuleExpression, HashSet<int>)>();
        foreach (var rule in exprRules)
        {
            // The poverty rules name the poverty counts (RuleFigures, checked by PovertyEntryService), not indicators: they parse
            // here too, so that no save throws and catches an "unknown code" for each of them, and are left out below.
            var (expression, _) = RuleExpression.Parse(rule.Expression, code => codes.ContainsKey(code) || RuleFigures.Poverty.Contains(code));
            if (expression is not null && expression.Codes.All(codes.ContainsKey))
            {
                parsed.Add((rule, expression, expression.Codes.Select(c => codes[c]).ToHashSet()));
            }
        }

        var needed = parsed.SelectMany(p => p.Item3).Distinct().ToList();
        var unitIds = units.Select(u => u.UnitId).Distinct().ToList();
        var stored = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.PeriodId == periodId && unitIds.Contains(v.UnitId) && needed.Contains(v.IndicatorId))
            .Select(v => new { v.UnitId, v.IndicatorId, v.Value })
            .ToDictionaryAsync(v => (v.UnitId, v.IndicatorId), v => v.Value, ct);
        return new ExpressionContext(parsed, codes, stored);
    }

    private sealed record ExpressionContext(List<(ValidationRule Rule, RuleExpression Expression, HashSet<int> Ids)> Expressions, IReadOnlyDictionary<string, int> Codes, Dictionary<(int, int), decimal?> Stored)
    {
        public decimal? ValueOf(int unitId, string code, IReadOnlyList<CheckedCell> cells)
        {
            var id = Codes[code];
            var cell = cells.FirstOrDefault(c => c.IndicatorId == id);
            return cell is not null ? cell.Value : Stored.GetValueOrDefault((unitId, id));
        }
    }
}
