using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Localization;
using ProgramTracker.Web.Infrastructure.Security;
using ProgramTracker.Web.Models.Admin;

namespace ProgramTracker.Web.Controllers.Admin;

/// <summary>User administration: list, create, change role and units, disable/enable, reset password or two-factor.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/users")]
public sealed class AdminUsersController(AdminUserQueries queries, UserAdministration accounts, UserManager<Core.Domain.AppUser> users, ILogger<AdminUsersController> logger)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.ListAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View(new UserCreateModel { Role = Roles.CommuneOfficer, UnitChoices = await queries.UnitChoicesAsync(ct) });

    [HttpPost("new")]
    public async Task<IActionResult> Create(UserCreateModel model, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await accounts.CreateAsync(model.UserName, model.Password, Settings(model), ct);
            if (result.Succeeded)
            {
                logger.LogInformation("{Admin} created user {UserName} as {Role}", User.Identity?.Name, model.UserName, model.Role);
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result, passwordField: nameof(model.Password));
        }

        model.Password = model.ConfirmPassword = "";
        model.UnitChoices = await queries.UnitChoicesAsync(ct);
        return View(model);
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        if (await queries.RowAsync(id, ct) is not { } account)
        {
            return NotFound();
        }

        return View(new UserSettingsModel
        {
            FullName = account.FullName,
            Role = account.Role ?? "",
            UnitIds = [.. await queries.UnitIdsAsync(id, ct)],
            UnitChoices = await queries.UnitChoicesAsync(ct),
            Account = account,
        });
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, UserSettingsModel model, CancellationToken ct)
    {
        if (await queries.RowAsync(id, ct) is not { } account)
        {
            return NotFound();
        }

        if (IsSelf(id) && model.Role != Roles.Admin)
        {
            ModelState.AddModelError(nameof(model.Role), Formats.Current["AdminUsers.CannotDropOwnAdmin"]);
        }

        if (ModelState.IsValid)
        {
            var result = await accounts.UpdateAsync(id, Settings(model), ct);
            if (result.Succeeded)
            {
                logger.LogInformation("{Admin} set user {UserName} to {Role} with units {UnitIds}", User.Identity?.Name, account.UserName, model.Role, model.UnitIds);
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result, passwordField: null);
        }

        model.UnitChoices = await queries.UnitChoicesAsync(ct);
        model.Account = account;
        return View(model);
    }

    [HttpGet("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken ct) =>
        await queries.RowAsync(id, ct) is { } account ? View(new ResetPasswordModel { Account = account }) : NotFound();

    [HttpPost("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, ResetPasswordModel model, CancellationToken ct)
    {
        if (await queries.RowAsync(id, ct) is not { } account)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await accounts.ResetPasswordAsync(id, model.NewPassword);
            if (result.Succeeded)
            {
                logger.LogInformation("{Admin} reset the password of {UserName}", User.Identity?.Name, account.UserName);
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result, passwordField: nameof(model.NewPassword));
        }

        model.NewPassword = model.ConfirmPassword = "";
        model.Account = account;
        return View(model);
    }

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id) => SetDisabled(id, true);

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) => SetDisabled(id, false);

    /// <summary>For a user who lost their phone: they sign in with the password and set up the app again.</summary>
    [HttpPost("{id}/two-factor/reset")]
    public async Task<IActionResult> ResetTwoFactor(string id)
    {
        var result = await accounts.ResetTwoFactorAsync(id);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        logger.LogInformation("{Admin} reset two-factor sign-in of user {UserId}", User.Identity?.Name, id);
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> SetDisabled(string id, bool disabled)
    {
        if (disabled && IsSelf(id))
        {
            return BadRequest();
        }

        var result = await accounts.SetDisabledAsync(id, disabled);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        logger.LogInformation("{Admin} {Action} user {UserId}", User.Identity?.Name, disabled ? "disabled" : "enabled", id);
        return RedirectToAction(nameof(Index));
    }

    private bool IsSelf(string id) => users.GetUserId(User) == id;

    private static AccountSettings Settings(UserSettingsModel model) => new(model.FullName, model.Role, model.UnitIds);

    /// <summary>Puts each error beside the field it is about.</summary>
    private void AddErrors(IdentityResult result, string? passwordField)
    {
        foreach (var e in result.Errors)
        {
            var field = e.Code switch
            {
                UserAdministration.RoleErrorCode => nameof(UserSettingsModel.Role),
                UserAdministration.UnitsErrorCode => nameof(UserSettingsModel.UnitIds),
                "DuplicateUserName" or "InvalidUserName" => nameof(UserCreateModel.UserName),
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) && passwordField is not null => passwordField,
                _ => "",
            };
            ModelState.AddModelError(field, UserAdministration.Describe(e, Formats.Current));
        }
    }
}
