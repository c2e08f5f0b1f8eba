using System.Diagnostics;
using System.Globalization;
using System.Text;
using ProgramTracker.Core.Data;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>
/// The restore drill, on both providers: back up with `ProgramTracker.Web backup`, change data through the portal,
/// restore with `ProgramTracker.Web restore`; every value and audit row is as at the backup and the portal starts on it.
/// </summary>
public sealed partial class RestoreDrillTests
{
    private const string Capital = "/districts/ba-che/capital/2023-Q4";

    [Theory]
    [InlineData("Postgres")]
    [InlineData("Sqlite")]
    public async Task Backup_change_restore_gives_back_every_value_and_audit_row_and_the_portal_starts(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("programtracker-drill-").FullName;
        TestDatabase? pg = null;
        try
        {
            string connection;
            if (provider == "Postgres")
            {
                pg = await TestDatabase.CreateAsync();
                connection = pg.ConnectionString;
            }
            else
            {
                connection = $"Data Source={Path.Combine(folder, "portal.db")}";
            }

            var backup = Path.Combine(folder, provider == "Postgres" ? "portal.dump" : "portal-backup.db");
            string atBackup;
            await using (var portal = new PortalFactory(provider, connection))
            {
                var huyen = await portal.SignedInClientAsync("huyen");
                await AddCapitalAsync(huyen, "1.250.000", "trước khi sao lưu");
                atBackup = await SnapshotAsync(portal);

                var backedUp = await RunCommandAsync(provider, connection, "backup", "--to", backup);
                backedUp.Exit.Should().Be(0, backedUp.Output);
                new FileInfo(backup).Length.Should().BeGreaterThan(0, "the backup holds the database");

                // After the backup: a new row, the old one changed, then deleted; every step audited.
                await AddCapitalAsync(huyen, "2.000.000", "sau khi sao lưu");
                var html = await huyen.GetStringAsync(Capital);
                var id = Regex.Match(html, "<tr data-capital=\"(\\d+)\">(?:(?!</tr>).)*trước khi sao lưu", RegexOptions.Singleline).Groups[1].Value;
                var token = await huyen.AntiforgeryTokenAsync(Capital);
                (await huyen.PostFormAsync($"{Capital}/{id}/delete", new() { ["version"] = "1" }, token)).StatusCode.Should().Be(HttpStatusCode.Redirect);
                (await SnapshotAsync(portal)).Should().NotBe(atBackup);
            }

            ClearPools();
            var restoredFrom = await RunCommandAsync(provider, connection, "restore", "--from", backup);
            restoredFrom.Exit.Should().Be(0, restoredFrom.Output);

            ClearPools();
            await using (var restored = new PortalFactory(provider, connection))
            {
                (await SnapshotAsync(restored)).Should().Be(atBackup, "every value and audit row is as at the backup");
                var huyen = await restored.SignedInClientAsync("huyen");
                var list = WebUtility.HtmlDecode(await huyen.GetStringAsync(Capital));
                list.Should().Contain("trước khi sao lưu").And.NotContain("sau khi sao lưu");
                (await huyen.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
            }
        }
        finally
        {
            ClearPools();
            if (pg is not null)
            {
                await pg.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static void ClearPools()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task AddCapitalAsync(HttpClient client, string amount, string description)
    {
        var html = await client.GetStringAsync(Capital);
        var form = BrowserForm.Fields(html, "capital-form");
        BrowserForm.Set(form, "ProgrammeId", FirstProgramme().Match(html).Groups[1].Value);
        BrowserForm.Set(form, "Measure", "Planned");
        BrowserForm.Set(form, "Amount", amount);
        BrowserForm.Set(form, "Description", description);
        (await client.PostAsync(Capital, new FormUrlEncodedContent(form))).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    /// <summary>Every stored value, capital row (deleted ones too), audit row and the data version, as one text.</summary>
    private static Task<string> SnapshotAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
    {
        var text = new StringBuilder();
        foreach (var v in await db.IndicatorValues.AsNoTracking().OrderBy(v => v.Id).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"v {v.Id} {v.UnitId} {v.IndicatorId} {v.PeriodId} {v.Value} {v.Note} {v.Version} {v.UpdatedBy}");
        }

        foreach (var c in await db.CapitalFigures.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Id).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"c {c.Id} {c.UnitId} {c.Measure} {c.AmountVnd} {c.Description} {c.IsDeleted} {c.Version}");
        }

        foreach (var a in await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"a {a.Id} {a.AtUtc:O} {a.UserName} {a.Action} {a.UnitId} {a.OldValue} {a.NewValue} {a.Note}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"users {await db.Users.CountAsync()} versions {string.Join(",", await db.DataVersions.OrderBy(d => d.Id).Select(d => d.Id + "=" + d.Value).ToListAsync())}");
        return text.ToString();
    });

    /// <summary>Issue 28, defect 10: a backup holds password and token hashes and the data-protection keys: only its owner may read it (600), and a folder others can read is warned about.</summary>
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_backup_file_is_readable_by_its_owner_only_and_a_folder_others_can_read_is_warned_about()
    {
        var folder = Directory.CreateTempSubdirectory("programtracker-backup-mode-").FullName;
        try
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            var connection = $"Data Source={Path.Combine(folder, "portal.db")}";
            await using (var live = new Microsoft.Data.Sqlite.SqliteConnection(connection))
            {
                await live.OpenAsync();
                await using var create = live.CreateCommand();
                create.CommandText = "CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('mật khẩu băm')";
                await create.ExecuteNonQueryAsync();
            }

            ClearPools();
            var backup = Path.Combine(folder, "portal-backup.db");
            var output = await RunCommandOutputAsync("Sqlite", connection, "backup", "--to", backup);

            File.GetUnixFileMode(backup).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            output.Should().Contain($"{folder} can be read by other users");
        }
        finally
        {
            ClearPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs `dotnet ProgramTracker.Web.dll COMMAND ...` as an operator would, on the given database.</summary>
    /// <summary>As <see cref="RunCommandAsync"/>; a non-zero exit fails the test; returns what the command wrote.</summary>
    private static async Task<string> RunCommandOutputAsync(string provider, string connection, params string[] command)
    {
        var (exit, output) = await RunCommandAsync(provider, connection, command);
        exit.Should().Be(0, $"{string.Join(' ', command)} wrote: {output}");
        return output;
    }

    /// <summary>Runs the portal's command; its exit code and what it wrote (standard output and error), never throwing on a failure.</summary>
    private static async Task<(int Exit, string Output)> RunCommandAsync(string provider, string connection, params string[] command)
    {
        var bin = AppFolderTests.WebBinaries();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(bin, "ProgramTracker.Web.dll"), .. command])
        {
            WorkingDirectory = bin, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = provider,
                ["ConnectionStrings__ProgramTracker"] = connection,
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex("<select[^>]*id=\"ProgrammeId\"[^>]*>\\s*<option value=\"\">[^<]*</option>\\s*<option value=\"(\\d+)\"")]
    private static partial Regex FirstProgramme();
}
