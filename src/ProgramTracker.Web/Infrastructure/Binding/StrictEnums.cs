using Microsoft.AspNetCore.Mvc.ModelBinding;

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
    private static readonly OneValueBinder Binder = new("Model.NotInList",
        (context, text) => (StrictEnum.TryParse(context.ModelMetadata.UnderlyingOrModelType, text, out var value), value));

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType.IsEnum ? Binder : null;
}
