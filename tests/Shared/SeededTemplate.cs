using Npgsql;

namespace ProgramTracker.TestSupport;

/// <summary>
/// The state every test class starts from: the repository's seed and the demo accounts, migrated and seeded once per test
/// run into a template database, then copied by PostgreSQL (<c>CREATE DATABASE … TEMPLATE …</c>) for each fixture. A copy
/// takes a fraction of a second where a fresh seed takes several, so a class fixture of its own costs little, and no test
/// class sees what another class wrote.
/// </summary>
public static class SeededTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static TestDatabase? _template;

    /// <summary>Set to "off" to seed every database afresh instead (to compare timings, or to rule the template out).</summary>
    public const string Variable = "PROGRAMTRACKER_TEST_TEMPLATE";

    /// <summary>A new database holding the seeded state (empty with <see cref="Variable"/>=off: start-up then seeds it); the caller disposes it.</summary>
    public static async Task<TestDatabase> CopyAsync() =>
        Environment.GetEnvironmentVariable(Variable) == "off"
            ? await TestDatabase.CreateAsync()
            : await TestDatabase.CreateAsync((await EnsureAsync()).Name);

    private static async Task<TestDatabase> EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var database = await TestDatabase.CreateAsync();
            // No pooling: no idle connection may stay open on a template, or PostgreSQL refuses to copy it.
            var unpooled = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString;
            await using (var factory = new PortalFactory("Postgres", unpooled))
            {
                _ = factory.Server; // start-up migrates and seeds, as on a new deployment
            }

            _template = database;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => database.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return database;
        }
        finally
        {
            Gate.Release();
        }
    }
}
