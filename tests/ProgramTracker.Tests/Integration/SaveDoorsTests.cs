using System.Text;
using System.Text.Json.Nodes;
using ProgramTracker.Tests.Integration.Api;
using ProgramTracker.Tests.Integration.Reliability;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// Issue 27.1: one save use case behind three doors. The same bad cells of Nam Sơn's test indicators go through the
/// entry form (POST), the workbook (CSV upload) and the API (PUT with a token), and each door refuses the same cells
/// for the same reasons and stores nothing: a bad number, a note over 1000 characters, a control character, a stale
/// version, a value in a closed period.
/// </summary>
public sealed partial class SaveDoorsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string T1 = "ntm-xa-nang-cao.t1";
    private const string T2 = "ntm-xa-nang-cao.t2";
    private const string T3 = "ntm-xa-nang-cao.t3";
    private static readonly string LongNote = new('x', 1001);

    // The refusals, as the one set of limits words them (the form words the request guard's own removal of the characters).
    private const string BadNumber = "abc";
    private const string NoteTooLong = "Ghi chú dài tối đa 1000 ký tự.";
    private const string InvalidText = "ký tự không hợp lệ";
    private const string Closed = "đã khóa: không thể thay đổi số liệu";

    [Fact]
    public async Task A_bad_number_a_long_note_and_a_control_character_are_refused_alike_by_the_form_the_workbook_and_the_API()
    {
        var doors = await DoorsAsync("2023-Q2");
        var cells = new Dictionary<string, (string Value, string Note)> { [T1] = (BadNumber, ""), [T2] = ("1", LongNote), [T3] = ("đạt", "a\u0001b") };

        var form = await doors.FormAsync(cells);
        var workbook = await doors.WorkbookAsync(cells);
        var api = await doors.ApiAsync(cells);

        form.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        workbook.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        api.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        var parse = Refusal(api.Body, T1);
        parse.Should().NotBeNullOrEmpty();
        foreach (var door in new[] { form, workbook })
        {
            door.Body.Should().Contain(parse!, "a bad number is refused with the same message").And.Contain(NoteTooLong).And.Contain(InvalidText);
        }

        Refusal(api.Body, T2).Should().Be(NoteTooLong);
        Refusal(api.Body, T3).Should().Contain(InvalidText);
        (await doors.VersionsAsync()).Should().OnlyContain(v => v == 0, "nothing is saved through any door");
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_through_the_form_the_workbook_and_the_API()
    {
        var doors = await DoorsAsync("2023-Q3");
        var cells = new Dictionary<string, (string Value, string Note)> { [T1] = ("61", "") };
        await doors.ReadAsync();
        // Someone else saves the cell after each door read it.
        (await doors.ApiAsync(new Dictionary<string, (string, string)> { [T1] = ("60", "") })).Status.Should().Be(HttpStatusCode.OK);

        var form = await doors.FormAsync(cells);
        var workbook = await doors.WorkbookAsync(cells);
        var api = await doors.ApiAsync(cells);

        form.Status.Should().Be(HttpStatusCode.Conflict);
        form.Body.Should().Contain("Chưa lưu");
        workbook.Status.Should().Be(HttpStatusCode.OK, "the preview lists the conflict and asks whether to overwrite");
        workbook.Body.Should().Contain($"<tr class=\"table-warning\" data-code=\"{T1}\">");
        api.Status.Should().Be(HttpStatusCode.Conflict);
        JsonNode.Parse(api.Body)!["conflicts"]!.AsArray().Should().ContainSingle().Which!["currentVersion"]!.GetValue<int>().Should().Be(1);
        (await doors.VersionsAsync()).Should().Equal(1, 0, 0);
    }

    [Fact]
    public async Task A_value_in_a_closed_period_is_refused_by_the_form_the_workbook_and_the_API()
    {
        var doors = await DoorsAsync("2023-Q4");
        await doors.ReadAsync();
        var admin = await fixture.Factory.SignedInClientAsync("admin");
        (await admin.PostFormAsync("/admin/periods/2023-Q4/lock", new Dictionary<string, string>(), await admin.AntiforgeryTokenAsync("/admin/periods")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cells = new Dictionary<string, (string Value, string Note)> { [T1] = ("55", "") };

        var form = await doors.FormAsync(cells);
        var workbook = await doors.WorkbookAsync(cells);
        var api = await doors.ApiAsync(cells);

        form.Status.Should().Be(HttpStatusCode.Conflict);
        workbook.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        api.Status.Should().Be(HttpStatusCode.Conflict);
        foreach (var door in new[] { form, workbook, api })
        {
            door.Body.Should().Contain(Closed);
        }

        (await doors.VersionsAsync()).Should().OnlyContain(v => v == 0);
    }

    private static string? Refusal(string problem, string code) =>
        JsonNode.Parse(problem)!["errors"]!.AsArray().FirstOrDefault(e => e!["indicator"]!.GetValue<string>() == code)?["error"]!.GetValue<string>();

    private async Task<Doors> DoorsAsync(string period)
    {
        var officer = await fixture.Factory.SignedInClientAsync("xa.namson");
        var api = fixture.Client((await fixture.CreateTokenAsync("xa.namson", write: true)).Secret);
        return new Doors(officer, api, period);
    }

    /// <summary>The three doors of one commune's form for one period, each holding what it last read (page, file, values).</summary>
    private sealed class Doors(HttpClient officer, HttpClient api, string period)
    {
        private readonly string _form = $"/communes/nam-son/entry/{period}";
        private readonly string _values = $"/api/v1/values/nam-son/ntm-xa-nang-cao/{period}";
        private Dictionary<string, EntryFormPage.Cell>? _page;
        private string? _csv;
        private Dictionary<string, int>? _apiVersions;

        public async Task ReadAsync()
        {
            _page = await EntryFormPage.CellsAsync(officer, _form);
            _csv = await officer.GetStringAsync(_form + "/workbook.csv");
            _apiVersions = (await api.GetFromJsonNodeAsync(_values))["values"]!.AsArray().ToDictionary(v => v!["indicator"]!.GetValue<string>(), v => v!["version"]!.GetValue<int>());
        }

        public async Task<(HttpStatusCode Status, string Body)> FormAsync(Dictionary<string, (string Value, string Note)> cells)
        {
            var page = _page ?? await EntryFormPage.CellsAsync(officer, _form);
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var cell in page.Values)
            {
                var (raw, note) = cells.TryGetValue(cell.Code, out var c) ? c : (cell.Raw, "");
                fields.AddRange([new($"Cells[{cell.Index}].IndicatorId", $"{cell.IndicatorId}"), new($"Cells[{cell.Index}].Version", $"{cell.Version}"),
                    new($"Cells[{cell.Index}].Raw", raw), new($"Cells[{cell.Index}].Note", note)]);
            }

            var response = await officer.PostFormAsync(_form, fields, await officer.AntiforgeryTokenAsync(_form));
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        public async Task<(HttpStatusCode Status, string Body)> WorkbookAsync(Dictionary<string, (string Value, string Note)> cells)
        {
            var lines = (_csv ?? await officer.GetStringAsync(_form + "/workbook.csv")).Split("\r\n").ToList();
            foreach (var (code, (value, note)) in cells)
            {
                var i = lines.FindIndex(l => l.StartsWith($"nam-son,{code},", StringComparison.Ordinal));
                var fields = Field().Matches(lines[i]).Select(m => m.Value).ToList();
                (fields[6], fields[7]) = (Quote(value), Quote(note));
                lines[i] = string.Join(',', fields);
            }

            var response = await officer.UploadAsync(_form, _form + "/import", Encoding.UTF8.GetBytes(string.Join("\r\n", lines)), "bieu-mau.csv");
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        public async Task<(HttpStatusCode Status, string Body)> ApiAsync(Dictionary<string, (string Value, string Note)> cells)
        {
            var versions = _apiVersions ?? new Dictionary<string, int>();
            var body = new JsonObject
            {
                ["values"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
                {
                    ["indicator"] = c.Key, ["raw"] = c.Value.Value, ["note"] = c.Value.Note, ["version"] = versions.GetValueOrDefault(c.Key),
                }).ToArray()),
            };
            var response = await api.PutAsync(_values, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        /// <summary>The stored versions of t1, t2, t3.</summary>
        public async Task<List<int>> VersionsAsync()
        {
            var values = (await api.GetFromJsonNodeAsync(_values))["values"]!.AsArray();
            return new[] { T1, T2, T3 }.Select(code => values.Single(v => v!["indicator"]!.GetValue<string>() == code)!["version"]!.GetValue<int>()).ToList();
        }

        private static string Quote(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    [GeneratedRegex("(?<=^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)")]
    private static partial Regex Field();
}

internal static class JsonNodeClient
{
    public static async Task<JsonNode> GetFromJsonNodeAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
