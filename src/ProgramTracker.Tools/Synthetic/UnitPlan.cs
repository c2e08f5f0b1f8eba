using ProgramTracker.Core.Domain;

namespace ProgramTracker.Tools.Synthetic;

public enum SyntheticScale
{
    /// <summary>1 province, 2 districts, 10 communes: for tests.</summary>
    Tiny,
    /// <summary>1 province, 9 districts, 170 communes: one province such as Quảng Ninh.</summary>
    Province,
    /// <summary>63 provinces, 700 districts, 10,600 communes: the country before the 2025 reform.</summary>
    National,
}

/// <summary>How many units a scale has at each level.</summary>
public sealed record ScaleShape(int Provinces, int Districts, int Communes)
{
    public static ScaleShape Of(SyntheticScale scale) => scale switch
    {
        SyntheticScale.Tiny => new(1, 2, 10),
        SyntheticScale.Province => new(1, 9, 170),
        SyntheticScale.National => new(63, 700, 10_600),
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, null),
    };
}

/// <summary>
/// A synthetic unit before it is written. Development (0–1) says how advanced the unit is: communes of a
/// developed district tend to be developed too, and their values start nearer the thresholds.
/// </summary>
public sealed record PlannedUnit(int Ordinal, string Slug, string Name, UnitKind Kind, int? ParentOrdinal, double Development);

/// <summary>The deterministic tree of synthetic units of a scale: provinces, then districts, then communes.</summary>
public sealed class UnitPlan
{
    public const string SlugPrefix = "th-";
    public const string NamePrefix = "[TH] ";
    public const string Note = "Đơn vị tổng hợp (dữ liệu giả lập để đo tải), không phải đơn vị hành chính thật.";

    private static readonly string[] First =
    [
        "An", "Bình", "Tân", "Phú", "Hòa", "Thanh", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Long", "Mỹ", "Phước", "Vĩnh",
        "Quảng", "Thạch", "Yên", "Kim", "Hồng", "Trung", "Đức", "Minh", "Ngọc", "Sơn", "Hải", "Xuân", "Cẩm", "Lạc", "Tiên",
    ];

    private static readonly string[] Second =
    [
        "An", "Bình", "Hòa", "Lợi", "Thịnh", "Phong", "Lâm", "Sơn", "Hà", "Thủy", "Lộc", "Phúc", "Thành", "Tiến", "Hiệp",
        "Trạch", "Quang", "Dương", "Khê", "Điền", "Xá", "Đồng", "Hải", "Tân", "Hưng", "Nghĩa", "Thuận", "Cường", "Mai", "Định",
    ];

    private UnitPlan(SyntheticScale scale, List<PlannedUnit> units)
    {
        Scale = scale;
        Units = units;
    }

    public SyntheticScale Scale { get; }

    /// <summary>All units, parents before children; Ordinal is the index in this list.</summary>
    public IReadOnlyList<PlannedUnit> Units { get; }

    public IEnumerable<PlannedUnit> Provinces => Units.Where(u => u.Kind == UnitKind.Province);

    public IEnumerable<PlannedUnit> Districts => Units.Where(u => u.Kind == UnitKind.District);

    public IEnumerable<PlannedUnit> Communes => Units.Where(u => u.Kind == UnitKind.Commune);

    public static UnitPlan Build(SyntheticScale scale)
    {
        var shape = ScaleShape.Of(scale);
        var random = new SeededRandom(0xA11_0C47E);
        var units = new List<PlannedUnit>(shape.Provinces + shape.Districts + shape.Communes);

        var districtsPerProvince = Split(shape.Districts, shape.Provinces, minimum: Math.Min(3, shape.Districts / shape.Provinces), random);
        var communesPerDistrict = Split(shape.Communes, shape.Districts, minimum: Math.Min(4, shape.Communes / shape.Districts), random);

        var provinces = new List<PlannedUnit>();
        var provinceNames = new HashSet<string>();
        for (var p = 0; p < shape.Provinces; p++)
        {
            var unit = new PlannedUnit(units.Count, $"{SlugPrefix}p{p + 1:00}", NamePrefix + UniqueName(provinceNames, random),
                UnitKind.Province, null, random.NextDouble());
            units.Add(unit);
            provinces.Add(unit);
        }

        var districts = new List<PlannedUnit>();
        for (var p = 0; p < provinces.Count; p++)
        {
            var names = new HashSet<string>();
            for (var d = 0; d < districtsPerProvince[p]; d++)
            {
                var development = 0.5 * provinces[p].Development + 0.5 * random.NextDouble();
                var unit = new PlannedUnit(units.Count, $"{provinces[p].Slug}-h{d + 1:00}", NamePrefix + UniqueName(names, random),
                    UnitKind.District, provinces[p].Ordinal, development);
                units.Add(unit);
                districts.Add(unit);
            }
        }

        for (var d = 0; d < districts.Count; d++)
        {
            var names = new HashSet<string>();
            for (var c = 0; c < communesPerDistrict[d]; c++)
            {
                var development = 0.55 * districts[d].Development + 0.45 * random.NextDouble();
                units.Add(new PlannedUnit(units.Count, $"{districts[d].Slug}-x{c + 1:000}", NamePrefix + UniqueName(names, random),
                    UnitKind.Commune, districts[d].Ordinal, development));
            }
        }

        return new UnitPlan(scale, units);
    }

    /// <summary>Splits a total into parts of at least a minimum, unevenly but exactly.</summary>
    private static int[] Split(int total, int parts, int minimum, SeededRandom random)
    {
        var weights = Enumerable.Range(0, parts).Select(_ => 0.4 + random.NextDouble()).ToArray();
        var rest = total - minimum * parts;
        var sum = weights.Sum();
        var result = weights.Select(w => minimum + (int)(rest * w / sum)).ToArray();
        for (var i = 0; result.Sum() < total; i = (i + 1) % parts)
        {
            result[i]++;
        }

        return result;
    }

    private static string UniqueName(HashSet<string> taken, SeededRandom random)
    {
        while (true)
        {
            var name = $"{First[random.Next(0, First.Length - 1)]} {Second[random.Next(0, Second.Length - 1)]}";
            if (name.Split(' ') is [var a, var b] && a != b && taken.Add(name))
            {
                return name;
            }
        }
    }
}
