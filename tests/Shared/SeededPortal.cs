namespace ProgramTracker.TestSupport;

/// <summary>
/// The one seeded-portal fixture: a started portal on its own fresh copy of the seeded template database
/// (<see cref="PortalFactory.OnSeededCopyAsync"/>), removed with its database at the end. Used per class
/// (<c>IClassFixture&lt;SeededPortal&gt;</c>) or per test (<c>SeededCopyTests</c>).
/// </summary>
public sealed class SeededPortal : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public PortalFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (Factory, _database) = await PortalFactory.OnSeededCopyAsync();
        _ = Factory.Server; // start the host: migrations and seeding run here
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}
