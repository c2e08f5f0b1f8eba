using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ProgramTracker.Web.Models.Dashboard;

namespace ProgramTracker.Web.Models.Reports;

/// <summary>The sender's part of the document: the unit's report settings and the day it is drawn up.</summary>
public sealed record DocxHeader(UnitReportSettings Settings, DateOnly Date);

/// <summary>
/// The summary of /reports/summary as a report (báo cáo) in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I:
/// the header (issuing body, national title and motto, number, place and date), the document type and abstract,
/// the summary's sections as text, the figures as Word tables (attainment, poverty, capital, targets), the sources,
/// then the recipients and the signer. Sizes and styles from <see cref="DocxRules"/>; words from the reader's language
/// (an English document says it is a working translation). Every figure is the text the page shows, from the same data.
/// </summary>
public static class SummaryDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(DashboardPage page, MeetingBrief brief, DocxHeader header)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            var sources = new SourceList(page.Data);

            HeaderBlock(body, header);
            Title(body, page.Data);
            Results(body, brief, sources);
            Tables(body, page, sources);
            SourcesTable(body, sources);
            // A paragraph between two tables keeps them apart (Word and LibreOffice join adjacent tables).
            body.Append(new Paragraph());
            SignatureBlock(body, header.Settings);
            body.Append(new Paragraph());
            body.Append(Section(main));
        }

        return stream.ToArray();
    }

    private static Formats F => Formats.Current;

    // ---- The header: issuing body | national title and motto; number | place and date ----

    private static void HeaderBlock(Body body, DocxHeader header)
    {
        var s = header.Settings;
        var table = Grid(DocxRules.Twips(DocxRules.LeftColumnMm), DocxRules.Twips(DocxRules.RightColumnMm));
        var left = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(s.ParentBody))
        {
            left.Add(Centered(Caps(s.ParentBody), DocxRules.ParentBody));
        }

        foreach (var line in IssuingLines(s.IssuingBody))
        {
            left.Add(Centered(line, DocxRules.IssuingBody));
        }

        var leftColumn = DocxRules.Twips(DocxRules.LeftColumnMm);
        left.Add(Rule(leftColumn, Math.Min(LongestLine(IssuingLines(s.IssuingBody), DocxRules.IssuingBody), leftColumn) * 2 / 5));
        var right = new List<OpenXmlElement>
        {
            Centered(F["Docx.NationalTitle"], DocxRules.NationalTitle),
            Centered(F["Docx.Motto"], DocxRules.Motto),
            Rule(DocxRules.Twips(DocxRules.RightColumnMm), TextWidth(F["Docx.Motto"], DocxRules.Motto)),
        };
        table.Append(Row(left, right));
        var number = F.Format("Docx.Number", "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0", s.Symbol);
        var date = header.Date;
        // The decree: a day below 10 and the months 1 and 2 take a leading 0 ("ngày 07 tháng 02", "ngày 15 tháng 3").
        var placeDate = F.Format("Docx.PlaceDate", s.Place, date.Day.ToString("00", CultureInfo.InvariantCulture),
            date.Month.ToString(date.Month <= 2 ? "00" : "0", CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture));
        table.Append(Row([Centered(number, DocxRules.Number)], [Centered(placeDate, DocxRules.PlaceDate)]));
        body.Append(table);
    }

    /// <summary>"ỦY BAN NHÂN DÂN HUYỆN BA CHẼ" on two lines as such bodies print it: the body's kind, then the unit.</summary>
    private static List<string> IssuingLines(string issuing)
    {
        var text = Caps(issuing.Trim());
        const string Committee = "ỦY BAN NHÂN DÂN ";
        return text.StartsWith(Committee, StringComparison.Ordinal) && text.Length > Committee.Length
            ? [Committee.Trim(), text[Committee.Length..]]
            : [text];
    }

    private static long LongestLine(IEnumerable<string> lines, DocxRules.Rule rule) => lines.Max(l => TextWidth(l, rule));

    /// <summary>The document type ("BÁO CÁO"), the abstract and its rule; the translation note in English.</summary>
    private static void Title(Body body, DashboardData data)
    {
        body.Append(Centered(F["Docx.Type"], DocxRules.DocumentType, before: 12));
        // The sender is named in the header; the abstract says what and when, as the decree's examples do.
        var @abstract = F.Format("Docx.Abstract", data.Period.Label);
        body.Append(Centered(@abstract, DocxRules.Abstract));
        body.Append(Rule(DocxRules.TextWidthTwips, Math.Min(TextWidth(@abstract, DocxRules.Abstract), DocxRules.TextWidthTwips) * 2 / 5));
        if (F.IsEnglish)
        {
            body.Append(Centered(F["Docx.WorkingTranslation"], DocxRules.TranslationNote, before: 6));
        }
    }

    // ---- The body ----

    private static void Results(Body body, MeetingBrief brief, SourceList sources)
    {
        body.Append(Heading(F["Docx.PartResults"], DocxRules.PartHeading));
        var n = 1;
        foreach (var p in brief.Paragraphs)
        {
            body.Append(Heading($"{n.ToString(CultureInfo.InvariantCulture)}. {p.Heading}", DocxRules.SectionHeading));
            var text = p.Text;
            if (p.Sources.Count > 0)
            {
                text += " " + F.Format("Docx.SourcesRef", string.Join(", ", p.Sources.Select(sources.Mark)));
            }

            body.Append(BodyParagraph(text));
            n++;
        }
    }

    private static void Tables(Body body, DashboardPage page, SourceList sources)
    {
        var data = page.Data;
        body.Append(Heading(F["Docx.PartTables"], DocxRules.PartHeading));

        // Table 1: the attainment of each unit, as the dashboard's cells give it.
        body.Append(Caption(F["Docx.TableAttainment"]));
        var attainment = page.CommuneRows.Append(page.DistrictRow).SelectMany(r => r.Cells)
            .Where(c => c.Figure is not null)
            .Select(c => new[]
            {
                c.Unit.FullName, Formats.Current.ShortName(c.Set.Name, c.Set.NameEn), c.CriteriaText ?? "", c.IndicatorsText ?? "", c.Origin,
                c.Figure!.AsOf is { } d ? F.Date(d) : "", sources.Mark(c.Source),
            }).ToList();
        body.Append(DataTable([F["Docx.ColNo"], F["Excel.Col.Unit"], F["Excel.Col.Set"], F["Excel.Col.CriteriaMet"], F["Excel.Col.IndicatorsMet"], F["Excel.Col.Origin"], F["Excel.Col.AsOf"], F["Docx.ColSource"]],
            [5, 15, 20, 16, 13, 11, 12, 8], attainment));

        // Table 2: poverty by each standard, for the period.
        body.Append(Caption(F["Docx.TablePoverty"]));
        var poverty = data.AllUnits.SelectMany(u => data.Standards.Select(s => (Unit: u, Standard: s,
                Figure: data.Poverty.FirstOrDefault(p => p.PeriodId == data.Period.Id && p.UnitId == u.Id && p.StandardId == s.Id))))
            .Where(x => x.Figure is not null)
            .Select(x => new[]
            {
                x.Unit.FullName, x.Standard.ShortName, F.Percent(x.Figure!.PoorRate, F["Value.NoData"]), F.Percent(x.Figure.NearPoorRate, F["Value.NoData"]),
                FigureText.PovertyOriginLabel(x.Figure.Origin), x.Figure.AsOf is { } d ? F.Date(d) : "", sources.Mark(data.Source(x.Figure.SourceId)),
            }).ToList();
        body.Append(DataTable([F["Docx.ColNo"], F["Excel.Col.Unit"], F["Excel.Col.Standard"], F["Excel.Col.PoorRate"], F["Excel.Col.NearPoorRate"], F["Excel.Col.Origin"], F["Excel.Col.AsOf"], F["Docx.ColSource"]],
            [5, 16, 20, 12, 12, 14, 13, 8], poverty));

        // Table 3: capital, one row per programme, project, source and kind.
        body.Append(Caption(F["Docx.TableCapital"]));
        var capital = page.Capital.Select(row =>
        {
            var programme = Formats.Current.ShortName(row.ProgrammeName, data.Sets.FirstOrDefault(s => s.ProgrammeCode == row.ProgrammeCode)?.ProgrammeNameEn)
                + (row.ProjectLabel is { } p ? $", {FigureText.Lower(p)}" : "") + (row.FundingSource is { } fs ? $" ({fs})" : "") + $" – {row.LevelLabel}";
            string Measure(CapitalMeasure m) => row.Get(m) is { } line
                ? FigureText.Amount(line) + (line.WorksCount is { } w ? F.Format("Summary.Works", FigureText.Works(w)) : "")
                : "";
            return new[]
            {
                programme, Measure(CapitalMeasure.Planned), Measure(CapitalMeasure.Allocated), Measure(CapitalMeasure.Disbursed), Measure(CapitalMeasure.Mobilised),
                row.RateText, string.Join(", ", row.SourceIds.Select(i => sources.Mark(data.Source(i))).Distinct()),
            };
        }).ToList();
        body.Append(DataTable([F["Docx.ColNo"], F["Excel.Col.Programme"], F.Measure(CapitalMeasure.Planned), F.Measure(CapitalMeasure.Allocated), F.Measure(CapitalMeasure.Disbursed), F.Measure(CapitalMeasure.Mobilised), F["Excel.Col.DisbursementRate"], F["Docx.ColSource"]],
            [5, 22, 13, 13, 13, 13, 13, 8], capital));

        // Table 4: targets against actuals, then the unit's other figures.
        body.Append(Caption(F["Docx.TableTargets"]));
        var targets = data.Targets.Where(t => t.UnitId == data.Upper.Id).Select(t =>
        {
            var unit = string.IsNullOrEmpty(t.Unit) ? "" : " " + t.Unit;
            return new[]
            {
                t.IndicatorName, t.Year.ToString(CultureInfo.InvariantCulture), $"{Formats.ComparatorSymbol(t.Comparator)} {F.Number(t.Target)}{unit}",
                t.Actual is { } a ? F.Qualified(F.Number(a), t.ActualQualifier) + unit : F["Value.NoData"],
                t.Gap is { } g ? F.Number(g) + unit : "",
                F[t.Met switch { true => "Value.Met", false => "Excel.NotMet", null => "Excel.NoData" }],
                string.Join(", ", new[] { sources.Mark(data.Source(t.SourceId)), sources.Mark(data.Source(t.ActualSourceId)) }.Where(m => m.Length > 0).Distinct()),
            };
        }).ToList();
        var targeted = data.Targets.Where(t => t.UnitId == data.Upper.Id).Select(t => t.IndicatorId).ToHashSet();
        targets.AddRange(data.UpperFigures.Where(x => !targeted.Contains(x.IndicatorId)).Select(x => new[]
        {
            x.Name, data.PeriodById(x.PeriodId)?.Label ?? "", "", F.Value(x.Value, x.ValueType, x.Unit, x.Qualifier), "", "", sources.Mark(data.Source(x.SourceId)),
        }));
        body.Append(DataTable([F["Docx.ColNo"], F["Excel.Col.Indicator"], F["Docx.ColYearOrPeriod"], F["Excel.Col.Target"], F["Excel.Col.Actual"], F["Excel.Col.Gap"], F["Excel.Col.Verdict"], F["Docx.ColSource"]],
            [5, 26, 11, 14, 14, 11, 11, 8], targets));
    }

    private static void SourcesTable(Body body, SourceList sources)
    {
        body.Append(Heading(F["Docx.PartSources"], DocxRules.PartHeading));
        var rows = sources.All.Select(s => new[] { s.Code, s.Title, s.Publisher ?? "", s.PublishedOn is { } d ? F.Date(d) : "" }).ToList();
        body.Append(DataTable([F["Docx.ColNo"], F["Docx.ColCode"], F["Docx.ColTitle"], F["Docx.ColPublisher"], F["Excel.Col.AsOf"]], [6, 20, 43, 18, 13], rows, numbered: true, markPrefix: true));
    }

    // ---- Recipients and signer ----

    private static void SignatureBlock(Body body, UnitReportSettings s)
    {
        var table = Grid(DocxRules.Twips(DocxRules.LeftColumnMm + 8), DocxRules.Twips(DocxRules.RightColumnMm - 8));
        var left = new List<OpenXmlElement> { Plain(F["Docx.Recipients"], DocxRules.RecipientsLabel, JustificationValues.Left, before: 12) };
        var lines = s.Recipients.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            left.Add(Plain($"- {lines[i]}{(i == lines.Length - 1 ? "." : ";")}", DocxRules.Recipients, JustificationValues.Left));
        }

        var right = new List<OpenXmlElement>();
        var first = true;
        foreach (var line in new[] { s.SignerAuthority, s.SignerTitle }.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            right.Add(Centered(Caps(line!), DocxRules.SignerTitle, before: first ? 12 : 0));
            first = false;
        }

        // Room for the signature and the seal (Ô 7c, Ô 8), then the name.
        for (var i = 0; i < 4; i++)
        {
            right.Add(Centered("", DocxRules.SignerName));
        }

        right.Add(Centered(s.SignerName ?? "", DocxRules.SignerName));
        table.Append(Row(left, right));
        body.Append(table);
    }

    // ---- Page, styles, header ----

    private static SectionProperties Section(MainDocumentPart main)
    {
        // The page number: centred in the top margin from the second page on (the first page's header is empty).
        var numbered = main.AddNewPart<HeaderPart>();
        numbered.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Run("", DocxRules.PageNumber).AppendFluent(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            Run("", DocxRules.PageNumber).AppendFluent(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            Run("", DocxRules.PageNumber).AppendFluent(new FieldChar { FieldCharType = FieldCharValues.End })));
        var firstPage = main.AddNewPart<HeaderPart>();
        firstPage.Header = new Header(new Paragraph());
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstPage) },
            new PageSize { Width = (UInt32Value)(uint)DocxRules.Twips(DocxRules.PageWidthMm), Height = (UInt32Value)(uint)DocxRules.Twips(DocxRules.PageHeightMm) },
            new PageMargin
            {
                Top = DocxRules.Twips(DocxRules.TopMm), Bottom = DocxRules.Twips(DocxRules.BottomMm),
                Left = (UInt32Value)(uint)DocxRules.Twips(DocxRules.LeftMm), Right = (UInt32Value)(uint)DocxRules.Twips(DocxRules.RightMm),
                Header = (UInt32Value)(uint)DocxRules.Twips(10), Footer = (UInt32Value)(uint)DocxRules.Twips(10), Gutter = 0,
            },
            new TitlePage());
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = DocxRules.Font, HighAnsi = DocxRules.Font, ComplexScript = DocxRules.Font, EastAsia = DocxRules.Font },
                new FontSize { Val = HalfPoints(DocxRules.Body.Size) },
                new Languages { Val = F.IsEnglish ? "en-GB" : "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));
        // One paragraph style per element of the decree, named after it: a reader of the document sees which rule a
        // paragraph follows, and the tests find each element by its style.
        foreach (var rule in DocxRules.All)
        {
            var props = new StyleRunProperties(new RunFonts { Ascii = DocxRules.Font, HighAnsi = DocxRules.Font, ComplexScript = DocxRules.Font, EastAsia = DocxRules.Font });
            if (rule.Bold)
            {
                props.Append(new Bold());
            }

            if (rule.Italic)
            {
                props.Append(new Italic());
            }

            props.Append(new FontSize { Val = HalfPoints(rule.Size) });
            styles.Styles.Append(new Style(new StyleName { Val = "NĐ30 " + rule.Element }, new PrimaryStyle(), props)
            {
                Type = StyleValues.Paragraph, StyleId = StyleId(rule), CustomStyle = true,
            });
        }
    }

    public static string StyleId(DocxRules.Rule rule) => "nd30-" + rule.Element;

    // ---- Building blocks ----

    private static string HalfPoints(double size) => ((int)Math.Round(size * 2)).ToString(CultureInfo.InvariantCulture);

    private static string Caps(string text) => text.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));

    private static Run Run(string text, DocxRules.Rule rule)
    {
        var props = new RunProperties(
            new RunFonts { Ascii = DocxRules.Font, HighAnsi = DocxRules.Font, ComplexScript = DocxRules.Font, EastAsia = DocxRules.Font });
        if (rule.Bold)
        {
            props.Append(new Bold());
        }

        if (rule.Italic)
        {
            props.Append(new Italic());
        }

        props.Append(new FontSize { Val = HalfPoints(rule.Size) }, new FontSizeComplexScript { Val = HalfPoints(rule.Size) });
        var run = new Run(props);
        if (text.Length > 0)
        {
            run.Append(new DocumentFormat.OpenXml.Wordprocessing.Text(rule.Caps ? Caps(text) : text) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    private static Paragraph Plain(string text, DocxRules.Rule rule, JustificationValues align, int before = 0, int after = 0)
    {
        var props = new ParagraphProperties(
            new SpacingBetweenLines { Before = (before * 20).ToString(CultureInfo.InvariantCulture), After = (after * 20).ToString(CultureInfo.InvariantCulture), Line = DocxRules.LineSpacing.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = align });
        var paragraph = new Paragraph(props, Run(text, rule));
        return Mark(paragraph, rule);
    }

    private static Paragraph Centered(string text, DocxRules.Rule rule, int before = 0) => Plain(text, rule, JustificationValues.Center, before);

    /// <summary>Gives a paragraph the style of its element (<see cref="AddStyles"/>).</summary>
    private static Paragraph Mark(Paragraph paragraph, DocxRules.Rule rule)
    {
        paragraph.ParagraphProperties!.PrependChild(new ParagraphStyleId { Val = StyleId(rule) });
        return paragraph;
    }

    private static Paragraph Heading(string text, DocxRules.Rule rule) =>
        Mark(new Paragraph(
            new ParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = "120", After = (DocxRules.ParagraphSpacingPt * 20).ToString(CultureInfo.InvariantCulture), Line = DocxRules.LineSpacing.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Auto },
                new Indentation { FirstLine = DocxRules.Twips(DocxRules.FirstLineIndentMm).ToString(CultureInfo.InvariantCulture) },
                new Justification { Val = JustificationValues.Both }),
            Run(text, rule)), rule);

    private static Paragraph BodyParagraph(string text) =>
        Mark(new Paragraph(
            new ParagraphProperties(
                new SpacingBetweenLines { After = (DocxRules.ParagraphSpacingPt * 20).ToString(CultureInfo.InvariantCulture), Line = DocxRules.LineSpacing.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Auto },
                new Indentation { FirstLine = DocxRules.Twips(DocxRules.FirstLineIndentMm).ToString(CultureInfo.InvariantCulture) },
                new Justification { Val = JustificationValues.Both }),
            Run(text, DocxRules.Body)), DocxRules.Body);

    private static Paragraph Caption(string text) =>
        Mark(new Paragraph(
            new ParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = "120", After = "60", Line = DocxRules.LineSpacing.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Center }),
            Run(text, DocxRules.TableCaption)), DocxRules.TableCaption);

    /// <summary>A short horizontal rule under a centred line: an empty 6 pt paragraph with a bottom border, indented to the wanted length.</summary>
    private static Paragraph Rule(int columnTwips, long lengthTwips)
    {
        var side = Math.Max(0, (columnTwips - lengthTwips) / 2);
        return new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 0, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = side.ToString(CultureInfo.InvariantCulture), Right = side.ToString(CultureInfo.InvariantCulture) },
            new ParagraphMarkRunProperties(new FontSize { Val = "4" })));
    }

    /// <summary>
    /// About how wide a line is in Times New Roman (twips): capitals 0.70 em, other letters 0.47 em, spaces 0.25 em, bold 5 % wider.
    /// Used for the length of the rules under the motto, the issuing body and the abstract, and for a data table's narrowest columns.
    /// </summary>
    private static long TextWidth(string text, DocxRules.Rule rule)
    {
        var caps = rule.Caps ? Caps(text) : text;
        var em = caps.Sum(c => c == ' ' ? 0.25 : char.IsUpper(c) ? 0.70 : 0.47) * (rule.Bold ? 1.05 : 1.0);
        return (long)(em * rule.Size * 20);
    }

    private static Table Grid(params int[] columns)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = columns.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil },
                new RightBorder { Val = BorderValues.Nil }, new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(columns.Select(c => new GridColumn { Width = c.ToString(CultureInfo.InvariantCulture) })));
        return table;
    }

    private static TableRow Row(params IReadOnlyList<OpenXmlElement>[] cells)
    {
        var row = new TableRow();
        foreach (var content in cells)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto }));
            cell.Append(content.Count > 0 ? content : [new Paragraph()]);
            row.Append(cell);
        }

        return row;
    }

    /// <summary>
    /// A bordered table with a bold header row that repeats on each page; widths in percent of the text width, except that a
    /// column narrower than the longest word of its header takes the room from the widest column (a narrow "Nguồn" column
    /// broke the word as "Nguồ-n").
    /// </summary>
    private static Table DataTable(IReadOnlyList<string> headers, IReadOnlyList<int> percents, IReadOnlyList<string[]> rows, bool numbered = true, bool markPrefix = false)
    {
        var widths = percents.Select(p => DocxRules.TextWidthTwips * p / 100).ToArray();
        var bold = DocxRules.Table with { Bold = true };
        for (var i = 0; i < widths.Length; i++)
        {
            // The estimate (TextWidth) with 15 % to spare for bold letters wider than its average, and the cell's two margins.
            var need = (int)(headers[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => TextWidth(w, bold)).DefaultIfEmpty(0).Max() * 115 / 100)
                + (2 * CellMarginTwips);
            if (widths[i] < need)
            {
                var widest = Array.IndexOf(widths, widths.Max());
                widths[widest] -= need - widths[i];
                widths[i] = need;
            }
        }

        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = CellMarginTwips, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = CellMarginTwips, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(DataRow(headers, widths, bold, header: true));
        if (rows.Count == 0)
        {
            var empty = new string[headers.Count];
            empty[0] = "";
            empty[1] = F["Value.NoData"];
            table.Append(DataRow(empty.Select(e => e ?? "").ToList(), widths, DocxRules.Table, header: false));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var number = markPrefix ? $"[{(i + 1).ToString(CultureInfo.InvariantCulture)}]" : (i + 1).ToString(CultureInfo.InvariantCulture);
            table.Append(DataRow(numbered ? rows[i].Prepend(number).ToList() : rows[i], widths, DocxRules.Table, header: false));
        }

        return table;
    }

    /// <summary>A data table cell's left and right margin (twips).</summary>
    private const short CellMarginTwips = 60;

    private static TableRow DataRow(IReadOnlyList<string> cells, int[] widths, DocxRules.Rule rule, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        }
        else
        {
            row.Append(new TableRowProperties(new CantSplit()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            var align = header || i == 0 ? JustificationValues.Center : JustificationValues.Left;
            cell.Append(Plain(cells[i], rule, align));
            row.Append(cell);
        }

        return row;
    }

    /// <summary>The sources cited in the document, numbered in the order they are first cited: [1], [2], ….</summary>
    private sealed class SourceList(DashboardData data)
    {
        private readonly List<SourceRef> _all = [];

        public IReadOnlyList<SourceRef> All => _all;

        public string Mark(SourceRef? source)
        {
            if (source is null)
            {
                return "";
            }

            var index = _all.FindIndex(s => s.Code == source.Code);
            if (index < 0)
            {
                _all.Add(source);
                index = _all.Count - 1;
            }

            return $"[{(index + 1).ToString(CultureInfo.InvariantCulture)}]";
        }

        public DashboardData Data => data;
    }
}

internal static class OpenXmlFluent
{
    public static Run AppendFluent(this Run run, OpenXmlElement child)
    {
        run.Append(child);
        return run;
    }
}
