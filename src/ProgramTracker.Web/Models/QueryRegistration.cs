using ProgramTracker.Web.Models.Catalogue;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models;

public static class QueryRegistration
{
    public static IServiceCollection AddProgramTrackerQueries(this IServiceCollection services) =>
        services.AddScoped<UnitQueries>().AddScoped<CatalogueQueries>();
}
