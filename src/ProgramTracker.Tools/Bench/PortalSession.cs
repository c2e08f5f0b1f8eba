using System.Net;
using System.Text.RegularExpressions;

namespace ProgramTracker.Tools.Bench;

/// <summary>What every bench does first against a running portal: read a page's antiforgery token, sign in by the form.</summary>
internal static partial class PortalSession
{
    public static string Token(string html) => WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);

    public static async Task<string> TokenAsync(HttpClient http, string url) => Token(await http.GetStringAsync(url));

    /// <summary>Posts the sign-in form; true when the portal answers with the redirect of a successful sign-in.</summary>
    public static async Task<bool> SignInAsync(HttpClient http, string user, string password)
    {
        using var login = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = await TokenAsync(http, "/account/login"),
        });
        using var response = await http.PostAsync("/account/login", login);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
