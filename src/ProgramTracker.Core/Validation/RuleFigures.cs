namespace ProgramTracker.Core.Validation;

/// <summary>
/// The codes a rule between figures uses for the poverty counts (issue 25), which are not indicators of a set: the
/// district's poverty table is checked by the rules in force whose expression reads only these codes
/// (<see cref="Poverty.PovertyEntryService"/>); the entry of indicator values never evaluates them.
/// </summary>
public static class RuleFigures
{
    public const string Households = "ngheo.tong-so-ho";
    public const string Poor = "ngheo.ho-ngheo";
    public const string NearPoor = "ngheo.ho-can-ngheo";

    public static readonly IReadOnlySet<string> Poverty = new HashSet<string>(StringComparer.Ordinal) { Households, Poor, NearPoor };
}
