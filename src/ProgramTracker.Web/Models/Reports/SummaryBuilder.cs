using System.Text;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;
using ProgramTracker.Web.Infrastructure;
using ProgramTracker.Web.Models.Dashboard;

namespace ProgramTracker.Web.Models.Reports;

public sealed record SummaryParagraph(string Id, string Heading, string Text, IReadOnlyList<SourceRef> Sources);

public sealed record SummaryText(string Title, IReadOnlyList<SummaryParagraph> Paragraphs)
{
    /// <summary>The text the copy button puts on the clipboard: headings, paragraphs and their sources.</summary>
    public string PlainText
    {
        get
        {
            var text = new StringBuilder(Title).Append('\n');
            foreach (var p in Paragraphs)
            {
                text.Append('\n').Append(p.Heading).Append('\n').Append(p.Text).Append('\n');
                if (p.Sources.Count > 0)
                {
                    text.Append("(Nguồn: ").Append(string.Join("; ", p.Sources.Select(s => s.Citation))).Append(")\n");
                }
            }

            return text.ToString();
        }
    }
}

/// <summary>
/// Writes the summary a district presents at a steering-committee meeting, from figures already loaded:
/// each number as stored (qualifiers "ước", "hơn", "trên" kept), each group average called one,
/// every gap said as "chưa có số liệu". Pure: no storage, no clock.
/// </summary>
public static class SummaryBuilder
{
    public static SummaryText Build(DashboardData data)
    {
        var paragraphs = new List<SummaryParagraph>();
        var achievements = DashboardView.Achievements(data);
        foreach (var programme in data.Sets.GroupBy(s => (s.ProgrammeCode, s.ProgrammeName, s.ProgrammeSort)).OrderBy(g => g.Key.ProgrammeSort))
        {
            paragraphs.Add(ProgrammeParagraph(data, programme.Key.ProgrammeCode, programme.Key.ProgrammeName, programme.ToList(),
                achievements.Where(a => a.Set.ProgrammeCode == programme.Key.ProgrammeCode).ToList()));
        }

        paragraphs.Add(PovertyParagraph(data));
        paragraphs.Add(IndicatorParagraph(data));
        paragraphs.Add(CapitalParagraph(data));
        if (data.Highlights.Count > 0)
        {
            paragraphs.Add(new SummaryParagraph("highlights", "Nội dung nổi bật",
                string.Join(" ", data.Highlights.Select(h => $"{h.Topic}: {EndSentence(h.Text)}")),
                Sources(data, data.Highlights.Select(h => (int?)h.SourceId))));
        }

        return new SummaryText($"Tóm tắt kết quả thực hiện các Chương trình mục tiêu quốc gia – {data.District.FullName}, {data.Period.Label}", paragraphs);
    }

