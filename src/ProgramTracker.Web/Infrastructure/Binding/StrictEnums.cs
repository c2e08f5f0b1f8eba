using Microsoft.AspNetCore.Mvc.ModelBinding;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Web.Infrastructure.Binding;

/// <summary>
/// Enum values from requests are one defined name and nothing else. <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>
/// also reads numbers ("1") and comma lists ("submit,approve", OR-ed into whatever value that makes), which let a
/// crafted form run another workflow step or store an undefined measure.
/// </summary>
public static class StrictEnum
{
    public static bool TryParse(Type enumType, string? text, out object? value)
    {
        value = null;
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var defined in Enum.GetNames(enumType))
        {
            if (string.Equals(defined, name, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse(enumType, defined);
                return true;
            }
        }

        return false;
    }

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        var ok = TryParse(typeof(TEnum), text, out var parsed);
        value = ok ? (TEnum)parsed! : default;
        return ok;
    }
}

/// <summary>Binds every enum (and nullable enum) from requests by <see cref="StrictEnum"/>; anything else is a model error in Vietnamese.</summary>
public sealed class StrictEnumBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType.IsEnum ? new Binder() : null;

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
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

            if (result.Length == 1 && StrictEnum.TryParse(context.ModelMetadata.UnderlyingOrModelType, text, out var value))
            {
                context.Result = ModelBindingResult.Success(value);
                return Task.CompletedTask;
            }

            context.ModelState.TryAddModelError(context.ModelName, Formats.Current.Format("Model.NotInList", Clip(text)));
            context.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }

        private static string Clip(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text ?? "";
    }
}
