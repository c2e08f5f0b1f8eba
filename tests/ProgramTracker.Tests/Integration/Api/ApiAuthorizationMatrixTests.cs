using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ProgramTracker.Tests.Integration.Api;

/// <summary>
/// Every API endpoint × every role × every kind of credential: none, a signed-in cookie only, an expired token, a
/// revoked token, a read-only token, a read-write token, and another user's token (which acts as that user).
/// Allowed writes are sent so that they fail after authorization (empty body, impossible step): nothing changes.
/// </summary>
public sealed class ApiAuthorizationMatrixTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private enum Need
    {
        Read,
        Edit,
        Review,
    }

    private sealed record Rule(Need Need, string Method, string Url, HttpStatusCode AllowedStatus);

    private const string Form = "/api/v1/values/nam-son/ntm-xa/2023-Q4";
    private const string Steps = "/api/v1/submissions/nam-son/ntm-xa/2023-Q4";

    private static readonly Dictionary<string, Rule> Table = new()
    {
        ["ApiCatalogue.Programmes"] = new(Need.Read, "GET", "/api/v1/programmes", HttpStatusCode.OK),
        ["ApiCatalogue.Programme"] = new(Need.Read, "GET", "/api/v1/programmes/ntm", HttpStatusCode.OK),
        ["ApiCatalogue.CriteriaSets"] = new(Need.Read, "GET", "/api/v1/criteria-sets?programme=ntm", HttpStatusCode.OK),
        ["ApiCatalogue.CriteriaSet"] = new(Need.Read, "GET", "/api/v1/criteria-sets/ntm-xa", HttpStatusCode.OK),
        ["ApiCatalogue.Units"] = new(Need.Read, "GET", "/api/v1/units?unit=ba-che", HttpStatusCode.OK),
        ["ApiCatalogue.Unit"] = new(Need.Read, "GET", "/api/v1/units/nam-son", HttpStatusCode.OK),
        ["ApiCatalogue.Periods"] = new(Need.Read, "GET", "/api/v1/periods", HttpStatusCode.OK),
        ["ApiData.Values"] = new(Need.Read, "GET", "/api/v1/values?unit=ba-che&from=2022-Q4&to=2023-Q3", HttpStatusCode.OK),
        ["ApiData.Reported"] = new(Need.Read, "GET", "/api/v1/attainment/reported?unit=ba-che", HttpStatusCode.OK),
        ["ApiData.Computed"] = new(Need.Read, "GET", "/api/v1/attainment/computed?unit=ba-che&period=2023-Q3", HttpStatusCode.OK),
        ["ApiData.Combined"] = new(Need.Read, "GET", "/api/v1/attainment/combined?unit=ba-che&period=2023-H2", HttpStatusCode.OK),
        ["ApiData.Poverty"] = new(Need.Read, "GET", "/api/v1/poverty?unit=ba-che", HttpStatusCode.OK),
        ["ApiData.Capital"] = new(Need.Read, "GET", "/api/v1/capital?unit=ba-che", HttpStatusCode.OK),
        ["ApiData.Targets"] = new(Need.Read, "GET", "/api/v1/targets?unit=ba-che&from=2023&to=2025", HttpStatusCode.OK),
        ["ApiData.Submissions"] = new(Need.Read, "GET", "/api/v1/submissions?unit=ba-che", HttpStatusCode.OK),
        ["ApiTrust.Completeness"] = new(Need.Read, "GET", "/api/v1/reports/completeness?unit=nam-son&period=2023-Q3", HttpStatusCode.OK),
        ["ApiTrust.Validation"] = new(Need.Read, "GET", "/api/v1/reports/validation?unit=nam-son&period=2023-Q3", HttpStatusCode.OK),
        ["ApiTrust.Warnings"] = new(Need.Read, "GET", "/api/v1/warnings/nam-son/2023-Q3", HttpStatusCode.OK),
        ["ApiData.ValueAudit"] = new(Need.Read, "GET", "/api/v1/audit/value?unit=nam-son&indicator=ntm-xa.3.1&period=2023-Q4", HttpStatusCode.OK),
        ["ApiExport.Export"] = new(Need.Read, "GET", "/api/v1/export?unit=ba-che&from=2023-Q3&to=2023-Q3", HttpStatusCode.OK),
        ["ApiForms.Get"] = new(Need.Read, "GET", Form, HttpStatusCode.OK),
        ["ApiForms.Put"] = new(Need.Edit, "PUT", Form, HttpStatusCode.BadRequest),
        ["ApiForms.Step"] = new(Need.Edit, "POST", Steps + "/submit", HttpStatusCode.Conflict),
        ["ApiForms.Step (approve)"] = new(Need.Review, "POST", Steps + "/approve", HttpStatusCode.Conflict),
        ["ApiForms.Step (return)"] = new(Need.Review, "POST", Steps + "/return", HttpStatusCode.Conflict),
    };

    /// <summary>Who may do what on xã Nam Sơn in 2023 (its reviewer then was huyện Ba Chẽ).</summary>
    private static readonly Dictionary<string, Need[]> Users = new()
    {
        ["admin"] = [Need.Read, Need.Edit, Need.Review],
        ["huyen"] = [Need.Read, Need.Edit, Need.Review],
        ["lanhdao"] = [Need.Read],
        ["xa.namson"] = [Need.Read, Need.Edit],
        ["tinh"] = [Need.Read, Need.Edit],
        ["lanhdao.tinh"] = [Need.Read],
        ["xa.bache"] = [Need.Read],
    };

    [Fact]
    public void Every_API_endpoint_has_a_decided_entry_and_no_entry_is_stale()
    {
        var actions = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<ControllerActionDescriptor>())
            .Where(d => d is not null && d.ControllerTypeInfo.Namespace!.EndsWith(".Api", StringComparison.Ordinal))
            .Select(d => $"{d!.ControllerName}.{d.ActionName}").Distinct().ToList();
        var keys = Table.Keys.Select(k => k.Split(' ')[0]).Distinct().ToList();

        actions.Should().BeEquivalentTo(keys);
        actions.Should().HaveCountGreaterThanOrEqualTo(19);
    }

    [Fact]
    public async Task Every_endpoint_answers_every_role_and_credential_as_decided()
    {
        var tokens = new Dictionary<string, (HttpClient ReadOnly, HttpClient ReadWrite, HttpClient Expired, HttpClient Revoked, HttpClient Cookie)>();
        foreach (var user in Users.Keys)
        {
            var readOnly = await fixture.CreateTokenAsync(user, write: false);
            var readWrite = await fixture.CreateTokenAsync(user, write: true);
            var expired = await fixture.CreateTokenAsync(user, write: true, days: 1, clock: new FixedClock(TestClock.Provider.GetUtcNow().AddDays(-2)));
            var revoked = await fixture.CreateTokenAsync(user, write: true);
            await fixture.RevokeAsync(user, revoked.Id);
            tokens[user] = (fixture.Client(readOnly.Secret), fixture.Client(readWrite.Secret), fixture.Client(expired.Secret), fixture.Client(revoked.Secret),
                await fixture.Factory.SignedInClientAsync(user));
        }

        var names = Users.Keys.ToList();
        var failures = new List<string>();
        var calls = 0;
        foreach (var (key, rule) in Table)
        {
            using (var anonymous = fixture.Client(null))
            {
                Expect(await SendAsync(anonymous, rule), HttpStatusCode.Unauthorized, key, "no credential");
            }

            foreach (var (user, may) in Users)
            {
                var (readOnly, readWrite, expired, revoked, cookie) = tokens[user];
                Expect(await SendAsync(cookie, rule), HttpStatusCode.Unauthorized, key, $"{user} with a cookie only");
                Expect(await SendAsync(expired, rule), HttpStatusCode.Unauthorized, key, $"{user}'s expired token");
                Expect(await SendAsync(revoked, rule), HttpStatusCode.Unauthorized, key, $"{user}'s revoked token");
                Expect(await SendAsync(readOnly, rule), rule.Need == Need.Read ? rule.AllowedStatus : HttpStatusCode.Forbidden, key, $"{user}'s read-only token");
                Expect(await SendAsync(readWrite, rule), may.Contains(rule.Need) ? rule.AllowedStatus : HttpStatusCode.Forbidden, key, $"{user}'s read-write token");

                // Someone else's token acts as its owner, never as the person holding it.
                var other = names[(names.IndexOf(user) + 1) % names.Count];
                Expect(await SendAsync(tokens[other].ReadWrite, rule), Users[other].Contains(rule.Need) ? rule.AllowedStatus : HttpStatusCode.Forbidden,
                    key, $"{user} holding {other}'s read-write token");
            }
        }

        failures.Should().BeEmpty();
        calls.Should().BeGreaterThanOrEqualTo(Table.Count * ((Users.Count * 6) + 1));

        void Expect(HttpResponseMessage response, HttpStatusCode expected, string key, string who)
        {
            calls++;
            if (response.StatusCode != expected)
            {
                failures.Add($"{key} as {who}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
            else if ((int)expected is 401 or 403 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{key} as {who}: {(int)expected} without problem details ({response.Content.Headers.ContentType})");
            }
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Rule rule)
    {
        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), rule.Url);
        if (rule.Method != "GET")
        {
            request.Content = new StringContent(rule.Method == "PUT" ? "{\"values\":[]}" : "{}", System.Text.Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
