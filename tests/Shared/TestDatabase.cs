using Npgsql;

namespace ProgramTracker.TestSupport;

/// <summary>
/// A fresh PostgreSQL database on the throwaway cluster that test.sh starts, dropped at the end.
/// Tests never fall back to another store: without the cluster they fail and say how to start it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("PROGRAMTRACKER_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("PROGRAMTRACKER_TEST_PG is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");

    /// <summary>An empty database, or a copy of <paramref name="template"/> (PostgreSQL copies its files: no migration, no seed).</summary>
    public static async Task<TestDatabase> CreateAsync(string? template = null)
    {
        var name = $"pt_{Guid.NewGuid():N}"[..20];
        await using (var admin = new NpgsqlConnection(ServerConnectionString))
        {
            await admin.OpenAsync();
            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            for (var attempt = 1; ; attempt++)
            {
                await using var create = new NpgsqlCommand(sql, admin);
                try
                {
                    await create.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    // "source database is being accessed by other users": another copy is being made this instant.
                    await Task.Delay(100 * attempt);
                }
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }

    /// <summary>Whether some session of this database comes to wait on a lock (a row another session holds) within 10 s.</summary>
    public async Task<bool> WaitForLockWaitAsync()
    {
        await using var watch = new NpgsqlConnection(ConnectionString);
        await watch.OpenAsync();
        for (var i = 0; i < 100; i++)
        {
            await using var cmd = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", watch);
            if ((long)(await cmd.ExecuteScalarAsync())! > 0)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ServerConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
