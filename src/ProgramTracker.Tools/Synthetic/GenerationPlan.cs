using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Seeding;

namespace ProgramTracker.Tools.Synthetic;

/// <summary>A criteria set as the plan needs it: level, validity and the codes of its indicators (synthetic ones included once added).</summary>
public sealed record SetShape(string Code, UnitLevel Level, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyCollection<string> IndicatorCodes)
{
    public bool InForce(int year, int quarter)
    {
        var from = new DateOnly(year, quarter * 3 - 2, 1);
        var to = from.AddMonths(3).AddDays(-1);
        return (ValidFrom is null || ValidFrom <= to) && (ValidTo is null || ValidTo >= from);
    }
}

/// <summary>A poverty standard and the days it is in force.</summary>
public sealed record StandardShape(string Code, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public bool InForce(int year, int quarter) => new SetShape(Code, UnitLevel.Commune, ValidFrom, ValidTo, []).InForce(year, quarter);
}

/// <summary>What a catalogue holds that decides the row counts: the quarters filled, the sets, the programmes and the poverty standards.</summary>
public sealed record CatalogueShape(
    IReadOnlyList<(int Year, int Quarter)> Quarters,
    IReadOnlyList<SetShape> Sets,
    IReadOnlyList<string> Programmes,
    IReadOnlyList<StandardShape> Standards,
    int NewPeriods)
{
    /// <summary>
    /// The commune-level sets in force in a quarter that have indicators once the synthetic ones are added, by code:
    /// ntm-xa and ntm-xa-nang-cao until 2025-Q4, ntm-xa-2026 and ctmtqg-2026-theo-doi-xa from 2026-Q1 (sets without
    /// any indicator, such as ntm-xa-kieu-mau, have nothing to report).
    /// </summary>
    public IReadOnlyList<SetShape> ReportedSets(int year, int quarter) =>
        Sets.Where(s => s.Level == UnitLevel.Commune && s.InForce(year, quarter) && IndicatorsOf(s).Count > 0)
            .OrderBy(s => s.Code, StringComparer.Ordinal).ToList();

    /// <summary>The set's indicators, the synthetic ones included.</summary>
    public static IReadOnlyCollection<string> IndicatorsOf(SetShape set) =>
        set.IndicatorCodes.Union(SyntheticCatalogue.Indicators.Where(i => i.SetCode == set.Code).Select(i => i.Code)).ToList();

    /// <summary>The years a programme has capital in: the 2021–2025 programmes until 2025, the merged 2026–2035 programme from 2026.</summary>
    public static (int First, int Last) ProgrammeYears(string code) =>
        code == SyntheticCatalogue.MergedProgramme ? (2026, 2035) : (ValueModel.FirstYear, 2025);

    /// <summary>The quarters the register's units are filled for: 2025-Q3 to today's quarter.</summary>
    public static List<(int Year, int Quarter)> RegisterQuarters(DateOnly today)
    {
        var list = new List<(int, int)>();
        var (year, quarter) = ValueModel.FirstRegisterQuarter;
        var last = (today.Year, (today.Month - 1) / 3 + 1);
        while (year < last.Year || (year == last.Year && quarter <= last.Item2))
        {
            list.Add((year, quarter));
            (year, quarter) = quarter == 4 ? (year + 1, 1) : (year, quarter + 1);
        }

        return list;
    }
}

