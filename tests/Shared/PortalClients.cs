using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ProgramTracker.Core.Accounts;

namespace ProgramTracker.TestSupport;

/// <summary>HTTP clients that behave like a browser: cookies kept, redirects not followed (so tests see them).</summary>
public static partial class PortalClients
{
    public const string DemoPassword = DemoUsers.Password;

    public static HttpClient AnonymousClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real form: GET /account/login, then POST it with its antiforgery token.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this WebApplicationFactory<Program> factory, string userName, string password = DemoPassword)
    {
        var client = factory.AnonymousClient();
        var response = await client.SignInAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/account/", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"{userName} could not sign in: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    /// <summary>Posts the sign-in form; returns the answer to the POST (302 on success, 200 with errors otherwise).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password)
    {
        var token = await client.AntiforgeryTokenAsync("/account/login");
        return await client.PostFormAsync("/account/login", new() { ["UserName"] = userName, ["Password"] = password }, token);
    }

    /// <summary>The antiforgery token of the first form on a page (every signed-in page has the sign-out form).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = TokenField().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"{url} has no antiforgery token");
    }

    /// <summary>Posts form fields, with the antiforgery token when one is given.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? token)
    {
        var all = new List<KeyValuePair<string, string>>(fields);
        if (token is not null)
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        return client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>Posts repeated fields (e.g. several UnitIds) with the token.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string token) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
