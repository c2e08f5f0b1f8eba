using System.Collections.Concurrent;

namespace ProgramTracker.TestSupport;

/// <summary>
/// The one seeded-portal fixture: a started portal on its own fresh copy of the seeded template database
/// (<see cref="PortalFactory.OnSeededCopyAsync"/>), removed with its database at the end. Used per class
/// (<c>IClassFixture&lt;SeededPortal&gt;</c>), per test (<c>SeededCopyTests</c>), or as the base of a fixture that adds
/// its own helpers (<c>PortalFixture</c>, <c>ApiFixture</c>, <c>ImportFixture</c>, <c>BrowserFixture</c>): those set
/// <see cref="Settings"/>, <see cref="TestIndicatorsIn"/> or <see cref="OnKestrel"/> in their constructor and share this setup.
/// </summary>
public class SeededPortal : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new();
    private TestDatabase? _database;

    public PortalFactory Factory { get; private set; } = null!;

    /// <summary>Configuration applied before the host starts (e.g. a low rate limit, small upload limits).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The criteria sets the test indicators are added to once started (<see cref="TestCatalogue"/>, through the admin's doors).</summary>
    public IList<string> TestIndicatorsIn { get; } = [];

    /// <summary>Serve on Kestrel on a free port (a browser needs a real address) instead of the in-memory test server.</summary>
    protected bool OnKestrel { get; init; }

    public async Task InitializeAsync()
    {
        (Factory, _database) = await PortalFactory.OnSeededCopyAsync();
        foreach (var (key, value) in Settings)
        {
            Factory.Settings[key] = value;
        }

        // Start the host: migrations and seeding run here.
        if (OnKestrel)
        {
            Factory.UseKestrel(0);
            Factory.StartServer();
        }
        else
        {
            _ = Factory.Server;
        }

        foreach (var set in TestIndicatorsIn)
        {
            await TestCatalogue.AddIndicatorsAsync(Factory, set);
        }

        await OnStartedAsync();
    }

    /// <summary>What a derived fixture does once the portal runs (a browser, its own data).</summary>
    protected virtual Task OnStartedAsync() => Task.CompletedTask;

    /// <summary>What a derived fixture closes before the portal stops (a browser).</summary>
    protected virtual Task OnStoppingAsync() => Task.CompletedTask;

    /// <summary>The password a user signs in with in <see cref="ClientAsync"/> (the demo accounts' unless a fixture made others).</summary>
    protected virtual string PasswordOf(string userName) => PortalClients.DemoPassword;

    /// <summary>A client signed in as <paramref name="userName"/>, made once and shared: tests must not sign it out or change that user.</summary>
    public Task<HttpClient> ClientAsync(string userName) =>
        _clients.GetOrAdd(userName, user => new Lazy<Task<HttpClient>>(() => Factory.SignedInClientAsync(user, PasswordOf(user)))).Value;

    public async Task DisposeAsync()
    {
        await OnStoppingAsync();
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
        {
            (await client.Value).Dispose();
        }

        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
