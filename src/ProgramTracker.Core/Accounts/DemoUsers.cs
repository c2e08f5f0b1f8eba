namespace ProgramTracker.Core.Accounts;

public sealed record DemoUser(string UserName, string FullName, string Role, IReadOnlyList<string> UnitSlugs);

/// <summary>Accounts for trying the portal, seeded only when Seed:DemoUsers is true. Listed in README.md.</summary>
public static class DemoUsers
{
    public const string Password = "BaChe@2023";

    /// <summary>Display names are seed data (stored on the account, as an admin would type them), so they stay Vietnamese.</summary>
    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("admin", "Quản trị hệ thống", Roles.Admin, []),
        new("huyen", "Cán bộ huyện Ba Chẽ", Roles.DistrictStaff, ["ba-che"]),
        new("lanhdao", "Lãnh đạo huyện Ba Chẽ", Roles.Leader, ["ba-che"]),
        new("xa.namson", "Cán bộ xã Nam Sơn", Roles.CommuneOfficer, ["nam-son"]),
        new("xa.dondac", "Cán bộ xã Đồn Đạc", Roles.CommuneOfficer, ["don-dac"]),
        new("tinh", "Cán bộ tỉnh Quảng Ninh", Roles.DistrictStaff, ["quang-ninh"]),
        new("lanhdao.tinh", "Lãnh đạo tỉnh Quảng Ninh", Roles.Leader, ["quang-ninh"]),
        new("xa.bache", "Cán bộ xã Ba Chẽ", Roles.CommuneOfficer, ["xa-ba-che"]),
        new("quantri.qn", "Quản trị tỉnh Quảng Ninh", Roles.ProvinceAdmin, ["quang-ninh"]),
    ];
}
