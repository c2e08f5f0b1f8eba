using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>
/// Issue 24 (docs/performance.md): the portal works on a bounded number of requests at once and answers the rest at once with
/// 503, a retry time and a message in the reader's language (problem details under /api), so a surge never piles work and
/// memory up. Here the bound is one request and no queue: a save held on a locked row takes the one place.
/// </summary>
public sealed class BusyPortalTests : IAsyncLifetime
{
    private const string Form = "/communes/nam-son/entry/2023-Q4";
    private PortalFactory _factory = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        (_factory, _database) = await PortalFactory.OnPostgresAsync();
        _factory.Settings["Server:MaxConcurrentRequests"] = "1";
        _factory.Settings["Server:RequestQueueLimit"] = "0";
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Beyond_the_bound_a_request_is_answered_at_once_with_503_and_the_held_save_still_completes()
    {
        var officer = await _factory.SignedInClientAsync("huyen");
        var reader = await _factory.SignedInClientAsync("admin");
        var cells = await EntryFormPage.CellsAsync(officer, Form);
        var token = await officer.AntiforgeryTokenAsync(Form);
        string secret;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.ProgramTrackerDbContext>();
            var (created, error) = await scope.ServiceProvider.GetRequiredService<Core.Accounts.ApiTokens>()
                .CreateAsync(await db.Users.Where(u => u.UserName == "lanhdao").Select(u => u.Id).SingleAsync(), "bận", 30, false);
            created.Should().NotBeNull(error);
            secret = created!.Secret;
        }

        await using var holder = new NpgsqlConnection(_database.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM units WHERE \"Slug\" = 'nam-son' FOR UPDATE", holder, hold))
        {
            await lockRow.ExecuteScalarAsync();
        }

        var held = officer.PostFormAsync(Form, EntryFormPage.Fields(cells, new() { ["ntm-xa.3.1"] = "81" }), token);
        (await _database.WaitForLockWaitAsync()).Should().BeTrue("the save holds the portal's one place, waiting on the locked row");

        var page = await reader.GetAsync("/communes/don-dac");
        page.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        page.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("<html lang=\"vi\"").And.Contain("<h1>Cổng thông tin đang bận</h1>")
            .And.Contain("Nhiều người đang dùng cùng lúc. Xin thử lại sau 5 giây; dữ liệu đã lưu không mất.");

        var english = await reader.GetAsync("/communes/don-dac?culture=en");
        english.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await english.Content.ReadAsStringAsync()).Should().Contain("<h1>The portal is busy</h1>");

        using var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var problem = await api.GetAsync("/api/v1/units");
        problem.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        problem.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await problem.Content.ReadAsStringAsync()).Should().Contain("\"title\":\"Cổng thông tin đang bận\"");

        (await reader.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK, "the health check is never held");
        (await reader.GetAsync("/lib/bootstrap/dist/css/bootstrap.min.css")).StatusCode.Should().Be(HttpStatusCode.OK, "static files come before the bound");
        held.IsCompleted.Should().BeFalse();

        await hold.RollbackAsync();
        (await held).StatusCode.Should().Be(HttpStatusCode.Redirect, "the save that held the place completes");
        (await EntryFormPage.CellsAsync(officer, Form))["ntm-xa.3.1"].Raw.Should().Be("81");
        (await reader.GetAsync("/communes/don-dac")).StatusCode.Should().Be(HttpStatusCode.OK, "with the place free, pages answer again");
    }
}
