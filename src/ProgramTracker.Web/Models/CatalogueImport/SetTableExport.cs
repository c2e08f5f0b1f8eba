using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Import;
using Formats = ProgramTracker.Core.Localization.Formats;
using Text = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace ProgramTracker.Web.Models.CatalogueImport;

/// <summary>A set's table as the export writes it: the indicators of its latest version with their rules by zone.</summary>
public sealed record SetTable(
    string SetCode,
    string SetName,
    ThresholdScheme Scheme,
    IReadOnlyList<(int Number, string Name, string? Group)> Criteria,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows,
    int? VersionNumber,
    DateOnly? VersionFrom,
    IReadOnlyList<ProgramTracker.Core.Validation.ValidationRule>? Rules = null)
{
    public IReadOnlyList<TableColumn> Columns(Formats f) => SetTableShape.Columns(Scheme, f);
}

public sealed class SetTableQueries(ProgramTrackerDbContext db)
{
    /// <summary>A set with its criteria and versions, as the import page shows it; null for an unknown code.</summary>
    public Task<CriteriaSet?> SetForImportAsync(string code, CancellationToken ct) =>
        db.CriteriaSets.AsNoTracking().Include(s => s.Criteria).Include(s => s.Versions).AsSplitQuery().FirstOrDefaultAsync(s => s.Code == code, ct);

    public async Task<SetTable?> LoadAsync(string code, CancellationToken ct)
    {
        var set = await db.CriteriaSets.AsNoTracking().Where(s => s.Code == code)
            .Select(s => new { s.Id, s.Code, s.Name, s.ThresholdScheme })
            .FirstOrDefaultAsync(ct);
        if (set is null)
        {
            return null;
        }

        var book = await RuleBook.LoadAsync(db, [set.Id], [], ct);
        var versions = book.Versions(set.Id);
        var latest = versions.Count == 0 ? null : versions[^1];
        var criteria = await db.Criteria.AsNoTracking().Where(c => c.CriteriaSetId == set.Id).OrderBy(c => c.Number)
            .Select(c => new
            {
                c.Number, c.Name, c.GroupName,
                Indicators = c.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
                    .Select(i => new { i.Id, i.Code, i.Name, i.Unit, i.ValueType, SourceCode = i.Source == null ? null : i.Source.Code, i.Combine, i.CombineReason }).ToList(),
            })
            .ToListAsync(ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var c in criteria)
        {
            foreach (var i in c.Indicators)
            {
                var rules = latest is null ? [] : book.ZoneRules(latest.Id, i.Id);
                var common = rules.FirstOrDefault(r => r.Zone == Zones.Common);
                if (common is null)
                {
                    continue;
                }

                var row = new Dictionary<string, object?>
                {
                    [SetTableShape.Criterion] = c.Number,
                    [SetTableShape.CriterionName] = c.Name,
                    [SetTableShape.Group] = c.GroupName,
                    [SetTableShape.Code] = i.Code,
                    [SetTableShape.Wording] = i.Name,
                    [SetTableShape.Unit] = i.Unit,
                    [SetTableShape.Kind] = SetTableShape.KindWord(i.ValueType, Formats.Current),
                    [SetTableShape.Comparator] = SetTableShape.ComparatorSymbol(common.Comparator),
                    [SetTableShape.Threshold] = common.Value,
                    [SetTableShape.ThresholdText] = common.Text,
                    [SetTableShape.Source] = i.SourceCode,
                    [SetTableShape.Combine] = SetTableShape.CombineWord(i.Combine, Formats.Current),
                    [SetTableShape.CombineReason] = i.CombineReason,
                };
                foreach (var rule in rules.Where(r => r.Zone != Zones.Common))
                {
                    row[SetTableShape.ZonePrefix + rule.Zone] = rule.Value;
                }

                rows.Add(row);
            }
        }

        // The set's validation rules, every version (issue 25): the rules sheet of the workbook.
        var validation = await db.ValidationRules.AsNoTracking().Include(r => r.Indicator)
            .Where(r => r.CriteriaSetId == set.Id || (r.Indicator != null && r.Indicator.Criterion.CriteriaSetId == set.Id))
            .OrderBy(r => r.Code).ThenBy(r => r.FromYear).ThenBy(r => r.FromQuarter).ToListAsync(ct);
        return new SetTable(set.Code, set.Name, set.ThresholdScheme, criteria.Select(c => (c.Number, c.Name, c.GroupName)).ToList(), rows,
            latest?.Number, latest?.EffectiveFrom, validation);
    }
}

/// <summary>Writes a set's table as a workbook (numbers as numbers) or as CSV, in the shape of <see cref="SetTableShape"/>.</summary>
/// <summary>One sheet of a plain workbook: its name, its header row, its rows (decimal and int as numbers, anything else as text).</summary>
public sealed record PlainTable(string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<List<object?>> Rows);

