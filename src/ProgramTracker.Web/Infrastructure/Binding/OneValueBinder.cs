using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ProgramTracker.Web.Infrastructure.Binding;

/// <summary>
/// Binds a value typed into one field by a parser of its own (<see cref="DayDate"/>, <see cref="StrictEnum"/>): nothing
/// sent binds nothing, an empty field binds null where the value may be left out, one parsable value binds it, and
/// anything else is a model error in the reader's language (the resource <c>errorKey</c>, with the text clipped to 40).
/// </summary>
public sealed class OneValueBinder(string errorKey, Func<ModelBindingContext, string?, (bool Ok, object? Value)> parse) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var context = bindingContext;
        var result = context.ValueProvider.GetValue(context.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        context.ModelState.SetModelValue(context.ModelName, result);
        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text) && context.ModelMetadata.IsReferenceOrNullableType)
        {
            context.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        if (result.Length == 1 && parse(context, text) is (true, var value))
        {
            context.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        context.ModelState.TryAddModelError(context.ModelName, Formats.Current.Format(errorKey, text is { Length: > 40 } ? text[..40] + "…" : text ?? ""));
        context.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}
