using ProgramTracker.Core.Validation;
using Formats = ProgramTracker.Core.Localization.Formats;

namespace ProgramTracker.Web.Models.CatalogueImport;

/// <summary>
/// The set table's rules sheet ("Quy tắc kiểm tra", issue 25): one row per rule version, in the same "label (key)" header
/// shape as the indicator sheet. Optional: a workbook without it leaves the rules as they are; CSV carries indicators only.
/// Each row goes through <see cref="RuleEditor"/>, the door of the rule form, so an expression is parsed when imported.
/// </summary>
public static class RuleTableShape
{
    public static string SheetName(Formats f) => f["RuleTable.Sheet"];

    public const string Code = "code";
    public const string Kind = "kind";
    public const string Level = "level";
    public const string Indicator = "indicator";
    public const string Min = "min";
    public const string Max = "max";
    public const string Expression = "expression";
    public const string Threshold = "threshold";
    public const string Name = "name";
    public const string NameEn = "name_en";
    public const string Message = "message";
    public const string MessageEn = "message_en";
    public const string Reason = "reason";
    public const string From = "from";
    public const string Active = "active";

    public static IReadOnlyList<TableColumn> Columns(Formats f) =>
    [
        new(Code, f["Rule.Code"]), new(Kind, f["Rule.Kind"]), new(Level, f["Rule.SeverityLabel"]), new(Indicator, f["Rule.Indicator"]),
        new(Min, f["Rule.Min"]), new(Max, f["Rule.Max"]), new(Expression, f["RuleTable.Expression"]), new(Threshold, f["Rule.Share"]),
        new(Name, f["Rule.Name"]), new(NameEn, f["Rule.NameEn"]), new(Message, f["Rule.Message"]), new(MessageEn, f["Rule.MessageEn"]),
        new(Reason, f["Rule.Reason"]), new(From, f["Rule.From"]), new(Active, f["RuleTable.Active"]),
    ];

    /// <summary>The field of a <see cref="RuleDraft"/> each column fills (for errors by column).</summary>
    private static readonly Dictionary<string, string> FieldOf = new(StringComparer.Ordinal)
    {
        [RuleEditor.Fields.Code] = Code, [RuleEditor.Fields.Kind] = Kind, [RuleEditor.Fields.Severity] = Level, [RuleEditor.Fields.Indicator] = Indicator,
        [RuleEditor.Fields.Min] = Min, [RuleEditor.Fields.Max] = Max, [RuleEditor.Fields.Expression] = Expression, [RuleEditor.Fields.Share] = Threshold,
        [RuleEditor.Fields.Name] = Name, [RuleEditor.Fields.NameEn] = NameEn, [RuleEditor.Fields.Message] = Message, [RuleEditor.Fields.MessageEn] = MessageEn,
        [RuleEditor.Fields.Reason] = Reason, [RuleEditor.Fields.From] = From,
    };

    /// <summary>The rows of a set's rules as the export writes them (every version, oldest first).</summary>
    public static IReadOnlyList<List<object?>> Rows(IEnumerable<ValidationRule> rules, Formats f) => rules
        .Select(r => (r, d: RuleEditor.ToDraft(r, r.Indicator?.Code)))
        .Select(x => new List<object?>
        {
            x.d.Code, f[$"Rule.Kind.{x.r.Kind}"], f[$"Rule.Severity.{x.r.Severity}"], x.d.Indicator, x.r.Min, x.r.Max, x.d.Expression,
            x.r.Kind == RuleKind.Change && x.r.Share is { } s ? s * 100m : x.r.Share,
            x.d.Name, x.d.NameEn, x.d.Message, x.d.MessageEn, x.d.Reason, x.d.From, x.r.Active ? f["RuleTable.Yes"] : f["RuleTable.No"],
        }).ToList();

    /// <summary>
    /// The drafts of the rules sheet (its first row the headers), with their row numbers; a missing or unknown column, or
    /// an "active" cell that is not yes/no, is an error by row and column. Blank "from" cells take the import's period.
    /// </summary>
    public static (List<RuleDraft> Drafts, List<int> Rows, List<ImportError> Errors) Map(IReadOnlyList<RawRow> rows, string? effectiveFrom, Formats f)
    {
        var (drafts, numbers, errors) = (new List<RuleDraft>(), new List<int>(), new List<ImportError>());
        if (rows.Count == 0)
        {
            return (drafts, numbers, errors);
        }

        var columns = Columns(f);
        var sheet = SheetName(f);
        var header = rows[0];
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (index, cell) in header.Cells.OrderBy(c => c.Key))
        {
            if (SetTableShape.KeyOf(cell.Text, columns) is not { } key)
            {
                continue;
            }

            var letter = $"{sheet} {SetTableWriter.ColumnName(index)}";
            if (columns.All(c => c.Key != key))
            {
                errors.Add(new ImportError(header.Number, letter, f.Format("SetImport.UnknownColumn", cell.Text.Trim())));
            }
            else if (!at.TryAdd(key, index))
            {
                errors.Add(new ImportError(header.Number, letter, f.Format("SetImport.ColumnTwice", cell.Text.Trim())));
            }
        }

        foreach (var missing in columns.Where(c => !at.ContainsKey(c.Key)))
        {
            errors.Add(new ImportError(header.Number, sheet, f.Format("SetImport.MissingColumn", missing.Header)));
        }

        if (errors.Count > 0)
        {
            return (drafts, numbers, errors);
        }

        foreach (var row in rows.Skip(1))
        {
            string? Text(string key) => row.Cells.GetValueOrDefault(at[key]) is { } c && !string.IsNullOrWhiteSpace(c.Text) ? c.Text.Trim() : null;
            // A number cell as the reader's language writes it, which RuleEditor reads back exactly (200, not "200.0000").
            string? Number(string key) => row.Cells.GetValueOrDefault(at[key]) is { Number: { } n } ? f.Number(n) : Text(key);
            var active = Text(Active);
            var yes = active is null || Words(f, "RuleTable.Yes").Contains(active, StringComparer.OrdinalIgnoreCase);
            if (!yes && !Words(f, "RuleTable.No").Contains(active!, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new ImportError(row.Number, Column(at[Active], Active), f.Format("RuleTable.ActiveBad", active)));
                continue;
            }

            drafts.Add(new RuleDraft(Text(Code), Text(Kind), Text(Level), Text(Indicator), Number(Min), Number(Max), Text(Expression), Number(Threshold),
                Text(Name), Text(NameEn), Text(Message), Text(MessageEn), Text(Reason), Text(From) ?? effectiveFrom, yes));
            numbers.Add(row.Number);
        }

        return (drafts, numbers, errors);

        string Column(int index, string key) => $"{sheet} {SetTableWriter.ColumnName(index)} “{columns.First(c => c.Key == key).Label}”";
    }

    /// <summary>The column of a refused field of a draft, as the error shows it.</summary>
    public static string ColumnOf(string field, IReadOnlyList<RawRow> rows, Formats f)
    {
        var key = FieldOf.GetValueOrDefault(field, Code);
        var columns = Columns(f);
        var index = rows.Count == 0 ? 0 : rows[0].Cells.FirstOrDefault(c => SetTableShape.KeyOf(c.Value.Text, columns) == key).Key;
        return $"{SheetName(f)} {SetTableWriter.ColumnName(index)} “{columns.First(c => c.Key == key).Label}”";
    }

    private static string[] Words(Formats f, string key) => [Formats.Vietnamese[key], Formats.English[key], key == "RuleTable.Yes" ? "1" : "0", key == "RuleTable.Yes" ? "true" : "false"];
}