public static class SetTableWriter
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The workbook with its headers and sheet names in <paramref name="f"/>'s language; the import reads either.</summary>
    public static byte[] ToXlsx(SetTable table, bool template, Formats f) => Book((workbookPart, sheets) =>
        {
            var columns = table.Columns(f);
            var rows = template ? [] : table.Rows;
            AddSheet(workbookPart, sheets, 1, SetTableShape.SheetName(f),
                columns.Select(c => c.Header).ToList(),
                rows.Select(r => columns.Select(c => r.GetValueOrDefault(c.Key)).ToList()).ToList(),
                columns.Select(c => c.Key switch
                {
                    SetTableShape.Wording or SetTableShape.CriterionName or SetTableShape.ThresholdText => 48d,
                    SetTableShape.Criterion => 14d,
                    _ => 20d,
                }).ToList());
            AddSheet(workbookPart, sheets, 2, SetTableShape.CriteriaSheetName(f),
                [$"{f["SetTable.Criterion"]} ({SetTableShape.Criterion})", $"{f["SetTable.CriterionName"]} ({SetTableShape.CriterionName})", $"{f["SetTable.Group"]} ({SetTableShape.Group})"],
                table.Criteria.Select(c => new List<object?> { c.Number, c.Name, c.Group }).ToList(),
                [14d, 48d, 40d]);
            var ruleColumns = RuleTableShape.Columns(f);
            AddSheet(workbookPart, sheets, 3, RuleTableShape.SheetName(f), ruleColumns.Select(c => c.Header).ToList(),
                template ? [] : RuleTableShape.Rows(table.Rules ?? [], f),
                ruleColumns.Select(c => c.Key is RuleTableShape.Expression or RuleTableShape.Message or RuleTableShape.MessageEn or RuleTableShape.Reason ? 40d : 18d).ToList());
        });

    /// <summary>A workbook of one plain table (a header row, then rows): the account and classification templates, the password sheet.</summary>
    public static byte[] PlainXlsx(string sheetName, IReadOnlyList<string> headers, IReadOnlyList<List<object?>> rows, IReadOnlyList<double> widths) =>
        Book((workbookPart, sheets) => AddSheet(workbookPart, sheets, 1, sheetName, headers, rows, widths));

    /// <summary>
    /// A workbook of several plain tables, one sheet each in the order given (the dashboard's and a unit's exports):
    /// headers bold, numbers as numbers, text neutralised against formulas.
    /// </summary>
    public static byte[] TablesXlsx(IReadOnlyList<PlainTable> tables) => Book((workbookPart, sheets) =>
    {
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            AddSheet(workbookPart, sheets, (uint)(i + 1), table.SheetName, table.Headers, table.Rows, table.Headers.Select(h => Math.Clamp(h.Length + 4d, 12d, 48d)).ToList());
        }
    });

    /// <summary>A workbook with this writer's styles; <paramref name="addSheets"/> adds its sheets.</summary>
    private static byte[] Book(Action<WorkbookPart, Sheets> addSheets)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            addSheets(workbookPart, workbookPart.Workbook.AppendChild(new Sheets()));
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A plain table as CSV: UTF-8 with a byte-order mark, comma-separated, quoted as RFC 4180.</summary>
    public static byte[] PlainCsv(IReadOnlyList<string> headers, IEnumerable<IEnumerable<string?>> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', headers.Select(SpreadsheetText.CsvField)).Append("\r\n");
        foreach (var row in rows)
        {
            // Text that a spreadsheet would run as a formula (= + - @) is neutralised (issue 28.3); passwords start with a letter or digit.
            sb.AppendJoin(',', row.Select(SpreadsheetText.CsvField)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>CSV of the same columns: UTF-8 with a byte-order mark (Excel opens it as UTF-8), comma-separated, quoted as RFC 4180.</summary>
    public static byte[] ToCsv(SetTable table, Formats f)
    {
        var columns = table.Columns(f);
        var sb = new StringBuilder();
        sb.AppendJoin(',', columns.Select(c => SpreadsheetText.CsvField(c.Header))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            sb.AppendJoin(',', columns.Select(c => row.GetValueOrDefault(c.Key) switch
            {
                null => "",
                // Numbers the Vietnamese way (14,5), as the import reads them whatever the reader's language.
                decimal d => SpreadsheetText.CsvQuote(d.ToString("0.##########", Formats.Vietnamese.Numbers).Replace('−', '-')),
                int n => n.ToString(CultureInfo.InvariantCulture),
                var o => SpreadsheetText.CsvField(o.ToString()),
            })).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint id, string name, IReadOnlyList<string> headers, IReadOnlyList<List<object?>> rows, IReadOnlyList<double> widths)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < headers.Count; c++)
        {
            header.Append(TextCell(c, 1, headers[c], style: 1));
        }

        data.Append(header);
        for (var r = 0; r < rows.Count; r++)
        {
            var index = (uint)(r + 2);
            var row = new Row { RowIndex = index };
            for (var c = 0; c < rows[r].Count; c++)
            {
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case decimal d:
                        row.Append(new Cell { CellReference = Reference(c, index), DataType = CellValues.Number, CellValue = new CellValue(d) });
                        break;
                    case int n:
                        row.Append(new Cell { CellReference = Reference(c, index), DataType = CellValues.Number, CellValue = new CellValue(n) });
                        break;
                    case var o:
                        row.Append(TextCell(c, index, o.ToString() ?? "", style: 2));
                        break;
                }
            }

            data.Append(row);
        }

        var cols = new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
        var views = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        {
            WorkbookViewId = 0,
        });
        part.Worksheet = new Worksheet(views, cols, data);
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Cell TextCell(int column, uint row, string text, uint style) => new()
    {
        CellReference = Reference(column, row),
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(SpreadsheetText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    public static string Reference(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }));
}
