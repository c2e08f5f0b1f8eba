using ProgramTracker.Core.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Accounts;

/// <summary>What an administrator sets on an account.</summary>
public sealed record AccountSettings(string? FullName, string Role, IReadOnlyCollection<int> UnitIds);

/// <summary>
/// Creating and changing accounts, for the admin pages, the create-admin command and the demo seed.
/// Every change that alters what a user may do renews the security stamp, so open sessions pick it up
/// at their next validation.
/// </summary>
public sealed class UserAdministration(UserManager<AppUser> users, RoleManager<IdentityRole> roles, ProgramTrackerDbContext db)
{
    /// <summary>Error codes for failures that belong to a form field rather than to Identity.</summary>
    public const string RoleErrorCode = "Role";
    public const string UnitsErrorCode = "Units";
    public const string NotFoundErrorCode = "NotFound";

    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    /// <summary>Creates an account with a password that passes the password rules.</summary>
    public Task<IdentityResult> CreateAsync(string userName, string password, AccountSettings settings, CancellationToken ct = default) =>
        CreateCoreAsync(userName, password, settings, validatePassword: true, ct);

    /// <summary>The first administrator of a new installation (the create-admin command).</summary>
    public async Task<IdentityResult> CreateAdminAsync(string userName, string password, CancellationToken ct = default)
    {
        await EnsureRolesAsync(ct);
        // The display name is stored data (an admin may change it), written in Vietnamese like the demo accounts'.
        return await CreateAsync(userName, password, new AccountSettings("Quản trị hệ thống", Roles.Admin, []), ct);
    }

    /// <summary>
    /// Adds the demo accounts that do not exist yet; never changes one that does. The demo password skips the password
    /// validators (it is a documented, public password), which is why this is never on by default in Production.
    /// </summary>
    public async Task<int> SeedDemoUsersAsync(CancellationToken ct = default)
    {
        await EnsureRolesAsync(ct);
        var slugs = DemoUsers.All.SelectMany(u => u.UnitSlugs).Distinct().ToList();
        var units = await db.Units.Where(u => slugs.Contains(u.Slug)).ToDictionaryAsync(u => u.Slug, u => u.Id, ct);
        var added = 0;
        foreach (var demo in DemoUsers.All)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }

