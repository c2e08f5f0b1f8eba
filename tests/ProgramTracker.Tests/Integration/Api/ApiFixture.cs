using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Data;
using ProgramTracker.Web.Api;

namespace ProgramTracker.Tests.Integration.Api;

/// <summary>The API tests that share one seeded portal (they write to different forms).</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

/// <summary>One seeded portal for the API tests, with the test catalogue of ntm-xa-nang-cao (as the entry form's tests) and a low rate limit.</summary>
public sealed class ApiFixture : SeededPortal
{
    public const int RateLimit = 200;

    public ApiFixture()
    {
        Settings["Api:RateLimit:PermitLimit"] = RateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        TestIndicatorsIn.Add("ntm-xa-nang-cao");
    }

    /// <summary>A token made by the app's own command, as an operator would: `create-token --user NAME …`.</summary>
    public async Task<string> CreateTokenCommandAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CreateTokenCommand.RunAsync(Factory.Services, Factory.Services.GetRequiredService<IConfiguration>(), ["create-token", .. args], output, error);
        code.Should().Be(0, error.ToString());
        return output.ToString().Trim();
    }

    /// <summary>A token made through the token service (the door /account/tokens uses), optionally on a clock in the past.</summary>
    public async Task<(int Id, string Secret)> CreateTokenAsync(string userName, bool write, int days = 30, TimeProvider? clock = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgramTrackerDbContext>();
        var userId = db.Users.Where(u => u.UserName == userName).Select(u => u.Id).Single();
        var tokens = clock is null ? scope.ServiceProvider.GetRequiredService<ApiTokens>() : new ApiTokens(db, clock);
        var (created, error) = await tokens.CreateAsync(userId, $"thử {userName}", days, write);
        created.Should().NotBeNull(error);
        return (created!.Token.Id, created.Secret);
    }

    public async Task RevokeAsync(string userName, int tokenId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgramTrackerDbContext>();
        var userId = db.Users.Where(u => u.UserName == userName).Select(u => u.Id).Single();
        (await scope.ServiceProvider.GetRequiredService<ApiTokens>().RevokeAsync(userId, tokenId)).Should().BeTrue();
    }

    /// <summary>The client generated from docs/openapi/v1.json (ADR 0013), on a cookie-less HttpClient with the token.</summary>
    public ProgramTracker.ApiClient.ProgramTrackerApiClient ApiClient(string token) => new(Client(token));

    /// <summary>A plain HttpClient without cookies, sending the token when one is given.</summary>
    public HttpClient Client(string? token)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}

/// <summary>A clock fixed at one instant (tokens made "in the past" to test expiry).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public static class ApiJson
{
    /// <summary>A client of <paramref name="factory"/>'s API with a new write token of <paramref name="userName"/> (made through the token service).</summary>
    public static async Task<HttpClient> ApiClientAsync(this PortalFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgramTrackerDbContext>();
        var userId = db.Users.Where(u => u.UserName == userName).Select(u => u.Id).Single();
        var (created, error) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(userId, $"thử {userName}", 7, canWrite: true);
        created.Should().NotBeNull(error);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created!.Secret);
        return client;
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
}
