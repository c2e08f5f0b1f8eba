using System.Globalization;
using System.Text;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Units;

/// <summary>A unit still without an address: its statistics code, name, kind and its province's slug.</summary>
public sealed record SlugRequest(string Code, string Name, UnitKind Kind, string? ProvinceSlug);

/// <summary>
/// Country-unique unit addresses (ADR 0012). A slug is the unaccented lowercase name ("ky-thuong"); when that name is
/// shared or already taken, the kind's word goes first ("xa-tan-thanh", "phuong-tan-thanh"); when that still clashes, the
/// province's slug follows ("xa-tan-thanh-tuyen-quang"); and the statistics code last of all. A slug once stored never
/// changes: only units without one are given one, and every slug already in the database counts as taken.
/// </summary>
public static class UnitSlugs
{
    public const int MaxLength = 80;

    /// <summary>"Xã Kỳ Thượng" → "xa-ky-thuong": no accents, đ as d, lowercase, runs of anything else as one '-'.</summary>
    public static string Slugify(string text)
    {
        var sb = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in Fold(text))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }

        return sb.ToString().TrimEnd('-');
    }

    /// <summary>Lowercase without accents ("Kỳ Thượng" → "ky thuong"), for matching what a reader types.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }

        return sb.ToString();
    }

    /// <summary>The kind's word in a slug.</summary>
    public static string KindWord(UnitKind kind) => kind switch
    {
        UnitKind.Province => "tinh",
        UnitKind.City => "thanh-pho",
        UnitKind.District => "huyen",
        UnitKind.Town => "thi-tran",
        UnitKind.Ward => "phuong",
        UnitKind.SpecialZone => "dac-khu",
        _ => "xa",
    };

    /// <summary>
    /// Slugs for <paramref name="requests"/> (by code), none in <paramref name="taken"/> and none shared. The result does not
    /// depend on the order of the requests: each level is chosen by counting the whole list.
    /// </summary>
    public static Dictionary<string, string> Assign(IReadOnlyCollection<SlugRequest> requests, IReadOnlySet<string> taken)
    {
        Func<SlugRequest, string>[] levels =
        [
            r => Slugify(r.Name),
            r => $"{KindWord(r.Kind)}-{Slugify(r.Name)}",
            r => r.ProvinceSlug is null ? $"{KindWord(r.Kind)}-{Slugify(r.Name)}" : $"{KindWord(r.Kind)}-{Slugify(r.Name)}-{r.ProvinceSlug}",
        ];
        var counts = levels.Select(level => requests.GroupBy(level).ToDictionary(g => g.Key, g => g.Count())).ToArray();
        var used = new HashSet<string>(taken, StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in requests.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            string? slug = null;
            for (var i = 0; i < levels.Length && slug is null; i++)
            {
                var candidate = levels[i](r);
                if (candidate.Length is > 0 and <= MaxLength && counts[i][candidate] == 1 && !used.Contains(candidate))
                {
                    slug = candidate;
                }
            }

            slug ??= Trim($"{levels[^1](r)}-{r.Code}", r.Code);
            if (!used.Add(slug))
            {
                throw new InvalidOperationException($"No unique slug for unit {r.Code}: '{slug}' is taken");
            }

            result[r.Code] = slug;
        }

        return result;
    }

    private static string Trim(string slug, string code) =>
        slug.Length <= MaxLength ? slug : $"{slug[..(MaxLength - code.Length - 1)].TrimEnd('-')}-{code}";
}
