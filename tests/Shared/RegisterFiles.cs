namespace ProgramTracker.TestSupport;

/// <summary>
/// The official register as the files in seeds/units-2025/ say it, read here by a plain split (not by the portal's
/// parser), so tests compare what the portal shows with the files themselves.
/// </summary>
public static class RegisterFiles
{
    public sealed record Province(string Code, string Name, int Communes);

    public sealed record Unit(string ProvinceCode, string ProvinceName, string Code, string Name, string Kind);

    public static string Folder => Path.Combine(RepoPaths.Seeds, "units-2025");

    public static IReadOnlyList<Province> Provinces { get; } = Rows("provinces-2025-07-01.csv")
        .Select(f => new Province(f[0], f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public static IReadOnlyList<Unit> Units { get; } = Rows("units-2025-07-01.csv")
        .Select(f => new Unit(f[0], f[1], f[2], f[3], f[4])).ToList();

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadAllLines(Path.Combine(Folder, file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));
}