/// <summary>What a generation writes: the register units it fills, the quarters, and rows per table.</summary>
public sealed record GenerationPlan(
    SyntheticScale Scale,
    int Provinces,
    int Communes,
    int Periods,
    IReadOnlyList<(string Quarter, int Sets, int Indicators)> PerQuarter,
    IReadOnlyList<(string Table, long Rows)> Rows)
{
    public const string PeriodsTable = "periods";
    public const string Indicators = "indicators";
    public const string IndicatorValues = "indicator_values";
    public const string Submissions = "submissions";
    public const string PovertyRecords = "poverty_records";
    public const string CapitalFigures = "capital_figures";
    public const string AttainmentSummaries = "attainment_summaries";

    public long TotalRows => Rows.Sum(r => r.Rows);

    public long RowsOf(string table) => Rows.Single(r => r.Table == table).Rows;

    public static GenerationPlan For(SyntheticScale scale, UnitPlan units, CatalogueShape catalogue)
    {
        var provinces = units.Provinces.Count();
        var communes = units.Communes.ToList();
        var quangNinh = communes.Count(u => u.ProvinceCode == UnitPlan.QuangNinh);

        var codes = catalogue.Sets.SelectMany(s => s.IndicatorCodes).ToHashSet();
        var newIndicators = SyntheticCatalogue.Indicators.Count(i => !codes.Contains(i.Code));

        long values = 0, submissions = 0, poverty = 0;
        var perQuarter = new List<(string, int, int)>();
        foreach (var (year, quarter) in catalogue.Quarters)
        {
            var sets = catalogue.ReportedSets(year, quarter);
            var indicators = sets.Sum(s => CatalogueShape.IndicatorsOf(s).Count);
            perQuarter.Add(($"{year}-Q{quarter}", sets.Count, indicators));
            values += (long)communes.Count * indicators;
            submissions += (long)communes.Count * sets.Count;
            var standards = catalogue.Standards.Where(s => s.InForce(year, quarter)).ToList();
            poverty += (long)communes.Count * standards.Count(s => s.Code != SyntheticDataGenerator.ProvincialStandard)
                + (long)quangNinh * standards.Count(s => s.Code == SyntheticDataGenerator.ProvincialStandard);
        }

        // Planned and disbursed, investment and recurrent, per province, programme and year with a fourth quarter filled.
        var capital = (long)provinces * 4 * catalogue.Quarters.Where(q => q.Quarter == 4)
            .Sum(q => catalogue.Programmes.Count(p => CatalogueShape.ProgrammeYears(p) is var (first, last) && q.Year >= first && q.Year <= last));

        var rows = new List<(string, long)>
        {
            (PeriodsTable, catalogue.NewPeriods),
            (Indicators, newIndicators),
            (IndicatorValues, values),
            (Submissions, submissions),
            (PovertyRecords, poverty),
            (CapitalFigures, capital),
            // One per unit, reported set and quarter: the aggregates the overviews read.
            (AttainmentSummaries, submissions),
        };
        return new GenerationPlan(scale, provinces, communes.Count, catalogue.Quarters.Count, perQuarter, rows);
    }

    /// <summary>The plan for a database holding the seed only, on the given day: what `generate --dry-run` prints.</summary>
    public static GenerationPlan ForSeed(SyntheticScale scale, SeedData seed, DateOnly today)
    {
        var stored = seed.Periods
            .Select(p => PeriodCode.TryParse(p.Code, out var y, out var q) && q is { } quarter ? (y, quarter) : (0, 0))
            .Where(p => p.Item1 != 0)
            .ToHashSet();
        // The portal's calendar (and the generator) add every quarter from the earliest stored one to today's.
        var newPeriods = 0;
        if (stored.Count > 0)
        {
            var (year, quarter) = stored.Min();
            var last = (today.Year, (today.Month - 1) / 3 + 1);
            for (; year < last.Year || (year == last.Year && quarter <= last.Item2); (year, quarter) = quarter == 4 ? (year + 1, 1) : (year, quarter + 1))
            {
                newPeriods += stored.Contains((year, quarter)) ? 0 : 1;
            }
        }

        var catalogue = new CatalogueShape(
            CatalogueShape.RegisterQuarters(today),
            seed.CriteriaSets.Select(s => new SetShape(s.Code, s.Level, s.ValidFrom, s.ValidTo,
                s.Criteria.SelectMany(c => c.Indicators ?? []).Select(i => i.Code).ToList())).ToList(),
            seed.Programmes.Select(p => p.Code).ToList(),
            seed.PovertyStandards.Select(s => new StandardShape(s.Code, s.ValidFrom, s.ValidTo)).ToList(),
            newPeriods);
        return For(scale, UnitPlan.Build(scale, seed.Register), catalogue);
    }
}
