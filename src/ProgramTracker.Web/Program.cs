using ProgramTracker.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddProgramTrackerLogging();
    builder.Services.AddProgramTrackerWeb(builder.Configuration);

    var app = builder.Build();
    if (await CommandLine.TryRunAsync(app, args))
    {
        return 0;
    }

    app.UseProgramTrackerPipeline();
    await app.InitializeDatabaseAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "ProgramTracker stopped: {Message}", ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
