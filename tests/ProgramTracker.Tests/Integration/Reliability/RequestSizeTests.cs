using System.Text;
using ProgramTracker.Tests.Integration.Api;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Issue 28, defect 2: a body over the limit is 413 with a message that says so: problem details on the API, the Vietnamese page on forms and uploads.</summary>
public sealed class RequestSizeTests : IAsyncLifetime
{
    private const string Form = "/districts/ba-che/entry/2023-Q2";
    private const string Message = "Tệp hoặc yêu cầu quá lớn (tối đa 0,2 MB)";

    private readonly SeededPortal _portal = new() { Settings = { ["Limits:MaxRequestBodyBytes"] = "200000" } };

    private PortalFactory Factory => _portal.Factory;

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task An_API_body_over_the_limit_is_413_problem_details()
    {
        using var api = await Factory.ApiClientAsync("huyen");
        var body = $$"""{"values":[{"indicator":"dtts-bhyt","value":90,"note":"{{new string('x', 300_000)}}","version":0}]}""";

        var response = await api.PutAsync("/api/v1/values/ba-che/dtts-nq06/2023-Q2", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        text.Should().Contain(Message);
    }

    [Fact]
    public async Task A_form_or_an_upload_over_the_limit_is_413_with_a_message_that_says_so_and_nothing_is_saved()
    {
        var client = await Factory.SignedInClientAsync("huyen");
        var cells = await EntryFormPage.CellsAsync(client, Form);
        var fields = EntryFormPage.Fields(cells, new() { ["dtts-bhyt"] = "90" });
        fields.Add(new($"Cells[{cells["dtts-bhyt"].Index}].Note", new string('x', 300_000)));

        var form = await client.PostFormAsync(Form, fields, await client.AntiforgeryTokenAsync(Form));
        var upload = await client.UploadAsync(Form, Form + "/import", new byte[300_000], "bieu-mau.xlsx");

        form.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()).Should().Contain(Message);
        upload.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        WebUtility.HtmlDecode(await upload.Content.ReadAsStringAsync()).Should().Contain(Message);
        (await EntryFormPage.CellsAsync(client, Form))["dtts-bhyt"].Raw.Should().BeEmpty();
    }
}
