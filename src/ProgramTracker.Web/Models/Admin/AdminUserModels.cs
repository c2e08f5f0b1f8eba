using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Web.Models.Admin;

public sealed record UserListRow(
    string Id,
    string UserName,
    string? FullName,
    string? Role,
    IReadOnlyList<string> Units,
    bool IsDisabled,
    bool IsLockedOut,
    bool TwoFactorEnabled);

/// <summary>A unit an account can be bound to, for the checkboxes of the user forms.</summary>
public sealed record UnitChoice(int Id, string Name, UnitKind Kind, string? DistrictName);

public class UserSettingsModel
{
    [StringLength(200, ErrorMessage = "Check.UserSettingsModel.FullName.StringLength")]
    [Display(Name = "Field.UserSettingsModel.FullName")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Check.UserSettingsModel.Role.Required")]
    [Display(Name = "Field.UserSettingsModel.Role")]
    public string Role { get; set; } = "";

    [Display(Name = "Field.UserSettingsModel.UnitIds")]
    public List<int> UnitIds { get; set; } = [];

    /// <summary>The units to choose from; filled by the controller, never bound from the form.</summary>
    [BindNever]
    public IReadOnlyList<UnitChoice> UnitChoices { get; set; } = [];

    /// <summary>The roles the signed-in administrator may give (a province administrator: not the administrators').</summary>
    public IReadOnlyList<string> RoleChoices { get; set; } = ProgramTracker.Core.Accounts.Roles.All;

    /// <summary>The account being edited (edit page only); never bound from the form.</summary>
    [BindNever]
    public UserListRow? Account { get; set; }
}

public sealed class UserCreateModel : UserSettingsModel
{
    [Required(ErrorMessage = "Check.UserCreateModel.UserName.Required")]
    [StringLength(64, MinimumLength = 3, ErrorMessage = "Check.UserCreateModel.UserName.StringLength")]
    [RegularExpression(@"^[A-Za-z0-9._@+-]+$", ErrorMessage = "Check.UserCreateModel.UserName.RegularExpression")]
    [Display(Name = "Field.UserCreateModel.UserName")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Check.UserCreateModel.Password.Required")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "Check.UserCreateModel.Password.StringLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.UserCreateModel.Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Check.UserCreateModel.ConfirmPassword.Required")]
    [Compare(nameof(Password), ErrorMessage = "Check.UserCreateModel.ConfirmPassword.Compare")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.UserCreateModel.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ResetPasswordModel
{
    [BindNever]
    public UserListRow? Account { get; set; }

    [Required(ErrorMessage = "Check.ResetPasswordModel.NewPassword.Required")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "Check.ResetPasswordModel.NewPassword.StringLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ResetPasswordModel.NewPassword")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Check.ResetPasswordModel.ConfirmPassword.Required")]
    [Compare(nameof(NewPassword), ErrorMessage = "Check.ResetPasswordModel.ConfirmPassword.Compare")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ResetPasswordModel.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";
}
