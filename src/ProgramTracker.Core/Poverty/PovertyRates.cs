namespace ProgramTracker.Core.Poverty;

/// <summary>Poverty rates from household counts where counts exist; else the rates a source reported.</summary>
public static class PovertyRates
{
    public static (decimal? Poor, decimal? NearPoor, bool FromCounts) Of(int? households, int? poor, int? nearPoor, decimal? reportedPoor, decimal? reportedNearPoor)
    {
        if (households is > 0 && poor is not null && nearPoor is not null)
        {
            return (Rate(poor.Value, households.Value), Rate(nearPoor.Value, households.Value), true);
        }

        return (reportedPoor, reportedNearPoor, false);
    }

    private static decimal Rate(int count, int total) => Math.Round(count * 100m / total, 2);
}
