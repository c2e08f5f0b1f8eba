using System.Text;
using ProgramTracker.Web.Models.Dashboard;

namespace ProgramTracker.Web.Models.Reports;

/// <summary>
/// Writes the meeting brief a district presents at a steering-committee meeting, from figures already loaded:
/// each number as stored (qualifiers "ước", "hơn", "trên" kept), each group average called one,
/// every gap said as "chưa có số liệu". Pure: no storage, no clock.
/// </summary>
public static class MeetingBriefBuilder
{
    public static MeetingBrief Build(DashboardData data)
    {
        var paragraphs = new List<BriefParagraph>();
        if (WindowParagraph(data) is { } window)
        {
            paragraphs.Add(window);
        }

        var achievements = DashboardPageBuilder.Achievements(data);
        foreach (var programme in data.Sets.GroupBy(s => (s.ProgrammeCode, s.ProgrammeName, s.ProgrammeSort)).OrderBy(g => g.Key.ProgrammeSort))
        {
            paragraphs.Add(ProgrammeParagraph(data, programme.Key.ProgrammeCode, Formats.Current.Name(programme.Key.ProgrammeName, programme.First().ProgrammeNameEn), programme.ToList(),
                achievements.Where(a => a.Set.ProgrammeCode == programme.Key.ProgrammeCode).ToList()));
        }

        paragraphs.Add(PovertyParagraph(data));
        paragraphs.Add(IndicatorParagraph(data));
        paragraphs.Add(CapitalParagraph(data));
        if (data.Highlights.Count > 0)
        {
            paragraphs.Add(new BriefParagraph("highlights", Formats.Current["Summary.Highlights"],
                string.Join(" ", data.Highlights.Select(h => $"{h.Topic}: {EndSentence(h.Text)}")),
                Sources(data, data.Highlights.Select(h => (int?)h.SourceId))));
        }

        return new MeetingBrief(Formats.Current.Format("Summary.Title", data.Upper.FullName, data.Period.Label), paragraphs);
    }

    /// <summary>
    /// For a half-year or a year (issue 26.1): how its quarters were combined, and each unit and set with a quarter
    /// missing, named ("chưa có số liệu quý II: …"), since a missing quarter is never counted as zero.
    /// </summary>
    public static BriefParagraph? WindowParagraph(DashboardData data)
    {
        if (data.Combined is not { } combined)
        {
            return null;
        }

        var f = Formats.Current;
        var quarters = string.Join(", ", data.Period.Key.Quarters.Select(f.QuarterName));
        var sentences = new List<string> { f.Format("Summary.WindowRule", data.Period.Label, quarters) };
        if (!combined.AnyValues)
        {
            sentences.Add(f["Summary.WindowNoQuarter"]);
        }
        else if (combined.Gaps.Count == 0)
        {
            sentences.Add(f["Summary.WindowComplete"]);
        }
        else
        {
            var setById = data.Sets.ToDictionary(s => s.Id);
            foreach (var group in combined.Gaps.GroupBy(g => string.Join(", ", g.MissingQuarters.Select(f.QuarterName))).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var units = group.Select(g => (Unit: data.Unit(g.UnitId), Set: setById.GetValueOrDefault(g.SetId)))
                    .Where(x => x.Unit is not null && x.Set is not null)
                    .Select(x => $"{x.Unit!.FullName} ({FigureText.Lower(f.ShortName(x.Set!.Name, x.Set.NameEn))})");
                sentences.Add(f.Format("Summary.WindowMissing", group.Key, string.Join("; ", units)));
            }
        }

        return new BriefParagraph("window", f["Summary.Window"], string.Join(" ", sentences), []);
    }

