namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// Administrative commands run with the app's own configuration: `ProgramTracker.Web migrate`,
/// `ProgramTracker.Web create-admin --user NAME`, `ProgramTracker.Web backup --to FILE`, `ProgramTracker.Web restore --from FILE`,
/// `ProgramTracker.Web create-token --user NAME [--name N] [--days D] [--write]`.
/// </summary>
public static class CommandLine
{
    /// <summary>The command's exit code, or null when the arguments name no command (the web app runs).</summary>
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                await DatabaseInitializer.MigrateAndSeedAsync(app.Services, app.Configuration);
                return 0;
            case CreateAdminCommand.Name:
                return await CreateAdminCommand.RunAsync(app, args);
            case BackupCommands.Backup or BackupCommands.Restore:
                return await BackupCommands.RunAsync(app, args);
            case Api.CreateTokenCommand.Name:
                return await Api.CreateTokenCommand.RunAsync(app, args);
            default:
                return null;
        }
    }
}