            var missing = demo.UnitSlugs.Where(s => !units.ContainsKey(s)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"Demo user {demo.UserName} needs units that are not in the database: {string.Join(", ", missing)}");
            }

            var settings = new AccountSettings(demo.FullName, demo.Role, demo.UnitSlugs.Select(s => units[s]).ToList());
            Check(await CreateCoreAsync(demo.UserName, DemoUsers.Password, settings, validatePassword: false, ct));
            added++;
        }

        return added;
    }

    public async Task<IdentityResult> UpdateAsync(string userId, AccountSettings settings, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return NotFound();
        }

        var invalid = await ValidateSettingsAsync(settings, ct);
        if (!invalid.Succeeded)
        {
            return invalid;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var wanted = settings.UnitIds.Distinct().ToList();
        var bound = await db.UserUnits.Where(x => x.UserId == userId).ToListAsync(ct);
        db.UserUnits.RemoveRange(bound.Where(x => !wanted.Contains(x.UnitId)));
        db.UserUnits.AddRange(wanted.Where(id => bound.All(x => x.UnitId != id)).Select(id => new UserUnit { UserId = userId, UnitId = id }));
        user.FullName = Clean(settings.FullName);
        await db.SaveChangesAsync(ct);

        var current = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, current.Where(r => r != settings.Role));
        if (result.Succeeded && !current.Contains(settings.Role))
        {
            result = await users.AddToRoleAsync(user, settings.Role);
        }

        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (result.Succeeded)
        {
            await tx.CommitAsync(ct);
        }

        return result;
    }

    public async Task<IdentityResult> SetDisabledAsync(string userId, bool disabled)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return NotFound();
        }

        user.IsDisabled = disabled;
        // A new stamp ends the sessions the user has open.
        return await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>Sets a new password chosen by an administrator and lifts a lockout.</summary>
    public async Task<IdentityResult> ResetPasswordAsync(string userId, string newPassword)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return NotFound();
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            result = await users.SetLockoutEndDateAsync(user, null);
        }

        return result;
    }

    /// <summary>For a user who lost their authenticator: turns two-factor off and forgets the key; they set it up again.</summary>
    public async Task<IdentityResult> ResetTwoFactorAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return NotFound();
        }

        var result = await users.SetTwoFactorEnabledAsync(user, false);
        return result.Succeeded ? await users.ResetAuthenticatorKeyAsync(user) : result;
    }

    /// <summary>
    /// A role's units: none for Admin; one or more districts for district staff and leaders; one or more communes
    /// or towns for a commune officer.
    /// </summary>
    public async Task<IdentityResult> ValidateSettingsAsync(AccountSettings settings, CancellationToken ct = default)
    {
        if (!Roles.IsKnown(settings.Role))
        {
            return Fail(RoleErrorCode, "AdminUsers.RoleUnknown");
        }

        var ids = settings.UnitIds.Distinct().ToList();
        var kinds = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => u.Kind).ToListAsync(ct);
        if (kinds.Count != ids.Count)
        {
            return Fail(UnitsErrorCode, "AdminUsers.UnitUnknown");
        }

        return settings.Role switch
        {
            Roles.Admin when ids.Count > 0 => Fail(UnitsErrorCode, "AdminUsers.AdminHasNoUnits"),
            Roles.DistrictStaff or Roles.Leader when ids.Count == 0 || kinds.Any(k => k is not (UnitKind.District or UnitKind.Province or UnitKind.City)) =>
                Fail(UnitsErrorCode, "AdminUsers.UpperUnitsRule"),
            Roles.CommuneOfficer when ids.Count == 0 || kinds.Any(k => !AdministrativeUnit.IsCommuneLevelKind(k)) =>
                Fail(UnitsErrorCode, "AdminUsers.CommuneUnitsRule"),
            _ => IdentityResult.Success,
        };
    }

    private async Task<IdentityResult> CreateCoreAsync(string userName, string password, AccountSettings settings, bool validatePassword, CancellationToken ct)
    {
        var invalid = await ValidateSettingsAsync(settings, ct);
        if (!invalid.Succeeded)
        {
            return invalid;
        }

        var user = new AppUser { UserName = userName.Trim(), FullName = Clean(settings.FullName), LockoutEnabled = true };
        foreach (var unitId in settings.UnitIds.Distinct())
        {
            user.Units.Add(new UserUnit { UserId = user.Id, UnitId = unitId });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityResult result;
        if (validatePassword)
        {
            result = await users.CreateAsync(user, password);
        }
        else
        {
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            result = await users.CreateAsync(user);
        }

        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, settings.Role);
        }

        if (result.Succeeded)
        {
            await tx.CommitAsync(ct);
        }

        return result;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IdentityResult NotFound() => Fail(NotFoundErrorCode, "AdminUsers.AccountNotFound");

    /// <summary>
    /// This service's own refusals (codes <see cref="RoleErrorCode"/>, <see cref="UnitsErrorCode"/>, <see cref="NotFoundErrorCode"/>)
    /// carry a key of the shared resource as their description; <see cref="Describe"/> gives the text in a language.
    /// </summary>
    private static IdentityResult Fail(string code, string key) => IdentityResult.Failed(new IdentityError { Code = code, Description = key });

    /// <summary>An error's text in a language: this service's own errors by key, Identity's (already described) as they are.</summary>
    public static string Describe(IdentityError error, Formats f) =>
        error.Code is RoleErrorCode or UnitsErrorCode or NotFoundErrorCode ? f[error.Description] : error.Description;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
        }
    }
}
