using System.Diagnostics;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Defect 7: the sign-in answer and its cost do not tell which accounts exist, are locked or disabled.</summary>
public sealed partial class AccountEnumerationTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task Unknown_disabled_locked_and_wrong_password_get_the_same_message()
    {
        var admin = await portal.Factory.SignedInClientAsync("admin");
        var users = await admin.GetStringAsync("/admin/users");
        var id = Regex.Match(users, "href=\"/admin/users/([^\"/]+)\"[^>]*>[^<]*xa\\.dondac").Groups[1].Value;
        (await admin.PostFormAsync($"/admin/users/{id}/disable", new(), await admin.AntiforgeryTokenAsync("/admin/users"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var client = portal.Factory.AnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync("lanhdao", "sai-mat-khau-" + i); // lanhdao is now locked out
        }

        var answers = new[]
        {
            await MessageAsync(client, "khong-co-ai", "sai-mat-khau"),
            await MessageAsync(client, "xa.dondac", "sai-mat-khau"),
            await MessageAsync(client, "xa.dondac", PortalClients.DemoPassword),
            await MessageAsync(client, "lanhdao", "sai-mat-khau"),
            await MessageAsync(client, "lanhdao", PortalClients.DemoPassword),
            await MessageAsync(client, "huyen", "sai-mat-khau"),
        };

        answers.Should().OnlyContain(a => a == "Không đăng nhập được: tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khoá hay đã bị vô hiệu hoá. Sau 5 lần nhập sai liên tiếp, tài khoản tạm khoá 15 phút; cần hỗ trợ, hãy liên hệ quản trị viên.");
    }

    [Fact]
    public async Task An_unknown_account_costs_a_password_hash_like_a_real_one()
    {
        var client = portal.Factory.AnonymousClient();
        await client.SignInAsync("huyen", "sai-mat-khau"); // warm up
        await client.SignInAsync("khong-co-ai", "sai-mat-khau");

        // Taken in turn (known, unknown, known, ...), so that a busy moment of the machine slows both series alike; five each
        // (five wrong passwords are what locks an account: no more for xa.namson).
        var (known, unknown) = (new List<double>(), new List<double>());
        for (var i = 0; i < 5; i++)
        {
            known.Add(await TimeAsync(client, "xa.namson", i));
            unknown.Add(await TimeAsync(client, "khong-ton-tai", i));
        }

        // Before the fix: ~7 ms against ~130 ms. A real hash costs tens of milliseconds; loose bounds for a busy machine.
        Median(unknown).Should().BeGreaterThan(Median(known) * 0.4, $"unknown {string.Join(", ", unknown)} ms, known {string.Join(", ", known)} ms");
    }

    private static async Task<double> TimeAsync(HttpClient client, string userName, int attempt)
    {
        var watch = Stopwatch.StartNew();
        await client.SignInAsync(userName, "sai-mat-khau-" + attempt);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    private static async Task<string> MessageAsync(HttpClient client, string userName, string password)
    {
        var response = await client.SignInAsync(userName, password);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{userName} must not sign in");
        var html = await response.Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(Regex.Match(html, "<div[^>]*validation-summary-errors[^>]*>\\s*<ul>\\s*<li>([^<]*)</li>").Groups[1].Value);
    }
}
