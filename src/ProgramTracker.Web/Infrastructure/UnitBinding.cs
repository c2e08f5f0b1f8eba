using System.Reflection;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using ProgramTracker.Web.Models.Dashboard;
using ProgramTracker.Web.Models.Units;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>Whether a page is loaded to be read or to be changed.</summary>
public enum UnitRight
{
    /// <summary>Resolved only: the action checks a right of its own (approve, a reviewer's units).</summary>
    None = 0,
    Read = 1,
    Edit = 2,
}

/// <summary>Which units an address may name: commune-level units (/communes/), upper units (/districts/), or any unit.</summary>
public enum UnitTier
{
    CommuneLevel = 1,
    Upper = 2,
    Any = 3,
}

/// <summary>
/// An action parameter of type <see cref="UnitHeader"/> bound from the address's unit slug (the route value
/// <see cref="Name"/>, "slug" unless told) through the catalogue snapshot, so that the unit is resolved once, before the
/// action runs. <see cref="UnitAccessFilter"/> then answers 404 when the slug names no unit of the tier and 403 when the
/// signed-in user lacks the right, before any of the unit's data is read.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class UnitAttribute(UnitTier tier, UnitRight right = UnitRight.Read) : Attribute, IBinderTypeProviderMetadata, IModelNameProvider
{
    public UnitTier Tier => tier;

    public UnitRight Right => right;

    public string? Name { get; init; } = "slug";

    /// <summary>
    /// When the address names no unit, the reader's own upper unit (the dashboard and the summary: the district or
    /// province they are bound to, else the first they may read); its access is checked as a named one's.
    /// </summary>
    public bool ReadersOwnWhenLeftOut { get; init; }

    public Type BinderType => typeof(UnitBinder);

    /// <summary>The route's "slug"; any other name is read from the query string ("?unit=").</summary>
    public BindingSource BindingSource => Name == "slug" ? BindingSource.Path : BindingSource.Query;
}

/// <summary>Turns a unit slug into its <see cref="UnitHeader"/> from the catalogue snapshot (no query of the unit's data).</summary>
public sealed class UnitBinder(UnitQueries units) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        // The parameter's own attribute (FieldName is the bound name, "slug", not the parameter's).
        var door = (bindingContext.ModelMetadata as DefaultModelMetadata)?.Attributes.ParameterAttributes?.OfType<UnitAttribute>().FirstOrDefault()
            ?? throw new InvalidOperationException("UnitBinder binds only parameters marked [Unit].");
        var tier = door.Tier;
        var slug = bindingContext.ValueProvider.GetValue(bindingContext.ModelName).FirstValue?.Trim();
        if (string.IsNullOrEmpty(slug) && door.ReadersOwnWhenLeftOut)
        {
            slug = await ReadersOwnAsync(bindingContext.HttpContext);
        }

        var unit = string.IsNullOrEmpty(slug) ? null : await units.FindAsync(slug, tier, bindingContext.HttpContext.RequestAborted);
        // An unknown slug binds nothing and adds no model error: UnitAccessFilter answers 404 for it.
        bindingContext.Result = unit is null ? ModelBindingResult.Failed() : ModelBindingResult.Success(unit);
    }

    /// <summary>The reader's own upper unit; for a reader with none, the first upper unit (a district first), which the filter then refuses.</summary>
    private static async Task<string?> ReadersOwnAsync(HttpContext http)
    {
        var (access, dashboards, ct) = (http.RequestServices.GetRequiredService<UnitAccess>(), http.RequestServices.GetRequiredService<DashboardQueries>(), http.RequestAborted);
        return await dashboards.DefaultUnitSlugAsync(await access.ProfileAsync(http.User, ct), await access.ReadScopeAsync(http.User, ct), ct)
            ?? await dashboards.FirstUpperUnitSlugAsync(ct);
    }
}

/// <summary>
/// The preamble of every unit page, in one place and before the action: 404 when a <see cref="UnitAttribute"/> parameter
/// names no unit, 403 when the signed-in user may not read (or edit) it, then 404 when a <see cref="PeriodAttribute"/>
/// parameter names no known period. Runs right after <see cref="InvalidFormFieldsFilter"/>.
/// </summary>
public sealed class UnitAccessFilter : IAsyncActionFilter, IOrderedFilter
{
    public int Order => int.MinValue + 1;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.ActionDescriptor is ControllerActionDescriptor action)
        {
            foreach (var parameter in action.MethodInfo.GetParameters())
            {
                if (parameter.GetCustomAttribute<UnitAttribute>() is not { } door)
                {
                    continue;
                }

                if (!context.ActionArguments.TryGetValue(parameter.Name!, out var value) || value is not UnitHeader unit)
                {
                    context.Result = new NotFoundResult();
                    return;
                }

                if (door.Right == UnitRight.None)
                {
                    continue;
                }

                var access = context.HttpContext.RequestServices.GetRequiredService<UnitAccess>();
                var ct = context.HttpContext.RequestAborted;
                var allowed = door.Right == UnitRight.Edit ? await access.CanEditAsync(context.HttpContext.User, unit.Id, ct) : await access.CanReadAsync(context.HttpContext.User, unit.Id, ct);
                if (!allowed)
                {
                    context.Result = new ForbidResult();
                    return;
                }
            }

            // Then the period (PeriodAttribute): an unknown one is 404 (a left-out optional one bound null).
            if (action.MethodInfo.GetParameters().Any(p => p.GetCustomAttribute<PeriodAttribute>() is not null && !context.ActionArguments.ContainsKey(p.Name!)))
            {
                context.Result = new NotFoundResult();
                return;
            }
        }

        await next();
    }
}
