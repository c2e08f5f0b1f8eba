using ProgramTracker.Core.Seeding;

namespace ProgramTracker.Tools.Synthetic;

/// <summary>What a generation writes: units per level, the indicators each level reports, and rows per table.</summary>
public sealed record GenerationPlan(
    SyntheticScale Scale,
    int Provinces,
    int Districts,
    int Communes,
    int Periods,
    int CommuneIndicators,
    int DistrictIndicators,
    IReadOnlyList<(string Table, long Rows)> Rows)
{
    public const string Units = "units";
    public const string PeriodsTable = "periods";
    public const string Indicators = "indicators";
    public const string IndicatorValues = "indicator_values";
    public const string Submissions = "submissions";
    public const string PovertyRecords = "poverty_records";
    public const string CapitalFigures = "capital_figures";
    public const string AttainmentSummaries = "attainment_summaries";

    public long TotalRows => Rows.Sum(r => r.Rows);

    public long RowsOf(string table) => Rows.Single(r => r.Table == table).Rows;

    /// <summary>
    /// The plan for a database whose catalogue already holds these quarters and these indicator codes per set
    /// (the synthetic ones are added where missing).
    /// </summary>
    public static GenerationPlan For(
        SyntheticScale scale,
        IReadOnlyCollection<(int Year, int Quarter)> existingQuarters,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>> indicatorCodesBySet,
        int programmes)
    {
        var plan = UnitPlan.Build(scale);
        var (provinces, districts, communes) = (plan.Provinces.Count(), plan.Districts.Count(), plan.Communes.Count());
        var newPeriods = ValueModel.Quarters - existingQuarters.Count(q => q.Year is >= ValueModel.FirstYear and < ValueModel.FirstYear + ValueModel.Years);

        var codes = indicatorCodesBySet.Values.SelectMany(c => c).ToHashSet();
        var newIndicators = SyntheticCatalogue.Indicators.Count(i => !codes.Contains(i.Code));
        int IndicatorsOf(IEnumerable<string> sets) => sets.Sum(set =>
            (indicatorCodesBySet.TryGetValue(set, out var existing) ? existing : []).Union(SyntheticCatalogue.Indicators.Where(i => i.SetCode == set).Select(i => i.Code)).Count());
        var communeIndicators = IndicatorsOf(SyntheticCatalogue.CommuneSets);
        var districtIndicators = IndicatorsOf(SyntheticCatalogue.DistrictSets);

        const int quarters = ValueModel.Quarters;
        var rows = new List<(string, long)>
        {
            (Units, provinces + districts + communes),
            (PeriodsTable, newPeriods),
            (Indicators, newIndicators),
            (IndicatorValues, ((long)communes * communeIndicators + (long)districts * districtIndicators) * quarters),
            (Submissions, ((long)communes * SyntheticCatalogue.CommuneSets.Count + (long)districts * SyntheticCatalogue.DistrictSets.Count) * quarters),
            (PovertyRecords, (long)communes * quarters * SyntheticDataGenerator.PovertyStandardCodes.Count),
            // Planned and disbursed, investment and recurrent, per district, programme and year.
            (CapitalFigures, (long)districts * programmes * ValueModel.Years * 2 * 2),
            // One per unit, reported set and quarter: the aggregates the overviews read.
            (AttainmentSummaries, ((long)communes * SyntheticCatalogue.CommuneSets.Count + (long)districts * SyntheticCatalogue.DistrictSets.Count) * quarters),
        };
        return new GenerationPlan(scale, provinces, districts, communes, quarters, communeIndicators, districtIndicators, rows);
    }

    /// <summary>The plan for a database holding the seed only: what `generate --dry-run` prints.</summary>
    public static GenerationPlan ForSeed(SyntheticScale scale, SeedData seed)
    {
        var quarters = seed.Periods
            .Select(p => Core.Domain.PeriodCode.TryParse(p.Code, out var y, out var q) && q is { } quarter ? (y, quarter) : (0, 0))
            .Where(p => p.Item1 != 0)
            .ToList();
        var bySet = seed.CriteriaSets.ToDictionary(
            s => s.Code,
            s => (IReadOnlyCollection<string>)s.Criteria.SelectMany(c => c.Indicators ?? []).Select(i => i.Code).ToList());
        return For(scale, quarters, bySet, seed.Programmes.Count(p => p.Code != SyntheticCatalogue.MergedProgramme));
    }
}
