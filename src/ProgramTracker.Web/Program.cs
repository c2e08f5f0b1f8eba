using System.Globalization;
using Serilog;

// A plain console logger until the host builds its configured one (a reloadable bootstrap logger can be frozen only once per process).
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppFolder.ContentRoot(args) });
    builder.AddProgramTrackerLogging();
    builder.Services.AddProgramTrackerWeb(builder.Configuration);

    var app = builder.Build();
    if (await CommandLine.TryRunAsync(app, args) is { } exitCode)
    {
        return exitCode;
    }

    app.UseProgramTrackerPipeline();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    // Logged for operators, then rethrown so the process (and any host wrapper) sees the failure.
    Log.Fatal(ex, "ProgramTracker stopped: {Message}", ex.Message);
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
