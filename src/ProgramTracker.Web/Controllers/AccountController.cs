using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProgramTracker.Web.Models.Account;

namespace ProgramTracker.Web.Controllers;

/// <summary>Sign-in (password, then authenticator code when the account has one), sign-out, own password and two-factor set-up.</summary>
[Route("account")]
public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    UserAdministration accounts,
    IOptions<SecurityOptions> security,
    ILogger<AccountController> logger) : Controller
{
    /// <summary>The name the authenticator app shows beside the account: one name whatever the language of the page.</summary>
    private static readonly string Issuer = Formats.Vietnamese["TwoFactor.Issuer"];

    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl(returnUrl)) : View(new LoginModel { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    [ShowsFieldErrors]
    [SharedSignInLimit]
    public async Task<IActionResult> Login(LoginModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var userName = model.UserName.Trim();
        // Unknown, disabled and locked accounts cost the same password hash as a real check and get the same answer as a
        // wrong password, so neither timing nor wording tells which accounts exist (docs/adr/accounts-and-access.md).
        var user = await users.FindByNameAsync(userName);
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? new AppUser(), user?.PasswordHash ?? DummyHash(users), model.Password);
            logger.LogWarning("Sign-in refused for {UserName} from {ClientAddress}: {Reason}", userName, ClientAddress,
                user is null ? "unknown account" : user.IsDisabled ? "account disabled" : "account locked out");
            return Refused(model);
        }

        var result = await signIn.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in from {ClientAddress}", userName, ClientAddress);
            return user.MustChangePassword ? Redirect(FirstPasswordEnforcement.ChangePath) : LocalRedirect(SafeReturnUrl(model.ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            logger.LogInformation("User {UserName} passed the password step from {ClientAddress}; code required", userName, ClientAddress);
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = model.ReturnUrl });
        }

        logger.LogWarning("Sign-in failed for {UserName} from {ClientAddress}: {Reason}", userName, ClientAddress,
            result.IsLockedOut ? "wrong password, now locked out" : result.IsNotAllowed ? "not allowed" : "wrong password");
        return Refused(model);
    }

    /// <summary>The key of the one answer to a refused sign-in, whatever the reason (no account enumeration).</summary>
    public const string SignInRefused = "SignIn.Refused";

    private static string? _dummyHash;

    /// <summary>A hash of a random password, made once per process, that unknown accounts are checked against.</summary>
    private static string DummyHash(UserManager<AppUser> users) =>
        _dummyHash ??= users.PasswordHasher.HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    private ViewResult Refused(LoginModel model)
    {
        ModelState.AddModelError("", Formats.Current[SignInRefused]);
        model.Password = "";
        return View(model);
    }

    [AllowAnonymous]
    [HttpGet("login-2fa")]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login), new { returnUrl })
            : View(new TwoFactorLoginModel { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login-2fa")]
    [ShowsFieldErrors]
    [SharedSignInLimit]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorLoginModel model)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login), new { returnUrl = model.ReturnUrl });
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactorCode.Normalize(model.Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in with an authenticator code from {ClientAddress}", user.UserName, ClientAddress);
            return LocalRedirect(SafeReturnUrl(model.ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused for {UserName} from {ClientAddress}: account locked out", user.UserName, ClientAddress);
            ModelState.AddModelError("", Formats.Current["SignIn.LockedOut"]);
        }
        else
        {
            logger.LogWarning("Sign-in failed for {UserName} from {ClientAddress}: wrong authenticator code", user.UserName, ClientAddress);
            ModelState.AddModelError(nameof(model.Code), Formats.Current["TwoFactor.CodeWrongOrExpired"]);
        }

        model.Code = "";
        return View(model);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        var name = User.Identity?.Name;
        if (await users.GetUserAsync(User) is { } user)
        {
            // A new stamp ends this user's every session: a cookie saved before sign-out no longer works anywhere.
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        logger.LogInformation("User {UserName} signed out", name);
        return Redirect(SecuritySetup.LoginPath);
    }

    [HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor() =>
        await users.GetUserAsync(User) is { } user ? View(await TwoFactorPageAsync(user, new EnableTwoFactorModel())) : Challenge();

    /// <summary>Turns two-factor on once the user proves the app shows the right code.</summary>
    [HttpPost("two-factor")]
    [ShowsFieldErrors]
    public async Task<IActionResult> TwoFactor([Bind(Prefix = "Form")] EnableTwoFactorModel model)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, TwoFactorCode.Normalize(model.Code));
            if (valid)
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                // The user has just shown a code: the session counts as signed in with two factors.
                await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
                logger.LogInformation("User {UserName} turned on two-factor sign-in", user.UserName);
                return RedirectToAction(nameof(TwoFactor));
            }

            ModelState.AddModelError("Form.Code", Formats.Current["TwoFactor.CodeWrong"]);
        }

        model.Code = "";
        return View(await TwoFactorPageAsync(user, model));
    }

    [HttpPost("two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (IsTwoFactorRequired())
        {
            return Forbid();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserName} turned off two-factor sign-in", user.UserName);
        return RedirectToAction(nameof(TwoFactor));
    }

    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordModel());

    [HttpPost("password")]
    [ShowsFieldErrors]
    public async Task<IActionResult> ChangePassword(ChangePasswordModel model)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var first = user.MustChangePassword;
            var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
            if (result.Succeeded)
            {
                await accounts.PasswordChangedAsync(user);
                await signIn.RefreshSignInAsync(user);
                logger.LogInformation("User {UserName} changed their password", user.UserName);
                if (first)
                {
                    // The one-time password is gone: the portal opens.
                    return Redirect("/");
                }

                ViewData["Changed"] = true;
                return View(new ChangePasswordModel());
            }

            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(model.CurrentPassword) : nameof(model.NewPassword), e.Description);
            }
        }

        return View(new ChangePasswordModel());
    }

    private bool IsTwoFactorRequired() =>
        security.Value.RequireTwoFactor && Roles.All.Any(r => Roles.NeedsTwoFactor(r) && User.IsInRole(r));

    private async Task<TwoFactorPageModel> TwoFactorPageAsync(AppUser user, EnableTwoFactorModel form)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return new TwoFactorPageModel(true, IsTwoFactorRequired(), null, null, form);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key renews the security stamp, which every request checks: reissue this session's cookie.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.UserName ?? "")}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        return new TwoFactorPageModel(false, IsTwoFactorRequired(), Grouped(key), uri, form);
    }

    /// <summary>"JBSWY3DPEHPK3PXP" as "jbsw y3dp ehpk 3pxp": easier to type into a phone.</summary>
    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    private string SafeReturnUrl(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    private string ClientAddress => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
