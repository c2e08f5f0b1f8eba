using System.Collections.Concurrent;
using Markdig;
using Markdig.Syntax;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace ProgramTracker.Web.Models.Help;

/// <summary>One guide rendered for the page: its name, its title (the first heading), its sections and its HTML.</summary>
public sealed record GuidePage(string Name, string Title, IReadOnlyList<(string Id, string Title)> Sections, string Html, IReadOnlyList<string> Guides);

/// <summary>
/// The user guides of docs/guide (issue 30), one per role and language (<c>officer.vi.md</c>, <c>officer.en.md</c>…), copied
/// beside the portal (guide/) and rendered with Markdig, once per file. Section headings carry fixed ids
/// (<c>## Lưu số liệu {#save}</c>) that are the same in both languages, so a page's "Hướng dẫn" link lands on its section.
/// Pictures are the browser tests' screenshots in docs/guide/pictures, served at /help/pictures/.
/// </summary>
public static class GuideLibrary
{
    /// <summary>The guides in the order the help page lists them.</summary>
    public static readonly IReadOnlyList<string> Names = ["officer", "reviewer", "leader", "province-admin", "admin", "api"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private static readonly ConcurrentDictionary<string, GuidePage?> Rendered = new();

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "guide");

    /// <summary>The guide a person reads first: the one of their role.</summary>
    public static string For(string? role) => role switch
    {
        Roles.CommuneOfficer => "officer",
        Roles.DistrictStaff => "reviewer",
        Roles.Leader => "leader",
        Roles.ProvinceAdmin => "province-admin",
        Roles.Admin => "admin",
        _ => "officer",
    };

    /// <summary>The guide in the reader's language; null when there is no such guide.</summary>
    public static GuidePage? Load(string name, Formats language)
    {
        if (!Names.Contains(name))
        {
            return null;
        }

        var file = Path.Combine(Folder, $"{name}.{(language.IsEnglish ? "en" : "vi")}.md");
        return Rendered.GetOrAdd(file, path => File.Exists(path) ? Render(name, File.ReadAllText(path)) : null);
    }

    private static GuidePage Render(string name, string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => l.IsImage && l.Url is { } u && u.StartsWith("pictures/", StringComparison.Ordinal)))
        {
            link.Url = "/help/" + link.Url; // the same picture from /help and from /help/officer
        }

        var headings = document.Descendants<HeadingBlock>().ToList();
        var title = headings.FirstOrDefault(h => h.Level == 1) is { } h1 ? Text(h1) : name;
        var sections = headings.Where(h => h.Level == 2)
            .Select(h => (Id: h.GetAttributes().Id ?? "", Title: Text(h)))
            .Where(s => s.Id.Length > 0).ToList();
        return new GuidePage(name, title, sections, document.ToHtml(Pipeline), Names);
    }

    private static string Text(HeadingBlock heading) =>
        string.Concat(heading.Inline?.Descendants<LiteralInline>().Select(l => l.Content.ToString()) ?? []);
}
