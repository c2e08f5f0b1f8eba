using Microsoft.Extensions.DependencyInjection.Extensions;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Poverty;
using ProgramTracker.Core.Workflow;
using ProgramTracker.Web.Models.Admin;
using ProgramTracker.Web.Models.Audit;
using ProgramTracker.Web.Models.Catalogue;
using ProgramTracker.Web.Models.Entry;
using ProgramTracker.Web.Models.Inbox;
using ProgramTracker.Web.Models.Overview;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models;

public static class QueryRegistration
{
    public static IServiceCollection AddProgramTrackerQueries(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services
            .AddScoped<UnitQueries>().AddScoped<CatalogueQueries>().AddScoped<AdminUserQueries>()
            .AddScoped<EntryQueries>().AddScoped<InboxQueries>().AddScoped<AuditQueries>().AddScoped<OverviewQueries>()
            .AddScoped<EntryService>().AddScoped<WorkflowService>().AddScoped<SummaryUpdater>().AddScoped<PovertyEntryService>();
    }
}
