using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>MVC's own model-binding messages, in Vietnamese (field attributes carry their own).</summary>
public static class ModelMessages
{
    public static void UseVietnamese(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => "Trường này không được để trống.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị cho “{field}”.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Yêu cầu không có nội dung.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị “{value}” không hợp lệ cho “{field}”.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của “{field}” không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => $"“{field}” phải là một số.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
    }
}
