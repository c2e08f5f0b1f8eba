using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Seeding;
using ProgramTracker.Core.Units;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// Issue 23: the official register (CV 915 and CV 1027/CTK-CSCL) seeded as units, compared with the files themselves;
/// country-unique slugs; Ba Chẽ's successors and Quảng Ninh are the units the portal already had.
/// </summary>
public sealed class CountryRegisterTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly DateOnly RegisterDay = new(2025, 7, 1);

    private sealed record Row(int Id, string Slug, string Name, UnitKind Kind, string? Code, string? ParentCode, string? ParentSlug, DateOnly? ValidFrom, DateOnly? ValidTo, string? Source, bool Synthetic);

    private Task<List<Row>> UnitsAsync() => fixture.Factory.WithDbAsync(db => db.Units.AsNoTracking()
        .Select(u => new Row(u.Id, u.Slug, u.Name, u.Kind, u.StatisticsCode, u.Parent != null ? u.Parent.StatisticsCode : null, u.Parent != null ? u.Parent.Slug : null,
            u.ValidFrom, u.ValidTo, u.Source != null ? u.Source.Code : null, u.IsSynthetic))
        .ToListAsync());

    private static string Unaccented(string s) =>
        new string(s.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray())
            .Replace('đ', 'd').Replace('Đ', 'D').ToLowerInvariant();

    [Fact]
    public async Task Every_commune_level_unit_of_the_register_is_seeded_once_with_its_code_kind_province_and_letter()
    {
        var byCode = (await UnitsAsync()).Where(u => u.Code is not null).ToDictionary(u => u.Code!);

        RegisterFiles.Units.Should().HaveCount(3321);
        foreach (var r in RegisterFiles.Units)
        {
            byCode.Should().ContainKey(r.Code);
            var unit = byCode[r.Code];
            var expectedKind = r.Kind switch { "Xã" => UnitKind.Commune, "Phường" => UnitKind.Ward, "Đặc khu" => UnitKind.SpecialZone, _ => (UnitKind)0 };
            unit.Should().Match<Row>(u => u.Kind == expectedKind && u.ParentCode == r.ProvinceCode && u.ValidFrom == RegisterDay && u.ValidTo == null
                && r.Name == $"{r.Kind} {u.Name}" && u.Source == "cv-1027-ctk-cscl-2025", r.Code);
        }

        byCode.Values.Where(u => AdministrativeUnit.IsCommuneLevelKind(u.Kind) && u.ValidTo == null).Should().HaveCount(3321, "no unit beside the register's is in force");
    }

    [Fact]
    public async Task The_34_provinces_have_their_codes_and_counts_and_Quang_Ninh_is_the_existing_province_with_54_units()
    {
        var units = await UnitsAsync();
        var provinces = units.Where(u => AdministrativeUnit.IsProvinceLevelKind(u.Kind)).ToList();

        provinces.Should().HaveCount(34);
        foreach (var p in RegisterFiles.Provinces)
        {
            var unit = provinces.Single(u => u.Code == p.Code);
            unit.Kind.Should().Be(p.Name.StartsWith("Thành phố ", StringComparison.Ordinal) ? UnitKind.City : UnitKind.Province, p.Name);
            p.Name.Should().EndWith(" " + unit.Name);
            units.Count(u => u.ParentCode == p.Code && u.ValidTo == null).Should().Be(p.Communes, p.Name);
        }

        var quangNinh = provinces.Single(u => u.Code == "22");
        quangNinh.Slug.Should().Be("quang-ninh");
        units.Count(u => u.ParentSlug == "quang-ninh" && u.ValidTo == null && AdministrativeUnit.IsCommuneLevelKind(u.Kind)).Should().Be(54);
        provinces.Count(u => u.Source == "cv-915-ctk-cscl-2025").Should().Be(33, "the 33 added provinces cite CV 915; Quảng Ninh keeps its own source");
    }

    [Fact]
    public async Task Ba_Ches_successors_are_the_units_the_portal_had_matched_by_code()
    {
        var units = (await UnitsAsync()).ToDictionary(u => u.Slug);

        (units["xa-ba-che"].Code, units["ky-thuong"].Code, units["luong-minh"].Code).Should().Be(("06970", "06979", "06985"));
        units.Values.Where(u => u.Code is "06970" or "06979" or "06985").Should().HaveCount(3);
        // Their lineage is the seed's reorganisation, unchanged.
        var into = await fixture.Factory.WithDbAsync(db => db.Set<ReorganisationPart>().Where(p => p.Successor.StatisticsCode == "06979")
            .Select(p => p.Predecessor != null ? p.Predecessor.Slug : p.PredecessorName).ToListAsync());
        into.Should().BeEquivalentTo("thanh-lam", "dap-thanh", "xã Kỳ Thượng (thành phố Hạ Long)");
    }

    [Fact]
    public async Task Slugs_are_unique_in_the_country_ascii_and_built_from_the_name_and_those_of_the_seed_do_not_change()
    {
        var units = await UnitsAsync();
        var seed = SeedLoader.Load(RepoPaths.Seeds);

        units.Select(u => u.Slug).Should().OnlyHaveUniqueItems();
        units.Should().OnlyContain(u => SeedValidator.IsSlug(u.Slug) && u.Slug.Length <= 80);
        units.Where(u => u.Code is not null && u.Code.Length == 5).Should().OnlyContain(u => u.Slug.Contains(UnitSlugs.Slugify(u.Name), StringComparison.Ordinal), "a slug reads as the name");
        // The seed's own units and the reorganisations' successors keep the slugs they had before the register.
        foreach (var slug in seed.Units.Select(u => u.Slug).Concat(seed.Reorganisations.Select(r => r.Successor.Slug)))
        {
            units.Should().ContainSingle(u => u.Slug == slug);
        }

        // Names that read the same without accents (293 names of 699 units; 13 read "xa tan thanh": Tân Thành, Tân Thanh,
        // Tân Thạnh) get distinct addresses all the same.
        var shared = RegisterFiles.Units.GroupBy(r => Unaccented(r.Name)).Where(g => g.Count() > 1).ToList();
        (shared.Count, shared.Sum(g => g.Count()), shared.Single(g => g.Key == "xa tan thanh").Count()).Should().Be((293, 699, 13));
        var codes = shared.SelectMany(g => g).Select(r => r.Code).ToHashSet();
        units.Where(u => u.Code is not null && codes.Contains(u.Code)).Select(u => u.Slug).Should().OnlyHaveUniqueItems().And.HaveCount(699);
    }

    [Fact]
    public async Task A_statistics_code_redirects_to_the_units_page_and_an_unknown_one_is_the_404_page()
    {
        var admin = await fixture.ClientAsync("admin");

        var found = await admin.GetAsync("/units/06970");
        found.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        found.Headers.Location!.OriginalString.Should().Be("/communes/xa-ba-che");
        (await admin.GetAsync("/units/22")).Headers.Location!.OriginalString.Should().Be("/districts/quang-ninh");
        var other = RegisterFiles.Units.First(r => r.ProvinceCode == "01");
        var slug = (await UnitsAsync()).Single(u => u.Code == other.Code).Slug;
        (await admin.GetAsync($"/units/{other.Code}")).Headers.Location!.OriginalString.Should().Be($"/communes/{slug}");

        var unknown = await admin.GetAsync("/units/99999");
        unknown.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("<html");
        (await admin.GetAsync("/units/06970x")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Search_finds_units_by_name_without_accents_or_by_code_within_what_the_reader_may_read()
    {
        var admin = await fixture.ClientAsync("admin");
        var leader = await fixture.ClientAsync("tinh");
        var kyThuong = RegisterFiles.Units.Where(r => r.Name == "Xã Kỳ Thượng").ToList();
        kyThuong.Should().HaveCount(2, "Quảng Ninh's and another province's");

        var all = await admin.GetStringAsync("/units/search?q=ky+thuong");
        Rows(all).Should().Contain("ky-thuong").And.HaveCount(kyThuong.Count);
        var mine = await leader.GetStringAsync("/units/search?q=ky%20thuong");
        Rows(mine).Should().Equal("ky-thuong");

        Rows(await leader.GetStringAsync("/units/search?q=06970")).Should().Equal("xa-ba-che");
        // A code the leader may not read is not found for them: the first unit of Hà Nội.
        var haNoi = RegisterFiles.Units.First(r => r.ProvinceCode == "01").Code;
        Rows(await leader.GetStringAsync($"/units/search?q={haNoi}")).Should().BeEmpty();
        Rows(await admin.GetStringAsync($"/units/search?q={haNoi}")).Should().HaveCount(1);

        (await leader.GetStringAsync("/units/search?q=k")).Should().Contain("id=\"search-error\"");
        (await leader.GetAsync("/units/search?q=" + new string('a', 300))).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await leader.GetStringAsync("/communes")).Should().Contain("action=\"/units/search\"");
    }

    private static List<string> Rows(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<tr data-unit=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task The_communes_list_is_per_province_filtered_by_kind_and_paged()
    {
        var admin = await fixture.ClientAsync("admin");
        var quangNinh = RegisterFiles.Units.Where(r => r.ProvinceCode == "22").ToList();

        var first = await admin.GetStringAsync("/communes?province=quang-ninh");
        var second = await admin.GetStringAsync("/communes?province=quang-ninh&page=2");
        var codes = Codes(first).Concat(Codes(second)).ToList();
        Codes(first).Should().HaveCount(50);
        codes.Should().BeEquivalentTo(quangNinh.Select(r => r.Code), "today's 54 units of Quảng Ninh on two pages");
        first.Should().Contain("id=\"commune-pages\"");

        var wards = await admin.GetStringAsync("/communes?province=quang-ninh&kind=Ward");
        Codes(wards).Should().BeEquivalentTo(quangNinh.Where(r => r.Kind == "Phường").Select(r => r.Code));

        // The biggest province in one list of pages; a band filter keeps only units of that band.
        var biggest = RegisterFiles.Provinces.MaxBy(p => p.Communes)!;
        var slug = (await UnitsAsync()).Single(u => u.Code == biggest.Code).Slug;
        var pages = (biggest.Communes + 49) / 50;
        var all = new List<string>();
        for (var i = 1; i <= pages; i++)
        {
            all.AddRange(Codes(await admin.GetStringAsync($"/communes?province={slug}&page={i}")));
        }

        all.Should().OnlyHaveUniqueItems().And.HaveCount(biggest.Communes);
        // Every unit of Quảng Ninh is in exactly one band (its lowest in the latest period with data), and a band's list holds only that band.
        var banded = new List<string>();
        foreach (var band in new[] { "heat-4", "heat-3", "heat-2", "heat-1", "heat-0", "heat-none" })
        {
            for (var i = 1; i <= 2; i++)
            {
                var html = await admin.GetStringAsync($"/communes?province=quang-ninh&band={band}&page={i}");
                var rows = System.Text.RegularExpressions.Regex.Matches(html, "<tr data-unit=\"[^\"]+\" data-code=\"(\\d+)\" data-band=\"([^\"]*)\"");
                rows.Select(m => m.Groups[2].Value).Where(b => b != band).Should().BeEmpty();
                if (html.Contains($"aria-current=\"page\">{i}<", StringComparison.Ordinal) || i == 1)
                {
                    banded.AddRange(rows.Select(m => m.Groups[1].Value));
                }
            }
        }

        banded.Distinct().Should().BeEquivalentTo(quangNinh.Select(r => r.Code));

        // Bad filters never fail: they are named and ignored.
        foreach (var bad in new[] { "province=khong-co", "kind=Huyen", "band=heat-9", "status=x", "page=abc", "page=-5", "page=99999" })
        {
            var response = await admin.GetAsync($"/communes?{bad}");
            response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, bad);
        }

        (await admin.GetStringAsync("/communes?kind=Huyen")).Should().Contain("data-error");
    }

    private static List<string> Codes(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<tr data-unit=\"[^\"]+\" data-code=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
}
