using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ProgramTracker.Web.Infrastructure.Binding;

/// <summary>
/// Dates typed by people are day/month/year in both languages ("01/10/2027" is the first of October), whatever the
/// browser's own locale: a native date box follows the browser and showed mm/dd/yyyy to Vietnamese administrators
/// (issue 32.15). ISO dates (yyyy-MM-dd) are read too, for links and scripts.
/// </summary>
public static class DayDate
{
    /// <summary>How a date is written into a date field and shown beside it.</summary>
    public const string Pattern = "dd/MM/yyyy";

    private static readonly string[] Accepted = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    public static bool TryParse(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text?.Trim(), Accepted, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static string Format(DateOnly? value) => value?.ToString(Pattern, CultureInfo.InvariantCulture) ?? "";
}

/// <summary>Binds every DateOnly (and nullable DateOnly) from requests by <see cref="DayDate"/>; anything else is a model error in the reader's language.</summary>
public sealed class DayDateBinderProvider : IModelBinderProvider
{
    private static readonly OneValueBinder Binder = new("Model.NotADate", (_, text) => (DayDate.TryParse(text, out var value), value));

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? Binder : null;
}
