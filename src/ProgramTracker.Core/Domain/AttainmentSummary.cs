namespace ProgramTracker.Core.Domain;

/// <summary>
/// Computed attainment of one unit for one criteria set in one period, kept current on every write
/// (value saved, workflow step, catalogue version, seed, bulk load) so that overviews, dashboards and summaries read
/// one row per unit, not the values: the read model of attainment per unit × period × criteria set (issue 24). Keyed
/// by the period's id, so that a window (a half-year, a year) can be one more key.
/// </summary>
public class AttainmentSummary : UnitSetPeriodRow
{
    public int CriteriaMet { get; set; }
    public int IndicatorsMet { get; set; }
    public int ValuesEntered { get; set; }
    public bool Achieved { get; set; }
    /// <summary>Indicators the rules of the version in force define for the unit (with a threshold row): the heat map's denominator.</summary>
    public int IndicatorsDefined { get; set; }
    /// <summary>Indicators with a value that could be judged met or not met (a threshold known, or a yes/no indicator).</summary>
    public int IndicatorsJudged { get; set; }
    /// <summary>Criteria judged met or not met.</summary>
    public int CriteriaJudged { get; set; }
    /// <summary>Criteria that could not be judged (a value or threshold missing, or no indicator defined).</summary>
    public int CriteriaUnknown { get; set; }
}
