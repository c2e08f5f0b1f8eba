namespace ProgramTracker.Core.Seeding;

/// <summary>A seed file that cannot be used. The message names the file and the field.</summary>
public sealed class SeedException : Exception
{
    public SeedException(string file, string field, string problem, Exception? inner = null)
        : base($"Seed file '{file}' is malformed at {field}: {problem}", inner)
    {
        File = file;
        Field = field;
    }

    public string File { get; }
    public string Field { get; }
}
