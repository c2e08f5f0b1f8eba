using System.Text.Json;
using System.Text.Json.Serialization;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Core.Catalogue;

/// <summary>What one difference of a changed indicator is about.</summary>
public enum ChangeField
{
    Name = 1,
    NameEn = 2,
    Unit = 3,
    ValueType = 4,
    Criterion = 5,
    Comparator = 6,
    Threshold = 7,
    /// <summary>The indicator had no threshold in this version and is put into it.</summary>
    Included = 8,
}

/// <summary>
/// One difference as data, never as words: <see cref="Before"/>/<see cref="After"/> hold the stored form (names, enum
/// names, criterion numbers, a threshold's wording); a threshold's number is in <see cref="BeforeValue"/>/<see cref="AfterValue"/>.
/// <see cref="ChangeText"/> puts it into the reader's words.
/// </summary>
public sealed record Difference(ChangeField Field, string? Before = null, string? After = null, string? Zone = null, decimal? BeforeValue = null, decimal? AfterValue = null);

/// <summary>An indicator added or changed, as one line of a version's change log.</summary>
public sealed record ChangeEntry(ChangeKind Kind, string Code, IReadOnlyList<Difference> Differences);

/// <summary>
/// A version's change log, stored as JSON in <see cref="CriteriaSetVersion.Changes"/> (no words, so that each reader gets
/// their language). <see cref="Initial"/> marks the seed's first version; <see cref="Note"/> keeps a log written before
/// the log was structured (free Vietnamese text, shown as stored); <see cref="More"/> counts entries left out to fit the column.
/// </summary>
public sealed record ChangeLog(bool Initial = false, string? Note = null, IReadOnlyList<ChangeEntry>? Entries = null, int More = 0)
{
    /// <summary>The column's length (CatalogueConfigurations).</summary>
    public const int MaxLength = 2000;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly ChangeLog First = new(Initial: true);

    /// <summary>The stored column read back: a structured log, or an older free text kept as <see cref="Note"/>.</summary>
    public static ChangeLog? Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }

        if (stored.StartsWith('{'))
        {
            try
            {
                return JsonSerializer.Deserialize<ChangeLog>(stored, Json);
            }
            catch (JsonException)
            {
                // Not ours: fall through and show it as stored.
            }
        }

        return new ChangeLog(Note: stored);
    }

    /// <summary>This log with <paramref name="entries"/> added at the end.</summary>
    public ChangeLog With(IEnumerable<ChangeEntry> entries) => this with { Entries = [.. Entries ?? [], .. entries] };

    /// <summary>The stored form, within <see cref="MaxLength"/>: entries that do not fit are counted in <see cref="More"/>.</summary>
    public string Serialize()
    {
        var log = this with { Note = Note is { Length: > 500 } n ? n[..500] : Note };
        var text = JsonSerializer.Serialize(log, Json);
        while (text.Length > MaxLength && log.Entries is { Count: > 0 } list)
        {
            var keep = Math.Max(0, list.Count - Math.Max(1, (text.Length - MaxLength) / 40));
            log = log with { Entries = list.Take(keep).ToList(), More = log.More + list.Count - keep };
            text = JsonSerializer.Serialize(log, Json);
        }

        return text;
    }
}

/// <summary>The words of catalogue changes, in the language of the <see cref="Formats"/> given (docs/localization.md).</summary>
public static class ChangeText
{
    /// <summary>"tên: A → B" / "name: A → B", "ngưỡng chung: 80 → 90" / "common threshold: 80 → 90", "đưa vào phiên bản này".</summary>
    public static string Difference(Difference d, Formats f)
    {
        if (d.Field == ChangeField.Included)
        {
            return f["Catalogue.Change.Included"];
        }

        var what = d.Field == ChangeField.Threshold ? f.Format("Catalogue.Field.Threshold", f.Zone(d.Zone ?? Zones.Common)) : f[$"Catalogue.Field.{d.Field}"];
        return f.Format("Catalogue.Change.Difference", what, Value(d.Field, d.Before, d.BeforeValue, f), Value(d.Field, d.After, d.AfterValue, f));
    }

    /// <summary>"thêm 8.1" / "added 8.1", "sửa 8.1 (tên: … → …)" / "changed 8.1 (name: … → …)".</summary>
    public static string Entry(ChangeEntry e, Formats f) => e.Kind == ChangeKind.Added
        ? f.Format("Catalogue.Change.Added", e.Code)
        : f.Format("Catalogue.Change.Changed", e.Code, string.Join(", ", e.Differences.Select(d => Difference(d, f))));

    /// <summary>A version's stored change log in words; null when there is none.</summary>
    public static string? Log(string? stored, Formats f)
    {
        if (ChangeLog.Parse(stored) is not { } log)
        {
            return null;
        }

        var parts = new List<string>();
        if (log.Initial)
        {
            parts.Add(f["Catalogue.Change.Initial"]);
        }

        if (log.Note is { } note)
        {
            parts.Add(note);
        }

        parts.AddRange((log.Entries ?? []).Select(e => Entry(e, f)));
        if (log.More > 0)
        {
            parts.Add(f.Format("Catalogue.Change.More", log.More));
        }

        return string.Join("; ", parts);
    }

    private static string Value(ChangeField field, string? text, decimal? number, Formats f)
    {
        var shown = field switch
        {
            ChangeField.ValueType when Enum.TryParse<ValueKind>(text, out var kind) => f.ValueTypeName(kind),
            ChangeField.Comparator when Enum.TryParse<Comparator>(text, out var comparator) => Formats.ComparatorSymbol(comparator),
            ChangeField.Threshold => string.Join(" ", new[] { number is { } n ? f.Number(n) : null, text }.Where(x => !string.IsNullOrWhiteSpace(x))),
            _ => text,
        };
        return string.IsNullOrWhiteSpace(shown) ? f["Catalogue.Change.Empty"] : shown;
    }
}
