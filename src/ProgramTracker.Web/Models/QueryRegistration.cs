using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Workflow;
using ProgramTracker.Web.Infrastructure;
using ProgramTracker.Web.Models.Audit;
using ProgramTracker.Web.Models.Catalogue;
using ProgramTracker.Web.Models.Inbox;
using ProgramTracker.Web.Models.Entry;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models;

public static class QueryRegistration
{
    public static IServiceCollection AddProgramTrackerQueries(this IServiceCollection services) =>
        services.AddScoped<UnitQueries>().AddScoped<CatalogueQueries>().AddScoped<EntryQueries>()
            .AddScoped<EntryService>().AddScoped<WorkflowService>().AddScoped<ProgramTracker.Core.Attainment.SummaryUpdater>().AddScoped<ProgramTracker.Core.Poverty.PovertyEntryService>().AddScoped<UnitPermissions>()
            .AddScoped<InboxQueries>().AddScoped<AuditQueries>().AddScoped<ProgramTracker.Web.Models.Overview.OverviewQueries>()
            .AddSingleton(TimeProvider.System);
}
