using ProgramTracker.Core.Domain;

namespace ProgramTracker.Tests.Integration;

/// <summary>Targets and capital kept by district staff, over HTTP on PostgreSQL.</summary>
public sealed class PlanningTests : SeededCopyTests
{
    [Fact]
    public async Task District_staff_change_a_target_and_the_dashboard_compares_against_it()
    {
        var client = await Factory.SignedInClientAsync("huyen");
        var (income, version) = await Factory.WithDbAsync(async db => await db.Targets.Where(t => t.Indicator.Code == "dtts-thu-nhap")
            .Select(t => new { t.IndicatorId, t.Version }).SingleAsync() is var t ? (t.IndicatorId, t.Version) : default);
        var index = await RowIndexAsync(client, income);

        var response = await client.PostFormAsync("/districts/ba-che/targets/2023", new Dictionary<string, string>
        {
            [$"Rows[{index}].IndicatorId"] = income.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Rows[{index}].Comparator"] = "AtLeast", [$"Rows[{index}].Value"] = "72,5", [$"Rows[{index}].Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, await client.AntiforgeryTokenAsync("/districts/ba-che/targets/2023"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Factory.WithDbAsync(db => db.Targets.Where(t => t.IndicatorId == income).Select(t => t.Value).SingleAsync())).Should().Be(72.5m);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.TargetChanged))).Should().Be(1);
        (await client.GetStringAsync("/dashboard?unit=ba-che&period=2023-Q3")).Should().Contain("72,5");
    }

    [Fact]
    public async Task A_bad_target_is_refused_beside_its_row_and_a_commune_officer_may_not_post()
    {
        var client = await Factory.SignedInClientAsync("huyen");
        var income = await Factory.WithDbAsync(db => db.Indicators.Where(i => i.Code == "dtts-thu-nhap").Select(i => i.Id).SingleAsync());
        var index = await RowIndexAsync(client, income);
        var fields = new Dictionary<string, string>
        {
            [$"Rows[{index}].IndicatorId"] = income.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Rows[{index}].Comparator"] = "AtLeast", [$"Rows[{index}].Value"] = "bảy mươi", [$"Rows[{index}].Version"] = "0",
        };

        var bad = await client.PostFormAsync("/districts/ba-che/targets/2023", fields, await client.AntiforgeryTokenAsync("/districts/ba-che/targets/2023"));
        var officer = await Factory.SignedInClientAsync("xa.namson");
        var forbidden = await officer.PostFormAsync("/districts/ba-che/targets/2023", fields, await officer.AntiforgeryTokenAsync("/communes"));

        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("Không đọc được số").And.Contain("bảy mươi");
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Factory.WithDbAsync(db => db.Targets.Where(t => t.IndicatorId == income).Select(t => t.Value).SingleAsync())).Should().Be(70m);
    }

    [Fact]
    public async Task Capital_is_added_with_validation_audit_and_shows_on_the_district_page()
    {
        var client = await Factory.SignedInClientAsync("huyen");
        var (gnbv, project, namSon) = await Factory.WithDbAsync(async db => (
            await db.Programmes.Where(p => p.Code == "gnbv").Select(p => p.Id).SingleAsync(),
            await db.ProgrammeProjects.Where(p => p.Programme.Code == "gnbv" && p.Number == 4).Select(p => p.Id).SingleAsync(),
            await db.Units.Where(u => u.Slug == "nam-son").Select(u => u.Id).SingleAsync()));
        const string path = "/districts/ba-che/capital/2023-Q3";
        string Id(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var bad = await client.PostFormAsync(path, new Dictionary<string, string>
        {
            ["ProgrammeId"] = Id(gnbv), ["ProjectId"] = Id(project), ["UnitId"] = Id(namSon), ["Measure"] = "Disbursed", ["Kind"] = "Recurrent", ["Amount"] = "-5",
        }, await client.AntiforgeryTokenAsync(path));
        var good = await client.PostFormAsync(path, new Dictionary<string, string>
        {
            ["ProgrammeId"] = Id(gnbv), ["ProjectId"] = Id(project), ["UnitId"] = Id(namSon), ["Measure"] = "Disbursed", ["Kind"] = "Recurrent",
            ["Amount"] = "850.000.000", ["FundingSource"] = "ngân sách trung ương", ["Description"] = "Đào tạo nghề cho lao động nông thôn",
        }, await client.AntiforgeryTokenAsync(path));

        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("không được âm");
        good.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetStringAsync(path)).Should().Contain("850 triệu đồng").And.Contain("Đào tạo nghề cho lao động nông thôn");
        (await Factory.WithDbAsync(db => db.CapitalFigures.CountAsync(c => c.UnitId == namSon))).Should().Be(1);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.CapitalChanged))).Should().Be(1);
    }

    [Fact]
    public async Task The_planning_and_poverty_pages_and_their_refusals_speak_English_when_asked()
    {
        var client = await Factory.SignedInClientAsync("huyen");
        var (gnbv, namSon) = await Factory.WithDbAsync(async db => (
            await db.Programmes.Where(p => p.Code == "gnbv").Select(p => p.Id).SingleAsync(),
            await db.Units.Where(u => u.Slug == "nam-son").Select(u => u.Id).SingleAsync()));
        const string path = "/districts/ba-che/capital/2023-Q3?culture=en";
        string Id(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var capital = await client.GetStringAsync(path);
        var targets = await client.GetStringAsync("/districts/ba-che/targets/2023?culture=en");
        var poverty = await client.GetStringAsync("/districts/ba-che/poverty/2023-Q3?culture=en");
        var bad = await client.PostFormAsync(path, new Dictionary<string, string>
        {
            ["ProgrammeId"] = Id(gnbv), ["UnitId"] = Id(namSon), ["Measure"] = "Disbursed", ["Kind"] = "Recurrent", ["Amount"] = "850.000.000",
        }, await client.AntiforgeryTokenAsync(path));

        capital.Should().Contain("Capital: Ba Chẽ district · Q3 2023").And.Contain("Add a capital figure").And.NotContain("Thêm số liệu vốn");
        targets.Should().Contain("Targets for 2023: Ba Chẽ district").And.Contain("Save targets").And.NotContain("Lưu mục tiêu");
        poverty.Should().Contain("Poor and near-poor households: Ba Chẽ district").And.Contain("Save household counts").And.NotContain("Lưu số hộ");
        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "850.000.000 is not an English number");
        (await bad.Content.ReadAsStringAsync()).Should().Contain("Kind of capital").And.NotContain("Loại vốn");
    }

    private static async Task<int> RowIndexAsync(HttpClient client, int indicatorId)
    {
        var html = await client.GetStringAsync("/districts/ba-che/targets/2023");
        var match = System.Text.RegularExpressions.Regex.Match(html, $"name=\"Rows\\[(\\d+)\\]\\.IndicatorId\" value=\"{indicatorId}\"");
        match.Success.Should().BeTrue();
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
