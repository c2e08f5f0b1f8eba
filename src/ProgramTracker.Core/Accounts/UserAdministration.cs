using ProgramTracker.Core.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Accounts;

/// <summary>An account of a bulk import: bound to one unit.</summary>
public sealed record NewAccount(string UserName, string? FullName, string? Email, string? Phone, string Role, int UnitId);

/// <summary>The one-time passwords of accounts made in bulk, in order, and how long hashing and writing took.</summary>
public sealed record CreatedAccounts(IReadOnlyList<string> Passwords, TimeSpan Hashing, TimeSpan Writing);

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
        string? hash = null; // the demo password is public and the same for all: hashed once (PBKDF2 is slow on purpose)
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
            hash ??= users.PasswordHasher.HashPassword(new AppUser { UserName = demo.UserName }, DemoUsers.Password);
            Check(await CreateCoreAsync(demo.UserName, DemoUsers.Password, settings, validatePassword: false, ct, hash));
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

        return SettingsRule(settings.Role, kinds) is { } key ? Fail(UnitsErrorCode, key) : IdentityResult.Success;
    }

    /// <summary>
    /// The rule a role's units break, as a resource key, or null when they keep it: none for Admin; exactly one
    /// province for a province administrator; districts or provinces for staff and leaders; commune-level units for
    /// a commune officer.
    /// </summary>
    public static string? SettingsRule(string role, IReadOnlyCollection<UnitKind> kinds) => role switch
    {
        Roles.Admin when kinds.Count > 0 => "AdminUsers.AdminHasNoUnits",
        Roles.ProvinceAdmin when kinds.Count != 1 || kinds.Any(k => !AdministrativeUnit.IsProvinceLevelKind(k)) => "AdminUsers.ProvinceAdminRule",
        Roles.DistrictStaff or Roles.Leader when kinds.Count == 0 || kinds.Any(k => k is not (UnitKind.District or UnitKind.Province or UnitKind.City)) =>
            "AdminUsers.UpperUnitsRule",
        Roles.CommuneOfficer when kinds.Count == 0 || kinds.Any(k => !AdministrativeUnit.IsCommuneLevelKind(k)) => "AdminUsers.CommuneUnitsRule",
        _ => null,
    };

    /// <summary>A user name as Identity compares it (the unique index is on this form).</summary>
    public string NormalizeName(string userName) => users.NormalizeName(userName.Trim()) ?? userName;

    /// <summary>
    /// Creates many accounts in one transaction, all or none, each with a one-time random password that it must change
    /// at first sign-in; returns the passwords in the order of <paramref name="accounts"/> (they are not kept anywhere).
    /// The caller has checked the rows (<see cref="AccountImport"/>): names free and valid, settings within the rules.
    /// <para>
    /// A one-time password is 16 random characters (~92 bits), so it is hashed with <see cref="OneTimePasswordIterations"/>
    /// PBKDF2 iterations rather than Identity's 100,000: stretching protects guessable passwords, not random ones, and the
    /// full cost for 6,642 accounts is minutes of CPU. The hash names its iteration count, Identity verifies it as usual
    /// (and rehashes at full cost on sign-in), and the user replaces the password at once
    /// (docs/adr/accounts-and-access.md). The hashes are computed in parallel before the transaction opens; the rows
    /// are written with one SaveChanges, which EF Core sends in batches.
    /// </para>
    /// </summary>
    public async Task<CreatedAccounts> CreateManyAsync(IReadOnlyList<NewAccount> accounts, CancellationToken ct = default)
    {
        await EnsureRolesAsync(ct);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var passwords = accounts.Select(_ => OneTimePassword.New()).ToArray();
        var hasher = new PasswordHasher<AppUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = OneTimePasswordIterations }));
        var made = new AppUser[accounts.Count];
        Parallel.For(0, accounts.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var a = accounts[i];
            var user = new AppUser
            {
                UserName = a.UserName.Trim(),
                NormalizedUserName = users.NormalizeName(a.UserName.Trim()),
                FullName = Clean(a.FullName),
                Email = a.Email,
                NormalizedEmail = a.Email is null ? null : users.NormalizeEmail(a.Email),
                PhoneNumber = a.Phone,
                LockoutEnabled = true,
                MustChangePassword = true,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            user.PasswordHash = hasher.HashPassword(user, passwords[i]);
            made[i] = user;
        });
        var hashing = watch.Elapsed;

        watch.Restart();
        var roleIds = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            for (var i = 0; i < made.Length; i++)
            {
                db.Users.Add(made[i]);
                db.UserUnits.Add(new UserUnit { UserId = made[i].Id, UnitId = accounts[i].UnitId });
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = made[i].Id, RoleId = roleIds[accounts[i].Role] });
                // Written in chunks inside the one transaction (all or none still): the change tracker holds a chunk, not
                // 20,000 entries at once (issue 24 goal 5: the portal's peak memory was set by this import).
                if ((i + 1) % SaveChunk == 0)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }

        return new CreatedAccounts(passwords, hashing, watch.Elapsed);
    }

    /// <summary>Accounts written per SaveChanges in <see cref="CreateManyAsync"/> (one transaction for them all).</summary>
    private const int SaveChunk = 500;

    /// <summary>PBKDF2 iterations of a one-time password's hash (see <see cref="CreateManyAsync"/>).</summary>
    public const int OneTimePasswordIterations = 1_000;

    /// <summary>After the user has set their own password: the account no longer asks for a new one.</summary>
    public async Task PasswordChangedAsync(AppUser user)
    {
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            Check(await users.UpdateAsync(user));
        }
    }

    private async Task<IdentityResult> CreateCoreAsync(
        string userName, string password, AccountSettings settings, bool validatePassword, CancellationToken ct, string? passwordHash = null)
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
            user.PasswordHash = passwordHash ?? users.PasswordHasher.HashPassword(user, password);
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