    private static BriefParagraph ProgrammeParagraph(DashboardData data, string code, string name, IReadOnlyList<DashSet> sets, IReadOnlyList<AchievementView> achievements)
    {
        var sentences = new List<string>();
        var sourceIds = new List<int?>();
        var setsWithout = new List<DashSet>();
        DateOnly? lastDate = null;
        var communeSets = sets.Any(s => s.Level == UnitLevel.Commune);
        foreach (var set in sets)
        {
            var units = set.Level == UnitLevel.District ? [data.Upper] : data.Communes;
            var figures = units.Select(u => data.Figure(u.Id, set.Id, data.Period.Id)).OfType<AttainmentFigure>().ToList();
            if (figures.Count == 0)
            {
                setsWithout.Add(set);
                continue;
            }

            sourceIds.AddRange(figures.Select(f => f.SourceId));
            var statements = Statements(data, figures);
            var asOf = figures.Select(f => f.AsOf).OfType<DateOnly>().Distinct().ToList();
            // The date is said once for a run of sets reported at the same date, as a report would.
            var date = asOf.Count == 1 ? asOf[0] : (DateOnly?)null;
            var when = date is { } d && d != lastDate ? Formats.Current.Format("Summary.AsOfComma", DateLabel(d)) : "";
            lastDate = date;
            var level = set.Level == UnitLevel.District && communeSets ? Formats.Current.Format("Summary.AtDistrictLevel", Formats.Current.UnitKindName(data.Upper.Kind)) : "";
            sentences.Add(FigureText.Capitalise(when + level + Formats.Current.Format("Summary.BySet", FigureText.Lower(Formats.Current.ShortName(set.Name, set.NameEn)), string.Join("; ", statements))));
        }

        if (sets.Any(s => s.Level == UnitLevel.Commune))
        {
            var communeSetIds = sets.Where(s => s.Level == UnitLevel.Commune).Select(s => s.Id).ToList();
            var silent = data.Communes.Where(c => communeSetIds.All(id => data.Figure(c.Id, id, data.Period.Id) is null)).ToList();
            if (silent.Count > 0 && silent.Count < data.Communes.Count)
            {
                sentences.Add(Formats.Current.Format("Summary.SilentUnits", FigureText.Capitalise(string.Join(", ", silent.Select(u => u.FullName)))));
            }
        }

        if (setsWithout.Count > 0)
        {
            sentences.Add(Formats.Current.Format("Summary.SetsWithout", string.Join(", ", setsWithout.Select(s => FigureText.Lower(Formats.Current.ShortName(s.Name, s.NameEn))))));
        }

        foreach (var group in achievements.GroupBy(a => a.Figure.AsOf))
        {
            sentences.Add($"{FigureText.Capitalise(DateLabel(group.Key))}, {AchievementClause(data, group.ToList())}.");
            sourceIds.AddRange(group.Select(a => a.Figure.SourceId));
        }

        return new BriefParagraph($"programme-{code}", name, string.Join(" ", sentences), Sources(data, sourceIds));
    }

    /// <summary>"xã Nam Sơn đạt 16/19 tiêu chí, 72/75 chỉ tiêu", one per report statement, in the order of the units.</summary>
    private static List<string> Statements(DashboardData data, IReadOnlyList<AttainmentFigure> figures)
    {
        var statements = new List<(int Order, string Text)>();
        var order = data.AllUnits.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var group in figures.Where(f => f.Kind == FigureKind.GroupAverage).GroupBy(f => string.Join(',', f.ScopeUnitIds)))
        {
            var f = group.First();
            var names = f.ScopeUnitIds.Select(data.Unit).OfType<DashUnit>().ToList();
            statements.Add((names.Min(n => order[n.Id]),
                Formats.Current.Format("Summary.GroupAverage", FigureText.ScopeNoun(data, f.ScopeUnitIds), string.Join(", ", names.Select(n => n.Name)), FigureText.Achieved(f))));
        }

