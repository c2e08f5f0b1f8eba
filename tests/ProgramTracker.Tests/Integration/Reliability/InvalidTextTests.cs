using System.Text;
using ProgramTracker.Web.Infrastructure;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Defects 2 and 10: NUL and other control characters, lone surrogates and invalid UTF-8 are refused (400, Vietnamese page), never 500.</summary>
public sealed class InvalidTextTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Theory]
    [InlineData("/audit?user=%00")]
    [InlineData("/audit?unit=%00")]
    [InlineData("/audit?user=a%01b")]
    [InlineData("/overview?unit=%00")]
    [InlineData("/dashboard?unit=ba-che%00")]
    [InlineData("/audit?user=%ED%A0%80")]
    [InlineData("/audit?%00=x")]
    public async Task Control_characters_and_invalid_text_in_the_address_get_400_with_the_Vietnamese_page(string url)
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Yêu cầu không hợp lệ");
    }

    /// <summary>Issue 28, defect 9: the form comes back with the field marked, the invalid characters removed and the other inputs kept (no generic 400).</summary>
    [Theory]
    [InlineData("Ghi ch\u0000u", "Ghi chu")]
    [InlineData("\u001b[31m", "[31m")]
    [InlineData("lone <D800> surrogate", "lone  surrogate")]
    [InlineData("bad byte <FF>", "bad byte ")]
    public async Task A_note_with_invalid_text_comes_back_marked_with_the_other_inputs_kept_and_nothing_is_saved(string note, string kept)
    {
        // Attribute data cannot carry a lone surrogate (it would arrive as U+FFFD): the markers are replaced here.
        note = note.Replace("<D800>", "\ud800", StringComparison.Ordinal);
        var client = await portal.Factory.SignedInClientAsync("huyen");
        const string url = "/districts/ba-che/entry/2023-Q1";
        var cells = await EntryFormPage.CellsAsync(client, url);
        var token = await client.AntiforgeryTokenAsync(url);
        var fields = EntryFormPage.Fields(cells, new() { ["dtts-bhyt"] = "90" });
        var index = cells["dtts-bhyt"].Index;
        fields.Add(new($"Cells[{index}].Note", note));

        // Encoded by hand: FormUrlEncodedContent would turn a lone surrogate into U+FFFD itself.
        var body = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Escape(f.Value)}")) + "&__RequestVerificationToken=" + Uri.EscapeDataString(token);
        body = body.Replace("%3CFF%3E", "%FF", StringComparison.Ordinal);
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        var response = await client.PostAsync(url, content);

        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, $"id=\"cell-{cells["dtts-bhyt"].IndicatorId}-err\">([^<]*)<").Groups[1].Value)
            .Should().Be("Ô này có ký tự không hợp lệ (ký tự điều khiển hoặc ký tự hỏng); chúng đã được bỏ đi. Hãy xem lại rồi gửi lại.");
        EntryFormPage.Cells(html)["dtts-bhyt"].Raw.Should().Be("90", "the other inputs are kept");
        WebUtility.HtmlDecode(html).Should().Contain($"name=\"Cells[{index}].Note\" value=\"{kept}\"");
        (await EntryFormPage.CellsAsync(client, url))["dtts-bhyt"].Raw.Should().BeEmpty();
    }

    [Fact]
    public async Task A_capital_description_with_a_NUL_comes_back_marked_with_the_amount_kept_and_nothing_is_saved()
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");
        const string capital = "/districts/ba-che/capital/2023-Q3";
        var page = await client.GetStringAsync(capital);
        var before = NumberInputTests.Rows(page);
        var fields = NumberInputTests.CapitalFields(page, "1.250.000", "Planned");
        fields["Description"] = "Vốn\u0000 thử";

        var response = await client.PostFormAsync(capital, fields, await client.AntiforgeryTokenAsync(capital));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        System.Text.RegularExpressions.Regex.Match(html, "id=\"Description\".*?</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value
            .Should().Contain("Ô này có ký tự không hợp lệ");
        html.Should().Contain("value=\"1.250.000\"");
        NumberInputTests.Rows(await client.GetStringAsync(capital)).Should().Be(before);
    }

    [Theory]
    [InlineData("Xã Nam Sơn, 14,5 %", true)]
    [InlineData("dòng 1\r\ndòng 2\tcột", true)]
    [InlineData("emoji 😀 ok", true)]
    [InlineData("nul \u0000", false)]
    [InlineData("del \u007f", false)]
    [InlineData("c1 \u0085", false)]
    [InlineData("lone \udc00", false)]
    [InlineData("replacement \ufffd", false)]
    public void Valid_text_is_text_without_controls_or_broken_characters(string text, bool valid) =>
        InputGuard.IsValid(text).Should().Be(valid);

    [Theory]
    [InlineData("user=Nam+S%C6%A1n&x=50%25", true)]
    [InlineData("user=%ED%A0%80", false)]
    [InlineData("user=%FF", false)]
    [InlineData("user=%C3", false)]
    public void Percent_escapes_must_decode_to_valid_UTF8(string encoded, bool valid) =>
        InputGuard.IsValidUrlEncoded(Encoding.ASCII.GetBytes(encoded)).Should().Be(valid);

    /// <summary>Percent-encodes UTF-16 code units as UTF-8 would, writing a lone surrogate as its (invalid) three bytes.</summary>
    private static string Escape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                text.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"%{0xE0 | (c >> 12):X2}%{0x80 | ((c >> 6) & 0x3F):X2}%{0x80 | (c & 0x3F):X2}"));
            }
            else
            {
                text.Append(Uri.EscapeDataString(c.ToString()));
            }
        }

        return text.ToString();
    }
}

/// <summary>Defect 10: user text is isolated where shown, so a right-to-left override cannot reverse the text around it.</summary>
public sealed class IsolatedTextTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task A_note_with_a_right_to_left_override_is_isolated_in_the_audit_trail()
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");
        const string url = "/districts/ba-che/entry/2023-Q3";
        var cells = await EntryFormPage.CellsAsync(client, url);
        var fields = EntryFormPage.Fields(cells, new() { ["dtts-bhyt"] = "95" });
        fields.Add(new($"Cells[{cells["dtts-bhyt"].Index}].Note", "ghi chú \u202Egnợưđ"));

        (await client.PostFormAsync(url, fields, await client.AntiforgeryTokenAsync(url))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await client.GetStringAsync("/audit?unit=ba-che")).Should().Contain("<td dir=\"auto\">ghi chú \u202Egnợưđ</td>");
    }
}
