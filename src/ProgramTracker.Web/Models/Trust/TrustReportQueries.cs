using ProgramTracker.Web.Models.Dashboard;

namespace ProgramTracker.Web.Models.Trust;

/// <summary>One unit and set in the completeness report: how its form for the quarter stands.</summary>
public sealed record CompletenessRow(string UnitName, string EntryPath, string SetName, string? SetNameEn, SubmissionStatus Status, DateOnly? SubmittedOn, int? LateDays)
{
    public bool Missing => SubmittedOn is null;

    public bool OnTime => LateDays is 0;
}

/// <summary>Reporting rates of one quarter: forms expected, sent, sent by the deadline.</summary>
public sealed record CompletenessRate(string Period, int Expected, int Submitted, int OnTime)
{
    public decimal? SubmittedRate => Expected == 0 ? null : Math.Round(100m * Submitted / Expected, 1);

    public decimal? OnTimeRate => Expected == 0 ? null : Math.Round(100m * OnTime / Expected, 1);
}

public sealed record CompletenessPage(
    string UnitSlug, string UnitName, ReportingPeriod Period, IReadOnlyList<ReportingPeriod> Periods, IReadOnlyList<CompletenessRow> Rows,
    IReadOnlyList<CompletenessRate> Rates, ChartSpec Chart)
{
    public int OnTime => Rows.Count(r => r.OnTime);
    public int Late => Rows.Count(r => r.LateDays > 0);
    public int Missing => Rows.Count(r => r.Missing);
    public int Approved => Rows.Count(r => r.Status == SubmissionStatus.Approved);
    public int Returned => Rows.Count(r => r.Status == SubmissionStatus.Returned);
}

/// <summary>A warned value in the validation report, linking to its cell.</summary>
public sealed record FlaggedValue(string UnitName, string CellPath, string IndicatorCode, string IndicatorName, decimal? Value, string? Note, bool FollowUp, bool FollowUpClosed);

public sealed record RuleGroup(string RuleCode, string RuleName, string Message, IReadOnlyList<FlaggedValue> Values);

public sealed record ValidationPage(string UnitSlug, string UnitName, ReportingPeriod Period, IReadOnlyList<ReportingPeriod> Periods, IReadOnlyList<RuleGroup> Rules)
{
    public int FollowUpsOpen => Rules.SelectMany(r => r.Values).Count(v => v.FollowUp && !v.FollowUpClosed);
    public int FollowUpsClosed => Rules.SelectMany(r => r.Values).Count(v => v.FollowUp && v.FollowUpClosed);
}

/// <summary>
/// The two reports of issue 25 for a unit (a province, a district or one commune) and a quarter: who reported on time
/// (completeness) and which stored values break a soft rule (validation). Bounded queries whatever the number of communes:
/// units, sets, submissions (grouped for the eight quarters' rates), flags.
/// </summary>
public sealed class TrustReportQueries(ProgramTrackerDbContext db, CurrentCatalogue catalogue, TimeProvider clock)
{
    /// <summary>Vietnam's dates: a form sent at 23:30 on the deadline day (UTC+7) is on time.</summary>
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public async Task<(int Id, string Slug, string Name)?> UnitAsync(string? slug, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Slug == slug).Select(u => new { u.Id, u.Slug, u.Kind, u.Name }).FirstOrDefaultAsync(ct) is { } u
            ? (u.Id, u.Slug, AdministrativeUnit.FullNameOf(u.Kind, u.Name))
            : null;

    /// <summary>The quarter named, or the latest begun by today; null when the code names no stored quarter.</summary>
    public async Task<(ReportingPeriod? Period, List<ReportingPeriod> Quarters)> PeriodAsync(string? code, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var quarters = (await catalogue.GetAsync(ct)).Quarters.Where(p => p.StartsOn <= today).ToList();
        var period = string.IsNullOrEmpty(code) ? quarters.FirstOrDefault() : quarters.FirstOrDefault(p => p.Code == code);
        return (period, quarters);
    }

    /// <summary>
    /// The completeness report of a unit and quarter bound by the page's binders (the latest quarter begun when none is
    /// named); null when the quarter has not begun.
    /// </summary>
    public async Task<CompletenessPage?> CompletenessAsync(Units.UnitHeader unit, Core.Periods.PeriodKey? period, CancellationToken ct) =>
        await PeriodAsync(period?.Code, ct) is ({ } quarter, var quarters) ? await CompletenessAsync((unit.Id, unit.Slug, unit.FullName), quarter, quarters, ct) : null;

    /// <summary>The validation report of a unit and quarter bound by the page's binders; null when the quarter has not begun.</summary>
    public async Task<ValidationPage?> ValidationAsync(Units.UnitHeader unit, Core.Periods.PeriodKey? period, CancellationToken ct) =>
        await PeriodAsync(period?.Code, ct) is ({ } quarter, var quarters) ? await ValidationAsync((unit.Id, unit.Slug, unit.FullName), quarter, quarters, ct) : null;