        foreach (var group in figures.Where(f => f.Kind == FigureKind.Reported).GroupBy(f => (f.CriteriaMet, f.IndicatorsMet, f.AsOf)))
        {
            var units = group.Select(f => data.Unit(f.UnitId)!).ToList();
            var f = group.First();
            statements.Add((units.Min(u => order[u.Id]), units.Count == 1
                ? Formats.Current.Format("Summary.UnitAchieved", units[0].FullName, FigureText.Achieved(f))
                : Formats.Current.Format("Summary.UnitsAllAchieved", units.Count, FigureText.ScopeNoun(data, units.Select(u => u.Id)), string.Join(", ", units.Select(u => u.Name)), FigureText.Achieved(f))));
        }

        foreach (var f in figures.Where(f => f.Kind == FigureKind.Computed))
        {
            var unit = data.Unit(f.UnitId)!;
            var achieved = FigureText.Achieved(f);
            var coverage = f.Computed is { } c ? Formats.Current.Format("Summary.Coverage", c.IndicatorsWithValue, c.DefinedIndicators) : "";
            statements.Add((order[unit.Id], !f.Judged || achieved.Length == 0
                ? Formats.Current.Format("Summary.ComputedNotJudged", unit.FullName, coverage)
                : Formats.Current.Format("Summary.ComputedAchieved", unit.FullName, achieved, coverage)));
        }

