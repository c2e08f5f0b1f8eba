using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Core.Accounts;

namespace ProgramTracker.Tests.Integration.Api;

/// <summary>The API over plain HTTP where the wire itself is the subject: problem texts, the form's bad inputs, tokens, rate limit, OpenAPI, paging, export (round trips: ApiClientTests).</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiTests(ApiFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] WrittenUnits = ["thanh-son", "minh-cam", "luong-mong"];

    [Fact]
    public async Task An_unknown_API_address_or_method_answers_problem_details_not_an_empty_page()
    {
        var (_, secret) = await fixture.CreateTokenAsync("huyen", write: false);
        using var api = fixture.Client(secret);

        var missing = await api.GetAsync("/api/v1/no-such-thing");
        var wrongMethod = await api.DeleteAsync("/api/v1/periods");

        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await missing.JsonAsync())["title"]!.GetValue<string>().Should().Be("Không tìm thấy");
        wrongMethod.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        wrongMethod.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Problem_details_speak_the_callers_language_Vietnamese_by_default()
    {
        var (_, secret) = await fixture.CreateTokenAsync("huyen", write: false);
        using var api = fixture.Client(secret);
        using var anonymous = fixture.Client(null);

        var vietnamese = await (await api.GetAsync("/api/v1/criteria-sets/no-such-set")).JsonAsync();
        var english = await (await api.GetAsync("/api/v1/criteria-sets/no-such-set?culture=en")).JsonAsync();
        using var byCookie = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        byCookie.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var cookie = await (await api.SendAsync(byCookie)).JsonAsync();
        var unauthenticated = await (await anonymous.GetAsync("/api/v1/periods?culture=en")).JsonAsync();

        vietnamese["title"]!.GetValue<string>().Should().Be("Không tìm thấy");
        vietnamese["detail"]!.GetValue<string>().Should().Be("Không có bộ tiêu chí 'no-such-set'.");
        english["title"]!.GetValue<string>().Should().Be("Not found");
        english["detail"]!.GetValue<string>().Should().Be("No criteria set 'no-such-set'.");
        cookie["title"]!.GetValue<string>().Should().Be("Not found");
        cookie["detail"]!.GetValue<string>().Should().StartWith("No API endpoint answers /api/v1/no-such-thing");
        unauthenticated["title"]!.GetValue<string>().Should().Be("Not authenticated");

        // A version's change log is stored as data and told in the caller's language too.
        var set = await (await api.GetAsync("/api/v1/criteria-sets/ntm-xa?culture=en")).JsonAsync();
        set["versions"]![0]!["changes"]!.GetValue<string>().Should().StartWith("First version (initial data); added ntm-xa.3.1");
        var bo = await (await api.GetAsync("/api/v1/criteria-sets/ntm-xa")).JsonAsync();
        bo["versions"]![0]!["changes"]!.GetValue<string>().Should().StartWith("Phiên bản đầu (dữ liệu khởi tạo); thêm ntm-xa.3.1");
    }

    [Fact]
    public async Task The_write_API_and_the_form_agree_on_every_bad_input_of_the_entry_form()
    {
        var (_, secret) = await fixture.CreateTokenAsync("xa.namson", write: true);
        using var api = fixture.Client(secret);
        var officer = await fixture.Factory.SignedInClientAsync("xa.namson");
        const string form = "/communes/nam-son/entry/2023-Q2";
        const string url = "/api/v1/values/nam-son/ntm-xa-nang-cao/2023-Q2";
        foreach (var data in EntryPageTests.BadInputs)
        {
            var (bad, message) = ((string)data[0], (string?)data[1]);
            var typed = bad == "-5" ? "150" : bad;
            var expected = message ?? "từ 0 đến 100";

            var formAnswer = await PostFormAsync(officer, form, "ntm-xa-nang-cao.t2", typed);
            var apiAnswer = await api.PutJsonAsync(url, new object[] { new { indicator = "ntm-xa-nang-cao.t1", value = 55m, version = 0 } }
                .Append(new { indicator = "ntm-xa-nang-cao.t2", raw = typed, version = 0 }).ToArray() is var cells ? new { values = cells } : null!);
            var problem = await apiAnswer.JsonAsync();

            formAnswer.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, bad);
            (await formAnswer.Content.ReadAsStringAsync()).Should().Contain(expected);
            apiAnswer.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, bad);
            problem["errors"]!.AsArray().Should().ContainSingle();
            problem["errors"]![0]!["indicator"]!.GetValue<string>().Should().Be("ntm-xa-nang-cao.t2");
            problem["errors"]![0]!["error"]!.GetValue<string>().Should().Contain(expected, bad);
        }

        var number = await api.PutJsonAsync(url, new { values = new[] { new { indicator = "ntm-xa-nang-cao.t2", value = 150m, version = 0 } } });
        number.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a JSON number gets the form's range rule too");
        (await number.JsonAsync())["errors"]![0]!["error"]!.GetValue<string>().Should().Contain("từ 0 đến 100");
        var stored = await (await api.GetAsync(url)).JsonAsync();
        stored["values"]!.AsArray().Should().OnlyContain(v => v!["version"]!.GetValue<int>() == 0, "nothing was saved, by the form or by the API");
    }

    [Fact]
    public async Task Tokens_are_made_at_account_tokens_shown_once_stored_hashed_revoked_there_and_a_disabled_users_tokens_stop_at_once()
    {
        var user = "api.tam." + Guid.NewGuid().ToString("N")[..6];
        var namSon = await UnitIdAsync("nam-son");
        (await fixture.Factory.WithServiceAsync<UserAdministration, Microsoft.AspNetCore.Identity.IdentityResult>(a =>
            a.CreateAsync(user, "mat-khau-thu-api-2026", new AccountSettings("Cán bộ thử", Roles.CommuneOfficer, [namSon])))).Succeeded.Should().BeTrue();
        var browser = await fixture.Factory.SignedInClientAsync(user, "mat-khau-thu-api-2026");

        // As the browser posts it: the checkbox's hidden "Form.CanWrite" field too (issue 32.7: it made the name vanish).
        var empty = await browser.PostFormAsync("/account/tokens", new() { ["Name"] = " ", ["Days"] = "30", ["Form.CanWrite"] = "false" },
            await browser.AntiforgeryTokenAsync("/account/tokens"));
        empty.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await empty.Content.ReadAsStringAsync()).Should().Contain("id=\"token-name-error\">Nhập tên");
        var page = await browser.PostFormAsync("/account/tokens", new() { ["Name"] = "Trang tính", ["Days"] = "30", ["Form.CanWrite"] = "false" },
            await browser.AntiforgeryTokenAsync("/account/tokens"));
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var secret = System.Text.RegularExpressions.Regex.Match(html, "id=\"token-secret\">(pt_[A-Za-z0-9_-]+)<").Groups[1].Value;
        secret.Should().NotBeEmpty();
        (await browser.GetStringAsync("/account/tokens")).Should().NotContain(secret, "the secret is shown once").And.Contain("Trang tính").And.Contain("Chỉ đọc");
        (await fixture.Factory.WithDbAsync(db => Task.FromResult(db.ApiTokens.Any(t => t.SecretHash == secret || t.Prefix == secret)))).Should().BeFalse("only a hash is stored");

        using var api = fixture.Client(secret);
        (await api.GetAsync("/api/v1/units/nam-son")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.PutJsonAsync("/api/v1/values/nam-son/ntm-xa/2023-Q4", new { values = Array.Empty<object>() })).StatusCode.Should().Be(HttpStatusCode.Forbidden, "read-only");

        var id = await fixture.Factory.WithDbAsync(db => Task.FromResult(db.ApiTokens.Where(t => t.Name == "Trang tính" && t.User.UserName == user).Select(t => t.Id).Single()));
        (await browser.PostFormAsync($"/account/tokens/{id}/revoke", new(), await browser.AntiforgeryTokenAsync("/account/tokens"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var revoked = await api.GetAsync("/api/v1/units/nam-son");
        revoked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await revoked.JsonAsync())["title"]!.GetValue<string>().Should().Be("Chưa xác thực");

        var (_, second) = await fixture.CreateTokenAsync(user, write: true);
        using var api2 = fixture.Client(second);
        (await api2.GetAsync("/api/v1/periods")).StatusCode.Should().Be(HttpStatusCode.OK);
        var userId = await fixture.Factory.WithDbAsync(db => Task.FromResult(db.Users.Where(u => u.UserName == user).Select(u => u.Id).Single()));
        (await fixture.Factory.WithServiceAsync<UserAdministration, Microsoft.AspNetCore.Identity.IdentityResult>(a => a.SetDisabledAsync(userId, true))).Succeeded.Should().BeTrue();
        (await api2.GetAsync("/api/v1/periods")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a disabled user's tokens stop at once");
    }

    [Fact]
    public async Task The_rate_limit_is_per_token()
    {
        var (_, first) = await fixture.CreateTokenAsync("lanhdao", write: false);
        var (_, second) = await fixture.CreateTokenAsync("lanhdao", write: false);
        using var a = fixture.Client(first);
        using var b = fixture.Client(second);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= ApiFixture.RateLimit; i++)
        {
            statuses.Add((await a.GetAsync("/api/v1/periods")).StatusCode);
        }

        statuses.Take(ApiFixture.RateLimit).Should().OnlyContain(s => s == HttpStatusCode.OK);
        statuses.Last().Should().Be(HttpStatusCode.TooManyRequests);
        var refused = await a.GetAsync("/api/v1/periods");
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await refused.JsonAsync())["title"]!.GetValue<string>().Should().Be("Quá nhiều yêu cầu");
        (await b.GetAsync("/api/v1/periods")).StatusCode.Should().Be(HttpStatusCode.OK, "another token has its own allowance");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint_and_the_reference_page_is_for_signed_in_users()
    {
        using var anonymous = fixture.Client(null);
        var response = await anonymous.GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var read = Microsoft.OpenApi.OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), "json");
        read.Diagnostic!.Errors.Should().BeEmpty("the document parses as OpenAPI");
        Microsoft.OpenApi.OpenApiElementExtensions.Validate(read.Document!, Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet()).Should().BeEmpty("the document passes OpenAPI.NET's rules");
        var document = await response.JsonAsync();
        document["openapi"]!.GetValue<string>().Should().StartWith("3.");
        document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>().Should().Be("bearer");
        var paths = document["paths"]!.AsObject();

        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>()?.ControllerTypeInfo.Namespace?.EndsWith(".Api", StringComparison.Ordinal) == true)
            .Select(e => (Path: "/" + e.RoutePattern.RawText!, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods))
            .ToList();
        endpoints.Should().HaveCountGreaterThanOrEqualTo(19);
        foreach (var (path, methods) in endpoints)
        {
            var template = System.Text.RegularExpressions.Regex.Replace(path, "\\{([^}:]+)(:[^}]*)?\\}", "{$1}");
            paths.ContainsKey(template).Should().BeTrue($"{template} is documented");
            foreach (var method in methods)
            {
                var operation = paths[template]![method.ToLowerInvariant()];
                operation.Should().NotBeNull($"{method} {template} is documented");
                operation!["responses"]!.AsObject().Should().NotBeEmpty();
            }
        }

        paths.Select(p => p.Key).Should().OnlyContain(p => p.StartsWith("/api/v1/", StringComparison.Ordinal), "pages are not part of the API");
        (await anonymous.GetAsync("/api/reference")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var signedIn = await fixture.Factory.SignedInClientAsync("lanhdao");
        (await signedIn.GetAsync("/api/reference/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_never_skip_or_repeat_a_value_while_others_write()
    {
        var (_, writerToken) = await fixture.CreateTokenAsync("huyen", write: true);
        var (_, readerToken) = await fixture.CreateTokenAsync("admin", write: false);
        using var writer = fixture.Client(writerToken);
        using var reader = fixture.Client(readerToken);
        await FillAsync(writer, "/api/v1/values/don-dac/ntm-xa/2024-Q2");
        await FillAsync(writer, "/api/v1/values/dap-thanh/ntm-xa/2024-Q2");
        var before = await AllIdsAsync(reader, "/api/v1/values?unit=ba-che&limit=1000");
        before.Count.Should().BeGreaterThan(20);

        var landed = 0; // writes (whole fills) finished so far
        var writes = Task.Run(async () =>
        {
            var n = 0;
            foreach (var unit in WrittenUnits)
            {
                n += await FillAsync(writer, $"/api/v1/values/{unit}/ntm-xa/2024-Q2", oneByOne: true);
                Interlocked.Increment(ref landed);
                // Updates of rows already listed: their keys do not move.
                n += await FillAsync(writer, "/api/v1/values/don-dac/ntm-xa/2024-Q2", change: n);
                Interlocked.Increment(ref landed);
            }

            return n;
        });
        var seen = new List<long>();
        string? cursor = null;
        int? atFirstPage = null;
        do
        {
            var page = await (await reader.GetAsync("/api/v1/values?unit=ba-che&limit=3" + (cursor is null ? "" : "&cursor=" + cursor))).JsonAsync();
            seen.AddRange(page["items"]!.AsArray().Select(v => v!["id"]!.GetValue<long>()));
            cursor = page["next"]?.GetValue<string>();
            if (atFirstPage is null)
            {
                // The listing is open: let a write land before the next page, so that reads and writes are shown to overlap.
                atFirstPage = Volatile.Read(ref landed);
                for (var waited = 0; Volatile.Read(ref landed) == atFirstPage && !writes.IsCompleted && waited < 3000; waited++)
                {
                    await Task.Delay(10);
                }
            }

            await Task.Delay(5);
        }
        while (cursor is not null);
        var atLastPage = Volatile.Read(ref landed);
        var written = await writes;

        written.Should().BeGreaterThan(0);
        atFirstPage.Should().BeLessThan(WrittenUnits.Length * 2, "the writes were still going when the listing began");
        atLastPage.Should().BeGreaterThan(atFirstPage!.Value, "at least one write landed between the listing's first and last page");

        seen.Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
        seen.Should().Contain(before);
    }

    [Fact]
    public async Task The_export_streams_every_value_of_a_province_as_CSV_or_JSON_lines_and_reports_its_rate()
    {
        var (_, token) = await fixture.CreateTokenAsync("tinh", write: true);
        using var api = fixture.Client(token);
        await FillAsync(api, "/api/v1/values/luong-mong/ntm-xa/2023-Q3");
        var listed = await AllIdsAsync(api, "/api/v1/values?unit=quang-ninh&from=2023-Q1&to=2023-Q4&limit=1000");

        var watch = Stopwatch.StartNew();
        var csv = await api.GetAsync("/api/v1/export?unit=quang-ninh&from=2023-Q1&to=2023-Q4", HttpCompletionOption.ResponseHeadersRead);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        watch.Stop();
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        lines[0].Should().Be("id,unit,set,indicator_id,indicator,period,value,qualifier,as_of,note,source,status,version,updated_by,updated_at_utc", "the documented header, written out");
        lines.Skip(1).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).Should().Equal(listed);

        var jsonl = await api.GetAsync("/api/v1/export?unit=quang-ninh&from=2023-Q1&to=2023-Q4&format=jsonl");
        var rows = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        rows.Select(r => r["id"]!.GetValue<long>()).Should().Equal(listed);
        rows.Should().Contain(r => r["unit"]!.GetValue<string>() == "ba-che" && r["qualifier"]!.GetValue<string>() == "estimate" && r["source"]!["code"] != null);
        output.WriteLine($"export: {listed.Count} rows in {watch.Elapsed.TotalMilliseconds:0} ms = {listed.Count / Math.Max(watch.Elapsed.TotalSeconds, 1e-6):0} rows/s (seed, test host)");
        (await api.GetAsync("/api/v1/export?unit=quang-ninh&from=2023-Q9")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    /// <summary>Fills every value of a form with a valid value for its type; returns the number of PUTs.</summary>
    private static async Task<int> FillAsync(HttpClient api, string url, bool oneByOne = false, int change = 0)
    {
        var form = await (await api.GetAsync(url)).JsonAsync();
        var cells = form["values"]!.AsArray().Select(v => new
        {
            indicator = v!["indicator"]!.GetValue<string>(),
            value = v["valueType"]!.GetValue<string>() switch { "boolean" => 1m, "percent" => 50m + (change % 40), _ => 5m + change },
            version = v["version"]!.GetValue<int>(),
        }).ToList();
        var batches = oneByOne ? cells.Select(c => new[] { c }).ToList() : [cells.ToArray()];
        foreach (var batch in batches)
        {
            var response = await api.PutJsonAsync(url, new { values = batch });
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        return batches.Count;
    }

    private static async Task<List<long>> AllIdsAsync(HttpClient api, string url)
    {
        var page = await (await api.GetAsync(url)).JsonAsync();
        page["next"].Should().BeNull();
        return page["items"]!.AsArray().Select(v => v!["id"]!.GetValue<long>()).ToList();
    }

    private async Task<HttpResponseMessage> PostFormAsync(HttpClient officer, string form, string code, string typed)
    {
        var html = await officer.GetStringAsync(form);
        var token = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var ids = await fixture.Factory.WithDbAsync(db => Task.FromResult(db.Indicators.Where(i => i.Code == code || i.Code == "ntm-xa-nang-cao.t1").ToDictionary(i => i.Code, i => i.Id)));
        var fields = new Dictionary<string, string>
        {
            // The binder reads the list from index 0; the form's page indexes only place the messages.
            ["Cells[0].IndicatorId"] = ids["ntm-xa-nang-cao.t1"].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Cells[0].Raw"] = "55", ["Cells[0].Version"] = "0",
            ["Cells[1].IndicatorId"] = ids[code].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Cells[1].Raw"] = typed, ["Cells[1].Version"] = "0",
        };
        return await officer.PostFormAsync(form, fields, token);
    }

    private Task<int> UnitIdAsync(string slug) => fixture.Factory.WithDbAsync(db => Task.FromResult(db.Units.Where(u => u.Slug == slug).Select(u => u.Id).Single()));
}
