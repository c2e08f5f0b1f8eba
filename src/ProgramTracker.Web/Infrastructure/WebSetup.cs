using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using ProgramTracker.Web.Api;
using ProgramTracker.Web.Infrastructure.Binding;
using ProgramTracker.Web.Models;
using Serilog;
using Serilog.Events;

namespace ProgramTracker.Web.Infrastructure;

public static class WebSetup
{
    public static void AddProgramTrackerLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());

    public static IServiceCollection AddProgramTrackerWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProgramTrackerDatabase(configuration);
        services.AddDatabaseRetry();
        services.AddPortalLocalization();
        services.AddControllersWithViews(o =>
        {
            ModelMessages.UseResources(o.ModelBindingMessageProvider);
            o.Conventions.Add(new RouteValuesFromRouteOnly());
            o.ModelBinderProviders.Insert(0, new StrictEnumBinderProvider());
            o.ModelBinderProviders.Insert(0, new DayDateBinderProvider());
            o.Filters.Add(new InvalidFormFieldsFilter());
            o.Filters.Add(new UnitAccessFilter());
        })
            // [Required(ErrorMessage = "Key")] and [Display(Name = "Key")] are keys of the one shared resource.
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(ProgramTracker.Core.Localization.Text)));
        services.AddProgramTrackerSecurity(configuration);
        services.AddProgramTrackerApi(configuration);
        // The default encoder escapes every non-ASCII letter; Vietnamese pages must carry their letters as they are.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        var maxBody = configuration.GetValue(RequestLimits.Setting, RequestLimits.Default);
        services.AddSingleton(new RequestLimits(maxBody));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = maxBody);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddRequestConcurrency(configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", timeout: TimeSpan.FromSeconds(3));
        services.AddProgramTrackerQueries();
        services.AddOutputCache(o =>
        {
            o.AddPolicy(DataVersionCachePolicy.Name, new DataVersionCachePolicy());
            o.AddPolicy(DataVersionCachePolicy.OwnFiguresName, new DataVersionCachePolicy(ownFigures: true));
            // Pages are cached per person: bound the memory they may take (least recently used go first).
            o.SizeLimit = configuration.GetValue("PageCache:SizeLimitMB", 32L) * 1024 * 1024;
        });
        // Pages' view models by data version (docs/adr/0022): a page the output cache cannot answer renders from figures already built.
        services.AddSingleton(sp => new PageDataCache(configuration.GetValue("PageCache:DataSizeLimit", PageDataCache.DefaultSizeLimit), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<PeriodKeeper>();
        services.AddScoped(sp => new ProgramTracker.Core.Periods.PeriodCalendar(sp.GetRequiredService<ProgramTracker.Core.Data.ProgramTrackerDbContext>(), sp.GetRequiredService<TimeProvider>())
        {
            DeadlineDay = configuration.GetValue("Periods:DeadlineDay", 10),
        });
        return services;
    }

    public static WebApplication UseProgramTrackerPipeline(this WebApplication app)
    {
        app.UseTrustedForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Browsers that once reached the portal over HTTPS never fall back to HTTP (sent on HTTPS answers only).
            app.UseHsts();
        }

        // First, so that error pages, re-executed status pages and the page cache all see the reader's language.
        app.UseRequestLocalization();
        app.UseSecurityHeaders();
        // The handler page renders the status the selector chose: 503 "thử lại" when the database does not answer.
        app.UseExceptionHandler(DatabaseFailures.HandlerOptions());
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<DatabaseRetry>();
        app.UseProgramTrackerApiResponses();
        app.UseMiddleware<InputGuard>();
        app.UseSerilogRequestLogging(o => o.GetLevel = (http, _, ex) =>
            // A client that went away mid-request (a closed tab, a load test ending) is not a server error.
            ex is OperationCanceledException && http.RequestAborted.IsCancellationRequested ? LogEventLevel.Information
            : ex is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
            : LogEventLevel.Information);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseProgramTrackerSecurity();
        app.UseOutputCache();
        app.MapHealthChecks("/health", HealthResponse.Options).AllowAnonymous();
        app.MapControllers();
        app.MapProgramTrackerApi();
        return app;
    }
}
