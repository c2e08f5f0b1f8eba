namespace ProgramTracker.Web.Models.Dashboard;

/// <summary>How the dashboard, the meeting brief and the export say a figure in words, in the reader's language.</summary>
public static class FigureText
{
    /// <summary>A share (0–1) as "84,2 %".</summary>
    public static string Percent(decimal share) => Formats.Current.Percent(Math.Round(share * 100m, 1));

    /// <summary>"16/19 tiêu chí"; a computed count is shown only against declared criteria.</summary>
    private static string? CriteriaRatio(AttainmentFigure f) =>
        f.CriteriaMet is null || (f.Kind == FigureKind.Computed && f.CriteriaDeclared is null)
            ? null
            : Formats.Current.Format("Dash.CriteriaRatio", Formats.Current.Ratio(f.CriteriaMet, f.CriteriaDeclared));

    public static string? IndicatorsText(AttainmentFigure f) =>
        f.IndicatorsMet is null ? null : Formats.Current.Format("Dash.IndicatorsRatio", Formats.Current.Ratio(f.IndicatorsMet, f.IndicatorsDeclared));

    /// <summary>"16/19 tiêu chí, 72/75 chỉ tiêu"; "1/3 tiêu chí (2 chưa đánh giá được)" where criteria cannot be judged.</summary>
    public static string Achieved(AttainmentFigure f) =>
        string.Join(", ", new[] { CriteriaText(f), IndicatorsText(f) }.OfType<string>());

    /// <summary>"16/19 tiêu chí"; with "(2 chưa đánh giá được)" when criteria of a computed figure cannot be judged.</summary>
    public static string? CriteriaText(AttainmentFigure f) =>
        CriteriaRatio(f) is not { } ratio ? null
        : f.CriteriaUnjudged > 0 ? $"{ratio} {Formats.Current.Format("Dash.CriteriaUnjudged", f.CriteriaUnjudged)}"
        : ratio;

    public static string Amount(CapitalLine line) => Formats.Current.Qualified(Formats.Current.Money(line.AmountVnd), line.Qualifier, money: true);

    /// <summary>"06": works counts the way district reports write them.</summary>
    public static string Works(int count) => count.ToString("00", Formats.Vietnamese.NumberCulture);

    public static string PovertyOriginLabel(PovertyOrigin origin) => origin switch
    {
        PovertyOrigin.Counts => Formats.Current["Dash.PovertyFromCounts"],
        PovertyOrigin.CommuneCounts => Formats.Current["Dash.PovertyFromCommuneCounts"],
        _ => Formats.Current["Dash.OriginReported"],
    };

    /// <summary>
    /// "nông thôn mới nâng cao" from "Bộ tiêu chí xã nông thôn mới nâng cao", "advanced new rural" from "Advanced new rural
    /// commune criteria": the standard, without the unit noun, in the reader's language (the Vietnamese name where no English one is stored).
    /// </summary>
    public static string StandardName(DashSet set)
    {
        if (Formats.Current.IsEnglish && !string.IsNullOrWhiteSpace(set.NameEn))
        {
            var english = set.NameEn.Trim();
            foreach (var suffix in new[] { " commune criteria", " district criteria", " criteria" })
            {
                if (english.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return Lower(english[..^suffix.Length]);
                }
            }

            return Lower(english);
        }

        // The stored Vietnamese set name is data: its unit noun is cut off by its Vietnamese words.
        var name = set.ShortName;
        foreach (var prefix in new[] { "xã ", "huyện " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return Lower(name);
    }

    /// <summary>"xã", or "xã, thị trấn" when a town is in the group, "xã, phường" with a ward: the words of the units as they are.</summary>
    public static string ScopeNoun(DashboardData data, IEnumerable<int> unitIds) =>
        CommunesNoun(unitIds.Select(id => data.Unit(id)?.Kind).OfType<UnitKind>());

    private static readonly UnitKind[] NounOrder = [UnitKind.Commune, UnitKind.Ward, UnitKind.Town, UnitKind.SpecialZone];

    /// <summary>
    /// The plural noun of the commune-level kinds present: "xã, thị trấn" for a district of 2023, "xã, phường, đặc khu" for a
    /// province since 01/07/2025; "communes and wards" in English. No "thị trấn" where there is none.
    /// </summary>
    public static string CommunesNoun(IEnumerable<UnitKind> kinds)
    {
        var present = kinds.ToHashSet();
        var words = NounOrder.Where(present.Contains).Select(k => Formats.Current[$"Noun.{k}"]).ToList();
        return words.Count switch
        {
            0 => Formats.Current["Noun.Commune"],
            1 => words[0],
            _ => string.Join(", ", words[..^1]) + Formats.Current["Noun.And"] + words[^1],
        };
    }

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
