namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Defect 12: capital rows are edited and (softly) deleted with audit and versions; a double click adds nothing twice.</summary>
public sealed partial class CapitalEditTests
{
    private const string Page = "/districts/ba-che/capital/2023-Q4";

    [Fact]
    public async Task A_capital_row_is_added_once_edited_with_its_version_and_deleted_with_an_audit_line()
    {
        var (factory, database) = await PortalFactory.OnSeededCopyAsync();
        await using var db = database;
        await using var f = factory;
        var huyen = await f.SignedInClientAsync("huyen");

        var add = BrowserForm.Fields(await huyen.GetStringAsync(Page), "capital-form");
        BrowserForm.Set(add, "ProgrammeId", Regex.Match(await huyen.GetStringAsync(Page), "<select[^>]*id=\"ProgrammeId\"[^>]*>\\s*<option value=\"\">[^<]*</option>\\s*<option value=\"(\\d+)\"").Groups[1].Value);
        BrowserForm.Set(add, "Measure", "Planned");
        BrowserForm.Set(add, "Amount", "1.000.000");
        BrowserForm.Set(add, "Description", "Dòng thử nghiệm vốn");

        // A double click: the same row posted twice.
        var first = await huyen.PostAsync(Page, new FormUrlEncodedContent(add));
        var second = await huyen.PostAsync(Page, new FormUrlEncodedContent(add));

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()).Should().Contain("giống hệt");
        var (id, version, _) = Row(await huyen.GetStringAsync(Page));

        // Edit: the page's edit form, amount changed.
        var editPage = await huyen.GetStringAsync($"{Page}?edit={id}");
        var edit = BrowserForm.Fields(editPage, "capital-form");
        BrowserForm.Set(edit, "Amount", "2.500.000");
        var edited = await huyen.PostAsync($"{Page}/{id}", new FormUrlEncodedContent(edit));
        edited.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var list = WebUtility.HtmlDecode(await huyen.GetStringAsync(Page));
        Row(list).Text.Should().Contain("2,5 triệu đồng").And.NotContain("1 triệu đồng");
        Row(list).Version.Should().Be(version + 1);

        // The same edit form sent again (stale version) is a conflict, not an overwrite.
        BrowserForm.Set(edit, "Amount", "9.000.000");
        var stale = await huyen.PostAsync($"{Page}/{id}", new FormUrlEncodedContent(edit));
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).Should().Contain("vừa sửa dòng vốn");

        // Delete with the current version: gone from the list, kept in the audit trail.
        var token = await huyen.AntiforgeryTokenAsync(Page);
        var deleted = await huyen.PostFormAsync($"{Page}/{id}/delete", new() { ["version"] = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }, token);
        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await huyen.GetStringAsync(Page)).Should().NotContain("Dòng thử nghiệm vốn");
        var audit = WebUtility.HtmlDecode(await huyen.GetStringAsync("/audit?unit=ba-che"));
        audit.Should().Contain("Xóa dòng vốn").And.Contain("Sửa dòng vốn");
    }

    /// <summary>Issue 28, defect 11: a tampered capital form is refused beside its fields in the form's own words, never with internal names.</summary>
    [Fact]
    public async Task A_tampered_capital_form_is_refused_without_naming_internal_fields()
    {
        var (factory, database) = await PortalFactory.OnSeededCopyAsync();
        await using var db = database;
        await using var f = factory;
        var huyen = await f.SignedInClientAsync("huyen");
        var add = BrowserForm.Fields(await huyen.GetStringAsync(Page), "capital-form");
        BrowserForm.Set(add, "ProgrammeId", "một");
        BrowserForm.Set(add, "ProjectId", "x");
        BrowserForm.Set(add, "UnitId", "abc");
        BrowserForm.Set(add, "Measure", "Planned");
        BrowserForm.Set(add, "Amount", "1.000.000");

        var response = await huyen.PostAsync(Page, new FormUrlEncodedContent(add));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain("Giá trị “abc” không hợp lệ cho “Đơn vị”.");
        html.Should().NotContain("“UnitId”").And.NotContain("“ProgrammeId”").And.NotContain("“ProjectId”");
    }

    private static (int Id, int Version, string Text) Row(string html)
    {
        var row = Regex.Match(WebUtility.HtmlDecode(html), "<tr data-capital=\"(\\d+)\">(?:(?!</tr>).)*Dòng thử nghiệm vốn(?:(?!</tr>).)*name=\"version\" value=\"(\\d+)\"", RegexOptions.Singleline);
        row.Success.Should().BeTrue("the list shows the row with its edit and delete buttons");
        return (int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(row.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), row.Value);
    }
}
