using ProgramTracker.Core.Units;

namespace ProgramTracker.Web.Models.Units;

/// <summary>One unit found: its address, its full name, the unit above it, its statistics code and its dates.</summary>
public sealed record UnitHit(string Slug, UnitKind Kind, string FullName, string? ParentName, string? StatisticsCode, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public string Url => Infrastructure.Links.Unit(Kind, Slug);
}

/// <summary>What the search page shows: the words asked, the units found (at most <see cref="UnitSearch.Limit"/>) and how many matched.</summary>
public sealed record UnitSearchResult(string Query, IReadOnlyList<UnitHit> Hits, int Matched, bool TooShort);

/// <summary>
/// Finds units by name or statistics code, without accents ("ky thuong" finds Kỳ Thượng; "06970" finds xã Ba Chẽ), among
/// the units the reader may read. Works on the catalogue snapshot every request already holds; no query of its own.
/// </summary>
public static class UnitSearch
{
    public const int Limit = 50;

    public static UnitSearchResult Find(CatalogueSnapshot catalogue, ReadScope scope, string? query)
    {
        var q = (query ?? "").Trim();
        var words = UnitSlugs.Fold(q).Split([' ', '\t', ',', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (q.Length > 100 || words.Sum(w => w.Length) < 2)
        {
            return new UnitSearchResult(q, [], 0, TooShort: q.Length <= 100);
        }

        var digits = words.Length == 1 && words[0].All(char.IsAsciiDigit) ? words[0] : null;
        var matches = catalogue.Units
            .Where(u => !u.IsSynthetic && scope.Includes(u.Id))
            .Select(u => (Unit: u, Rank: Rank(u, words, digits)))
            .Where(x => x.Rank >= 0)
            .OrderBy(x => x.Rank).ThenBy(x => x.Unit.ValidTo is null ? 0 : 1).ThenBy(x => UnitSlugs.Fold(x.Unit.Name), StringComparer.Ordinal).ThenBy(x => x.Unit.Id)
            .ToList();
        var hits = matches.Take(Limit).Select(x =>
        {
            var parent = x.Unit.ParentId is { } p ? catalogue.Unit(p) : null;
            return new UnitHit(x.Unit.Slug, x.Unit.Kind, AdministrativeUnit.FullNameOf(x.Unit.Kind, x.Unit.Name),
                parent is null ? null : AdministrativeUnit.FullNameOf(parent.Kind, parent.Name), x.Unit.StatisticsCode, x.Unit.ValidFrom, x.Unit.ValidTo);
        }).ToList();
        return new UnitSearchResult(q, hits, matches.Count, false);
    }

    /// <summary>0: the code or the name exactly; 1: the code or name begins so; 2: every word is in the kind and name; -1: no match.</summary>
    private static int Rank(UnitNode unit, string[] words, string? digits)
    {
        if (digits is not null && unit.StatisticsCode is { } code)
        {
            return code == digits ? 0 : code.StartsWith(digits, StringComparison.Ordinal) ? 1 : -1;
        }

        var name = UnitSlugs.Fold(unit.Name);
        var joined = string.Join(' ', words);
        if (name == joined)
        {
            return 0;
        }

        if (name.StartsWith(joined, StringComparison.Ordinal))
        {
            return 1;
        }

        var full = UnitSlugs.Fold(AdministrativeUnit.FullNameOf(unit.Kind, unit.Name)) + " " + UnitSlugs.Fold(UnitSlugs.KindWord(unit.Kind).Replace('-', ' '));
        return words.All(w => full.Contains(w, StringComparison.Ordinal)) ? 2 : -1;
    }
}
