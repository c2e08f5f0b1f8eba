using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Tests.Unit;

public sealed class AccessRulesTests
{
    // Quảng Ninh (1) → Ba Chẽ (2) → Nam Sơn (3), Đồn Đạc (4), thị trấn Ba Chẽ (5); Tiên Yên (6) → Đông Ngũ (7).
    private static readonly UnitPlace Province = new(1, UnitKind.Province, null, null);
    private static readonly UnitPlace BaChe = new(2, UnitKind.District, 1, null);
    private static readonly UnitPlace NamSon = new(3, UnitKind.Commune, 2, 1);
    private static readonly UnitPlace DonDac = new(4, UnitKind.Commune, 2, 1);
    private static readonly UnitPlace Town = new(5, UnitKind.Town, 2, 1);
    private static readonly UnitPlace TienYen = new(6, UnitKind.District, 1, null);
    private static readonly UnitPlace DongNgu = new(7, UnitKind.Commune, 6, 1);
    private static readonly UnitPlace[] Everything = [Province, BaChe, NamSon, DonDac, Town, TienYen, DongNgu];

    private static AccessProfile User(string role, params UnitPlace[] units) => new([role], units);

    [Fact]
    public void Commune_officer_edits_only_their_own_commune()
    {
        var officer = User(Roles.CommuneOfficer, DonDac);

        Everything.Where(u => AccessRules.CanEdit(officer, u)).Should().Equal(DonDac);
        AccessRules.CanEdit(officer, NamSon).Should().BeFalse();
        AccessRules.CanApprove(officer, BaChe.Id).Should().BeFalse();
    }

    [Fact]
    public void Commune_officer_reads_their_district_and_its_communes_but_not_another_district()
    {
        var officer = User(Roles.CommuneOfficer, DonDac);

        Everything.Where(u => AccessRules.CanRead(officer, u)).Should().Equal(BaChe, NamSon, DonDac, Town);
        AccessRules.ReadRoots(officer).Should().Equal(BaChe.Id);
    }

    [Fact]
    public void Commune_officer_of_two_communes_edits_both()
    {
        var officer = User(Roles.CommuneOfficer, NamSon, Town);

        Everything.Where(u => AccessRules.CanEdit(officer, u)).Should().Equal(NamSon, Town);
    }

    [Fact]
    public void District_staff_change_their_district_and_every_commune_of_it_and_approve()
    {
        var staff = User(Roles.DistrictStaff, BaChe);

        Everything.Where(u => AccessRules.CanEdit(staff, u)).Should().Equal(BaChe, NamSon, DonDac, Town);
        // They approve what their district reviews (its communes' submissions); the district's own go to the province.
        AccessRules.CanApprove(staff, BaChe.Id).Should().BeTrue();
        AccessRules.CanApprove(staff, Province.Id).Should().BeFalse();
        AccessRules.CanApprove(staff, TienYen.Id).Should().BeFalse();
        AccessRules.CanApprove(staff, null).Should().BeFalse();
        Everything.Where(u => AccessRules.CanRead(staff, u)).Should().Equal(BaChe, NamSon, DonDac, Town);
    }

    [Fact]
    public void Leader_reads_the_district_and_changes_nothing()
    {
        var leader = User(Roles.Leader, BaChe);

        Everything.Where(u => AccessRules.CanRead(leader, u)).Should().Equal(BaChe, NamSon, DonDac, Town);
        Everything.Where(u => AccessRules.CanEdit(leader, u)).Should().BeEmpty();
        Everything.Where(u => AccessRules.CanApprove(leader, u.Id)).Should().BeEmpty();
    }

