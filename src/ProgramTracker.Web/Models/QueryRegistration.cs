using Microsoft.Extensions.DependencyInjection.Extensions;
using ProgramTracker.Web.Models.Admin;
using ProgramTracker.Web.Models.Catalogue;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models;

public static class QueryRegistration
{
    public static IServiceCollection AddProgramTrackerQueries(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services.AddScoped<UnitQueries>().AddScoped<CatalogueQueries>().AddScoped<AdminUserQueries>();
    }
}
