namespace ProgramTracker.Tests.Integration;

/// <summary>
/// A test class whose every test gets its own seeded portal on a fresh copy of the seeded template database (xunit makes a
/// new instance per test); for tests that change the catalogue or the units. Per class: <see cref="PortalFixture"/>.
/// </summary>
public abstract class SeededCopyTests : IAsyncLifetime
{
    private readonly SeededPortal _portal = new();

    protected PortalFactory Factory => _portal.Factory;

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();
}
