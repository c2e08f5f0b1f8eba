using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Domain;
using ProgramTracker.TestSupport;

namespace ProgramTracker.Tests.Integration;

/// <summary>One seeded portal on its own PostgreSQL database, shared by the page and access tests.</summary>
public sealed class PortalFixture : IAsyncLifetime, IDisposable
{
    /// <summary>A second district with one commune and one district staff account, for scoping tests.</summary>
    public const string OtherDistrict = "tien-yen";
    public const string OtherCommune = "dong-ngu";
    public const string OtherDistrictUser = "huyen.tienyen";
    public const string OtherDistrictPassword = "Tien-Yen-2024-mat-khau";

    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SemaphoreSlim _lock = new(1, 1);
    private TestDatabase? _database;
    private bool _otherDistrict;

    public PortalFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (Factory, _database) = await PortalFactory.OnPostgresAsync();
        _ = Factory.Server; // start the host: migrations and seeding run here
    }

    /// <summary>A client signed in as a demo user, made once and shared: tests must not sign it out or change that user.</summary>
    public async Task<HttpClient> ClientAsync(string userName)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_clients.TryGetValue(userName, out var client))
            {
                client = userName == OtherDistrictUser
                    ? await Factory.SignedInClientAsync(userName, OtherDistrictPassword)
                    : await Factory.SignedInClientAsync(userName);
                _clients[userName] = client;
            }

            return client;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Adds huyện Tiên Yên (with xã Đông Ngũ) and its district staff account, once.</summary>
    public async Task EnsureOtherDistrictAsync()
    {
        await _lock.WaitAsync();
        try
        {
            if (_otherDistrict)
            {
                return;
            }

            var districtId = await Factory.WithDbAsync(async db =>
            {
                var province = await db.Units.SingleAsync(u => u.Slug == "quang-ninh");
                var district = new AdministrativeUnit { Slug = OtherDistrict, Name = "Tiên Yên", Kind = UnitKind.District, Parent = province };
                db.Units.Add(district);
                db.Units.Add(new AdministrativeUnit { Slug = OtherCommune, Name = "Đông Ngũ", Kind = UnitKind.Commune, Parent = district });
                await db.SaveChangesAsync();
                return district.Id;
            });
            var result = await Factory.WithServiceAsync<UserAdministration, Microsoft.AspNetCore.Identity.IdentityResult>(accounts =>
                accounts.CreateAsync(OtherDistrictUser, OtherDistrictPassword, new AccountSettings("Cán bộ huyện Tiên Yên", Roles.DistrictStaff, [districtId])));
            result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
            _otherDistrict = true;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public void Dispose() => _lock.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "seeded portal";
}
