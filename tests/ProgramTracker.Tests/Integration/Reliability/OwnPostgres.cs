using System.Diagnostics;
using Npgsql;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>
/// A PostgreSQL cluster of one test's own (loopback only, throwaway), so that the test may stop and start it without
/// touching the cluster the other tests share. Uses the server binaries test.sh installs.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;
    private readonly bool _root = Environment.UserName == "root";

    private OwnPostgres(string bin, string dir, int port)
    {
        (_bin, _dir, Port) = (bin, dir, port);
    }

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5";

    public static async Task<OwnPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql (test.sh installs them)");
        var dir = Directory.CreateTempSubdirectory("programtracker-own-pg-").FullName;
        var cluster = new OwnPostgres(bin, dir, AppFolderTests.FreePort());
        if (cluster._root)
        {
            await RunAsync("chown", ["postgres", dir]);
        }

        await cluster.AsPostgresAsync("initdb", ["-D", cluster.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await cluster.StartServerAsync();
        await using var admin = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE portal", admin);
        await create.ExecuteNonQueryAsync();
        return cluster;
    }

    private string Data => Path.Combine(_dir, "data");

    public Task StartServerAsync() => AsPostgresAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_dir, "server.log"), "-w", "-o",
        $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200", "start"]);

    /// <summary>A fast shutdown (open sessions are cut, as in a restart for maintenance).</summary>
    public Task StopServerAsync() => AsPostgresAsync("pg_ctl", ["-D", Data, "-m", "fast", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AsPostgresAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        Directory.Delete(_dir, recursive: true);
    }

    private Task AsPostgresAsync(string tool, string[] args) =>
        _root ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args]) : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
