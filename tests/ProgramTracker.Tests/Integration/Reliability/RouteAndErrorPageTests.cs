namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Defect 1: route values are never replaced by body or query fields; error pages answer their own status for every method.</summary>
public sealed partial class RouteAndErrorPageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private PortalFactory Factory => portal.Factory;

    [Theory]
    [InlineData("abc")]
    [InlineData("418")]
    [InlineData("200")]
    public async Task A_body_field_named_code_never_chooses_the_error_page(string code)
    {
        var client = Factory.AnonymousClient();

        // No antiforgery token: 400, re-executed as a POST to /error/400 with the same body.
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent([new("UserName", "x"), new("Password", "y"), new("code", code)]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Yêu cầu không hợp lệ");
    }

    [Theory]
    [InlineData("POST", "/no-such-page", HttpStatusCode.NotFound, "Không tìm thấy trang")]
    [InlineData("PUT", "/no-such-page", HttpStatusCode.NotFound, "Không tìm thấy trang")]
    [InlineData("DELETE", "/error/404", HttpStatusCode.NotFound, "Không tìm thấy trang")]
    [InlineData("PATCH", "/error/403?code=500", HttpStatusCode.Forbidden, "Không có quyền truy cập")]
    [InlineData("PUT", "/account/login", HttpStatusCode.MethodNotAllowed, "Không hỗ trợ thao tác này")]
    public async Task Error_pages_answer_their_own_status_for_every_method(string method, string url, HttpStatusCode expected, string title)
    {
        var client = await Factory.SignedInClientAsync("lanhdao");
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new FormUrlEncodedContent([new("code", "500"), new("Code", "abc")]),
        };

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(expected);
        (await response.Content.ReadAsStringAsync()).Should().Contain(title);
    }

    [Fact]
    public async Task A_signed_in_POST_to_an_unknown_address_is_404_not_500()
    {
        var client = await Factory.SignedInClientAsync("lanhdao");
        var token = await client.AntiforgeryTokenAsync("/communes");

        var response = await client.PostFormAsync("/communes/nam-son/nothing-here", new() { ["code"] = "abc" }, token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Không tìm thấy trang");
    }

    [Fact]
    public async Task A_body_field_period_cannot_move_a_save_to_another_period()
    {
        var client = await Factory.SignedInClientAsync("huyen");
        const string q4 = "/districts/ba-che/entry/2023-Q4";
        var cells = await EntryFormPage.CellsAsync(client, q4);
        var token = await client.AntiforgeryTokenAsync(q4);
        var fields = EntryFormPage.Fields(cells, new() { ["dtts-bhyt"] = "93,5" });
        fields.Add(new("period", "2023-Q2"));
        fields.Add(new("slug", "nam-son"));

        var saved = await client.PostFormAsync(q4 + "?period=2023-Q1&slug=don-dac", fields, token);

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.Should().Be(q4);
        (await EntryFormPage.CellsAsync(client, q4))["dtts-bhyt"].Raw.Should().Be("93,5");
        (await EntryFormPage.CellsAsync(client, "/districts/ba-che/entry/2023-Q2"))["dtts-bhyt"].Raw.Should().BeEmpty();
    }

    [Fact]
    public async Task A_form_field_Code_does_not_replace_the_criteria_set_of_the_address()
    {
        var client = await Factory.SignedInClientAsync("admin");
        const string page = "/admin/criteria-sets/ntm-xa/indicators/new";
        var html = await client.GetStringAsync(page);
        var criterion = CriterionOption().Match(html).Groups[1].Value;
        var token = await client.AntiforgeryTokenAsync(page);

        var response = await client.PostFormAsync("/admin/criteria-sets/ntm-xa/indicators", new()
        {
            ["CriterionId"] = criterion, ["Code"] = "8.1", ["Name"] = "Chỉ tiêu thử mã 8.1", ["ValueType"] = "Percent", ["Comparator"] = "AtLeast", ["Threshold"] = "",
        }, token);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the set comes from the address, not from the indicator's code field");
        response.Headers.Location!.OriginalString.Should().Be("/criteria-sets/ntm-xa");
        (await client.GetStringAsync("/criteria-sets/ntm-xa")).Should().Contain("Chỉ tiêu thử mã 8.1");
    }

    [Fact]
    public async Task A_rate_limited_two_factor_POST_gives_429_with_the_Vietnamese_page()
    {
        var (factory, database) = await PortalFactory.OnSeededCopyAsync(PortalFactory.SignInLimit(1));
        await using var db = database;
        await using var f = factory;
        var client = f.AnonymousClient();
        var token = await client.AntiforgeryTokenAsync("/account/login");

        var first = await client.PostFormAsync("/account/login-2fa", new() { ["Code"] = "123456" }, token);
        var second = await client.PostFormAsync("/account/login-2fa", new() { ["Code"] = "123456" }, token);

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await second.Content.ReadAsStringAsync()).Should().Contain("Quá nhiều lần thử");
    }

    [GeneratedRegex("<option value=\"(\\d+)\"")]
    private static partial Regex CriterionOption();
}
