using System.Globalization;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Seeding;

namespace ProgramTracker.Core.Units;

/// <summary>One province or centrally-run city of the register (Công văn 915/CTK-CSCL).</summary>
public sealed record RegisterProvince(int Line, string Code, string Name, UnitKind Kind, int Communes);

/// <summary>One commune-level unit of the register (Công văn 1027/CTK-CSCL, Phụ lục I).</summary>
public sealed record RegisterUnit(int Line, string ProvinceCode, string Code, string Name, UnitKind Kind);

/// <summary>
/// The official register of administrative units in force from a date: provinces and commune-level units with their
/// statistics codes, and the source record of each list. Read strictly from two CSV files; a malformed file is refused
/// with the file, line and field named (nothing of it is seeded).
/// </summary>
public sealed record UnitRegister(
    DateOnly ValidFrom, string ProvincesSource, string UnitsSource,
    IReadOnlyList<RegisterProvince> Provinces, IReadOnlyList<RegisterUnit> Units)
{
    public static UnitRegister Empty { get; } = new(default, "", "", [], []);

    /// <summary>The first word(s) of an official name and the kind they mean; the rest of the name is what the portal stores.</summary>
    private static readonly (string Prefix, UnitKind Kind)[] UnitPrefixes =
        [("Xã ", UnitKind.Commune), ("Phường ", UnitKind.Ward), ("Đặc khu ", UnitKind.SpecialZone)];

    private static readonly (string Prefix, UnitKind Kind)[] ProvincePrefixes =
        [("Tỉnh ", UnitKind.Province), ("Thành phố ", UnitKind.City)];

    /// <summary>Parses the two files' text; <paramref name="provincesFile"/> and <paramref name="unitsFile"/> name them in errors.</summary>
    public static UnitRegister Parse(
        DateOnly validFrom, string provincesSource, string unitsSource,
        string provincesFile, string provincesCsv, string unitsFile, string unitsCsv)
    {
        var provinces = new List<RegisterProvince>();
        foreach (var (line, fields) in Rows(provincesFile, provincesCsv, ["code", "name", "communes"]))
        {
            var code = Code(provincesFile, line, "code", fields[0], 2);
            var (kind, name) = Split(provincesFile, line, fields[1], ProvincePrefixes);
            if (!int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var communes) || communes < 1)
            {
                throw new SeedException(provincesFile, At(line, "communes"), $"'{fields[2]}' is not a positive count");
            }

            if (provinces.Any(p => p.Code == code))
            {
                throw new SeedException(provincesFile, At(line, "code"), $"province code {code} appears twice");
            }

            provinces.Add(new RegisterProvince(line, code, name, kind, communes));
        }

        var byCode = provinces.ToDictionary(p => p.Code);
        var units = new List<RegisterUnit>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in Rows(unitsFile, unitsCsv, ["province_code", "province_name", "code", "name", "kind"]))
        {
            var provinceCode = Code(unitsFile, line, "province_code", fields[0], 2);
            if (!byCode.TryGetValue(provinceCode, out var province))
            {
                throw new SeedException(unitsFile, At(line, "province_code"), $"province {provinceCode} is not in {provincesFile}");
            }

            if (fields[1] != ProvinceFullName(province))
            {
                throw new SeedException(unitsFile, At(line, "province_name"), $"'{fields[1]}' is not the name of province {provinceCode} ('{ProvinceFullName(province)}')");
            }

            var code = Code(unitsFile, line, "code", fields[2], 5);
            if (!codes.Add(code))
            {
                throw new SeedException(unitsFile, At(line, "code"), $"statistics code {code} appears twice");
            }

            var (kind, name) = Split(unitsFile, line, fields[3], UnitPrefixes);
            if (fields[4] != UnitPrefixes.Single(p => p.Kind == kind).Prefix.TrimEnd())
            {
                throw new SeedException(unitsFile, At(line, "kind"), $"'{fields[4]}' does not match the name '{fields[3]}'");
            }

            units.Add(new RegisterUnit(line, provinceCode, code, name, kind));
        }

        foreach (var p in provinces)
        {
            var count = units.Count(u => u.ProvinceCode == p.Code);
            if (count != p.Communes)
            {
                throw new SeedException(provincesFile, At(p.Line, "communes"), $"province {p.Code} declares {p.Communes} units but {unitsFile} lists {count}");
            }
        }

        return new UnitRegister(validFrom, provincesSource, unitsSource, provinces, units);
    }

    private static string ProvinceFullName(RegisterProvince p) => ProvincePrefixes.Single(x => x.Kind == p.Kind).Prefix + p.Name;

    private static string At(int line, string field) => $"line {line}, field '{field}'";

    private static string Code(string file, int line, string field, string value, int length) =>
        value.Length == length && value.All(char.IsAsciiDigit)
            ? value
            : throw new SeedException(file, At(line, field), $"'{value}' is not a {length}-digit statistics code");

    private static (UnitKind Kind, string Name) Split(string file, int line, string official, (string Prefix, UnitKind Kind)[] prefixes)
    {
        foreach (var (prefix, kind) in prefixes)
        {
            if (official.StartsWith(prefix, StringComparison.Ordinal) && official.Length > prefix.Length && official.Length <= 120)
            {
                return (kind, official[prefix.Length..].Trim());
            }
        }

        throw new SeedException(file, At(line, "name"),
            $"'{official}' does not start with {string.Join(" or ", prefixes.Select(p => $"'{p.Prefix.Trim()}'"))} followed by a name");
    }

    /// <summary>The data rows (line number, fields) after an exact header; every row must have the header's field count.</summary>
    private static IEnumerable<(int Line, string[] Fields)> Rows(string file, string text, string[] header)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines[0].Trim() != string.Join(',', header))
        {
            throw new SeedException(file, "line 1", $"the header must be '{string.Join(',', header)}'");
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split(',');
            if (fields.Length != header.Length)
            {
                throw new SeedException(file, $"line {i + 1}", $"{fields.Length} fields where the header has {header.Length}");
            }

            if (fields.Any(f => f.Length == 0 || f != f.Trim()))
            {
                throw new SeedException(file, At(i + 1, header[Array.FindIndex(fields, f => f.Length == 0 || f != f.Trim())]), "empty or padded with spaces");
            }

            yield return (i + 1, fields);
        }
    }
}
