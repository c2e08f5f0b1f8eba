using ProgramTracker.Web.Models.Catalogue;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Exports;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models;

public static class QueryRegistration
{
    public static IServiceCollection AddProgramTrackerQueries(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.Section)
            .Validate(o => o.AtRiskShare is > 0m and <= 1m, "Dashboard:AtRiskShare must be a share between 0 and 1, e.g. 0.8 for 80 %.")
            .ValidateOnStart();
        return services.AddScoped<UnitQueries>().AddScoped<CatalogueQueries>().AddScoped<DashboardQueries>().AddScoped<UnitExportQueries>();
    }
}
