using ProgramTracker.TestSupport;

namespace ProgramTracker.Tests.Integration;

/// <summary>One seeded portal on its own PostgreSQL database, shared by the read-only page tests.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public PortalFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (Factory, _database) = await PortalFactory.OnPostgresAsync();
        _ = Factory.Server; // start the host: migrations and seeding run here
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "seeded portal";
}