    public async Task<CompletenessPage> CompletenessAsync((int Id, string Slug, string Name) unit, ReportingPeriod period, List<ReportingPeriod> quarters, CancellationToken ct)
    {
        var communes = await CommunesAsync(unit.Id, ct);
        // The communes, the quarters and the sets with indicators from the catalogue snapshot (ADR 0010): one query, the submissions.
        var sets = (await catalogue.GetAsync(ct)).Sets.Where(s => s.Level == UnitLevel.Commune && s.DefinedIndicators > 0).OrderBy(s => s.SortOrder).ToList();
        var trend = quarters.Where(q => ProgramTracker.Core.Periods.DefaultPeriod.SortKey(q.Year, q.Quarter) <= ProgramTracker.Core.Periods.DefaultPeriod.SortKey(period.Year, period.Quarter)).Take(8).Reverse().ToList();
        var trendIds = trend.Select(q => q.Id).ToList();
        var unitIds = communes.Select(c => c.Id).ToList();
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => trendIds.Contains(s.PeriodId) && unitIds.Contains(s.UnitId))
            .Select(s => new { s.UnitId, s.CriteriaSetId, s.PeriodId, s.Status, s.SubmittedAtUtc })
            .ToListAsync(ct);
        var byKey = submissions.ToDictionary(s => (s.UnitId, s.CriteriaSetId, s.PeriodId));

        int? LateDays(DateTime? submittedAtUtc, DateOnly? deadline) =>
            submittedAtUtc is { } at ? (deadline is { } d ? Math.Max(0, DateOnly.FromDateTime(at + Vietnam).DayNumber - d.DayNumber) : 0) : null;

        var rows = new List<CompletenessRow>();
        var rates = new List<CompletenessRate>();
        foreach (var q in trend)
        {
            var (expected, sent, onTime) = (0, 0, 0);
            foreach (var c in communes.Where(c => AdministrativeUnit.Overlaps(c.ValidFrom, c.ValidTo, q.StartsOn, q.EndsOn)))
            {
                foreach (var s in sets.Where(s => AdministrativeUnit.Overlaps(s.ValidFrom, s.ValidTo, q.StartsOn, q.EndsOn)))
                {
                    var sub = byKey.GetValueOrDefault((c.Id, s.Id, q.Id));
                    var late = LateDays(sub?.SubmittedAtUtc, q.Deadline);
                    expected++;
                    sent += late is null ? 0 : 1;
                    onTime += late is 0 ? 1 : 0;
                    if (q.Id == period.Id)
                    {
                        rows.Add(new CompletenessRow(AdministrativeUnit.FullNameOf(c.Kind, c.Name), EntryWorkbook.WorkbookQueries.EntryPath(c.Kind, c.Slug, q.Code), s.Name, s.NameEn,
                            sub?.Status ?? SubmissionStatus.Draft, sub?.SubmittedAtUtc is { } at ? DateOnly.FromDateTime(at + Vietnam) : null, late));
                    }
                }
            }

            rates.Add(new CompletenessRate(q.Label, expected, sent, onTime));
        }

        var f = Formats.Current;
        var chart = new ChartSpec("completeness", f.Format("Trust.CompletenessChart", unit.Name), "%", 100m, rates.Select(r => r.Period).ToList(),
        [
            new ChartSeries(f["Trust.RateSubmitted"], rates.Select(r => r.SubmittedRate).ToList(), rates.Select(_ => (string?)null).ToList()),
            new ChartSeries(f["Trust.RateOnTime"], rates.Select(r => r.OnTimeRate).ToList(), rates.Select(_ => (string?)null).ToList()),
        ], "%");
        return new CompletenessPage(unit.Slug, unit.Name, period, quarters, rows.OrderBy(r => r.Missing ? 0 : r.LateDays > 0 ? 1 : 2).ThenBy(r => r.UnitName, StringComparer.Ordinal).ToList(), rates, chart);
    }

    public async Task<ValidationPage> ValidationAsync((int Id, string Slug, string Name) unit, ReportingPeriod period, List<ReportingPeriod> quarters, CancellationToken ct)
    {
        var unitIds = (await CommunesAsync(unit.Id, ct)).Select(c => c.Id).Append(unit.Id).ToList();
        var english = Formats.Current.IsEnglish;
        var flags = await db.ValueFlags.AsNoTracking()
            .Where(fl => fl.PeriodId == period.Id && unitIds.Contains(fl.UnitId))
            .Select(fl => new
            {
                RuleCode = fl.Rule.Code, RuleName = english ? fl.Rule.NameEn : fl.Rule.Name, Message = english ? fl.Rule.MessageEn : fl.Rule.Message,
                fl.Unit.Kind, UnitName = fl.Unit.Name, fl.Unit.Slug, fl.IndicatorId, fl.Indicator.Code, IndicatorName = fl.Indicator.Name, fl.Value, fl.Note, fl.FollowUp, fl.FollowUpClosed,
            })
            .ToListAsync(ct);
        var groups = flags.GroupBy(x => (x.RuleCode, x.RuleName, x.Message))
            .OrderByDescending(g => g.Count())
            .Select(g => new RuleGroup(g.Key.RuleCode, g.Key.RuleName, g.Key.Message, g
                .OrderBy(x => x.UnitName, StringComparer.Ordinal).ThenBy(x => x.Code, StringComparer.Ordinal)
                .Select(x => new FlaggedValue(AdministrativeUnit.FullNameOf(x.Kind, x.UnitName),
                    $"{EntryWorkbook.WorkbookQueries.EntryPath(x.Kind, x.Slug, period.Code)}#cell-{x.IndicatorId}",
                    x.Code, x.IndicatorName, x.Value, x.Note, x.FollowUp, x.FollowUpClosed)).ToList()))
            .ToList();
        return new ValidationPage(unit.Slug, unit.Name, period, quarters, groups);
    }

    /// <summary>The commune-level units of a unit: itself when it is one, else its children and grandchildren.</summary>
    private async Task<List<UnitNode>> CommunesAsync(int unitId, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        return snapshot.Unit(unitId) is not { } unit ? []
            : AdministrativeUnit.IsCommuneLevelKind(unit.Kind) ? [unit]
            : snapshot.CommunesUnder(unitId).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
    }
}
