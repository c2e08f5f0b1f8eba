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
    [StringLength(200, ErrorMessage = "Họ tên tối đa {1} ký tự.")]
    [Display(Name = "Họ và tên")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Chọn vai trò.")]
    [Display(Name = "Vai trò")]
    public string Role { get; set; } = "";

    [Display(Name = "Đơn vị")]
    public List<int> UnitIds { get; set; } = [];

    /// <summary>The units to choose from; filled by the controller, never bound from the form.</summary>
    [BindNever]
    public IReadOnlyList<UnitChoice> UnitChoices { get; set; } = [];

    /// <summary>The account being edited (edit page only); never bound from the form.</summary>
    [BindNever]
    public UserListRow? Account { get; set; }
}

public sealed class UserCreateModel : UserSettingsModel
{
    [Required(ErrorMessage = "Nhập tên đăng nhập.")]
    [StringLength(64, MinimumLength = 3, ErrorMessage = "Tên đăng nhập có từ {2} đến {1} ký tự.")]
    [RegularExpression(@"^[A-Za-z0-9._@+-]+$", ErrorMessage = "Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các ký tự . - _ @ +")]
    [Display(Name = "Tên đăng nhập")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Nhập mật khẩu.")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "Mật khẩu phải có từ {2} đến {1} ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Nhập lại mật khẩu.")]
    [Compare(nameof(Password), ErrorMessage = "Hai lần nhập mật khẩu không khớp.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nhập lại mật khẩu")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ResetPasswordModel
{
    [BindNever]
    public UserListRow? Account { get; set; }

    [Required(ErrorMessage = "Nhập mật khẩu mới.")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "Mật khẩu phải có từ {2} đến {1} ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu mới")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Nhập lại mật khẩu mới.")]
    [Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu không khớp.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nhập lại mật khẩu mới")]
    public string ConfirmPassword { get; set; } = "";
}
