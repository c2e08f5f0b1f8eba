using System.Globalization;
using System.Text;
using System.Xml;
using Formats = ProgramTracker.Core.Localization.Formats;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Import;

/// <summary>
/// Writes the entry form as an xlsx and reads it back, with the Open XML SDK: sheets written and read with its SAX
/// writer and reader (bounded memory), sheet and workbook protection, unlocked input cells, validation lists,
/// number formats by kind and a hidden stamp column and sheet.
/// </summary>
public static class XlsxWorkbook
{
    // Cell styles (indexes into cellXfs, see Styles()).
    private const uint Title = 1, Header = 2, LockedText = 3, LockedGeneral = 4, LockedPercent = 5, LockedInteger = 6,
        InputGeneral = 7, InputPercent = 8, InputInteger = 9, InputText = 10, Hint = 11;

    /// <summary>Writes the form; its words (titles, headers, cell messages) in <paramref name="f"/>'s language, its values the Vietnamese way.</summary>
    public static void Write(Stream output, FormBundle bundle, ImportStamps stamps, Formats f)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        book.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();

        var sheets = new Sheets();
        var sheetStamps = new List<SheetStamp>();
        uint sheetId = 1;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in bundle.Units)
        {
            var name = SheetName(unit.FullName, names);
            var part = book.AddNewPart<WorksheetPart>();
            WriteSheet(part, bundle, unit, stamps, f);
            sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = sheetId++, Name = name });
            sheetStamps.Add(new SheetStamp(name, unit.UnitId, unit.Slug, unit.FullName, unit.Rows.Count));
        }

        var stampPart = book.AddNewPart<WorksheetPart>();
        using (var w = OpenXmlWriter.Create(stampPart))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteStartElement(new SheetData());
            WriteRow(w, 1, [Text("A1", f["Workbook.StampSheetNote"], 0)]);
            WriteRow(w, 2, [Text("A2", stamps.Protect(new WorkbookStamp(bundle.PeriodId, bundle.PeriodCode, sheetStamps)), 0)]);
            w.WriteEndElement();
            w.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
            w.WriteEndElement();
        }

        sheets.Append(new Sheet { Id = book.GetIdOfPart(stampPart), SheetId = sheetId, Name = FormColumns.StampSheet, State = SheetStateValues.VeryHidden });
        book.Workbook = new Workbook(
            new WorkbookProtection { LockStructure = true },
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            sheets);
        book.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, FormBundle bundle, FormUnit unit, ImportStamps stamps, Formats f)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = FormColumns.HeaderRow, TopLeftCell = $"A{FormColumns.FirstDataRow}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 }));
        w.WriteElement(new Columns(
            Col(1, 22), Col(2, 60), Col(3, 18), Col(4, 16), Col(5, 14), Col(6, 16), Col(7, 40),
            new Column { Min = 8, Max = 8, Width = 12, CustomWidth = true, Hidden = true }));
        w.WriteStartElement(new SheetData());
        WriteRow(w, 1, [Text("A1", f.Format("Workbook.SheetTitle", unit.FullName, bundle.PeriodLabel), Title)]);
        WriteRow(w, 2, [Text("A2", f["Workbook.SheetHint"], Hint)]);
        var headers = FormColumns.Headers(bundle.PreviousLabel, bundle.PeriodLabel, f);
        WriteRow(w, FormColumns.HeaderRow, headers.Select((h, i) => Text($"{(char)('A' + i)}{FormColumns.HeaderRow}", h, Header)).ToList());

        var r = FormColumns.FirstDataRow;
        foreach (var row in unit.Rows)
        {
            var cells = new List<Cell>
            {
                Text($"A{r}", row.Code, LockedText),
                Text($"B{r}", row.Name, LockedText),
                Text($"C{r}", row.Unit ?? "", LockedText),
                Text($"D{r}", row.Threshold, LockedText),
                ValueCell($"E{r}", row.PreviousValue, row.ValueType, row.Unit, locked: true),
                ValueCell($"F{r}", row.Value, row.ValueType, row.Unit, locked: false),
                Text($"G{r}", row.Note ?? "", InputText),
                Text($"H{r}", stamps.Protect(StampOf(unit.UnitId, bundle.PeriodId, row)), LockedText),
            };
            WriteRow(w, r, cells);
            r++;
        }

        w.WriteEndElement(); // sheetData
        w.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false });
        var validations = Validations(unit.Rows, f);
        if (validations.Count > 0)
        {
            w.WriteElement(new DataValidations(validations) { Count = (uint)validations.Count });
        }

        w.WriteEndElement(); // worksheet
    }

    public static RowStamp StampOf(int unitId, int periodId, FormRow row) => new(
        unitId, periodId, row.IndicatorId, row.Version, WorkbookText.Key(row.Value), ImportStamps.Hash(WorkbookText.CleanNote(row.Note)),
        ImportStamps.LockedHash(row.Code, row.Name, row.Unit, row.Threshold, WorkbookText.Key(row.PreviousValue)));

    private static List<DataValidation> Validations(IReadOnlyList<FormRow> rows, Formats f)
    {
        string Refs(Func<FormRow, bool> which) => string.Join(' ', rows.Select((row, i) => (row, i)).Where(x => which(x.row)).Select(x => $"F{FormColumns.FirstDataRow + x.i}"));
        var list = new List<DataValidation>();
        void Add(string refs, DataValidation v)
        {
            if (refs.Length > 0)
            {
                v.SequenceOfReferences = new ListValue<StringValue>(refs.Split(' ').Select(s => new StringValue(s)));
                v.AllowBlank = true;
                v.ShowErrorMessage = true;
                v.ErrorTitle = f["Workbook.InvalidValue"];
                list.Add(v);
            }
        }

        Add(Refs(r => r.ValueType == ValueKind.Boolean), new DataValidation(new Formula1($"\"{WorkbookText.Met},{WorkbookText.NotMet}\""))
        {
            Type = DataValidationValues.List, Error = f["Workbook.ValidMet"],
        });
        Add(Refs(r => r.ValueType == ValueKind.Percent), new DataValidation(new Formula1("0"), new Formula2("100"))
        {
            Type = DataValidationValues.Decimal, Operator = DataValidationOperatorValues.Between, Error = f["Workbook.ValidPercent"],
        });
        Add(Refs(r => r.ValueType == ValueKind.Count), new DataValidation(new Formula1("0"))
        {
            Type = DataValidationValues.Whole, Operator = DataValidationOperatorValues.GreaterThanOrEqual, Error = f["Workbook.ValidCount"],
        });
        Add(Refs(r => r.ValueType == ValueKind.Money), new DataValidation(new Formula1("0"))
        {
            Type = DataValidationValues.Decimal, Operator = DataValidationOperatorValues.GreaterThanOrEqual, Error = f["Workbook.ValidMoney"],
        });
        Add(Refs(r => r.ValueType == ValueKind.Number), new DataValidation(new Formula1("-1000000000000000"), new Formula2("1000000000000000"))
        {
            Type = DataValidationValues.Decimal, Operator = DataValidationOperatorValues.Between, Error = f["Workbook.ValidNumber"],
        });
        return list;
    }

    private static Column Col(uint index, double width) => new() { Min = index, Max = index, Width = width, CustomWidth = true };

    private static void WriteRow(OpenXmlWriter w, int index, IReadOnlyList<Cell> cells)
    {
        w.WriteStartElement(new Row { RowIndex = (uint)index });
        foreach (var cell in cells)
        {
            w.WriteElement(cell);
        }

        w.WriteEndElement();
    }

    private static Cell Text(string reference, string text, uint style) =>
        new(new InlineString(new Text(SpreadsheetText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    private static Cell ValueCell(string reference, decimal? value, ValueKind type, string? unit, bool locked)
    {
        if (type == ValueKind.Boolean)
        {
            return Text(reference, value is { } b ? (b == 1 ? WorkbookText.Met : WorkbookText.NotMet) : "", locked ? LockedText : InputText);
        }

        var style = (type, locked) switch
        {
            (ValueKind.Percent, true) => LockedPercent,
            (ValueKind.Percent, false) => InputPercent,
            // Whole numbers for counts and amounts in đồng; a money indicator in "triệu đồng/người/năm" keeps its decimals (46,2).
            (ValueKind.Count, true) or (ValueKind.Money, true) when type == ValueKind.Count || Measures.IsDong(type, unit) => LockedInteger,
            (ValueKind.Count, false) or (ValueKind.Money, false) when type == ValueKind.Count || Measures.IsDong(type, unit) => InputInteger,
            (_, true) => LockedGeneral,
            _ => InputGeneral,
        };
        var cell = new Cell { CellReference = reference, StyleIndex = style };
        if (value is { } v)
        {
            cell.CellValue = new CellValue(WorkbookText.Key(v));
        }

        return cell;
    }

    /// <summary>Excel's 31-character sheet names without []:*?/\, unique in the workbook.</summary>
    private static string SheetName(string fullName, HashSet<string> taken)
    {
        var clean = new string(fullName.Where(c => "[]:*?/\\'".IndexOf(c, StringComparison.Ordinal) < 0).ToArray()).Trim();
        var name = clean.Length > 31 ? clean[..31] : clean;
        for (var i = 2; !taken.Add(name); i++)
        {
            var suffix = $" ({i})";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return name;
    }

    private static Stylesheet Styles()
    {
        var border = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        CellFormat Xf(uint font, uint fill, uint borderId, uint numFmt, bool locked, bool wrap) => new(
            new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top },
            new Protection { Locked = locked })
        {
            FontId = font, FillId = fill, BorderId = borderId, NumberFormatId = numFmt,
            ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true, ApplyProtection = true,
        };
        Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "General\" %\"" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 13 }, new FontName { Val = "Calibri" }),
                new Font(new Italic(), new FontSize { Val = 10 }, new FontName { Val = "Calibri" })) { Count = 4 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFD9D9D9"),
                Solid("FFFFF2CC")) { Count = 4 },
            new Borders(new Border(), border) { Count = 2 },
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
                Xf(2, 0, 0, 0, locked: true, wrap: false),   // 1 title
                Xf(1, 2, 1, 0, locked: true, wrap: true),    // 2 header
                Xf(0, 0, 1, 49, locked: true, wrap: true),   // 3 locked text ("@")
                Xf(0, 0, 1, 0, locked: true, wrap: false),   // 4 locked number
                Xf(0, 0, 1, 164, locked: true, wrap: false), // 5 locked percent
                Xf(0, 0, 1, 3, locked: true, wrap: false),   // 6 locked integer / money
                Xf(0, 3, 1, 0, locked: false, wrap: false),  // 7 input number
                Xf(0, 3, 1, 164, locked: false, wrap: false), // 8 input percent
                Xf(0, 3, 1, 3, locked: false, wrap: false),  // 9 input integer / money
                Xf(0, 3, 1, 49, locked: false, wrap: true),  // 10 input text (note, đạt/không đạt)
                Xf(3, 0, 0, 0, locked: true, wrap: false))   // 11 hint
            { Count = 12 });
    }

    // ---------------------------------------------------------------- reading

    /// <summary>
    /// Reads an uploaded xlsx into rows; the container must have passed <see cref="ZipGuard"/>. Read with the Open XML
    /// SDK (docs/adr/0014): the package, its relationships and the workbook's sheet list through its objects, then the
    /// shared strings and each sheet's part streamed node by node, so no object is made for any of the ~45,000 cells of a
    /// reviewer's workbook (that was most of the preview's time) and the row limit stops the read as soon as it is passed.
    /// </summary>
    public static FileRead Read(Stream input, ImportOptions options, Formats f)
    {
        try
        {
            using var doc = SpreadsheetDocument.Open(input, false, new OpenSettings { MaxCharactersInPart = options.MaxUncompressedBytes });
            return Read(doc, options, f);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException
            or ArgumentException or FormatException or KeyNotFoundException or NotSupportedException)
        {
            // FileFormatException (not a package) is an IOException; a part that is not what its relationship says, an InvalidOperationException.
            throw new ImportFileException(Messages.NotAWorkbook(f));
        }
    }

    private static FileRead Read(SpreadsheetDocument doc, ImportOptions options, Formats f)
    {
        var book = doc.WorkbookPart;
        var sheetList = book?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (book is null || sheetList.Count == 0)
        {
            throw new ImportFileException(Messages.NotAWorkbook(f));
        }

        var strings = book.SharedStringTablePart is { } stringsPart ? SharedStrings(stringsPart) : [];
        var errors = new List<ImportIssue>();
        var sheets = new List<SheetRead>();
        string? stamp = null;
        var total = 0;
        foreach (var sheet in sheetList)
        {
            var name = sheet.Name?.Value ?? "";
            if (sheet.Id?.Value is not { } relId || !book.TryGetPartById(relId, out var found) || found is not WorksheetPart part)
            {
                continue;
            }

            if (name == FormColumns.StampSheet)
            {
                stamp = ReadCells(part, strings).FirstOrDefault(c => c.Row == 2 && c.Col == 1).Cell.Text;
                continue;
            }

            var rows = new Dictionary<int, Dictionary<int, CellRead>>();
            foreach (var (row, col, cell) in ReadCells(part, strings))
            {
                if (row < FormColumns.FirstDataRow)
                {
                    continue;
                }

                if (col > 8)
                {
                    if (!cell.IsEmpty)
                    {
                        errors.Add(new ImportIssue(name, row, ColumnName(col), f["Import.OutsideInput"]));
                    }

                    continue;
                }

                if (!rows.TryGetValue(row, out var cells))
                {
                    if (++total > options.MaxRows)
                    {
                        throw new ImportFileException(f.Format("Import.TooManyRows", options.MaxRows));
                    }

                    rows[row] = cells = [];
                }

                cells[col] = cell;
            }

            sheets.Add(new SheetRead(name, rows.Where(r => r.Value.Values.Any(c => !c.IsEmpty)).OrderBy(r => r.Key).Select(r =>
            {
                CellRead At(int c) => r.Value.TryGetValue(c, out var v) ? v : default;
                return new RowRead
                {
                    Row = r.Key, Code = At(1), Name = At(2), Unit = At(3), Threshold = At(4), Previous = At(5), Value = At(6), Note = At(7), Stamp = At(8),
                };
            }).ToList()));
        }

        return new FileRead(false, sheets, stamp, errors);
    }

    private static readonly XmlReaderSettings PartSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true,
    };

    /// <summary>
    /// A part's XML, node by node. The SDK's own SAX reader (<see cref="OpenXmlReader"/>) makes an element object for
    /// every node it passes; on a 60-sheet workbook it read 4 to 8 times slower than this (docs/adr/0014). Element names
    /// are matched without their namespace, so Strict OOXML reads the same way.
    /// </summary>
    private static XmlReader Open(OpenXmlPart part) => XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), PartSettings);

    /// <summary>The shared strings, one &lt;si&gt; at a time.</summary>
    private static List<string> SharedStrings(SharedStringTablePart part)
    {
        var list = new List<string>();
        using var reader = Open(part);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                list.Add(RichText(reader));
            }
        }

        return list;
    }

    /// <summary>
    /// The text of an &lt;si&gt; or &lt;is&gt; element, the reader on its start: its own &lt;t&gt;, or else its runs'
    /// &lt;t&gt; joined. Phonetic guides (rPh) are not part of the value. Leaves the reader on the element's end.
    /// </summary>
    private static string RichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        string? own = null;
        StringBuilder? runs = null;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.LocalName == "t" && reader.Depth == depth + 1)
                {
                    var text = reader.ReadElementContentAsString();
                    own ??= text;
                    continue;
                }

                if (reader.LocalName == "t" && reader.Depth == depth + 2)
                {
                    (runs ??= new StringBuilder()).Append(reader.ReadElementContentAsString());
                    continue;
                }

                if (reader.LocalName == "rPh" && reader.Depth == depth + 1)
                {
                    reader.Skip();
                    continue;
                }
            }

            reader.Read();
        }

        return own ?? runs?.ToString() ?? "";
    }

    private static IEnumerable<(int Row, int Col, CellRead Cell)> ReadCells(WorksheetPart part, List<string> strings)
    {
        using var reader = Open(part);
        var nextRow = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "row")
            {
                var index = reader.GetAttribute("r");
                nextRow = index is not null && int.TryParse(index, CultureInfo.InvariantCulture, out var n) ? n : nextRow + 1;
                continue;
            }

            if (reader.LocalName != "c")
            {
                continue;
            }

            var (row, col) = Position(reader.GetAttribute("r"), nextRow);
            var type = reader.GetAttribute("t");
            var formula = false;
            string? raw = null;
            string? inline = null;
            if (!reader.IsEmptyElement)
            {
                // Reads the cell's children; ReadElementContentAsString and Skip leave the reader on the next node.
                var depth = reader.Depth;
                reader.Read();
                while (!reader.EOF && reader.Depth > depth)
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
                    {
                        reader.Read();
                        continue;
                    }

                    switch (reader.LocalName)
                    {
                        case "f":
                            formula = true;
                            reader.Skip();
                            break;
                        case "v":
                            raw = reader.ReadElementContentAsString();
                            break;
                        case "is":
                            inline = RichText(reader);
                            reader.Read();
                            break;
                        default:
                            reader.Skip();
                            break;
                    }
                }
            }

            var read = type switch
            {
                // Text cells lose the apostrophe the portal wrote before formula-like text (SpreadsheetText).
                "s" => new CellRead(int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? SpreadsheetText.Restore(strings[i]) : null, false, formula),
                "inlineStr" => new CellRead(SpreadsheetText.Restore(inline ?? ""), false, formula),
                "str" or "e" => new CellRead(raw, false, formula),
                "b" => new CellRead(raw == "1" ? "TRUE" : "FALSE", false, formula),
                _ => new CellRead(raw, raw is not null, formula),
            };
            yield return (row, col, read);
        }
    }

    private static (int Row, int Col) Position(string? reference, int row)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return (row, 0);
        }

        var col = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            col = col * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return (int.TryParse(reference.AsSpan(i), CultureInfo.InvariantCulture, out var r) ? r : row, col);
    }

    public static string ColumnName(int col)
    {
        var name = "";
        for (; col > 0; col = (col - 1) / 26)
        {
            name = (char)('A' + (col - 1) % 26) + name;
        }

        return name;
    }
}
