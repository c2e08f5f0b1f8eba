namespace ProgramTracker.Web.Infrastructure;

/// <summary>Administrative commands run with the app's own configuration: `ProgramTracker.Web migrate`.</summary>
public static class CommandLine
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                await DatabaseInitializer.MigrateAndSeedAsync(app.Services, app.Configuration);
                return true;
            default:
                return false;
        }
    }
}
