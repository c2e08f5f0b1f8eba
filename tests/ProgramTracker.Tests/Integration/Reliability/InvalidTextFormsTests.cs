namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>
/// Issue 28, defect 9, on the forms other than the entry and capital forms: a NUL typed into a text field brings the form
/// back with that field marked and the other inputs kept, instead of a bare 400 that names no field and loses the input;
/// and nothing is saved.
/// </summary>
public sealed partial class InvalidTextFormsTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string Message = "Ô này có ký tự không hợp lệ (ký tự điều khiển hoặc ký tự hỏng); chúng đã được bỏ đi. Hãy xem lại rồi gửi lại.";

    /// <summary>A form, the field that gets a NUL, another field whose typed value must come back, and what must not be stored.</summary>
    public sealed record FormCase(string User, string Page, string Field, string Text, string Other, string Kept, string? Check, string Absent)
    {
        public override string ToString() => Page;
    }

    public static TheoryData<FormCase> Forms => new()
    {
        new("admin", "/admin/users/new", "FullName", "Nguyễn\u0000 Văn Mới", "UserName", "nguoi.moi.nul", "/admin/users", "nguoi.moi.nul"),
        // A quarter five years after the test clock's day: not yet opened by the calendar at any clock date, so its absence shows nothing was saved.
        new("admin", "/admin/periods", "Code", $"{TestClock.FutureYear}-Q1\u0000", "Deadline", $"15/04/{TestClock.FutureYear}", "/admin/periods", $"{TestClock.FutureYear}-Q1"),
        new("huyen", "/account/tokens", "Name", "máy\u0000 tỉnh", "Days", "45", "/account/tokens", "máy tỉnh"),
        new("huyen", "/units/ba-che/report-settings", "IssuingBody", "UBND\u0000 HUYỆN BA CHẼ", "Place", "Ba Chẽ (giữ lại)", "/units/ba-che/report-settings", "Ba Chẽ (giữ lại)"),
        new("huyen", "/districts/ba-che/poverty/2023-Q3", "Rows[0].Poor", "5\u0000", "Rows[0].Households", "4321", "/districts/ba-che/poverty/2023-Q3", "value=\"4321\""),
        new("", "/account/login", "UserName", "huyen\u0000", "ReturnUrl", "/inbox", null, ""),
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_NUL_in_a_text_field_comes_back_beside_that_field_with_the_other_inputs_kept(FormCase c)
    {
        var client = c.User.Length == 0 ? portal.Factory.AnonymousClient() : await portal.Factory.SignedInClientAsync(c.User);
        var html = await client.GetStringAsync(c.Page);
        var (action, fields) = Form(html, c.Field);
        fields[c.Field] = c.Text;
        fields[c.Other] = c.Kept;

        var response = await client.PostFormAsync(action, fields, Token(html, action));
        var answer = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity], "the form comes back, not a bare 400 or a redirect");
        var at = answer.IndexOf($"name=\"{c.Field}\"", StringComparison.Ordinal);
        at.Should().BePositive();
        // Beside the field: between its label (or its table row's start) and the next label (or the row's end).
        var from = Math.Max(answer.LastIndexOf("<label", at, StringComparison.Ordinal), answer.LastIndexOf("<tr", at, StringComparison.Ordinal));
        var ends = new[] { answer.IndexOf("<label", at, StringComparison.Ordinal), answer.IndexOf("</tr>", at, StringComparison.Ordinal) }.Where(i => i > 0).DefaultIfEmpty(answer.Length).Min();
        answer[from..ends].Should().Contain(Message, "the message sits beside the field");
        answer.Should().Contain($"value=\"{c.Kept}\"", "the other inputs are kept");
        if (c.Check is { } check)
        {
            WebUtility.HtmlDecode(await client.GetStringAsync(check)).Should().NotContain(c.Absent, "nothing was saved");
        }
    }

    [Fact]
    public async Task A_NUL_in_a_return_comment_marks_the_box_keeps_the_comment_and_returns_nothing()
    {
        // Its own copy: the district's form is filled and submitted by huyen; the administrator reviews it.
        var (factory, database) = await PortalFactory.OnSeededCopyAsync();
        await using var db = database;
        await using var f = factory;
        const string form = "/districts/ba-che/entry/2023-Q4";
        var staff = await f.SignedInClientAsync("huyen");
        var cells = await EntryFormPage.CellsAsync(staff, form);
        var fields = EntryFormPage.Fields(cells, cells.Keys.ToDictionary(k => k, _ => "10"));
        // Issue 25: a value warned by a rule (10 against last quarter's) goes for review only with a note.
        fields.AddRange(cells.Values.Select(c => new KeyValuePair<string, string>($"Cells[{c.Index}].Note", "Số liệu thử")));
        (await staff.PostFormAsync(form, fields, await staff.AntiforgeryTokenAsync(form)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var submitted = int.Parse(Regex.Match(await staff.GetStringAsync(form), "id=\"set-(\\d+)\" data-set=\"dtts-nq06\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await staff.WorkflowStepAsync(form, submitted, "Submit");
        var reviewer = await f.SignedInClientAsync("admin");

        var response = await reviewer.PostFormAsync(form + "/workflow", new() { ["SetId"] = $"{submitted}", ["Step"] = "Return", ["Comment"] = "Sai\u0000 số liệu" }, await reviewer.AntiforgeryTokenAsync(form));
        var after = WebUtility.HtmlDecode(await reviewer.GetStringAsync(form));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the form comes back (not a bare 400)");
        Regex.Match(after, $"id=\"set-{submitted}-result\"[^>]*>([^<]*)<").Groups[1].Value.Trim().Should().Be(Message);
        var box = Regex.Match(after, $"<textarea id=\"return-{submitted}\"[^>]*>([^<]*)</textarea>");
        box.Value.Should().Contain("is-invalid").And.Contain("aria-invalid=\"true\"");
        box.Groups[1].Value.Should().Be("Sai số liệu", "the comment is kept without the NUL");
        box.Success.Should().BeTrue("the form is still submitted, so its return box is still there: nothing was returned");
    }

    /// <summary>The form that holds <paramref name="field"/>: its action and every named field with its value as the page sends it.</summary>
    private static (string Action, Dictionary<string, string> Fields) Form(string html, string field)
    {
        var form = FormTag().Matches(html).Single(m => m.Value.Contains($"name=\"{field}\"", StringComparison.Ordinal));
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(form.Value))
        {
            var tag = input.Value;
            if (Attr(tag, "name") is not { } name || name == "__RequestVerificationToken" || Attr(tag, "type") is "checkbox" or "radio" or "submit" && !tag.Contains(" checked", StringComparison.Ordinal))
            {
                continue;
            }

            fields.TryAdd(WebUtility.HtmlDecode(name), WebUtility.HtmlDecode(Attr(tag, "value") ?? ""));
        }

        foreach (Match select in SelectTag().Matches(form.Value))
        {
            var chosen = Regex.Match(select.Value, "<option[^>]*selected[^>]*value=\"([^\"]*)\"|<option[^>]*value=\"([^\"]*)\"[^>]*selected");
            fields[WebUtility.HtmlDecode(select.Groups["name"].Value)] = WebUtility.HtmlDecode(chosen.Success ? chosen.Groups[1].Value + chosen.Groups[2].Value : "");
        }

        foreach (Match area in TextareaTag().Matches(form.Value))
        {
            fields[WebUtility.HtmlDecode(area.Groups["name"].Value)] = WebUtility.HtmlDecode(area.Groups["text"].Value);
        }

        return (WebUtility.HtmlDecode(form.Groups["action"].Value), fields);
    }

    private static string Token(string html, string action)
    {
        var form = FormTag().Matches(html).First(m => WebUtility.HtmlDecode(m.Groups["action"].Value) == action);
        return WebUtility.HtmlDecode(Attr(InputTag().Matches(form.Value).Single(m => m.Value.Contains("__RequestVerificationToken", StringComparison.Ordinal)).Value, "value")!);
    }

    private static string? Attr(string tag, string name) => Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*action=\"(?<action>[^\"]*)\"[^>]*>.*?</form>|<form[^>]*action=\"(?<action>[^\"]*)\"[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input[^>]*>", RegexOptions.Singleline)]
    private static partial Regex InputTag();

    [GeneratedRegex("<select[^>]*name=\"(?<name>[^\"]*)\"[^>]*>.*?</select>", RegexOptions.Singleline)]
    private static partial Regex SelectTag();

    [GeneratedRegex("<textarea[^>]*name=\"(?<name>[^\"]*)\"[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaTag();
}
