namespace ProgramTracker.Tests.Integration;

/// <summary>The reader's language: the default, ?culture=, the switch's cookie, and a page cache that keeps them apart.</summary>
public sealed class LocalizationTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Vietnamese_is_the_default_and_query_culture_chooses_english_for_one_request()
    {
        var client = await fixture.ClientAsync("lanhdao");

        var vi = await client.GetStringAsync("/communes/nam-son");
        vi.Should().Contain("<html lang=\"vi\"").And.Contain(">Bảng điều khiển</a>");

        foreach (var name in new[] { "en", "en-US", "EN" })
        {
            var en = await client.GetStringAsync($"/communes/nam-son?culture={name}");
            en.Should().Contain("<html lang=\"en\"").And.Contain(">Dashboard</a>").And.NotContain(">Bảng điều khiển</a>");
        }

        // A criteria set's seeded English name, with the official Vietnamese beside it.
        var page = await client.GetStringAsync("/communes/nam-son?culture=en");
        System.Net.WebUtility.HtmlDecode(page).Should().Contain(">Advanced new rural commune criteria (Bộ tiêu chí xã nông thôn mới nâng cao)</a>");

        (await client.GetStringAsync("/communes/nam-son?culture=vi-VN")).Should().Contain("<html lang=\"vi\"");
        (await client.GetStringAsync("/communes/nam-son?culture=fr")).Should().Contain("<html lang=\"vi\"");
    }

    [Fact]
    public async Task The_switch_sets_the_cookie_returns_to_the_page_and_the_page_cache_varies_by_language()
    {
        // A client of its own: the cookie it gets must not change the language of the shared clients.
        var client = await fixture.Factory.SignedInClientAsync("lanhdao");
        const string page = "/dashboard?unit=ba-che&period=2023-Q3";

        (await client.GetStringAsync(page)).Should().Contain("<html lang=\"vi\"");
        (await client.GetStringAsync(page)).Should().Contain("<html lang=\"vi\""); // now cached in Vietnamese

        var switched = await client.GetAsync($"/language/en?returnUrl={Uri.EscapeDataString(page)}");
        switched.StatusCode.Should().Be(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.Should().Be(page);
        switched.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US", StringComparison.Ordinal));

        var english = await client.GetStringAsync(page);
        english.Should().Contain("<html lang=\"en\"").And.Contain(">Dashboard</a>");

        // The address's choice wins over the cookie, for that request only.
        (await client.GetStringAsync(page + "&culture=vi")).Should().Contain("<html lang=\"vi\"");
        (await client.GetStringAsync(page)).Should().Contain("<html lang=\"en\"");

        await client.GetAsync("/language/vi?returnUrl=%2F");
        (await client.GetStringAsync(page)).Should().Contain("<html lang=\"vi\"");
    }

    [Theory]
    [InlineData("https://example.com/")]
    [InlineData("//example.com/")]
    [InlineData("/\\example.com")]
    public async Task The_switch_returns_only_to_local_addresses(string returnUrl)
    {
        var client = fixture.Factory.AnonymousClient();

        var response = await client.GetAsync($"/language/en?returnUrl={Uri.EscapeDataString(returnUrl)}");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task An_unknown_language_is_not_found()
    {
        var response = await fixture.Factory.AnonymousClient().GetAsync("/language/fr?returnUrl=%2F");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

/// <summary>The English summary says the same facts as the Vietnamese one, from the same data: the same figures, dates and periods.</summary>
public sealed partial class SummaryLanguageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    /// <summary>The officer's and reviewer's task list names each form's criteria set in the reader's language (it showed the Vietnamese name in English).</summary>
    [Fact]
    public async Task The_task_list_names_criteria_sets_in_english_where_the_catalogue_has_an_english_name()
    {
        using var seed = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Seeds, "catalogue", "criteria-sets.json")));
        var set = FindSet(seed.RootElement, "ctmtqg-2026-theo-doi-xa");
        var (vietnamese, english) = (set.GetProperty("name").GetString()!, set.GetProperty("nameEn").GetString()!);
        var client = await fixture.Factory.SignedInClientAsync("xa.bache");

        var en = WebUtility.HtmlDecode(await client.GetStringAsync("/inbox?culture=en"));
        var vi = WebUtility.HtmlDecode(await client.GetStringAsync("/inbox?culture=vi"));

        en.Should().Contain($"Ba Chẽ commune · {english}").And.NotContain(vietnamese);
        vi.Should().Contain($"xã Ba Chẽ · {vietnamese}").And.NotContain(english);
    }

    private static System.Text.Json.JsonElement FindSet(System.Text.Json.JsonElement element, string code)
    {
        if (element.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            if (element.TryGetProperty("code", out var c) && c.GetString() == code && element.TryGetProperty("nameEn", out _))
            {
                return element;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (FindSet(property.Value, code) is { ValueKind: not System.Text.Json.JsonValueKind.Undefined } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindSet(item, code) is { ValueKind: not System.Text.Json.JsonValueKind.Undefined } found)
                {
                    return found;
                }
            }
        }

        return default;
    }

    [Fact]
    public async Task English_and_Vietnamese_summaries_carry_the_same_figures()
    {
        var client = await fixture.ClientAsync("lanhdao");

        var vi = Plain(await client.GetStringAsync("/reports/summary?unit=ba-che&period=2023-Q3"));
        var en = Plain(await client.GetStringAsync("/reports/summary?unit=ba-che&period=2023-Q3&culture=en"));

        en.Should().Contain("Summary of the National Target Programmes").And.Contain("Ba Chẽ district").And.Contain("Q3 2023")
            .And.Contain("billion VND").And.Contain("0.46 %").And.Contain("14.5").And.NotContain("tỷ đồng").And.NotContain(" đạt ")
            // Criteria sets by their seeded English names, not the Vietnamese ones inside English sentences.
            .And.Contain("by the advanced new rural commune criteria").And.NotContainEquivalentOf("bộ tiêu chí")
            // The standards a report says were met, by the sets' English names too.
            .And.Contain("The end of 2022, 7/7 communes meet the new rural standard, of which 02 communes meet the advanced new rural standard; Ba Chẽ district meets the new rural standard.")
            .And.Contain("National Target Programme on New Rural Development: total mobilised capital");
        vi.Should().Contain("Tóm tắt kết quả").And.Contain("huyện Ba Chẽ").And.Contain("0,46 %").And.Contain("14,5");

        var viFigures = Figures(vi, decimalMark: ',');
        var enFigures = Figures(en, decimalMark: '.');
        viFigures.Should().HaveCountGreaterThan(40);
        enFigures.Should().BeEquivalentTo(viFigures, "both texts are written from the same stored values");
    }

    private static string Plain(string html) =>
        System.Net.WebUtility.HtmlDecode(PlainText().Match(html).Groups[1].Value);

    /// <summary>Every figure of a text, as values: dates and periods first made language-free, then numbers read by the language's marks.</summary>
    private static List<string> Figures(string text, char decimalMark)
    {
        var months = new[] { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
        text = NumericDate().Replace(text, m => $" D{m.Groups[3].Value}{m.Groups[2].Value}{m.Groups[1].Value} ");
        text = EnglishDate().Replace(text, m => $" D{m.Groups[3].Value}{Array.IndexOf(months, m.Groups[2].Value) + 1:00}{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture):00} ");
        text = VietnameseQuarter().Replace(text, m => $" P{m.Groups[2].Value}Q{m.Groups[1].Value switch { "I" => 1, "II" => 2, "III" => 3, _ => 4 }} ");
        text = EnglishQuarter().Replace(text, m => $" P{m.Groups[2].Value}Q{m.Groups[1].Value} ");
        var group = decimalMark == ',' ? "." : ",";
        return Number().Matches(text)
            .Select(m => m.Value.StartsWith('D') || m.Value.StartsWith('P') ? m.Value
                : decimal.Parse(m.Value.Replace(group, "", StringComparison.Ordinal).Replace(decimalMark, '.'), System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<textarea id=""summary-plain""[^>]*>(.*?)</textarea>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex PlainText();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(\d{2})/(\d{2})/(\d{4})\b")]
    private static partial System.Text.RegularExpressions.Regex NumericDate();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})\b")]
    private static partial System.Text.RegularExpressions.Regex EnglishDate();

    [System.Text.RegularExpressions.GeneratedRegex(@"Quý (IV|III|II|I)/(\d{4})")]
    private static partial System.Text.RegularExpressions.Regex VietnameseQuarter();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bQ([1-4]) (\d{4})\b")]
    private static partial System.Text.RegularExpressions.Regex EnglishQuarter();

    [System.Text.RegularExpressions.GeneratedRegex(@"[DP]\d{4}(?:\d{4}|Q\d)|\d+(?:[.,]\d+)*")]
    private static partial System.Text.RegularExpressions.Regex Number();
}