    [Fact]
    public void The_reviewer_is_the_nearest_level_above_that_existed_in_the_period()
    {
        // A commune of Ba Chẽ district: the district until 30/06/2025, then (for a unit still under it) the province.
        UnitValidity[] ancestors =
        [
            new(2, UnitKind.District, "Ba Chẽ", null, new DateOnly(2025, 6, 30)),
            new(1, UnitKind.Province, "Quảng Ninh", null, null),
        ];

        AccessRules.Reviewer(ancestors, new DateOnly(2023, 7, 1), new DateOnly(2023, 9, 30))!.Id.Should().Be(2);
        AccessRules.Reviewer(ancestors, new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30))!.Id.Should().Be(2);
        AccessRules.Reviewer(ancestors, new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30))!.Id.Should().Be(1);
        AccessRules.Reviewer([ancestors[0]], new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)).Should().BeNull();
    }

    [Fact]
    public void Provincial_staff_read_and_change_everything_below_the_province_and_approve_what_the_province_reviews()
    {
        var staff = User(Roles.DistrictStaff, Province);

        Everything.Where(u => AccessRules.CanRead(staff, u)).Should().Equal(Everything);
        Everything.Where(u => AccessRules.CanEdit(staff, u)).Should().Equal(Everything);
        AccessRules.CanApprove(staff, Province.Id).Should().BeTrue();
        AccessRules.CanApprove(staff, BaChe.Id).Should().BeFalse();
    }

    [Fact]
    public void Admin_reads_and_changes_every_unit()
    {
        var admin = User(Roles.Admin);

        Everything.Should().OnlyContain(u => AccessRules.CanRead(admin, u) && AccessRules.CanEdit(admin, u));
    }

    [Fact]
    public void A_user_without_a_role_reads_and_changes_nothing_even_when_bound_to_a_unit()
    {
        var nobody = new AccessProfile([], [NamSon]);

        Everything.Should().NotContain(u => AccessRules.CanRead(nobody, u) || AccessRules.CanEdit(nobody, u));
        Everything.Should().NotContain(u => AccessRules.CanRead(AccessProfile.Nobody, u));
    }

    [Fact]
    public void District_staff_of_another_district_neither_read_nor_change_Ba_Che()
    {
        var staff = User(Roles.DistrictStaff, TienYen);

        Everything.Where(u => AccessRules.CanRead(staff, u)).Should().Equal(TienYen, DongNgu);
        Everything.Where(u => AccessRules.CanEdit(staff, u)).Should().Equal(TienYen, DongNgu);
    }

    [Fact]
    public void Province_admin_administers_their_province_only_gives_no_administrator_role_and_enters_no_data()
    {
        var other = new UnitPlace(8, UnitKind.Province, null, null);
        var otherCommune = new UnitPlace(9, UnitKind.Commune, 8, null);
        var admin = User(Roles.ProvinceAdmin, Province);

        Everything.Should().OnlyContain(u => AccessRules.CanAdminister(admin, u));
        AccessRules.CanAdminister(admin, other).Should().BeFalse();
        AccessRules.CanAdminister(admin, otherCommune).Should().BeFalse();
        Everything.Should().NotContain(u => AccessRules.CanEdit(admin, u));
        AccessRules.CanApprove(admin, Province.Id).Should().BeFalse();
        Everything.Where(u => AccessRules.CanRead(admin, u)).Should().Equal(Everything);
        AccessRules.AdministersAll(admin).Should().BeFalse();

        Roles.All.Where(r => AccessRules.CanGrant(admin, r)).Should().Equal(Roles.DistrictStaff, Roles.Leader, Roles.CommuneOfficer);
        AccessRules.CanManageAccount(admin, Roles.CommuneOfficer, [NamSon]).Should().BeTrue();
        AccessRules.CanManageAccount(admin, Roles.CommuneOfficer, [NamSon, otherCommune]).Should().BeFalse("one unit elsewhere makes the account not theirs");
        AccessRules.CanManageAccount(admin, Roles.Admin, []).Should().BeFalse();
        AccessRules.CanManageAccount(admin, Roles.ProvinceAdmin, [Province]).Should().BeFalse();
        AccessRules.CanManageAccount(admin, Roles.Leader, []).Should().BeFalse();

        var national = User(Roles.Admin);
        AccessRules.CanAdminister(national, otherCommune).Should().BeTrue();
        AccessRules.CanManageAccount(national, Roles.Admin, []).Should().BeTrue();
        Roles.All.Should().OnlyContain(r => AccessRules.CanGrant(national, r));
    }
}
