namespace ProgramTracker.Web.Models.Dashboard;

/// <summary>Settings of the leader dashboard ("Dashboard" in appsettings).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>A commune is at risk below this share of the declared criteria met (0–1). Default 80 %.</summary>
    public decimal AtRiskShare { get; set; } = 0.8m;
}
