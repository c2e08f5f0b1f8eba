using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Seeding;
using ProgramTracker.Core.Units;

namespace ProgramTracker.Tests.Unit;

/// <summary>Issue 23: the register files are read strictly, and slugs follow ADR 0012 whatever order the rows come in.</summary>
public sealed class UnitRegisterTests : IDisposable
{
    private const string Units = "units-2025/units-2025-07-01.csv";
    private const string Provinces = "units-2025/provinces-2025-07-01.csv";
    private readonly TempSeeds _seeds = new();

    public void Dispose() => _seeds.Dispose();

    [Fact]
    public void The_project_register_holds_34_provinces_and_3321_units_by_kind()
    {
        var register = SeedLoader.Load(RepoPaths.Seeds).Register;

        register.Provinces.Should().HaveCount(RegisterFiles.Provinces.Count).And.HaveCount(34);
        register.Units.Should().HaveCount(RegisterFiles.Units.Count);
        register.Units.Count(u => u.Kind == UnitKind.Commune).Should().Be(RegisterFiles.Units.Count(u => u.Kind == "Xã")).And.Be(2621);
        register.Units.Count(u => u.Kind == UnitKind.Ward).Should().Be(RegisterFiles.Units.Count(u => u.Kind == "Phường")).And.Be(687);
        register.Units.Count(u => u.Kind == UnitKind.SpecialZone).Should().Be(RegisterFiles.Units.Count(u => u.Kind == "Đặc khu")).And.Be(13);
        register.Provinces.Count(p => p.Kind == UnitKind.City).Should().Be(RegisterFiles.Provinces.Count(p => p.Name.StartsWith("Thành phố", StringComparison.Ordinal)));
        register.Units.Single(u => u.Code == "06979").Should().Match<RegisterUnit>(u => u.Name == "Kỳ Thượng" && u.ProvinceCode == "22");
    }

    [Theory]
    [InlineData(Units, "22,Tỉnh Quảng Ninh,06979,Xã Kỳ Thượng,Xã", "22,Tỉnh Quảng Ninh,0697,Xã Kỳ Thượng,Xã", "field 'code'")]
    [InlineData(Units, "22,Tỉnh Quảng Ninh,06979,Xã Kỳ Thượng,Xã", "22,Tỉnh Quảng Ninh,06970,Xã Kỳ Thượng,Xã", "06970 appears twice")]
    [InlineData(Units, "22,Tỉnh Quảng Ninh,06979,Xã Kỳ Thượng,Xã", "22,Tỉnh Quảng Ninh,06979,Kỳ Thượng,Xã", "field 'name'")]
    [InlineData(Units, "22,Tỉnh Quảng Ninh,06979,Xã Kỳ Thượng,Xã", "22,Tỉnh Quảng Ninh,06979,Xã Kỳ Thượng,Phường", "field 'kind'")]
    [InlineData(Units, "22,Tỉnh Quảng Ninh,06979,Xã Kỳ Thượng,Xã", "99,Tỉnh Quảng Ninh,06979,Xã Kỳ Thượng,Xã", "province 99 is not in")]
    [InlineData(Units, "22,Tỉnh Quảng Ninh,06979,Xã Kỳ Thượng,Xã", "22,Tỉnh Quảng Ninh,06979,Xã Kỳ, Thượng,Xã", "6 fields")]
    [InlineData(Provinces, "22,Tỉnh Quảng Ninh,54", "22,Tỉnh Quảng Ninh,55", "declares 55 units but")]
    [InlineData(Provinces, "code,name,communes", "code;name;communes", "line 1")]
    public void A_malformed_register_is_refused_naming_the_file_line_and_field(string file, string find, string replace, string expected)
    {
        _seeds.Edit(file, find, replace);

        var act = () => SeedLoader.Load(_seeds.Path);

        act.Should().Throw<SeedException>().Where(e => e.File == file && e.Message.Contains(expected, StringComparison.Ordinal)
            && (expected == "line 1" || e.Field.StartsWith("line ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_register_citing_an_unknown_source_is_refused()
    {
        _seeds.Edit("units-2025/register.json", "cv-1027-ctk-cscl-2025", "cv-9999");

        var act = () => SeedLoader.Load(_seeds.Path);

        act.Should().Throw<SeedException>().Where(e => e.Message.Contains("cv-9999", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Kỳ Thượng", "ky-thuong")]
    [InlineData("Đồn Đạc", "don-dac")]
    [InlineData("Xã Ea H'Leo", "xa-ea-h-leo")]
    [InlineData("Phường Sài Gòn", "phuong-sai-gon")]
    [InlineData("Phường 1", "phuong-1")]
    public void A_slug_is_the_unaccented_lowercase_name(string name, string slug) => UnitSlugs.Slugify(name).Should().Be(slug);

    [Fact]
    public void Shared_names_take_the_kind_then_the_province_then_the_code_and_taken_slugs_are_never_reused()
    {
        SlugRequest[] requests =
        [
            new("00001", "Tân Thành", UnitKind.Commune, "tuyen-quang"),
            new("00002", "Tân Thành", UnitKind.Commune, "lao-cai"),
            new("00003", "Tân Thành", UnitKind.Ward, "ca-mau"),
            new("00004", "Kỳ Thượng", UnitKind.Commune, "quang-ninh"),
            new("00005", "Nam Sơn", UnitKind.Commune, "bac-ninh"),
            new("00006", "Hòa Bình", UnitKind.Commune, "x"),
            new("00007", "Hòa Bình", UnitKind.Commune, "x"),
        ];

        var slugs = UnitSlugs.Assign(requests, new HashSet<string> { "nam-son" });

        slugs.Should().Equal(new Dictionary<string, string>
        {
            ["00001"] = "xa-tan-thanh-tuyen-quang", ["00002"] = "xa-tan-thanh-lao-cai", ["00003"] = "phuong-tan-thanh",
            ["00004"] = "ky-thuong", ["00005"] = "xa-nam-son", ["00006"] = "xa-hoa-binh-x-00006", ["00007"] = "xa-hoa-binh-x-00007",
        });
    }

    [Fact]
    public void The_slugs_of_the_register_do_not_depend_on_the_order_of_its_rows()
    {
        var register = SeedLoader.Load(RepoPaths.Seeds).Register;
        var provinceSlugs = register.Provinces.ToDictionary(p => p.Code, p => UnitSlugs.Slugify(p.Name));
        var requests = register.Units.Select(u => new SlugRequest(u.Code, u.Name, u.Kind, provinceSlugs[u.ProvinceCode])).ToList();
        var taken = new HashSet<string>(provinceSlugs.Values);

        var once = UnitSlugs.Assign(requests, taken);
        var shuffled = UnitSlugs.Assign(requests.OrderBy(r => r.Name, StringComparer.Ordinal).Reverse().ToList(), taken);

        shuffled.Should().Equal(once);
        once.Values.Should().OnlyHaveUniqueItems().And.HaveCount(3321).And.NotContain(taken);
    }
}
