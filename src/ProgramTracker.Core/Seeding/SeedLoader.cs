using System.Text.Json;
using System.Text.Json.Serialization;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Units;

namespace ProgramTracker.Core.Seeding;

/// <summary>Reads seeds/ strictly: unknown fields, missing fields, bad enums and dangling references all refuse the file.</summary>
public static class SeedLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static SeedData Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new SeedException(directory, "(directory)", "the seed directory does not exist");
        }

        var sources = Read<SourcesFile>(directory, "sources.json").Sources;
        var units = Read<UnitsFile>(directory, "units.json").Units;
        var periods = Read<PeriodsFile>(directory, "periods.json").Periods;
        var programmes = Read<ProgrammesFile>(directory, "catalogue/programmes.json").Programmes;
        var sets = Read<CriteriaSetsFile>(directory, "catalogue/criteria-sets.json").CriteriaSets;
        var standards = Read<PovertyStandardsFile>(directory, "catalogue/poverty-standards.json").Standards;
        var reported = ReadAll<ReportedAttainmentsFile, ReportedAttainmentSeed>(directory, "reported-attainment.json", f => f.ReportedAttainments);
        var values = ReadAll<IndicatorValuesFile, IndicatorValueSeed>(directory, "indicator-values.json", f => f.IndicatorValues);
        var poverty = ReadAll<PovertyFile, PovertySeed>(directory, "poverty.json", f => f.PovertyRecords);
        var capital = ReadAll<CapitalFile, CapitalSeed>(directory, "capital.json", f => f.CapitalFigures);
        var targets = ReadAll<TargetsFile, TargetSeed>(directory, "targets.json", f => f.Targets);
        var highlights = ReadAll<HighlightsFile, HighlightSeed>(directory, "highlights.json", f => f.Highlights);
        var classifications = ReadOptional<UnitClassificationsFile>(directory, "unit-classifications.json")?.Classifications ?? [];
        var reorganisations = ReadOptional<ReorganisationsFile>(directory, "reorganisations.json")?.Reorganisations ?? [];

        var data = new SeedData(sources, units, periods, programmes, sets, standards,
            reported.Select(r => r.Item).ToList(), values.Select(r => r.Item).ToList(), poverty.Select(r => r.Item).ToList(),
            capital.Select(r => r.Item).ToList(), targets.Select(r => r.Item).ToList(), highlights.Select(r => r.Item).ToList(),
            classifications, reorganisations) { Register = ReadRegister(directory) };

        new SeedValidator(data).Validate(reported, values, poverty, capital, targets, highlights);
        return data;
    }

    /// <summary>The folder of the official register: a manifest naming two CSV files and their sources.</summary>
    public const string RegisterManifest = "units-2025/register.json";

    private static UnitRegister ReadRegister(string directory)
    {
        if (ReadOptional<RegisterFile>(directory, RegisterManifest) is not { } manifest)
        {
            return UnitRegister.Empty;
        }

        var folder = Path.GetDirectoryName(RegisterManifest)!;
        string Text(string file) => File.Exists(Path.Combine(directory, folder, file))
            ? File.ReadAllText(Path.Combine(directory, folder, file))
            : throw new SeedException($"{folder}/{file}", "(file)", $"the file named in {RegisterManifest} is missing");
        return UnitRegister.Parse(manifest.ValidFrom, manifest.Provinces.Source, manifest.Units.Source,
            $"{folder}/{manifest.Provinces.File}", Text(manifest.Provinces.File), $"{folder}/{manifest.Units.File}", Text(manifest.Units.File));
    }

    internal static T Read<T>(string directory, string relativePath)
    {
        var path = Path.Combine(directory, relativePath);
        if (!File.Exists(path))
        {
            throw new SeedException(relativePath, "(file)", "the file is missing");
        }

        return Parse<T>(File.ReadAllText(path), relativePath);
    }

    /// <summary>A file that older seed folders may lack: null when absent, strict when present.</summary>
    internal static T? ReadOptional<T>(string directory, string relativePath) where T : class =>
        File.Exists(Path.Combine(directory, relativePath)) ? Read<T>(directory, relativePath) : null;

    internal static T Parse<T>(string json, string fileName)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new SeedException(fileName, "$", "the file is empty");
        }
        catch (JsonException ex)
        {
            throw new SeedException(fileName, ex.Path ?? "$", ex.Message.Split(" Path:")[0], ex);
        }
    }

    /// <summary>Reads every file of that name under the seed directory's unit folders (e.g. ba-che/capital.json).</summary>
    private static List<Located<TItem>> ReadAll<TFile, TItem>(string directory, string fileName, Func<TFile, IReadOnlyList<TItem>> items)
    {
        var result = new List<Located<TItem>>();
        foreach (var path in Directory.GetFiles(directory, fileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            var list = items(Parse<TFile>(File.ReadAllText(path), relative));
            result.AddRange(list.Select((item, i) => new Located<TItem>(item, relative, i)));
        }

        return result;
    }
}

/// <summary>A seed record with the file and position it came from, so errors can name them.</summary>
internal sealed record Located<T>(T Item, string File, int Index)
{
    public SeedException Error(string collection, string field, string problem) =>
        new(File, $"$.{collection}[{Index}].{field}", problem);
}