    private static SummaryParagraph ProgrammeParagraph(DashboardData data, string code, string name, IReadOnlyList<DashSet> sets, IReadOnlyList<AchievementView> achievements)
    {
        var sentences = new List<string>();
        var sourceIds = new List<int?>();
        var setsWithout = new List<DashSet>();
        DateOnly? lastDate = null;
        var communeSets = sets.Any(s => s.Level == UnitLevel.Commune);
        foreach (var set in sets)
        {
            var units = set.Level == UnitLevel.District ? [data.District] : data.Communes;
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
            var when = date is { } d && d != lastDate ? $"tính đến {DateLabel(d)}, " : "";
            lastDate = date;
            var level = set.Level == UnitLevel.District && communeSets ? "ở cấp huyện, " : "";
            sentences.Add(DashboardView.Capitalise($"{when}{level}theo {DashboardView.Lower(set.Name)}, {string.Join("; ", statements)}."));
        }

        if (sets.Any(s => s.Level == UnitLevel.Commune))
        {
            var communeSetIds = sets.Where(s => s.Level == UnitLevel.Commune).Select(s => s.Id).ToList();
            var silent = data.Communes.Where(c => communeSetIds.All(id => data.Figure(c.Id, id, data.Period.Id) is null)).ToList();
            if (silent.Count > 0 && silent.Count < data.Communes.Count)
            {
                sentences.Add($"{DashboardView.Capitalise(string.Join(", ", silent.Select(u => u.FullName)))} chưa có số liệu đánh giá trong kỳ.");
            }
        }

        if (setsWithout.Count > 0)
        {
            sentences.Add($"Chưa có số liệu trong kỳ đối với {string.Join(", ", setsWithout.Select(s => DashboardView.Lower(s.Name)))}.");
        }

        foreach (var group in achievements.GroupBy(a => a.Figure.AsOf))
        {
            sentences.Add($"{DashboardView.Capitalise(DateLabel(group.Key))}, {AchievementClause(data, group.ToList())}.");
            sourceIds.AddRange(group.Select(a => a.Figure.SourceId));
        }

        return new SummaryParagraph($"programme-{code}", name, string.Join(" ", sentences), Sources(data, sourceIds));
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
                $"các {DashboardView.ScopeNoun(data, f.ScopeUnitIds)} {string.Join(", ", names.Select(n => n.Name))} bình quân đạt {DashboardView.Achieved(f)}"));
        }

        foreach (var group in figures.Where(f => f.Kind == FigureKind.Reported).GroupBy(f => (f.CriteriaMet, f.IndicatorsMet, f.AsOf)))
        {
            var units = group.Select(f => data.Unit(f.UnitId)!).ToList();
            var f = group.First();
            var subject = units.Count == 1
                ? $"{units[0].FullName} đạt"
                : $"{units.Count} {DashboardView.ScopeNoun(data, units.Select(u => u.Id))} {string.Join(", ", units.Select(u => u.Name))} đều đạt";
            statements.Add((units.Min(u => order[u.Id]), $"{subject} {DashboardView.Achieved(f)}"));
        }

        foreach (var f in figures.Where(f => f.Kind == FigureKind.Computed))
        {
            var unit = data.Unit(f.UnitId)!;
            var achieved = DashboardView.Achieved(f);
            var coverage = f.Computed is { } c ? $", {c.IndicatorsWithValue}/{c.DefinedIndicators} chỉ tiêu trong danh mục đã có số liệu" : "";
            statements.Add((order[unit.Id], !f.Judged || achieved.Length == 0
                ? $"{unit.FullName} đã nhập số liệu nhưng chưa đủ ngưỡng để đánh giá (tính từ số liệu{coverage})"
                : $"{unit.FullName} đạt {achieved} (tính từ số liệu đã nhập{coverage})"));
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
            var standard = DashboardView.StandardName(a.Set);
            var scope = a.Figure.ScopeUnitIds;
            if (a.Set.Level == UnitLevel.District || scope.Count == 1)
            {
                var unit = scope.Count == 1 ? data.Unit(scope[0]) : null;
                var subject = unit?.FullName ?? data.District.FullName;
                districtClauses.Add(a.Figure.UnitsAchieved >= 1 ? $"{subject} đạt chuẩn {standard}" : $"{subject} chưa đạt chuẩn {standard}");
                continue;
            }

            var noun = DashboardView.ScopeNoun(data, scope);
            var count = a.Figure.UnitsAchieved >= scope.Count
                ? $"{a.Figure.UnitsAchieved}/{scope.Count} {noun}"
                : $"{DashboardView.Works(a.Figure.UnitsAchieved)} {noun}";
            var nested = first is not null && first.Set.Tier < a.Set.Tier && first.Figure.ScopeUnitIds.SequenceEqual(scope);
            communeClauses.Add(nested ? $"trong đó {count} đạt chuẩn {standard}" : $"{count} đạt chuẩn {standard}");
            first ??= a;
        }

        var communes = string.Join(", ", communeClauses);
        var all = new[] { communes }.Where(c => c.Length > 0).Concat(districtClauses);
        return string.Join("; ", all);
    }

    private static SummaryParagraph PovertyParagraph(DashboardData data)
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

            var where = unit.IsDistrict ? $"toàn {unit.FullName}" : unit.FullName;
            var clauses = own.Select(x =>
                $"theo {DashboardView.Lower(x.Standard.ShortName)}, tỷ lệ hộ nghèo {where} là {Formats.Current.Percent(x.Figure!.PoorRate, "chưa có số liệu")}, "
                + $"tỷ lệ hộ cận nghèo là {Formats.Current.Percent(x.Figure.NearPoorRate, "chưa có số liệu")} ({DashboardView.PovertyOriginLabel(x.Figure.Origin)})");
            var asOf = own.Select(x => x.Figure!.AsOf).OfType<DateOnly>().Distinct().ToList();
            var when = asOf.Count == 1 ? $"Tính đến {DateLabel(asOf[0])}, " : "";
            sentences.Add(DashboardView.Capitalise($"{when}{string.Join("; ", clauses)}."));
        }

        if (sentences.Count == 0)
        {
            sentences.Add($"Chưa có số liệu tỷ lệ hộ nghèo, cận nghèo trong {data.Period.Label}.");
        }

        return new SummaryParagraph("poverty", "Giảm nghèo", string.Join(" ", sentences), Sources(data, figures.Select(f => f.SourceId)));
    }

    private static SummaryParagraph IndicatorParagraph(DashboardData data)
    {
        var sentences = new List<string>();
        var sourceIds = new List<int?>();
        var targets = data.Targets.Where(t => t.UnitId == data.District.Id).ToList();
        foreach (var t in targets)
        {
            var unit = string.IsNullOrEmpty(t.Unit) ? "" : $" {t.Unit}";
            var goal = $"mục tiêu năm {t.Year} là {ComparatorWord(t.Comparator)}{Formats.Current.Number(t.Target)}{unit}";
            if (t.Actual is not { } actual)
            {
                sentences.Add($"{t.IndicatorName}: {goal}; chưa có số liệu thực hiện.");
                sourceIds.Add(t.SourceId);
                continue;
            }

            var verb = t.ActualQualifier switch
            {
                ValueQualifier.Estimate => "ước đạt",
                ValueQualifier.MoreThan => "đạt trên",
                _ => "đạt",
            };
            var gap = Math.Abs(actual - t.Target);
            var verdict = t.Met == true
                ? gap == 0 ? "đạt mục tiêu" : $"vượt mục tiêu {Formats.Current.Number(gap)}{unit}"
                : t.Comparator == Comparator.AtMost ? $"còn cao hơn mục tiêu {Formats.Current.Number(gap)}{unit}" : $"còn thiếu {Formats.Current.Number(gap)}{unit} so với mục tiêu";
            sentences.Add($"{t.IndicatorName} năm {t.Year} {verb} {Formats.Current.Number(actual)}{unit}; {goal}, {verdict}.");
            sourceIds.Add(t.SourceId);
            sourceIds.Add(t.ActualSourceId);
        }

        var targeted = targets.Select(t => t.IndicatorId).ToHashSet();
        var others = data.DistrictFigures.Where(f => !targeted.Contains(f.IndicatorId)).ToList();
        if (others.Count > 0)
        {
            var clauses = others.Select(f =>
            {
                var when = f.PeriodId != data.Period.Id && f.AsOf is { } d ? $" ({DateLabel(d)})" : "";
                var value = Formats.Current.Value(f.Value, f.ValueType, f.Unit);
                var phrase = f.Qualifier switch
                {
                    ValueQualifier.Estimate => $"ước đạt {value}",
                    ValueQualifier.MoreThan => $"đạt trên {value}",
                    _ => $"là {value}",
                };
                return $"{DashboardView.Lower(f.Name)}{when} {phrase}";
            });
            sentences.Add($"Các chỉ tiêu khác của {data.District.FullName}: {string.Join("; ", clauses)}.");
            sourceIds.AddRange(others.Select(f => f.SourceId));
        }

        if (sentences.Count == 0)
        {
            sentences.Add($"Chưa có số liệu chỉ tiêu cấp huyện trong {data.Period.Label}.");
        }

        return new SummaryParagraph("indicators", "Thu nhập và các chỉ tiêu của huyện", string.Join(" ", sentences), Sources(data, sourceIds));
    }

    private static SummaryParagraph CapitalParagraph(DashboardData data)
    {
        var rows = DashboardView.Capital(data.Capital);
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

                var works = line.WorksCount is { } w ? $", bố trí cho {DashboardView.Works(w)} dự án, công trình" : "";
                var asOf = line.AsOf is { } d ? $" (đến {DateLabel(d)})" : "";
                parts.Add($"{MeasurePhrase(measure, row.Kind)} {DashboardView.Amount(line)}{works}{asOf}");
            }

            if (row.RateBase is not null || row.Get(CapitalMeasure.Disbursed) is not null)
            {
                parts.Add(row.Rate is not null ? $"tỷ lệ giải ngân {row.RateText} (tính từ số liệu)" : row.RateText);
            }

            var subject = row.ProgrammeName + (row.ProjectLabel is { } p ? $", {DashboardView.Lower(p)}" : "")
                + (row.FundingSource is { } f ? $", nguồn {f}" : "") + (row.DistrictOwn ? "" : " (cộng các xã)");
            sentences.Add($"{subject}: {string.Join("; ", parts)}.");
        }

        if (sentences.Count == 0)
        {
            sentences.Add($"Chưa có số liệu nguồn vốn trong {data.Period.Label}.");
        }

        return new SummaryParagraph("capital", "Nguồn vốn", string.Join(" ", sentences),
            Sources(data, rows.SelectMany(r => r.SourceIds).Select(i => (int?)i)));
    }

    private static string MeasurePhrase(CapitalMeasure measure, CapitalKind kind)
    {
        var kindText = kind switch
        {
            CapitalKind.Investment => " đầu tư phát triển",
            CapitalKind.Recurrent => " sự nghiệp",
            _ => "",
        };
        return measure switch
        {
            CapitalMeasure.Planned => $"kế hoạch vốn{kindText} được giao",
            CapitalMeasure.Allocated => $"kế hoạch vốn{kindText} đã phân bổ",
            CapitalMeasure.Disbursed => $"vốn{kindText} đã giải ngân",
            _ => $"tổng vốn huy động{kindText}",
        };
    }

    private static string ComparatorWord(Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => "tối thiểu ",
        Comparator.AtMost => "tối đa ",
        _ => "",
    };

    /// <summary>"cuối năm 2022" for 31 December, else "ngày 24/08/2023".</summary>
    public static string DateLabel(DateOnly date) => date is { Month: 12, Day: 31 } ? $"cuối năm {date.Year}" : $"ngày {Formats.Current.Date(date)}";

    private static string EndSentence(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";

    private static IReadOnlyList<SourceRef> Sources(DashboardData data, IEnumerable<int?> ids) =>
        ids.OfType<int>().Distinct().Select(i => data.Source(i)).OfType<SourceRef>().DistinctBy(s => s.Code).ToList();
}

public sealed record SummaryPage(DashboardData Data, SummaryText Summary, bool Print);
