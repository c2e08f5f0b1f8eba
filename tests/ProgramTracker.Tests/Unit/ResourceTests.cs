using System.Globalization;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Workflow;

namespace ProgramTracker.Tests.Unit;

/// <summary>The one shared resource (docs/localization.md): both languages complete, and every key the code names exists.</summary>
public sealed partial class ResourceTests
{
    private static readonly IReadOnlyDictionary<string, string> Vietnamese = Text.All(CultureInfo.InvariantCulture);
    private static readonly IReadOnlyDictionary<string, string> English = Text.All(CultureInfo.GetCultureInfo("en"));

    [Fact]
    public void Every_key_is_in_both_languages_and_none_is_empty()
    {
        Vietnamese.Should().HaveCountGreaterThan(300);
        Vietnamese.Keys.Except(English.Keys).Should().BeEmpty("every Vietnamese text needs its English");
        English.Keys.Except(Vietnamese.Keys).Should().BeEmpty("every English text needs its Vietnamese");
        Vietnamese.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).Should().BeEmpty();
        English.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).Should().BeEmpty();
    }

    [Fact]
    public void Both_languages_have_the_same_placeholders()
    {
        var mismatched = Vietnamese.Keys.Intersect(English.Keys)
            .Where(k => !Holes(Vietnamese[k]).SetEquals(Holes(English[k])))
            .ToList();

        mismatched.Should().BeEmpty("a {0} missing in one language drops a figure from the sentence");
    }

    [Fact]
    public void English_texts_carry_no_Vietnamese_words()
    {
        // Proper names of units and acts may appear in examples; sentences must not.
        var allowed = new[] { "Ba Chẽ", "Nam Sơn", "đồng", "Tiếng Việt", "Quảng Ninh", "QĐ", "NQ", "NĐ" };
        var vietnamese = English
            .Where(kv => VietnameseLetter().IsMatch(allowed.Aggregate(kv.Value, (s, a) => s.Replace(a, "", StringComparison.Ordinal))))
            .Select(kv => $"{kv.Key}: {kv.Value}")
            .ToList();

        vietnamese.Should().BeEmpty();
    }

    [Fact]
    public void Every_key_the_views_and_code_name_exists()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var named = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .Where(x => !Vietnamese.ContainsKey(x.Key))
            .Select(x => $"{x.File}: {x.Key}")
            .Distinct()
            .ToList();

        named.Should().BeEmpty("a missing key shows its name to the reader");
    }

    [Fact]
    public void Every_label_of_a_domain_value_exists_in_both_languages()
    {
        foreach (var f in new[] { Formats.Vietnamese, Formats.English })
        {
            var labels = Enum.GetValues<CriteriaTier>().Select(f.Tier)
                .Concat(Enum.GetValues<UnitLevel>().Select(f.Level))
                .Concat(Enum.GetValues<ValueKind>().Select(f.ValueTypeName))
                .Concat(Enum.GetValues<CapitalMeasure>().Select(f.Measure))
                .Concat(Enum.GetValues<CapitalKind>().Select(f.CapitalKindName))
                .Concat(Enum.GetValues<ReportedKind>().Select(f.Reported))
                .Concat(Enum.GetValues<IndicatorStatus>().Select(s => f.Status(s)))
                .Concat(Enum.GetValues<SubmissionStatus>().Select(s => f.Status(s)))
                .Concat(Enum.GetValues<WorkflowStep>().Select(f.Step))
                .Concat(Enum.GetValues<UnitKind>().Select(f.UnitKindName))
                .Concat(Roles.All.Append("").Select(f.Role))
                .ToList();

            labels.Should().NotContain(l => l.Contains('.', StringComparison.Ordinal) && !l.Contains(' ', StringComparison.Ordinal), "a label that reads like Area.Key is a missing key");
        }

        Formats.English.Status(SubmissionStatus.Returned).Should().Be("Returned");
        Formats.Vietnamese.Status(SubmissionStatus.Returned).Should().Be("Trả lại");
    }

    // "{0}" and "{0:cell|cells}" are the same hole: the count's forms are the language's business.
    private static HashSet<string> Holes(string text) => Hole().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Hole();

    [GeneratedRegex("[À-ỹĐđ]")]
    private static partial Regex VietnameseLetter();

    /// <summary>T["Key"], f["Key"], Formats.Current["Key"], .Format("Key", …) and data-annotation keys ("Check.…", "Field.…").</summary>
    [GeneratedRegex(@"(?:\b(?:T|f|F|Current|Vietnamese|English)\[""(?<key>[A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]+)""\]|\.Format\(""(?<key>[A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]+)""|""(?<key>(?:Check|Field)\.[A-Za-z0-9.]+)"")")]
    private static partial Regex KeyUse();
}
