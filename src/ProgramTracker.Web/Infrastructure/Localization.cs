using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>
/// Request localization (docs/localization.md): the UI culture is vi-VN (default) or en-US, chosen by <c>?culture=</c>
/// (as the framework's query provider, also <c>ui-culture=</c>) or the standard culture cookie set by the language
/// switch; the browser's Accept-Language is not consulted, so Vietnamese stays the default. "en" and "vi" stand for
/// en-US and vi-VN. The formatting culture (CurrentCulture) stays invariant on purpose: every number and date a person
/// reads goes through <see cref="Formats"/> of the UI culture, and numbers written into attributes, scripts and files
/// keep one machine form whatever the reader's language.
/// </summary>
public static class PortalLocalization
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, Vietnamese);
            o.SupportedCultures = [CultureInfo.InvariantCulture];
            o.SupportedUICultures = [Vietnamese, English];
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new AliasProvider(new QueryStringRequestCultureProvider()), new AliasProvider(new CookieRequestCultureProvider())];
        });
        // The formats of the request's UI culture, for views (@inject Formats T) and services.
        services.AddTransient(_ => Formats.Current);
        return services;
    }

    /// <summary>The supported UI culture a typed name stands for ("en", "en-US", "EN" → en-US), or null.</summary>
    public static CultureInfo? Resolve(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "EN" or "EN-US" => English,
        "VI" or "VI-VN" => Vietnamese,
        _ => null,
    };

    /// <summary>The cookie value that makes a culture stick (the framework's format: c=…|uic=…).</summary>
    public static string CookieValue(CultureInfo culture) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));

    /// <summary>
    /// Lets the framework's providers accept the short names: "en" becomes en-US, "vi" becomes vi-VN, so that
    /// <c>?culture=en</c> works although only the two specific cultures are supported.
    /// </summary>
    private sealed class AliasProvider(RequestCultureProvider inner) : RequestCultureProvider
    {
        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (await inner.DetermineProviderCultureResult(httpContext) is not { } result)
            {
                return null;
            }

            var ui = result.UICultures.Select(c => Resolve(c.Value)).FirstOrDefault(c => c is not null)
                ?? result.Cultures.Select(c => Resolve(c.Value)).FirstOrDefault(c => c is not null);
            return ui is null ? null : new ProviderCultureResult(CultureInfo.InvariantCulture.Name, ui.Name);
        }
    }
}

/// <summary>MVC's own model-binding messages, from the resources in the request's language (field attributes carry their own keys).</summary>
public static class ModelMessages
{
    private static Formats F => Formats.Current;

    public static void UseResources(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => F["Model.Required"]);
        messages.SetMissingBindRequiredValueAccessor(field => F.Format("Model.MissingFor", field));
        messages.SetMissingKeyOrValueAccessor(() => F["Model.Missing"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => F["Model.NoBody"]);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => F.Format("Model.InvalidFor", value, field));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => F.Format("Model.InvalidValue", value));
        messages.SetUnknownValueIsInvalidAccessor(field => F.Format("Model.UnknownInvalidFor", field));
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => F["Model.Invalid"]);
        messages.SetValueIsInvalidAccessor(value => F.Format("Model.InvalidValue", value));
        messages.SetValueMustBeANumberAccessor(field => F.Format("Model.NumberFor", field));
        messages.SetNonPropertyValueMustBeANumberAccessor(() => F["Model.Number"]);
    }
}
