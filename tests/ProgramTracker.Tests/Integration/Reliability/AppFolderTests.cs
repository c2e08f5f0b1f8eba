using System.Diagnostics;
using System.Text;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Defect 15: started from another folder, the portal still reads its settings (so it logs) and serves its static files.</summary>
public sealed class AppFolderTests
{
    [Fact]
    public async Task Started_from_another_folder_the_portal_logs_and_serves_static_files()
    {
        var root = Directory.CreateTempSubdirectory("programtracker-appfolder-").FullName;
        try
        {
            // A published layout: the binaries with wwwroot beside them, started from an unrelated working directory.
            var app = Path.Combine(root, "app");
            CopyDirectory(WebBinaries(), app);
            CopyDirectory(Path.Combine(RepoPaths.Root, "src", "ProgramTracker.Web", "wwwroot"), Path.Combine(app, "wwwroot"));
            var elsewhere = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;
            var port = FreePort();
            var output = new StringBuilder();
            var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "ProgramTracker.Web.dll")])
            {
                WorkingDirectory = elsewhere, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                    ["ConnectionStrings__ProgramTracker"] = $"Data Source={Path.Combine(root, "portal.db")}",
                    ["DataProtection__Certificate__Path"] = TestCertificate.PfxPath,
                    ["DataProtection__Certificate__Password"] = TestCertificate.Password,
                    ["Security__SecureCookies"] = "false",
                },
            };
            using var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
                await WaitUntilUpAsync(http, process, output);

                var css = await http.GetAsync("/css/site.css");

                css.StatusCode.Should().Be(HttpStatusCode.OK, "wwwroot beside the binary is served");
                string log;
                lock (output)
                {
                    log = output.ToString();
                }

                log.Should().Contain("Database ready", "appsettings.json beside the binary configures the logger");
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process process, StringBuilder output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120); // generous: the build machines are shared
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                lock (output)
                {
                    throw new InvalidOperationException($"the portal stopped ({process.ExitCode}): {output}");
                }
            }

            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the portal did not answer /health within 120 s");
    }

    /// <summary>The web project's build output for the configuration these tests were built in.</summary>
    internal static string WebBinaries()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        return Path.Combine(RepoPaths.Root, "src", "ProgramTracker.Web", "bin", configuration, framework);
    }

    internal static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
