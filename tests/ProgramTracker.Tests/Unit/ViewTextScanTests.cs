namespace ProgramTracker.Tests.Unit;

/// <summary>
/// Every view and every controller takes its words from the shared resource (docs/localization.md): a Vietnamese letter
/// anywhere outside comments, or a word in a text node or in a title, aria-label, placeholder, alt or value attribute, fails.
/// </summary>
public sealed partial class ViewTextScanTests
{
    /// <summary>Short texts that are the same in every language, on purpose. Keep this list short and explain each entry.</summary>
    private static readonly string[] Allowed =
    [
        "Tiếng Việt", // the language switch names each language in itself
        "English",    // idem
        "Chart.js",   // a library's name
        "Excel",      // a product name in file links
        "CSV",
        "API",
        "OpenAPI",
        "Scalar",
        "Authorization: Bearer", // an HTTP header, written as is in every language
    ];

    public static TheoryData<string> Files()
    {
        var web = Path.Combine(RepoPaths.Root, "src", "ProgramTracker.Web");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(web, "Views"), "*.cshtml", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(web, "Controllers"), "*.cs", SearchOption.AllDirectories))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(web, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void Every_view_and_controller_is_scanned() =>
        Files().Count.Should().BeGreaterThan(60);

    [Theory]
    [MemberData(nameof(Files))]
    public void A_view_or_controller_takes_its_words_from_the_resources(string file)
    {
        var path = Path.Combine(RepoPaths.Root, "src", "ProgramTracker.Web", file);
        var findings = file.EndsWith(".cshtml", StringComparison.Ordinal) ? ScanView(File.ReadAllText(path)) : ScanCode(File.ReadAllText(path));

        findings.Should().BeEmpty($"{file} should take these words from Text.resx / Text.en.resx");
    }

    /// <summary>What in a view reads as words written in place.</summary>
    internal static List<string> ScanView(string text)
    {
        var findings = new List<string>();
        text = RazorComment().Replace(text, " ");
        text = Directive().Replace(text, " ");
        text = ScriptOrStyle().Replace(text, " ");
        foreach (var allowed in Allowed)
        {
            text = text.Replace(allowed, " ", StringComparison.Ordinal);
        }

        // Code comments inside Razor code blocks.
        text = LineComment().Replace(text, " ");
        findings.AddRange(VietnameseRun().Matches(text).Select(m => $"Vietnamese: “{m.Value.Trim()}”"));

        var code = RazorExpression().Replace(text, " ");
        foreach (Match m in TextNode().Matches(code))
        {
            var node = m.Groups[1].Value;
            if (Word().IsMatch(node) && !LooksLikeCode(node))
            {
                findings.Add($"text: “{node.Trim()}”");
            }
        }

        foreach (Match m in WordyAttribute().Matches(code))
        {
            // A checkbox's posted value ("true") is not a word a person reads.
            if (Word().IsMatch(m.Groups[2].Value) && !(m.Groups[1].Value == "value" && m.Groups[2].Value is "true" or "false" or "on"))
            {
                findings.Add($"{m.Groups[1].Value}: “{m.Groups[2].Value}”");
            }
        }

        return findings;
    }

    /// <summary>What in a controller reads as Vietnamese written in place (its strings and messages).</summary>
    internal static List<string> ScanCode(string text)
    {
        text = LineComment().Replace(text, " ");
        foreach (var allowed in Allowed)
        {
            text = text.Replace(allowed, " ", StringComparison.Ordinal);
        }

        return StringLiteral().Matches(text).Select(m => m.Value).Where(s => VietnameseRun().IsMatch(s)).Select(s => $"string: {s}").ToList();
    }

    /// <summary>C# between tags (a generic, a comparison, a lambda) is not a text node.</summary>
    private static bool LooksLikeCode(string node) =>
        node.Contains("=>", StringComparison.Ordinal) || node.Contains("==", StringComparison.Ordinal) || node.Contains("&&", StringComparison.Ordinal)
        || node.Contains("||", StringComparison.Ordinal) || node.Contains("!=", StringComparison.Ordinal) || node.Contains(';', StringComparison.Ordinal) || node.Contains("var ", StringComparison.Ordinal)
        || node.Contains('(', StringComparison.Ordinal) || node.Contains(')', StringComparison.Ordinal) || node.Contains("?.", StringComparison.Ordinal) || node.Contains('{', StringComparison.Ordinal) || node.Contains('}', StringComparison.Ordinal)
        || node.Contains('"', StringComparison.Ordinal);

    [Fact]
    public void The_scan_finds_words_written_in_place()
    {
        ScanView("<p>Lưu số liệu</p>").Should().NotBeEmpty();
        ScanView("<button>Save</button>").Should().NotBeEmpty();
        ScanView("<input placeholder=\"Search\" />").Should().NotBeEmpty();
        ScanView("<a aria-label=\"Main menu\" href=\"/\">@T[\"Nav.Main\"]</a>").Should().NotBeEmpty();
        ScanView("<p>@T[\"Entry.Save\"] · @Model.Name</p>").Should().BeEmpty();
        ScanView("<a lang=\"vi\">Tiếng Việt</a>").Should().BeEmpty();
        ScanCode("TempData[\"M\"] = \"Đã lưu.\";").Should().NotBeEmpty();
        ScanCode("TempData[\"M\"] = f[\"Entry.Saved\"];").Should().BeEmpty();
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"^\s*@(model|using|inject|inherits|addTagHelper)\b[^\n]*", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"(?<![:""'])//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"[A-Za-zÀ-ỹĐđ]*[À-ỹĐđ][A-Za-zÀ-ỹĐđ ]*")]
    private static partial Regex VietnameseRun();

    /// <summary>@T["…"], @(…) with one level of nesting, @Model.X.Y(…), @if/@foreach heads.</summary>
    [GeneratedRegex(@"@\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|@[A-Za-z_][\w.]*(?:\[[^\]]*\]|\((?:[^()]|\([^()]*\))*\))*(?:\.[\w]+(?:\((?:[^()]|\([^()]*\))*\))?)*")]
    private static partial Regex RazorExpression();

    [GeneratedRegex(@">([^<>]*)<")]
    private static partial Regex TextNode();

    [GeneratedRegex(@"\b(title|aria-label|placeholder|alt|value)=""([^""]*)""")]
    private static partial Regex WordyAttribute();

    [GeneratedRegex(@"[A-Za-zÀ-ỹĐđ]{2,}")]
    private static partial Regex Word();

    [GeneratedRegex(@"\$?@?""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();
}
