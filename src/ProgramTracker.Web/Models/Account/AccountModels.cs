using System.ComponentModel.DataAnnotations;

namespace ProgramTracker.Web.Models.Account;

public sealed class LoginModel
{
    [Required(ErrorMessage = "Nhập tên đăng nhập.")]
    [StringLength(256, ErrorMessage = "Tên đăng nhập quá dài.")]
    [Display(Name = "Tên đăng nhập")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Nhập mật khẩu.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

/// <summary>The second step of sign-in: the six-digit code from the authenticator app.</summary>
public sealed class TwoFactorLoginModel
{
    [Required(ErrorMessage = "Nhập mã 6 chữ số từ ứng dụng xác thực.")]
    [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "Mã gồm 6 chữ số.")]
    [Display(Name = "Mã xác thực")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class EnableTwoFactorModel
{
    [Required(ErrorMessage = "Nhập mã 6 chữ số từ ứng dụng xác thực.")]
    [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "Mã gồm 6 chữ số.")]
    [Display(Name = "Mã xác thực")]
    public string Code { get; set; } = "";
}

/// <summary>The two-factor page: either the key to enter in the app, or the fact that it is on.</summary>
public sealed record TwoFactorPageModel(bool Enabled, bool Required, string? SharedKey, string? AuthenticatorUri, EnableTwoFactorModel Form);

public sealed class ChangePasswordModel
{
    [Required(ErrorMessage = "Nhập mật khẩu hiện tại.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu hiện tại")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Nhập mật khẩu mới.")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "Mật khẩu mới phải có từ {2} đến {1} ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu mới")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Nhập lại mật khẩu mới.")]
    [Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nhập lại mật khẩu mới")]
    public string ConfirmPassword { get; set; } = "";
}

public static class TwoFactorCode
{
    /// <summary>"123 456" and "123-456" as typed from the app become "123456".</summary>
    public static string Normalize(string code) => new(code.Where(char.IsAsciiDigit).ToArray());
}

/// <summary>/account/tokens: the user's tokens, the form for a new one, and a token just made (its secret shown once).</summary>
public sealed class TokensPageModel
{
    public required TokenForm Form { get; init; }
    public ProgramTracker.Core.Accounts.NewApiToken? Created { get; init; }
    public required IReadOnlyList<ProgramTracker.Core.Domain.ApiToken> Tokens { get; init; }
    public string? Message { get; init; }
    public DateTime NowUtc { get; init; }
}

public sealed class TokenForm
{
    [Display(Name = "Tên (để nhận ra mã)")]
    public string? Name { get; set; }

    [Display(Name = "Thời hạn (ngày)")]
    public int Days { get; set; } = ProgramTracker.Core.Accounts.ApiTokens.DefaultDays;

    [Display(Name = "Cho phép ghi (nhập số liệu, gửi và duyệt qua API)")]
    public bool CanWrite { get; set; }
}
