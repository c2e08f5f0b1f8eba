using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// `ProgramTracker.Web backup --to FILE` and `ProgramTracker.Web restore --from FILE`, on the configured database.
/// PostgreSQL: pg_dump's custom format (-Fc) and pg_restore (in one transaction: a failed restore changes nothing);
/// the client tools come from PATH or Backup:PgBin. SQLite: the online backup API (a consistent copy while the portal
/// runs). A backup is written beside FILE first and renamed when complete, so FILE is never half a backup.
/// Restore replaces every table's content with the backup's: stop the portal first (README, "Sao lưu và phục hồi").
/// </summary>
public static class BackupCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var restore = args[0] == Restore;
        var file = Option(args, restore ? "--from" : "--to");
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ProgramTracker.Backup");
        if (string.IsNullOrWhiteSpace(file))
        {
            logger.LogError("Usage: ProgramTracker.Web backup --to FILE | restore --from FILE");
            return 2;
        }

        file = Path.GetFullPath(file);
        var provider = DatabaseServiceCollectionExtensions.ReadProvider(app.Configuration);
        var connection = app.Configuration.GetConnectionString(DatabaseServiceCollectionExtensions.ConnectionStringName) is { Length: > 0 } cs
            ? cs
            : DatabaseServiceCollectionExtensions.DefaultSqliteConnection;
        if (restore && !File.Exists(file))
        {
            logger.LogError("Restore: {File} does not exist", file);
            return 2;
        }

        if (!restore && !OperatingSystem.IsWindows() && Path.GetDirectoryName(file) is { } folder && Directory.Exists(folder)
            && (File.GetUnixFileMode(folder) & UnixFileMode.OtherRead) != 0)
        {
            logger.LogWarning("{Folder} can be read by other users: keep backups in a folder only the portal's account can read (chmod 700)", folder);
        }

        try
        {
            var watch = Stopwatch.StartNew();
            if (provider == DatabaseProvider.Postgres)
            {
                await PostgresAsync(app.Configuration, connection, file, restore);
            }
            else
            {
                Sqlite(connection, file, restore);
            }

            logger.LogInformation("{Action} {File} ({Bytes} bytes, {Provider}) in {Seconds:0.0} s", restore ? "Restored from" : "Backed up to",
                file, new FileInfo(file).Length, provider, watch.Elapsed.TotalSeconds);
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or SqliteException or System.ComponentModel.Win32Exception)
        {
            logger.LogError("{Action} failed: {Message}", restore ? "Restore" : "Backup", ex.Message);
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task PostgresAsync(IConfiguration configuration, string connectionString, string file, bool restore)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var bin = configuration["Backup:PgBin"];
        string Tool(string name) => string.IsNullOrWhiteSpace(bin) ? name : Path.Combine(bin, name);
        var environment = new Dictionary<string, string?>
        {
            ["PGHOST"] = cs.Host, ["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = cs.Username, ["PGPASSWORD"] = cs.Password, ["PGDATABASE"] = cs.Database,
        };
        if (restore)
        {
            // --clean drops each object before re-creating it; one transaction, so a failure leaves the database as it was.
            await RunToolAsync(Tool("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", cs.Database!, file], environment);
            NpgsqlConnection.ClearAllPools();
            return;
        }

        var partial = OwnerOnly(file + ".partial");
        await RunToolAsync(Tool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], environment);
        File.Move(partial, file, overwrite: true);
    }

    private static void Sqlite(string connectionString, string file, bool restore)
    {
        if (!restore)
        {
            OwnerOnly(file + ".partial");
        }

        var live = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        var copy = new SqliteConnectionStringBuilder { DataSource = restore ? file : file + ".partial", Pooling = false, Mode = restore ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate }.ToString();
        using (var source = new SqliteConnection(restore ? copy : live))
        using (var destination = new SqliteConnection(restore ? live : copy))
        {
            source.Open();
            destination.Open();
            if (restore)
            {
                using var check = source.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                if (check.ExecuteScalar() as string != "ok")
                {
                    throw new InvalidOperationException($"{file} is not a sound SQLite backup (integrity_check failed)");
                }
            }

            source.BackupDatabase(destination);
        }

        SqliteConnection.ClearAllPools();
        if (!restore)
        {
            File.Move(file + ".partial", file, overwrite: true);
        }
    }

    /// <summary>
    /// Creates the file empty, readable and writable by its owner only (600), before anything is written into it: a backup
    /// holds password and token hashes and the data-protection keys. The rename keeps the mode.
    /// </summary>
    private static string OwnerOnly(string path)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (new FileStream(path, options))
        {
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // whatever the umask
        }

        return path;
    }

    private static async Task RunToolAsync(string tool, string[] args, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(tool)} exited with {process.ExitCode}: {(await error).Trim()}");
        }
    }
}
