namespace ProgramTracker.Web.Models.Reports;

/// <summary>
/// The layout of the summary document by Nghị định 30/2020/NĐ-CP, Phụ lục I (docs/summary-docx.md): page, margins,
/// font and, per element, the size (in points) chosen inside the decree's range, capitals, bold and italic. The writer
/// (<see cref="SummaryDocx"/>) takes every value from here and the tests check the document against the same table.
/// </summary>
public static class DocxRules
{
    public const string Font = "Times New Roman";

    /// <summary>A4, 210 × 297 mm (Phụ lục I, general rules: "Khổ giấy").</summary>
    public const int PageWidthMm = 210;

    public const int PageHeightMm = 297;

    /// <summary>Margins (Phụ lục I, general rules: "Định lề trang"): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.</summary>
    public const int TopMm = 20;

    public const int BottomMm = 20;

    public const int LeftMm = 30;

    public const int RightMm = 15;

    /// <summary>Twentieths of a point in a millimetre: 1 mm = 72 / 25.4 pt.</summary>
    public static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    /// <summary>Text width: 210 − 30 − 15 = 165 mm.</summary>
    public static int TextWidthTwips => Twips(PageWidthMm - LeftMm - RightMm);

    /// <summary>One element of the document: its size in points and its style (the decree's words in docs/summary-docx.md).</summary>
    public sealed record Rule(string Element, double Size, double MinSize, double MaxSize, bool Bold = false, bool Italic = false, bool Caps = false);

    /// <summary>Ô 2: the parent body, capitals, 12–13, upright.</summary>
    public static readonly Rule ParentBody = new("parent-body", 13, 12, 13, Caps: true);

    /// <summary>Ô 2: the issuing body, capitals, 12–13, upright, bold.</summary>
    public static readonly Rule IssuingBody = new("issuing-body", 13, 12, 13, Bold: true, Caps: true);

    /// <summary>Ô 1: the national title, capitals, 12–13, upright, bold (12 so that it holds on one line of its column).</summary>
    public static readonly Rule NationalTitle = new("national-title", 12, 12, 13, Bold: true, Caps: true);

    /// <summary>Ô 1: the motto, 13–14, upright, bold; one size above the national title (13 with a title of 12).</summary>
    public static readonly Rule Motto = new("motto", 13, 13, 14, Bold: true);

    /// <summary>Ô 3: number and symbol, 13, upright.</summary>
    public static readonly Rule Number = new("number", 13, 13, 13);

    /// <summary>Ô 4: place and date, 13–14, italic.</summary>
    public static readonly Rule PlaceDate = new("place-date", 14, 13, 14, Italic: true);

    /// <summary>Ô 5a: the document type, capitals, 13–14, upright, bold.</summary>
    public static readonly Rule DocumentType = new("document-type", 14, 13, 14, Bold: true, Caps: true);

    /// <summary>Ô 5a: the abstract, 13–14, upright, bold.</summary>
    public static readonly Rule Abstract = new("abstract", 14, 13, 14, Bold: true);

    /// <summary>Ô 6: the body, 13–14, justified, first line indented 1–1.27 cm, at least 6 pt between paragraphs.</summary>
    public static readonly Rule Body = new("body", 14, 13, 14);

    /// <summary>Ô 6: a part's heading ("I. ..."), 13–14, capitals, bold.</summary>
    public static readonly Rule PartHeading = new("part-heading", 14, 13, 14, Bold: true, Caps: true);

    /// <summary>Ô 6: a section's heading ("1. ..."), 13–14, bold.</summary>
    public static readonly Rule SectionHeading = new("section-heading", 14, 13, 14, Bold: true);

    /// <summary>The tables of the body: the decree sets no size for a table; 12 keeps seven columns inside 165 mm.</summary>
    public static readonly Rule Table = new("table", 12, 11, 14);

    /// <summary>A table's caption: body size, bold.</summary>
    public static readonly Rule TableCaption = new("table-caption", 13, 13, 14, Bold: true);

    /// <summary>Ô 9a: "Nơi nhận:", 12, italic, bold.</summary>
    public static readonly Rule RecipientsLabel = new("recipients-label", 12, 12, 12, Bold: true, Italic: true);

    /// <summary>Ô 9b: the recipients, 11, upright.</summary>
    public static readonly Rule Recipients = new("recipients", 11, 11, 11);

    /// <summary>Ô 7a: the signer's authority and title, capitals, 13–14, bold.</summary>
    public static readonly Rule SignerTitle = new("signer-title", 14, 13, 14, Bold: true, Caps: true);

    /// <summary>Ô 7b: the signer's name, 13–14, bold.</summary>
    public static readonly Rule SignerName = new("signer-name", 14, 13, 14, Bold: true);

    /// <summary>The page number (Phụ lục I, general rules: "Số trang văn bản"), 13–14, upright, centred in the top margin, not on the first page.</summary>
    public static readonly Rule PageNumber = new("page-number", 14, 13, 14);

    /// <summary>The note that the English document is a working translation (not an element of the decree).</summary>
    public static readonly Rule TranslationNote = new("translation-note", 12, 11, 14, Italic: true);

    public static readonly IReadOnlyList<Rule> All =
    [
        ParentBody, IssuingBody, NationalTitle, Motto, Number, PlaceDate, DocumentType, Abstract, Body, PartHeading, SectionHeading,
        Table, TableCaption, RecipientsLabel, Recipients, SignerTitle, SignerName, PageNumber, TranslationNote,
    ];

    /// <summary>Body paragraphs: first-line indent 1.27 cm, 6 pt after, single line spacing.</summary>
    public const double FirstLineIndentMm = 12.7;

    public const int ParagraphSpacingPt = 6;

    /// <summary>Line spacing in 240ths of a line: 240 is single (the decree: at least single, at most 1.5 lines).</summary>
    public const int LineSpacing = 240;

    /// <summary>The header table's columns: the issuing body's (left) and the national title's (right), in mm; they sum to the text width.</summary>
    public const int LeftColumnMm = 62;

    public const int RightColumnMm = 103;
}
