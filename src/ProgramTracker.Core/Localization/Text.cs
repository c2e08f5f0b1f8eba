using System.Globalization;
using System.Resources;

namespace ProgramTracker.Core.Localization;

/// <summary>
/// The portal's one shared resource: every word a person reads, by symbolic key (docs/localization.md). Vietnamese in
/// Text.resx (the neutral, default language), English in Text.en.resx. Also the marker type for
/// <c>IStringLocalizer&lt;Text&gt;</c> (validation messages and display names in the web project).
/// </summary>
public sealed class Text
{
    private static readonly ResourceManager Manager = new(typeof(Text).FullName!, typeof(Text).Assembly);

    /// <summary>The text of a key in the given culture; the key itself when it is missing (a test keeps that from happening).</summary>
    public static string Get(string key, CultureInfo culture) => Manager.GetString(key, culture) ?? key;

    /// <summary>The text of a key in the given culture, or null when no resource has it (for optional keys such as units of measure).</summary>
    public static string? Find(string key, CultureInfo culture) => Manager.GetString(key, culture);

    /// <summary>Every key with its text in one culture, without falling back to the default language.</summary>
    public static IReadOnlyDictionary<string, string> All(CultureInfo culture)
    {
        var set = Manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        if (set is not null)
        {
            foreach (System.Collections.DictionaryEntry entry in set)
            {
                all[(string)entry.Key] = entry.Value as string ?? "";
            }
        }

        return all;
    }
}
