namespace ProgramTracker.Core.Import;

/// <summary>
/// Text written into a CSV or a workbook cell: a spreadsheet runs text starting with = + - @ (or a tab or CR before
/// them) as a formula, so such text is written with a leading apostrophe, which spreadsheets show as text. Reading a
/// file back removes exactly that apostrophe, so a note typed "=A1" round-trips as "=A1". Numbers are not text: they
/// are written as numbers, never through here.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The text as written into a file: "=1+1" → "'=1+1"; other text as it is.</summary>
    public static string Safe(string? text) => text is null ? "" : NeedsQuote(text) ? "'" + text : text;

    /// <summary>The text as read back from a file: the apostrophe <see cref="Safe"/> added is removed, nothing else.</summary>
    public static string Restore(string text) => text.Length > 1 && text[0] == '\'' && NeedsQuote(text[1..]) ? text[1..] : text;

    /// <summary>An RFC 4180 CSV field of neutralised text: quoted when it holds a separator, a quote, a line break or edge spaces.</summary>
    public static string CsvField(string? text) => CsvQuote(Safe(text));

    /// <summary>RFC 4180 quoting only, for a number written as text ("14,5"): quoted when it holds a separator, a quote, a line break or edge spaces.</summary>
    public static string CsvQuote(string s) =>
        s.IndexOfAny([',', ';', '"', '\r', '\n']) >= 0 || s.StartsWith(' ') || s.EndsWith(' ') ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;

    private static bool NeedsQuote(string text) =>
        text.Length > 0 && (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' || (text[0] == '\'' && NeedsQuote(text[1..])));
}
