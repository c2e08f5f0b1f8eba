using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;

namespace ProgramTracker.Web.Api;

/// <summary>The JSON API's parts: the bearer-token scheme, its policies and rate limit, JSON options, OpenAPI and Scalar.</summary>
public static class ApiSetup
{
    public const string ReadPolicy = "ApiRead";
    public const string WritePolicy = "ApiWrite";
    public const string RateLimitPolicy = "api";
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddProgramTrackerApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApiTokens>().AddScoped<ApiFilters>().AddScoped<ApiCatalogueQueries>().AddScoped<ApiDataQueries>().AddScoped<ApiWindowQueries>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            // Only the bearer scheme: a signed-in browser's cookie never authenticates the API (no CSRF surface).
            .AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(WritePolicy, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
                .RequireRole(Roles.Admin, Roles.DistrictStaff, Roles.CommuneOfficer).RequireClaim(ApiTokenAuthenticationHandler.WriteClaim, "true"));

        var permits = configuration.GetValue("Api:RateLimit:PermitLimit", 600);
        var window = configuration.GetValue("Api:RateLimit:WindowSeconds", 60);
        services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                "token:" + (context.User.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)?.Value ?? "none"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromSeconds(Math.Max(1, window)), QueueLimit = 0 })));

        // A request over its token's limit gets problem details (429); the portal's own callback answers the others (busy: 503).
        services.PostConfigure<RateLimiterOptions>(o =>
        {
            var portal = o.OnRejected;
            o.OnRejected = async (context, ct) =>
            {
                if (!Infrastructure.RequestConcurrency.IsBusy(context) && context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    context.HttpContext.Response.Headers.RetryAfter = window.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, Formats.Current["Api.TooMany"],
                        Formats.Current.Format("Api.TooManyDetail", permits, window));
                }
                else if (portal is not null)
                {
                    await portal(context, ct);
                }
            };
        });
        services.Configure<JsonOptions>(o =>
        {
            Configure(o.JsonSerializerOptions);
            // The serializer's messages are English and name .NET types: model state gets the field only (BadRequestDetail).
            o.AllowInputFormatterExceptionMessages = false;
        });
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => Configure(o.SerializerOptions));
        services.Configure<ApiBehaviorOptions>(o => o.InvalidModelStateResponseFactory = context =>
            ApiProblems.Result(StatusCodes.Status400BadRequest, Formats.Current["Api.BadRequest"], BadRequestDetail(context.ModelState)));

        services.AddOpenApi("v1", ApiOpenApi.Configure);
        return services;
    }

    /// <summary>
    /// A refused request in the caller's language, naming each field as JSON does ("values[0].version") and never a .NET
    /// type; a body that is not JSON at all (empty, cut short) is said so. Field names come from the JSON path or the query.
    /// </summary>
    public static string BadRequestDetail(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        var f = Formats.Current;
        var entries = state.Where(e => e.Value?.Errors.Count > 0).ToList();
        if (entries.Any(e => e.Key.Length == 0 || e.Key.StartsWith('$')))
        {
            // The body: the serializer's exception is not shown (English, .NET types), only where it stopped.
            return string.Join(" ", entries.Where(e => e.Key.StartsWith("$.", StringComparison.Ordinal))
                .Select(e => f.Format("Api.FieldInvalid", e.Key[2..], f["Api.InvalidValue"])).Prepend(f["Api.BodyNotJson"]));
        }

        return string.Join(" ", entries.Select(e => f.Format("Api.FieldInvalid", e.Key,
            string.Join("; ", e.Value!.Errors.Select(x => string.IsNullOrEmpty(x.ErrorMessage) ? f["Api.InvalidValue"] : x.ErrorMessage.TrimEnd('.'))))));
    }

    /// <summary>Numbers as numbers, enums by name, Vietnamese letters as they are (JSON is never inlined into HTML here).</summary>
    private static void Configure(JsonSerializerOptions json)
    {
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        json.Converters.Add(new UtcDateTimeConverter());
        json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    /// <summary>
    /// Times are stored in UTC, but SQLite gives them back without a kind: written with their "Z" whatever the provider, so
    /// that every time in the API is an RFC 3339 date-time as the document says (PostgreSQL's already were).
    /// </summary>
    public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }

    /// <summary>The reference page (Scalar) configures itself with inline script and styles: allowed there only.</summary>
    public const string ReferenceContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /// <summary>
    /// The reference's light theme in WCAG AA contrast: Scalar's grey, green (POST, JSON literals), orange (PUT) and kin
    /// were 2.6-3.7:1 on its backgrounds (axe, ApiReferenceTests); these are 4.5:1 or more on #f6f6f6.
    /// </summary>
    public const string ReferenceCss =
        ".light-mode { --scalar-color-2: #4a4a4a !important; --scalar-color-3: #5f5f5f !important; --scalar-color-green: #0a6b44 !important; "
        + "--scalar-color-orange: #a84300 !important; --scalar-color-red: #b3261e !important; --scalar-color-purple: #6a3fb5 !important; "
        + "--scalar-color-blue: #1f5fb0 !important; --scalar-color-yellow: #7a5c00 !important; }";

    /// <summary>Scalar's page names no language; the reference is in English.</summary>
    public const string ReferenceLanguage = "<script>document.documentElement.lang = 'en';</script>";

    /// <summary>After the status-code pages: API answers keep their problem details instead of the HTML error page.</summary>
    public static IApplicationBuilder UseProgramTrackerApiResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var api = false;
            if (context.Request.Path.StartsWithSegments(Links.ApiReference, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.ContentSecurityPolicy = ReferenceContentSecurityPolicy;
            }
            else if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                api = true;
                if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }
            }

            await next(context);

            // An address no endpoint answers (404) or a method it does not take (405) leaves an empty body:
            // an API client gets problem details there too, never an empty or HTML answer.
            if (api && !context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentLength is null
                && string.IsNullOrEmpty(context.Response.ContentType))
            {
                var status = context.Response.StatusCode;
                var f = Formats.Current;
                var (title, detail) = status switch
                {
                    StatusCodes.Status404NotFound => (f["Api.NotFound"], f.Format("Api.NoEndpoint", context.Request.Path)),
                    StatusCodes.Status405MethodNotAllowed => (f["Api.MethodNotAllowed"], f.Format("Api.MethodNotAccepted", context.Request.Method, context.Request.Path)),
                    StatusCodes.Status413PayloadTooLarge => (f["Errors.Title413"], RequestLimits.TooLargeMessage(context, f)),
                    _ => (f["Api.Failed"], f.Format("Api.EndedWithStatus", status)),
                };
                await ApiProblems.WriteAsync(context, status, title, detail);
            }
        });

    public static WebApplication MapProgramTrackerApi(this WebApplication app)
    {
        // The document describes endpoints, not data: scripts and client generators fetch it without signing in.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // The interactive reference is for signed-in users (the fallback policy: the portal's cookie).
        // No web fonts (the page's policy allows no other host: the system's fonts), the bearer scheme chosen, each operation's id shown (the client's method names).
        app.MapScalarApiReference(Links.ApiReference, o => o.WithTitle("ProgramTracker API").WithOpenApiRoutePattern(DocumentPath)
                .DisableDefaultFonts().AddPreferredSecuritySchemes(ApiOpenApi.SchemeName).ShowOperationId().WithCustomCss(ReferenceCss).AddHeadContent(ReferenceLanguage))
            .RequireAuthorization(new AuthorizeAttribute());
        return app;
    }
}
