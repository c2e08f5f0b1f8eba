using ProgramTracker.TestSupport;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// A test class whose every test gets its own seeded portal on a fresh copy of the seeded template database (xunit makes a
/// new instance per test); for tests that change the catalogue or the units. Per class: <see cref="PortalFixture"/>.
/// </summary>
public abstract class SeededCopyTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    protected PortalFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (Factory, _database) = await PortalFactory.OnSeededCopyAsync();
        _ = Factory.Server;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}
