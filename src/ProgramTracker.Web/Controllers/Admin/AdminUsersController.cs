using Microsoft.AspNetCore.Identity;
using ProgramTracker.Web.Models.Admin;

namespace ProgramTracker.Web.Controllers.Admin;

/// <summary>
/// User administration: list, create, change role and units, disable/enable, reset password or two-factor. The national
/// administrator sees every account; a province administrator only the accounts of their province, of the roles they may
/// grant (<see cref="AccessRules.CanManageAccount"/>): any other account answers 404, as a unit outside one's reach does.
/// </summary>
[Authorize(Policy = Policies.AdministerAccounts)]
[Route("admin/users")]
public sealed class AdminUsersController(AdminUserQueries queries, UserAdministration accounts, UserManager<Core.Domain.AppUser> users, UnitAccess access, ILogger<AdminUsersController> logger)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = new List<UserListRow>();
        foreach (var row in await queries.ListAsync(ct))
        {
            if (await access.CanManageAccountAsync(User, row.Id, row.Role, ct))
            {
                rows.Add(row);
            }
        }

        return View(rows);
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View(await ChoicesAsync(new UserCreateModel { Role = Roles.CommuneOfficer }, ct));

    [HttpPost("new")]
    [ShowsFieldErrors]
    public async Task<IActionResult> Create(UserCreateModel model, CancellationToken ct)
    {
        await CheckGrantAsync(model, ct);
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
        return View(await ChoicesAsync(model, ct));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        if (await AccountAsync(id, ct) is not { } account)
        {
            return NotFound();
        }

        return View(await ChoicesAsync(new UserSettingsModel
        {
            FullName = account.FullName,
            Role = account.Role ?? "",
            UnitIds = [.. await queries.UnitIdsAsync(id, ct)],
            Account = account,
        }, ct));
    }

    [HttpPost("{id}")]
    [ShowsFieldErrors]
    public async Task<IActionResult> Edit(string id, UserSettingsModel model, CancellationToken ct)
    {
        if (await AccountAsync(id, ct) is not { } account)
        {
            return NotFound();
        }

        if (IsSelf(id) && model.Role != Roles.Admin)
        {
            ModelState.AddModelError(nameof(model.Role), Formats.Current["AdminUsers.CannotDropOwnAdmin"]);
        }

        await CheckGrantAsync(model, ct);

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

        model.Account = account;
        return View(await ChoicesAsync(model, ct));
    }

    [HttpGet("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken ct) =>
        await AccountAsync(id, ct) is { } account ? View(new ResetPasswordModel { Account = account }) : NotFound();

    [HttpPost("{id}/password")]
    [ShowsFieldErrors]
    public async Task<IActionResult> ResetPassword(string id, ResetPasswordModel model, CancellationToken ct)
    {
        if (await AccountAsync(id, ct) is not { } account)
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
    public Task<IActionResult> Disable(string id, CancellationToken ct) => SetDisabled(id, true, ct);

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id, CancellationToken ct) => SetDisabled(id, false, ct);

    /// <summary>For a user who lost their phone: they sign in with the password and set up the app again.</summary>
    [HttpPost("{id}/two-factor/reset")]
    public async Task<IActionResult> ResetTwoFactor(string id, CancellationToken ct)
    {
        if (await AccountAsync(id, ct) is null)
        {
            return NotFound();
        }

        var result = await accounts.ResetTwoFactorAsync(id);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        logger.LogInformation("{Admin} reset two-factor sign-in of user {UserId}", User.Identity?.Name, id);
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> SetDisabled(string id, bool disabled, CancellationToken ct)
    {
        if (await AccountAsync(id, ct) is null)
        {
            return NotFound();
        }

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
        TempData["AdminMessage"] = Formats.Current.Format(disabled ? "AdminUsers.DoneDisable" : "AdminUsers.DoneEnable", (await AccountAsync(id, ct))?.UserName);
        return RedirectToAction(nameof(Index));
    }

    private bool IsSelf(string id) => users.GetUserId(User) == id;

    /// <summary>The account when it exists and the signed-in administrator manages it; else null (the caller answers 404).</summary>
    private async Task<UserListRow?> AccountAsync(string id, CancellationToken ct) =>
        await queries.RowAsync(id, ct) is { } account && await access.CanManageAccountAsync(User, account.Id, account.Role, ct) ? account : null;

    /// <summary>The roles and units this administrator may give: all for the national one, their province's for a province's.</summary>
    private async Task<T> ChoicesAsync<T>(T model, CancellationToken ct) where T : UserSettingsModel
    {
        var profile = await access.ProfileAsync(User, ct);
        model.RoleChoices = Roles.All.Where(r => AccessRules.CanGrant(profile, r)).ToList();
        var units = new List<UnitChoice>();
        foreach (var unit in await queries.UnitChoicesAsync(ct))
        {
            if (profile.IsAdmin || await access.CanAdministerAsync(User, unit.Id, ct))
            {
                units.Add(unit);
            }
        }

        model.UnitChoices = units;
        return model;
    }

    /// <summary>A province administrator may give only the roles and units of their province.</summary>
    private async Task CheckGrantAsync(UserSettingsModel model, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(model.Role) && !await access.CanGrantAsync(User, model.Role, model.UnitIds, ct))
        {
            ModelState.AddModelError(nameof(model.UnitIds), Formats.Current["AdminUsers.NotYours"]);
        }
    }

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
