namespace ProgramTracker.Tests.Integration;

/// <summary>Pieces of a page that the dashboard tests read: heat-map cells, tables, sections, as whitespace-collapsed HTML.</summary>
public static partial class HtmlParts
{
    /// <summary>The entry form's hidden fields (indicator ids, versions, the antiforgery token) by name, decoded.</summary>
    public static Dictionary<string, string> EntryHiddenFields(string html)
    {
        var start = html.IndexOf("id=\"entry-form\"", StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        return HiddenInput().Matches(form).Select(m => m.Value)
            .Select(tag => (Name: Attr(tag, "name"), Value: Attr(tag, "value")))
            .Where(f => f.Name is not null)
            .ToDictionary(f => System.Net.WebUtility.HtmlDecode(f.Name!), f => System.Net.WebUtility.HtmlDecode(f.Value ?? ""));
    }

    private static string? Attr(string tag, string name) => Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    /// <summary>Each entry cell's indicator code ("code") and its index in the form's Cells list ("i").</summary>
    [GeneratedRegex("data-indicator=\"(?<code>[^\"]+)\"(?:(?!data-indicator=).)*?name=\"Cells\\[(?<i>\\d+)\\]\\.IndicatorId\"", RegexOptions.Singleline)]
    public static partial Regex EntryCellIndex();

    /// <summary>The heat-map cell of one unit and set, from "&lt;td" to "&lt;/td&gt;".</summary>
    public static string HeatCell(string html, string unit, string set)
    {
        var at = html.IndexOf($"data-unit=\"{unit}\" data-set=\"{set}\"", StringComparison.Ordinal);
        at.Should().BeGreaterThan(0, $"the heat map should have a cell for {unit} × {set}");
        var start = html.LastIndexOf("<td", at, StringComparison.Ordinal);
        return Collapse(html[start..(html.IndexOf("</td>", at, StringComparison.Ordinal) + 5)]);
    }

    /// <summary>An element with this id up to the first closing tag named (table, section, article).</summary>
    public static string Element(string html, string id, string closingTag)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"the page should have #{id}");
        var end = html.IndexOf($"</{closingTag}>", start, StringComparison.Ordinal);
        return Collapse(html[start..end]);
    }

    /// <summary>The visible text of some HTML, tags removed, whitespace collapsed, entities decoded.</summary>
    /// <remarks>No-break spaces (kept between a number and "%" on screen) read as plain spaces.</remarks>
    public static string Text(string html) =>
        Collapse(System.Net.WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(html, " "), " ")).Replace('\u00a0', ' ')).Trim();

    public static string Collapse(string html) => Whitespace().Replace(html, " ");

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<script[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Scripts();
}
