using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ProgramTracker.Web.Models.Reports;

namespace ProgramTracker.Tests.Integration;

/// <summary>The Word summary as a reader downloads it: asked for over HTTP, checked to be a Word document, then read.</summary>
internal static class SummaryDocuments
{
    public static async Task<WordprocessingDocument> OpenAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.Should().Be(SummaryDocx.ContentType);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return WordprocessingDocument.Open(stream, false);
    }

    /// <summary>The document's paragraphs that hold text, in order.</summary>
    public static List<string> Texts(WordprocessingDocument doc) =>
        doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
}
