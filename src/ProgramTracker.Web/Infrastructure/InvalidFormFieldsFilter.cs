using Microsoft.AspNetCore.Mvc.Filters;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>An action that saves nothing while its model state has errors and shows them beside the fields.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ShowsFieldErrorsAttribute : Attribute;

/// <summary>
/// A form field whose value had invalid text (<see cref="InputGuard"/> removed it): on an action that shows field errors
/// the field gets its error and the page comes back with the other inputs kept; any other action answers 400 as before.
/// </summary>
public sealed class InvalidFormFieldsFilter : IAsyncActionFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.HttpContext.Features.Get<InvalidFormFields>() is { } invalid)
        {
            if (!context.ActionDescriptor.EndpointMetadata.OfType<ShowsFieldErrorsAttribute>().Any())
            {
                context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
            }

            foreach (var key in invalid.Keys)
            {
                context.ModelState.AddModelError(key, Formats.Current["Input.InvalidCharacters"]);
            }
        }

        await next();
    }
}