        return statements.OrderBy(s => s.Order).Select(s => s.Text).ToList();
    }

    /// <summary>"7/7 xã đạt chuẩn nông thôn mới, trong đó 02 xã đạt chuẩn nông thôn mới nâng cao; huyện Ba Chẽ đạt chuẩn nông thôn mới".</summary>
    private static string AchievementClause(DashboardData data, IReadOnlyList<AchievementView> achievements)
    {
        var communeClauses = new List<string>();
        var districtClauses = new List<string>();
        AchievementView? first = null;
        foreach (var a in achievements)
        {
            var standard = FigureText.StandardName(a.Set);
            var scope = a.Figure.ScopeUnitIds;
            if (a.Set.Level == UnitLevel.District || scope.Count == 1)
            {
                var unit = scope.Count == 1 ? data.Unit(scope[0]) : null;
                var subject = unit?.FullName ?? data.Upper.FullName;
                districtClauses.Add(Formats.Current.Format(a.Figure.UnitsAchieved >= 1 ? "Summary.MeetsStandard" : "Summary.DoesNotMeetStandard", subject, standard));
                continue;
            }

            var noun = FigureText.ScopeNoun(data, scope);
            var count = a.Figure.UnitsAchieved >= scope.Count
                ? $"{a.Figure.UnitsAchieved}/{scope.Count} {noun}"
                : $"{FigureText.Works(a.Figure.UnitsAchieved)} {noun}";
            var nested = first is not null && first.Set.Tier < a.Set.Tier && first.Figure.ScopeUnitIds.SequenceEqual(scope);
            communeClauses.Add(Formats.Current.Format(nested ? "Summary.OfWhichMeet" : "Summary.CountMeet", count, standard));
            first ??= a;
        }

        var communes = string.Join(", ", communeClauses);
        var all = new[] { communes }.Where(c => c.Length > 0).Concat(districtClauses);
        return string.Join("; ", all);
    }

    private static BriefParagraph PovertyParagraph(DashboardData data)
    {
        var figures = data.Poverty.Where(p => p.PeriodId == data.Period.Id).ToList();
        var sentences = new List<string>();
        foreach (var unit in data.AllUnits)
        {
            var own = data.Standards.Select(s => (Standard: s, Figure: figures.FirstOrDefault(f => f.UnitId == unit.Id && f.StandardId == s.Id)))
                .Where(x => x.Figure is not null).ToList();
            if (own.Count == 0)
            {
                continue;
            }

            var where = unit.IsDistrict ? Formats.Current.Format("Summary.Whole", unit.FullName) : unit.FullName;
            var clauses = own.Select(x =>
                Formats.Current.Format("Summary.PovertyClause", Formats.Current.IsEnglish ? x.Standard.Label : FigureText.Lower(x.Standard.Label), where, Formats.Current.Percent(x.Figure!.PoorRate, Formats.Current["Value.NoData"]),
                    Formats.Current.Percent(x.Figure.NearPoorRate, Formats.Current["Value.NoData"]), FigureText.PovertyOriginLabel(x.Figure.Origin)));
            var asOf = own.Select(x => x.Figure!.AsOf).OfType<DateOnly>().Distinct().ToList();
            var when = asOf.Count == 1 ? FigureText.Capitalise(Formats.Current.Format("Summary.AsOfComma", DateLabel(asOf[0]))) : "";
            sentences.Add(FigureText.Capitalise($"{when}{string.Join("; ", clauses)}."));
        }

        if (sentences.Count == 0)
        {
            sentences.Add(Formats.Current.Format("Summary.NoPoverty", data.Period.Label));
        }

        return new BriefParagraph("poverty", Formats.Current["Summary.PovertyHeading"], string.Join(" ", sentences), Sources(data, figures.Select(f => f.SourceId)));
    }

    private static BriefParagraph IndicatorParagraph(DashboardData data)
    {
        var sentences = new List<string>();
        var sourceIds = new List<int?>();
        var targets = data.Targets.Where(t => t.UnitId == data.Upper.Id).ToList();
        foreach (var t in targets)
        {
            var unit = string.IsNullOrEmpty(t.Unit) ? "" : $" {Formats.Current.MeasureUnit(t.Unit)}";
            var name = Formats.Current.InSentence(t.IndicatorName, t.IndicatorNameEn);
            var goal = Formats.Current.Format("Summary.Goal", t.Year, ComparatorWord(t.Comparator), Formats.Current.Number(t.Target), unit);
            if (t.Actual is not { } actual)
            {
                sentences.Add(Formats.Current.Format("Summary.GoalNoActual", name, goal));
                sourceIds.Add(t.SourceId);
                continue;
            }

            var verb = t.ActualQualifier switch
            {
                ValueQualifier.Estimate => Formats.Current["Summary.VerbEstimated"],
                ValueQualifier.MoreThan => Formats.Current["Summary.VerbOver"],
                _ => Formats.Current["Summary.VerbReached"],
            };
            var gap = Math.Abs(actual - t.Target);
            var verdict = t.Met == true
                ? gap == 0 ? Formats.Current["Summary.TargetMet"] : Formats.Current.Format("Summary.TargetExceeded", Formats.Current.Number(gap), unit)
                : Formats.Current.Format(t.Comparator == Comparator.AtMost ? "Summary.TargetAbove" : "Summary.TargetShort", Formats.Current.Number(gap), unit);
            sentences.Add(Formats.Current.Format("Summary.TargetSentence", name, t.Year, verb, Formats.Current.Number(actual), unit, goal, verdict));
            sourceIds.Add(t.SourceId);
            sourceIds.Add(t.ActualSourceId);
        }

        var targeted = targets.Select(t => t.IndicatorId).ToHashSet();
        var others = data.UpperFigures.Where(f => !targeted.Contains(f.IndicatorId)).ToList();
        if (others.Count > 0)
        {
            var clauses = others.Select(f =>
            {
                var when = f.PeriodId != data.Period.Id && f.AsOf is { } d ? $" ({DateLabel(d)})" : "";
                var value = Formats.Current.Value(f.Value, f.ValueType, f.Unit);
                var phrase = f.Qualifier switch
                {
                    ValueQualifier.Estimate => Formats.Current.Format("Summary.IsEstimated", value),
                    ValueQualifier.MoreThan => Formats.Current.Format("Summary.IsOver", value),
                    _ => Formats.Current.Format("Summary.Is", value),
                };
                return $"{FigureText.Lower(Formats.Current.InSentence(f.Name, f.NameEn))}{when} {phrase}";
            });
            sentences.Add(Formats.Current.Format("Summary.OtherIndicators", data.Upper.FullName, string.Join("; ", clauses)));
            sourceIds.AddRange(others.Select(f => f.SourceId));
        }

        if (sentences.Count == 0)
        {
            sentences.Add(Formats.Current.Format("Summary.NoDistrictIndicators", data.Period.Label, data.Upper.FullName));
        }

        return new BriefParagraph("indicators", Formats.Current.Format("Summary.IndicatorsHeading", data.Upper.FullName), string.Join(" ", sentences), Sources(data, sourceIds));
    }

    private static BriefParagraph CapitalParagraph(DashboardData data)
    {
        var rows = DashboardPageBuilder.Capital(data.Capital);
        var sentences = new List<string>();
        foreach (var row in rows)
        {
            var parts = new List<string>();
            foreach (var measure in new[] { CapitalMeasure.Planned, CapitalMeasure.Allocated, CapitalMeasure.Disbursed, CapitalMeasure.Mobilised })
            {
                if (row.Get(measure) is not { } line)
                {
                    continue;
                }

                var works = line.WorksCount is { } w ? Formats.Current.Format("Summary.Works", FigureText.Works(w)) : "";
                var asOf = line.AsOf is { } d ? $" ({Formats.Current.Format("Common.AsOf", DateLabel(d))})" : "";
                parts.Add($"{MeasurePhrase(measure, row.Kind)} {FigureText.Amount(line)}{works}{asOf}");
            }

            if (row.RateBase is not null || row.Get(CapitalMeasure.Disbursed) is not null)
            {
                parts.Add(row.Rate is not null ? Formats.Current.Format("Summary.DisbursementRate", row.RateText) : row.RateText);
            }

            // The programme by its English name for an English reader where one is stored (the catalogue keeps the official Vietnamese).
            var programme = Formats.Current.ShortName(row.ProgrammeName, data.Sets.FirstOrDefault(s => s.ProgrammeCode == row.ProgrammeCode)?.ProgrammeNameEn);
            var subject = programme + (row.ProjectLabel is { } p ? $", {FigureText.Lower(p)}" : "")
                + (row.FundingSource is { } f ? Formats.Current.Format("Summary.FundingSource", f) : "") + (row.UpperOwn ? "" : Formats.Current["Summary.CommunesAdded"]);
            sentences.Add($"{subject}: {string.Join("; ", parts)}.");
        }

        if (sentences.Count == 0)
        {
            sentences.Add(Formats.Current.Format("Summary.NoCapital", data.Period.Label));
        }

        return new BriefParagraph("capital", Formats.Current["Unit.Capital"], string.Join(" ", sentences),
            Sources(data, rows.SelectMany(r => r.SourceIds).Select(i => (int?)i)));
    }

    private static string MeasurePhrase(CapitalMeasure measure, CapitalKind kind)
    {
        var kindText = kind is CapitalKind.Investment or CapitalKind.Recurrent ? Formats.Current[$"Summary.Kind{kind}"] : "";
        return Formats.Current.Format($"Summary.Measure{measure}", kindText);
    }

    private static string ComparatorWord(Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => Formats.Current["Summary.AtLeast"],
        Comparator.AtMost => Formats.Current["Summary.AtMost"],
        _ => "",
    };

    /// <summary>"cuối năm 2022" / "the end of 2022" for 31 December, else "ngày 24/08/2023" / "24 Aug 2023".</summary>
    public static string DateLabel(DateOnly date) => date is { Month: 12, Day: 31 }
        ? Formats.Current.Format("Summary.YearEnd", date.Year)
        : Formats.Current.Format("Summary.OnDate", Formats.Current.Date(date));

    private static string EndSentence(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";

    private static IReadOnlyList<SourceRef> Sources(DashboardData data, IEnumerable<int?> ids) =>
        ids.OfType<int>().Distinct().Select(i => data.Source(i)).OfType<SourceRef>().DistinctBy(s => s.Code).ToList();
}
