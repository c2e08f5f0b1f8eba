namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>The cells of an entry form as the page shows them: index, indicator, version, typed value, by indicator code.</summary>
public static partial class EntryFormPage
{
    public sealed record Cell(int Index, string Code, int IndicatorId, int Version, string Raw);

    public static async Task<Dictionary<string, Cell>> CellsAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return Cells(html);
    }

    public static Dictionary<string, Cell> Cells(string html)
    {
        var cells = new Dictionary<string, Cell>();
        foreach (Match row in Row().Matches(html))
        {
            var body = row.Groups["body"].Value;
            var index = int.Parse(IdField().Match(body).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var id = int.Parse(IdField().Match(body).Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var version = int.Parse(VersionField().Match(body).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var raw = RawField().Match(body) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";
            cells[row.Groups["code"].Value] = new Cell(index, row.Groups["code"].Value, id, version, raw);
        }

        return cells;
    }

    /// <summary>The fields of a save posting every cell as the page has it, except those given (value by indicator code).</summary>
    public static List<KeyValuePair<string, string>> Fields(Dictionary<string, Cell> cells, Dictionary<string, string> values)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var cell in cells.Values.OrderBy(c => c.Index))
        {
            var value = values.TryGetValue(cell.Code, out var v) ? v : cell.Raw;
            fields.Add(new($"Cells[{cell.Index}].IndicatorId", cell.IndicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(new($"Cells[{cell.Index}].Version", cell.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(new($"Cells[{cell.Index}].Raw", value));
        }

        return fields;
    }

    [GeneratedRegex("<tr[^>]*data-indicator=\"(?<code>[^\"]+)\">(?<body>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("name=\"Cells\\[(\\d+)\\].IndicatorId\" value=\"(\\d+)\"")]
    private static partial Regex IdField();

    [GeneratedRegex("name=\"Cells\\[\\d+\\].Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("<input[^>]*name=\"Cells\\[\\d+\\].Raw\" value=\"([^\"]*)\"")]
    private static partial Regex RawField();
}
