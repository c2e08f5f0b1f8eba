namespace ProgramTracker.TestSupport;

public static class RepoPaths
{
    /// <summary>The repository root: the folder holding ProgramTracker.sln above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    /// <summary>The user guide (issue 30): Markdown per role and language, and its pictures, written by the browser tests.</summary>
    public static string Guide => Path.Combine(Root, "docs", "guide");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProgramTracker.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ProgramTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
