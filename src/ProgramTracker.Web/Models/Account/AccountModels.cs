using System.ComponentModel.DataAnnotations;

namespace ProgramTracker.Web.Models.Account;

public sealed class LoginModel
{
    [Required(ErrorMessage = "Check.LoginModel.UserName.Required")]
    [StringLength(256, ErrorMessage = "Check.LoginModel.UserName.StringLength")]
    [Display(Name = "Field.LoginModel.UserName")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Check.LoginModel.Password.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.LoginModel.Password")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

/// <summary>The second step of sign-in: the six-digit code from the authenticator app.</summary>
public sealed class TwoFactorLoginModel
{
    [Required(ErrorMessage = "Check.TwoFactorLoginModel.Code.Required")]
    [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "Check.TwoFactorLoginModel.Code.RegularExpression")]
    [Display(Name = "Field.TwoFactorLoginModel.Code")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class EnableTwoFactorModel
{
    [Required(ErrorMessage = "Check.EnableTwoFactorModel.Code.Required")]
    [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "Check.EnableTwoFactorModel.Code.RegularExpression")]
    [Display(Name = "Field.EnableTwoFactorModel.Code")]
    public string Code { get; set; } = "";
}

/// <summary>The two-factor page: either the key to enter in the app, or the fact that it is on.</summary>
public sealed record TwoFactorPageModel(bool Enabled, bool Required, string? SharedKey, string? AuthenticatorUri, EnableTwoFactorModel Form);

public sealed class ChangePasswordModel
{
    [Required(ErrorMessage = "Check.ChangePasswordModel.CurrentPassword.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ChangePasswordModel.CurrentPassword")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Check.ChangePasswordModel.NewPassword.Required")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "Check.ChangePasswordModel.NewPassword.StringLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ChangePasswordModel.NewPassword")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Check.ChangePasswordModel.ConfirmPassword.Required")]
    [Compare(nameof(NewPassword), ErrorMessage = "Check.ChangePasswordModel.ConfirmPassword.Compare")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ChangePasswordModel.ConfirmPassword")]
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
    [Display(Name = "Field.TokenForm.Name")]
    public string? Name { get; set; }

    [Display(Name = "Field.TokenForm.Days")]
    public int Days { get; set; } = ProgramTracker.Core.Accounts.ApiTokens.DefaultDays;

    [Display(Name = "Field.TokenForm.CanWrite")]
    public bool CanWrite { get; set; }
}
