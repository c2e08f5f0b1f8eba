namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// Started from another folder (`dotnet /srv/programtracker/ProgramTracker.Web.dll`, a service manager's default
/// working directory), the default content root is the working directory: no appsettings.json, so no logging, and no
/// wwwroot, so no static files. The portal's files sit next to its binary, so that folder is the content root then.
/// </summary>
public static class AppFolder
{
    /// <summary>The content root to use, or null to keep the default (an explicit --contentRoot, or started in the app's folder).</summary>
    public static string? ContentRoot(string[] args)
    {
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")))
        {
            return null;
        }

        var binary = AppContext.BaseDirectory;
        return !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) && File.Exists(Path.Combine(binary, "appsettings.json"))
            ? binary
            : null;
    }
}
