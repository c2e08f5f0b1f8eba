namespace ProgramTracker.TestSupport;

/// <summary>A private copy of seeds/ that a test may corrupt.</summary>
public sealed class TempSeeds : IDisposable
{
    public TempSeeds()
    {
        foreach (var dir in Directory.GetDirectories(RepoPaths.Seeds, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(RepoPaths.Seeds, Path, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(Path);
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(RepoPaths.Seeds, Path, StringComparison.Ordinal));
        }
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pt-seeds-" + Guid.NewGuid().ToString("N"));

    /// <summary>Changes one file; fails if the change does not apply, so a test never corrupts nothing.</summary>
    public void Edit(string relative, string find, string replace)
    {
        var file = System.IO.Path.Combine(Path, relative);
        var before = File.ReadAllText(file);
        if (!before.Contains(find, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{find}' is not in {relative}");
        }

        File.WriteAllText(file, before.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
