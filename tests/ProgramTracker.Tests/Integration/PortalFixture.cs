using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Web.Infrastructure;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// One seeded portal on its own PostgreSQL database (a copy of <see cref="SeededTemplate"/>) for the tests of one class
/// (<c>IClassFixture&lt;PortalFixture&gt;</c>): every class starts from the seeded state, whatever ran before it, in any order.
/// </summary>
public sealed class PortalFixture : SeededPortal, IDisposable
{
    /// <summary>A second district with one commune and one district staff account, for scoping tests.</summary>
    public const string OtherDistrict = "huyen-tien-yen";
    public const string OtherCommune = "dong-ngu-2024"; // not "dong-ngu": that slug is the register's xã Đông Ngũ (06877) of today
    public const string OtherDistrictUser = "huyen.tienyen";
    public const string OtherDistrictPassword = "Tien-Yen-2024-mat-khau";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private bool _otherDistrict;

    protected override string PasswordOf(string userName) => userName == OtherDistrictUser ? OtherDistrictPassword : base.PasswordOf(userName);

    /// <summary>
    /// Adds huyện Tiên Yên (with xã Đông Ngũ) and its district staff account, once, through the doors an operator uses:
    /// the units through the seed files, loaded by the code of the app's <c>migrate</c> command; the account through the
    /// admin page /admin/users/new.
    /// </summary>
    public async Task EnsureOtherDistrictAsync()
    {
        var admin = await ClientAsync("admin");
        await _lock.WaitAsync();
        try
        {
            if (_otherDistrict)
            {
                return;
            }

            using var seeds = new TempSeeds();
            seeds.Edit("units.json", "\"units\": [", $$"""
                "units": [
                    { "slug": "{{OtherDistrict}}", "name": "Tiên Yên", "kind": "District", "parent": "quang-ninh", "source": "dvhc-quang-ninh" },
                    { "slug": "{{OtherCommune}}", "name": "Đông Ngũ", "kind": "Commune", "parent": "{{OtherDistrict}}", "source": "dvhc-quang-ninh" },
                """);
            var configuration = new ConfigurationBuilder()
                .AddConfiguration(Factory.Services.GetRequiredService<IConfiguration>())
                .AddInMemoryCollection([new("Seed:Directory", seeds.Path)])
                .Build();
            await DatabaseInitializer.MigrateAndSeedAsync(Factory.Services, configuration);

            var districtId = await Factory.WithDbAsync(db => db.Units.Where(u => u.Slug == OtherDistrict).Select(u => u.Id).SingleAsync());
            var token = await admin.AntiforgeryTokenAsync("/admin/users/new");
            var response = await admin.PostFormAsync("/admin/users/new",
                [new("UserName", OtherDistrictUser), new("FullName", "Cán bộ huyện Tiên Yên"), new("Role", Roles.DistrictStaff),
                 new("UnitIds", districtId.ToString(CultureInfo.InvariantCulture)), new("Password", OtherDistrictPassword), new("ConfirmPassword", OtherDistrictPassword)], token);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.Should().Be("/admin/users");
            _otherDistrict = true;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}

/// <summary>
/// Kept for test classes written against it while the others moved to <c>IClassFixture&lt;PortalFixture&gt;</c>: classes in
/// this collection share one database, so their order matters. New test classes take the class fixture.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "seeded portal";
}
