namespace ProgramTracker.Tests.Integration;

/// <summary>
/// The user guide (docs/guide, issue 30) against the portal: each guide renders at /help in both languages with the same
/// sections; every button or label a step names in bold is on the page its section describes (the section's
/// <c>&lt;!-- page: USER URL --&gt;</c>), fetched as that user in that language; every picture is written by a browser test.
/// </summary>
public sealed partial class GuideContentTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly string[] Guides = ["officer", "reviewer", "leader", "province-admin", "admin", "api"];

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var guide in Guides)
        {
            data.Add(guide, "vi");
            data.Add(guide, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_name_a_step_gives_in_bold_is_on_the_page_its_section_describes(string guide, string language)
    {
        var checkedNames = 0;
        foreach (var section in Sections(Read(guide, language)).Where(s => s.Page is not null))
        {
            var (user, url) = section.Page!.Value;
            var client = user == "-" ? fixture.Factory.CreateClient() : await fixture.ClientAsync(user);
            var address = language == "en" && !url.Contains("culture=", StringComparison.Ordinal) ? url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=en" : url;
            using var response = await client.GetAsync(address);
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{guide}.{language} #{section.Id} describes {address}");
            var text = PageText(await response.Content.ReadAsStringAsync());
            foreach (var name in Bold().Matches(section.Body).Select(m => m.Groups[1].Value))
            {
                text.Should().Contain(name, $"{guide}.{language} #{section.Id} names “{name}” on {address} (as {user})");
                checkedNames++;
            }
        }

        checkedNames.Should().BeGreaterThan(0, "each guide names at least one button of a page it describes");
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("reviewer")]
    [InlineData("leader")]
    [InlineData("province-admin")]
    [InlineData("admin")]
    [InlineData("api")]
    public async Task Each_guide_renders_in_both_languages_with_the_same_sections(string guide)
    {
        var vi = Sections(Read(guide, "vi")).Select(s => s.Id).ToList();
        var en = Sections(Read(guide, "en")).Select(s => s.Id).ToList();
        vi.Should().NotBeEmpty().And.Equal(en, "a page's Help link lands on the same section in both languages");

        var client = fixture.Factory.CreateClient();
        foreach (var (language, query) in new[] { ("vi", ""), ("en", "?culture=en") })
        {
            var html = await client.GetStringAsync($"/help/{guide}{query}");
            foreach (var id in vi)
            {
                html.Should().Contain($"id=\"{id}\"", $"/help/{guide} in {language} has the section #{id}");
            }
        }
    }

    [Fact]
    public async Task Help_opens_the_readers_own_guide_and_an_unknown_guide_is_404()
    {
        (await (await fixture.ClientAsync("xa.namson")).GetStringAsync("/help")).Should().Contain("data-guide=\"officer\"");
        (await (await fixture.ClientAsync("tinh")).GetStringAsync("/help")).Should().Contain("data-guide=\"reviewer\"");
        (await (await fixture.ClientAsync("lanhdao.tinh")).GetStringAsync("/help")).Should().Contain("data-guide=\"leader\"");
        (await fixture.Factory.CreateClient().GetAsync("/help/nobody")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.Factory.CreateClient().GetAsync("/help/pictures/..%2Fofficer.vi.md")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Every_picture_of_the_guide_is_written_by_a_browser_test_and_every_written_one_is_used()
    {
        var referenced = Guides.SelectMany(g => new[] { Read(g, "vi"), Read(g, "en") })
            .SelectMany(md => Picture().Matches(md).Select(m => m.Groups[1].Value)).Distinct().ToList();
        var tests = string.Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "ProgramTracker.BrowserTests"), "*.cs").Select(File.ReadAllText));
        var committed = Directory.GetFiles(Path.Combine(RepoPaths.Guide, "pictures"), "*.png").Select(Path.GetFileName).ToList();

        referenced.Should().NotBeEmpty();
        foreach (var picture in referenced)
        {
            committed.Should().Contain(picture, "a picture the guide shows is committed");
            var stem = picture.EndsWith("-vi.png", StringComparison.Ordinal) || picture.EndsWith("-en.png", StringComparison.Ordinal) ? picture[..^7] : picture[..^4];
            tests.Should().Contain($"\"{stem}-{{language}}.png\"", $"a browser test writes {picture} (GuidePictureAsync)");
        }

        committed.Should().BeSubsetOf(referenced, "no committed picture is left unused");
    }

    private sealed record Section(string Id, (string User, string Url)? Page, string Body);

    private static string Read(string guide, string language) => File.ReadAllText(Path.Combine(RepoPaths.Guide, $"{guide}.{language}.md"));

    private static List<Section> Sections(string markdown) =>
        Heading().Matches(markdown).Select((m, i) =>
        {
            var next = m.NextMatch();
            var body = markdown[m.Index..(next.Success ? next.Index : markdown.Length)];
            var page = PageComment().Match(body);
            return new Section(m.Groups[1].Value, page.Success ? (page.Groups[1].Value, page.Groups[2].Value) : null, PageComment().Replace(body, ""));
        }).ToList();

    /// <summary>The page's text as a reader sees it: tags out, entities decoded, spaces collapsed (the navigation too: some steps name it).</summary>
    private static string PageText(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(html, " "), " ")), " ");

    [GeneratedRegex(@"^## .*\{#([a-z0-9-]+)\}\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"<!-- page: (\S+) (\S+) -->")]
    private static partial Regex PageComment();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"\]\(pictures/([a-z0-9-]+\.png)\)")]
    private static partial Regex Picture();

    [GeneratedRegex(@"<script\b[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
