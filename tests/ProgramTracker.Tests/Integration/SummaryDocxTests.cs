using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ProgramTracker.Web.Models.Reports;
using static ProgramTracker.Tests.Integration.HtmlParts;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// The summary as a Word document (docs/summary-docx.md): valid Open XML, the decree's page and sizes element by element,
/// and every figure of the summary page for the same unit and period, each with its source.
/// </summary>
public sealed partial class SummaryDocxTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Page = "/reports/summary?unit=ba-che&period=2023-Q3";
    private const string Docx = "/reports/summary.docx?unit=ba-che&period=2023-Q3";

    private Task<HttpClient> Client() => fixture.Factory.SignedInClientAsync("lanhdao");

    [Fact]
    public async Task The_document_is_valid_Open_XML()
    {
        using var doc = await OpenAsync(Docx);

        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        errors.Should().BeEmpty();
    }

    /// <summary>
    /// A header word is never broken: in Times New Roman Bold (advance widths per 1,000 em: N 722, T 667, g 500, u 556, o 500,
    /// n 556) at 12 pt (240 twips an em), "Nguồn" is 2.834 em = 680 twips and "TT" 1.334 em = 320 twips, each with the cell's
    /// two margins of 60 twips. The Source column was 8 % of the 165 mm text width (748 twips) and showed "Nguồ-n".
    /// </summary>
    [Fact]
    public async Task No_table_header_word_is_wider_than_its_column_and_no_table_wider_than_the_text()
    {
        using var doc = await OpenAsync(Docx);
        var tables = doc.MainDocumentPart!.Document.Body!.Elements<Table>()
            .Where(t => t.Elements<TableRow>().FirstOrDefault()?.TableRowProperties?.GetFirstChild<TableHeader>() is not null).ToList();

        tables.Should().HaveCount(5, "attainment, poverty, capital, targets and the sources");
        foreach (var table in tables)
        {
            var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var headers = Rows(table)[0];
            widths[0].Should().BeGreaterThanOrEqualTo(320 + 120, headers[0]);
            if (Array.IndexOf(headers, "Nguồn") is var source and >= 0)
            {
                widths[source].Should().BeGreaterThanOrEqualTo(680 + 120);
            }

            widths.Sum().Should().BeLessThanOrEqualTo((int)Math.Round(165 * 1440 / 25.4), "the text width: 210 mm less margins of 30 and 15 mm");
        }
    }

    [Fact]
    public async Task The_page_is_A4_with_the_decrees_margins()
    {
        using var doc = await OpenAsync(Docx);
        var section = doc.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;

        // 1 mm = 56.7 twips; A4 is 210 × 297 mm.
        Mm(size.Width!.Value).Should().BeApproximately(210, 0.5);
        Mm(size.Height!.Value).Should().BeApproximately(297, 0.5);
        // The decree: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
        Mm(margin.Top!.Value).Should().BeInRange(19.9, 25.1);
        Mm(margin.Bottom!.Value).Should().BeInRange(19.9, 25.1);
        Mm(margin.Left!.Value).Should().BeInRange(29.9, 35.1);
        Mm(margin.Right!.Value).Should().BeInRange(14.9, 20.1);
        section.GetFirstChild<TitlePage>().Should().NotBeNull("the first page shows no page number");
    }

    [Fact]
    public async Task Every_run_is_Times_New_Roman_and_each_element_has_the_size_and_style_of_its_rule()
    {
        using var doc = await OpenAsync(Docx);
        var body = doc.MainDocumentPart!.Document.Body!;

        foreach (var run in body.Descendants<Run>().Where(r => r.InnerText.Length > 0))
        {
            run.RunProperties!.RunFonts!.Ascii!.Value.Should().Be("Times New Roman");
            run.RunProperties.RunFonts.HighAnsi!.Value.Should().Be("Times New Roman");
        }

        // The decree's ranges, written here apart from DocxRules so that a change of the table cannot leave the decree.
        var decree = new Dictionary<string, (double Min, double Max, bool Bold, bool Italic, bool Caps)>
        {
            ["issuing-body"] = (12, 13, true, false, true),
            ["national-title"] = (12, 13, true, false, true),
            ["motto"] = (13, 14, true, false, false),
            ["number"] = (13, 13, false, false, false),
            ["place-date"] = (13, 14, false, true, false),
            ["document-type"] = (13, 14, true, false, true),
            ["abstract"] = (13, 14, true, false, false),
            ["body"] = (13, 14, false, false, false),
            ["recipients-label"] = (12, 12, true, true, false),
            ["recipients"] = (11, 11, false, false, false),
            ["signer-title"] = (13, 14, true, false, true),
        };
        foreach (var (element, rule) in decree)
        {
            var paragraphs = body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "nd30-" + element && p.InnerText.Length > 0).ToList();
            paragraphs.Should().NotBeEmpty($"the document has its {element}");
            foreach (var run in paragraphs.SelectMany(p => p.Elements<Run>()))
            {
                var props = run.RunProperties!;
                var size = int.Parse(props.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture) / 2.0;
                size.Should().BeInRange(rule.Min, rule.Max, element);
                (props.Bold is not null).Should().Be(rule.Bold, $"{element} bold");
                (props.Italic is not null).Should().Be(rule.Italic, $"{element} italic");
                if (rule.Caps)
                {
                    run.InnerText.Should().Be(run.InnerText.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), $"{element} in capitals");
                }
            }
        }

        // The national title one size below the motto, as the decree pairs them.
        Size(body, "motto").Should().Be(Size(body, "national-title") + 1);
        var first = body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "nd30-body").First();
        first.ParagraphProperties!.Justification!.Val!.Value.Should().Be(JustificationValues.Both);
        Mm(uint.Parse(first.ParagraphProperties.Indentation!.FirstLine!.Value!, System.Globalization.CultureInfo.InvariantCulture)).Should().BeInRange(9.9, 12.8);
        int.Parse(first.ParagraphProperties.SpacingBetweenLines!.After!.Value!, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(6 * 20);
    }

    /// <summary>
    /// The place and date line for each clock day the suite runs at (<see cref="TestClock.Dates"/>): the test clock starts at
    /// 09:00 in Hà Nội that day, so Viet Nam's date is the named day. The decree's zeros: a day below 10 and the months 1 and 2
    /// take one (January in <see cref="The_date_line_of_a_report_made_in_January_writes_the_month_with_its_zero"/>).
    /// </summary>
    private static readonly Dictionary<DateOnly, string> PlaceAndDate = new()
    {
        [new(2026, 12, 7)] = "Ba Chẽ, ngày 07 tháng 12 năm 2026",
        [new(2030, 6, 1)] = "Ba Chẽ, ngày 01 tháng 6 năm 2030",
        [new(2031, 12, 31)] = "Ba Chẽ, ngày 31 tháng 12 năm 2031",
    };

    [Fact]
    public async Task The_date_line_of_a_report_made_in_January_writes_the_month_with_its_zero()
    {
        var (factory, database) = await PortalFactory.OnPostgresAsync();
        await using var db = database;
        await using var portal = factory;
        portal.Clock = TestClock.At(new DateOnly(2032, 1, 5));

        using var doc = await SummaryDocuments.OpenAsync(await portal.SignedInClientAsync("huyen"), Docx);

        Texts(doc).Should().Contain("Ba Chẽ, ngày 05 tháng 01 năm 2032");
    }

    [Fact]
    public async Task The_header_names_the_sender_the_state_and_the_place_and_the_closing_names_recipients_and_signer()
    {
        using var doc = await OpenAsync(Docx);
        var text = Texts(doc);

        text.Should().ContainInOrder("ỦY BAN NHÂN DÂN", "HUYỆN BA CHẼ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
        text.Should().Contain(t => t.StartsWith("Số:", StringComparison.Ordinal) && t.EndsWith("/BC-UBND", StringComparison.Ordinal));
        // The test clock's day, written for each day the suite runs at.
        text.Should().Contain(TestClock.ForToday(PlaceAndDate));
        text.Should().Contain("BÁO CÁO").And.Contain("Kết quả thực hiện các chương trình mục tiêu quốc gia Quý III/2023");
        text.Should().ContainInOrder("Nơi nhận:", "- UBND tỉnh Quảng Ninh (b/c);", "- Lưu: VT.");
        text.Should().ContainInOrder("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
    }

    [Fact]
    public async Task Every_number_of_the_summary_page_is_in_the_document()
    {
        var page = await PageText();
        using var doc = await OpenAsync(Docx);
        var document = string.Join(" ", Texts(doc)).Replace('\u00a0', ' ');

        var numbers = Numbers().Matches(page).Select(m => m.Value).Distinct().ToList();

        numbers.Should().HaveCountGreaterThan(30);
        numbers.Where(n => !document.Contains(n, StringComparison.Ordinal)).Should().BeEmpty();
        // And the page's sentences themselves, each as the page words it.
        foreach (var sentence in new[] { "xã Nam Sơn đạt 16/19 tiêu chí, 72/75 chỉ tiêu", "tỷ lệ hộ nghèo toàn huyện Ba Chẽ là 0,46 %", "ước đạt 68 triệu đồng/người/năm" })
        {
            page.Should().Contain(sentence);
            document.Should().Contain(sentence);
        }
    }

    [Fact]
    public async Task The_tables_give_each_units_attainment_poverty_by_both_standards_capital_and_targets_each_row_with_a_listed_source()
    {
        using var doc = await OpenAsync(Docx);
        var tables = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Select(Rows).Where(t => t.Count > 0 && t[0].Length > 4).ToList();

        tables.Should().HaveCount(5, "attainment, poverty, capital, targets and sources");
        var (attainment, poverty, capital, targets, sources) = (tables[0], tables[1], tables[2], tables[3], tables[4]);
        attainment.Should().Contain(r => r[1] == "xã Nam Sơn" && r[3] == "16/19 tiêu chí" && r[4] == "72/75 chỉ tiêu");
        attainment.Should().Contain(r => r[1] == "huyện Ba Chẽ" && r[3] == "2/9 tiêu chí" && r[4] == "25/38 chỉ tiêu");
        poverty.Should().Contain(r => r[3] == "0,46 %" && r[4] == "2,17 %");
        poverty.Should().Contain(r => r[3] == "0,27 %" && r[4] == "0,89 %");
        capital.Should().Contain(r => r.Any(c => c.Contains("119 tỷ", StringComparison.Ordinal)));
        capital.Should().Contain(r => r.Any(c => c.Contains("55 tỷ", StringComparison.Ordinal)));
        targets.Should().Contain(r => r[1].Contains("Thu nhập", StringComparison.Ordinal) && r[3].Contains("70", StringComparison.Ordinal) && r[4].Contains("68", StringComparison.Ordinal));

        var listed = sources.Skip(1).Select(r => r[0]).ToHashSet();
        listed.Should().NotBeEmpty();
        foreach (var row in new[] { attainment, poverty, capital, targets }.SelectMany(t => t.Skip(1)))
        {
            var marks = SourceMarks().Matches(row[^1]).Select(m => m.Value).ToList();
            marks.Should().NotBeEmpty($"the row \"{string.Join(" | ", row)}\" names its source");
            listed.Should().Contain(marks);
        }
    }

    [Fact]
    public async Task The_English_document_is_marked_as_a_working_translation_and_stays_valid()
    {
        using var doc = await OpenAsync(Docx + "&culture=en");
        var text = Texts(doc);

        text.Should().Contain("SOCIALIST REPUBLIC OF VIET NAM").And.Contain("REPORT");
        text.Should().Contain(t => t.Contains("Working translation", StringComparison.Ordinal));
        new OpenXmlValidator().Validate(doc).Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_unit_is_404_and_a_reader_of_another_unit_is_refused()
    {
        var client = await Client();
        (await client.GetAsync("/reports/summary.docx?unit=no-such-unit&period=2023-Q3")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/reports/summary.docx?unit=quang-ninh&period=2023-Q3")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_summary_page_offers_the_document()
    {
        var html = await (await Client()).GetStringAsync(Page);

        html.Should().Contain("id=\"summary-docx\"").And.Contain("href=\"/reports/summary.docx?unit=ba-che&amp;period=2023-Q3\"");
    }

    private async Task<string> PageText()
    {
        var response = await (await Client()).GetAsync(Page);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return Text(Element(await response.Content.ReadAsStringAsync(), "summary", "article"));
    }

    private async Task<WordprocessingDocument> OpenAsync(string url) => await SummaryDocuments.OpenAsync(await Client(), url);

    private static List<string> Texts(WordprocessingDocument doc) => SummaryDocuments.Texts(doc);

    private static List<string[]> Rows(Table table) =>
        table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();

    private static double Size(Body body, string element) =>
        int.Parse(body.Descendants<Paragraph>().First(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "nd30-" + element)
            .Elements<Run>().First().RunProperties!.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture) / 2.0;

    private static double Mm(double twips) => twips * 25.4 / 1440;

    /// <summary>A figure as the page writes it: 16/19, 14,5, 0,46, 2023, 24/08/2023.</summary>
    [GeneratedRegex(@"\d+(?:[.,/]\d+)*")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex SourceMarks();
}
