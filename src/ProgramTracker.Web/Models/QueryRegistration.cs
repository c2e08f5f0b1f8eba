using Microsoft.Extensions.DependencyInjection.Extensions;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Poverty;
using ProgramTracker.Core.Workflow;
using ProgramTracker.Web.Models.Admin;
using ProgramTracker.Web.Models.Audit;
using ProgramTracker.Web.Models.Catalogue;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Entry;
using ProgramTracker.Web.Models.EntryWorkbook;
using ProgramTracker.Web.Models.Exports;
using ProgramTracker.Web.Models.Inbox;
using ProgramTracker.Web.Models.Overview;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Models;

public static class QueryRegistration
{
    public static IServiceCollection AddProgramTrackerQueries(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.Section)
            .Validate(o => o.AtRiskShare is > 0m and <= 1m, "Dashboard:AtRiskShare must be a share between 0 and 1, e.g. 0.8 for 80 %.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Workflow").Get<WorkflowOptions>() ?? new WorkflowOptions());
        services.AddOptions<CatalogueImport.CatalogueImportOptions>()
            .BindConfiguration(CatalogueImport.CatalogueImportOptions.Section)
            .Validate(o => o.MaxFileBytes is > 0 and <= 64L * 1024 * 1024 && o.MaxRows > 0 && o.MaxZipEntries > 0 && o.MaxUncompressedBytes > 0 && o.PreviewMinutes > 0,
                "CatalogueImport: limits must be positive; MaxFileBytes at most 64 MB.")
            .ValidateOnStart();
        services.AddScoped<CatalogueImport.SetTableQueries>().AddScoped<CatalogueImport.SetTableImporter>();
        return services.AddEntryWorkbook()
            .AddScoped<UnitQueries>().AddScoped<CatalogueQueries>().AddScoped<AdminUserQueries>()
            .AddScoped<DashboardQueries>().AddScoped<UnitExportQueries>().AddScoped<CommuneListQueries>()
            .AddScoped<EntryQueries>().AddScoped<InboxQueries>().AddScoped<AuditQueries>().AddScoped<OverviewQueries>().AddSingleton<ProgramTracker.Web.Models.Overview.OverviewCounts>()
            .AddScoped<EntryService>().AddScoped<SaveEntry>().AddScoped<ProgramTracker.Core.Validation.ValueChecks>().AddScoped<ProgramTracker.Core.Validation.RuleEditor>().AddScoped<ProgramTracker.Web.Models.Trust.TrustReportQueries>().AddScoped<WorkflowService>().AddScoped<ProgramTracker.Core.Catalogue.CatalogueService>().AddScoped<ProgramTracker.Core.Units.ReorganisationService>().AddScoped<SummaryUpdater>().AddScoped<PovertyEntryService>().AddScoped<ProgramTracker.Core.Planning.PlanningService>().AddScoped<ProgramTracker.Core.Periods.PeriodAdministration>().AddScoped<ProgramTracker.Core.Reports.ReportSettingsService>()
            .AddScoped<ProgramTracker.Core.Accounts.AccountImport>().AddScoped<ProgramTracker.Core.Units.ClassificationImport>().AddScoped<Onboarding.OnboardingFiles>()
            .AddScoped<Planning.PlanningQueries>().AddScoped<PovertyEntry.PovertyEntryQueries>().AddScoped<Admin.IndicatorFormQueries>().AddScoped<Admin.ReorganisationQueries>();
    }
}
