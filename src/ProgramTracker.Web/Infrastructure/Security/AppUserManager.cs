using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ProgramTracker.Web.Infrastructure.Security;

/// <summary>
/// Identity's user manager, with the lockout on the portal's clock (<see cref="TimeProvider"/>): in .NET 10 Identity locks an
/// account until <c>DateTimeOffset.UtcNow</c> + 15 minutes and compares with it, while the administrators' list shows
/// "locked" by the portal's clock, so the two disagreed whenever the clock was not the machine's (the tests' named day).
/// .NET 11 gives Identity a <c>TimeProvider</c> (dotnet/aspnetcore#62796); this class can go then.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    TimeProvider clock)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<AppUser> LockoutStore =>
        Store as IUserLockoutStore<AppUser> ?? throw new NotSupportedException("The user store does not keep lockouts.");

    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken)
               && await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken) >= clock.GetUtcNow();
    }

    /// <summary>As Identity's: the failed attempts counted, and at the limit the account locked and the count reset.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var count = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await LockoutStore.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }
}
