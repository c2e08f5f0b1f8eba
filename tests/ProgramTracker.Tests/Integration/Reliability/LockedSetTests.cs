using ProgramTracker.Core.Catalogue;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Defect 11: a submitted (locked) set with a đạt/không đạt value must not block the save of the rest of the form.</summary>
public sealed partial class LockedSetTests
{
    private const string Entry = "/communes/nam-son/entry/2023-Q4";

    [Fact]
    public async Task A_form_posted_as_the_browser_sends_it_saves_when_a_locked_set_holds_a_yes_no_value()
    {
        var (factory, database) = await PortalFactory.OnSeededCopyAsync();
        await using var db = database;
        await using var f = factory;
        // The seed gives Nam Sơn's 2023 form one set with indicators only (ntm-xa-nang-cao's table is not entered): an indicator
        // added to it through the catalogue's door, as an administrator would, gives the form a second set to save.
        var added = await f.WithServiceAsync<CatalogueService, CatalogueChangeResult>(catalogue => catalogue.ApplyAsync("ntm-xa-nang-cao",
            [new IndicatorDefinition("nc-thu", 1, "Chỉ tiêu thử nâng cao", "%", ValueKind.Percent, Comparator.AtLeast,
                new Dictionary<string, ThresholdInput> { [Zones.Common] = new(50m) })], null, "Dữ liệu thử", Formats.Vietnamese));
        added.Ok.Should().BeTrue(string.Join(" ", added.Errors.Select(e => e.Message)));
        var xa = await f.SignedInClientAsync("xa.namson");

        // Fill the whole NTM set (yes/no cells "Đạt"), then send it for review: its cells are locked.
        var cells = await EntryFormPage.CellsAsync(xa, Entry);
        var yesNo = Regex.Matches(await xa.GetStringAsync(Entry), "<select id=\"cell-(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        yesNo.Should().NotBeEmpty();
        var values = cells.Values.Where(c => c.Code.StartsWith("ntm-xa.", StringComparison.Ordinal))
            .ToDictionary(c => c.Code, c => yesNo.Contains(c.IndicatorId) ? "1" : "10");
        var saved = await xa.PostFormAsync(Entry, EntryFormPage.Fields(cells, values), await xa.AntiforgeryTokenAsync(Entry));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var setId = SetId().Match(await xa.GetStringAsync(Entry)).Groups[1].Value;
        (await xa.PostFormAsync(Entry + "/workflow", new() { ["SetId"] = setId, ["Step"] = "submit" }, await xa.AntiforgeryTokenAsync(Entry)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        // The page as a browser has it: the locked set's selects are disabled and a browser does not send them.
        var html = await xa.GetStringAsync(Entry);
        html.Should().Contain("data-status=\"Submitted\"");
        var fields = BrowserForm.Fields(html, "entry-form");
        var other = EntryFormPage.Cells(html).Values.Single(c => c.Code == "nc-thu");
        BrowserForm.Set(fields, $"Cells[{other.Index}].Raw", "7");

        var response = await xa.PostAsync(Entry, new FormUrlEncodedContent(fields));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, body.Contains("không thể sửa số liệu", StringComparison.Ordinal) ? "the locked set's yes/no cells read as cleared" : body[..Math.Min(300, body.Length)]);
        var after = EntryFormPage.Cells(await xa.GetStringAsync(Entry));
        after.Values.Where(c => yesNo.Contains(c.IndicatorId)).Should().OnlyContain(c => c.Raw == "1");
        after[other.Code].Raw.Should().Be("7", "the rest of the form saves");
    }

    [GeneratedRegex("id=\"set-(\\d+)\" data-set=\"ntm-xa\"")]
    private static partial Regex SetId();
}
