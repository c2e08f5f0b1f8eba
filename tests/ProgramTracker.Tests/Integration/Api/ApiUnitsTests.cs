namespace ProgramTracker.Tests.Integration.Api;

/// <summary>Issue 23 part 6: the units of the register through the API, by province, day and statistics code.</summary>
public sealed class ApiUnitsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_API_lists_Quang_Ninh_with_its_54_units_and_finds_a_unit_by_code()
    {
        var secret = await fixture.CreateTokenCommandAsync("--user", "admin", "--name", "register", "--days", "1");
        using var api = fixture.Client(secret);

        using var page = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/v1/units?unit=quang-ninh&validOn=2025-07-01&limit=1000"));
        var items = page.RootElement.GetProperty("items").EnumerateArray().ToList();
        items.Should().HaveCount(55);
        items.Count(i => i.GetProperty("parent").GetString() == "quang-ninh").Should().Be(54);
        items.Select(i => i.GetProperty("statisticsCode").GetString()).Should().BeEquivalentTo(RegisterFiles.Units.Where(r => r.ProvinceCode == "22").Select(r => r.Code).Append("22"));
        items.All(i => i.TryGetProperty("validFrom", out _) && i.TryGetProperty("validTo", out _) && i.TryGetProperty("kind", out _)).Should().BeTrue();
        items.Where(i => i.GetProperty("parent").GetString() == "quang-ninh").Select(i => i.GetProperty("validFrom").GetString()).Should().OnlyContain(d => d == "2025-07-01");

        using var byCode = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/v1/units?code=06970"));
        byCode.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).Should().Equal("xa-ba-che");
        (await api.GetAsync("/api/v1/units?code=abc")).StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        (await api.GetAsync("/api/v1/units?validOn=yesterday")).StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);

        var openApi = await api.GetStringAsync("/openapi/v1.json");
        openApi.Should().Contain("\"validOn\"").And.Contain("A statistics code of the official register");
    }

}
