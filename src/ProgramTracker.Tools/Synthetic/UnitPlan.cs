using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Units;

namespace ProgramTracker.Tools.Synthetic;

public enum SyntheticScale
{
    /// <summary>Lai Châu (code 12) and its 38 units, the register's smallest province: for tests.</summary>
    Tiny,
    /// <summary>Thanh Hóa (code 38) and its 166 units: the largest province (tỉnh) of the register, for the quick benchmark.</summary>
    Province,
    /// <summary>The country: the register's 34 provinces and 3,321 commune-level units.</summary>
    National,
}

/// <summary>
/// A real unit of the register that receives synthetic figures. Development (0–1) says how advanced the unit is,
/// drawn from its statistics code: communes of a developed province tend to be developed too, and their values
/// start nearer the thresholds.
/// </summary>
public sealed record PlannedUnit(string Code, string ProvinceCode, bool IsProvince, double Development);

/// <summary>
/// The real units a scale fills, read from the official register (seeds/units-2025): no unit is invented. The
/// database must hold the register (the portal's seeder puts it there); the generator finds each unit by its
/// statistics code.
/// </summary>
public sealed class UnitPlan
{
    /// <summary>The province of the tiny scale: Lai Châu, 38 units, the register's smallest.</summary>
    public const string TinyProvince = "12";

    /// <summary>
    /// The province of the province scale: Thanh Hóa, 166 units, the largest tỉnh (only Hồ Chí Minh City, mostly wards,
    /// has more). Not Quảng Ninh: the Ba Chẽ seed and the benchmark's "a save elsewhere" checks live there.
    /// </summary>
    public const string BenchProvince = "38";

    /// <summary>The province whose own poverty standard (quang-ninh-2023-2025) its communes also report.</summary>
    public const string QuangNinh = "22";

    private UnitPlan(SyntheticScale scale, List<PlannedUnit> units)
    {
        Scale = scale;
        Units = units;
    }

    public SyntheticScale Scale { get; }

    /// <summary>Provinces first (by code), then commune-level units (by code).</summary>
    public IReadOnlyList<PlannedUnit> Units { get; }

    public IEnumerable<PlannedUnit> Provinces => Units.Where(u => u.IsProvince);

    public IEnumerable<PlannedUnit> Communes => Units.Where(u => !u.IsProvince);

    public static UnitPlan Build(SyntheticScale scale, UnitRegister register)
    {
        if (register.Provinces.Count == 0)
        {
            throw new InvalidOperationException("The seed has no unit register (seeds/units-2025): the synthetic figures go on the register's units.");
        }

        Func<string, bool> inScope = scale switch
        {
            SyntheticScale.Tiny => code => code == TinyProvince,
            SyntheticScale.Province => code => code == BenchProvince,
            SyntheticScale.National => _ => true,
            _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, null),
        };

        var provinces = register.Provinces.Where(p => inScope(p.Code)).OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new PlannedUnit(p.Code, p.Code, true, Mix.Unit(Mix.Of("province:" + p.Code))))
            .ToList();
        var development = provinces.ToDictionary(p => p.Code, p => p.Development);
        var communes = register.Units.Where(u => inScope(u.ProvinceCode)).OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new PlannedUnit(u.Code, u.ProvinceCode, false, 0.55 * development[u.ProvinceCode] + 0.45 * Mix.Unit(Mix.Of("unit:" + u.Code))))
            .ToList();
        return new UnitPlan(scale, [.. provinces, .. communes]);
    }

    /// <summary>True for the kinds of the commune level the register holds (xã, phường, đặc khu).</summary>
    public static bool IsCommuneLevel(UnitKind kind) => AdministrativeUnit.IsCommuneLevelKind(kind);
}
