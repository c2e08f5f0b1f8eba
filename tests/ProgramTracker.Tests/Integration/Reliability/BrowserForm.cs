namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>
/// The fields a browser posts for a form: every named input and select inside it, except disabled ones (which browsers
/// never send) and unchecked checkboxes; a select sends its selected option (or its first).
/// </summary>
public static partial class BrowserForm
{
    public static List<KeyValuePair<string, string>> Fields(string html, string formId)
    {
        var start = html.IndexOf($"id=\"{formId}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"no form #{formId}");
        }

        var end = html.IndexOf("</form>", start, StringComparison.Ordinal);
        var form = html[start..end];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match control in Control().Matches(form))
        {
            var tag = control.Groups["tag"].Value;
            var attributes = Attributes(control.Groups["attrs"].Value);
            if (!attributes.TryGetValue("name", out var name) || attributes.ContainsKey("disabled"))
            {
                continue;
            }

            if (tag == "input")
            {
                var type = attributes.GetValueOrDefault("type", "text");
                if (type is "checkbox" or "radio" && !attributes.ContainsKey("checked"))
                {
                    continue;
                }

                fields.Add(new(name, attributes.GetValueOrDefault("value", type is "checkbox" or "radio" ? "on" : "")));
            }
            else
            {
                var options = Option().Matches(control.Groups["body"].Value).Select(o => Attributes(o.Groups["attrs"].Value)).ToList();
                var chosen = options.FirstOrDefault(o => o.ContainsKey("selected")) ?? options.FirstOrDefault();
                fields.Add(new(name, chosen?.GetValueOrDefault("value", "") ?? ""));
            }
        }

        return fields;
    }

    /// <summary>Replaces the value of one field (by name), as a person typing into it.</summary>
    public static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var index = fields.FindIndex(f => f.Key == name);
        if (index < 0)
        {
            throw new InvalidOperationException($"the form has no field {name}");
        }

        fields[index] = new(name, value);
    }

    private static Dictionary<string, string> Attributes(string text) =>
        Attribute().Matches(text).GroupBy(m => m.Groups["name"].Value.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value));

    [GeneratedRegex("<(?<tag>input)\\b(?<attrs>[^>]*)>|<(?<tag>select)\\b(?<attrs>[^>]*)>(?<body>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Control();

    [GeneratedRegex("<option\\b(?<attrs>[^>]*)>", RegexOptions.Singleline)]
    private static partial Regex Option();

    [GeneratedRegex("(?<name>[\\w:.\\[\\]-]+)(?:=\"(?<value>[^\"]*)\")?")]
    private static partial Regex Attribute();
}
