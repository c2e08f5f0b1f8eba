using System.Text;
using System.Text.Json.Nodes;

namespace ProgramTracker.Tests.Integration.Api;

/// <summary>Issue 28, defects 1 and 8: the API reads JSON the documented way and answers every bad body in Vietnamese, naming the field, never a .NET type.</summary>
public sealed class ApiInputTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Url = "/api/v1/values/nam-son/ntm-xa-nang-cao/2023-Q1";
    private const string Untouched = "/api/v1/values/nam-son/ntm-xa-nang-cao/2023-Q3";

    [Fact]
    public async Task A_value_sent_as_a_JSON_string_or_together_with_raw_is_refused_naming_the_field_and_nothing_is_saved()
    {
        using var api = await ApiAsync();

        var text = await PutAsync(api, """{"values":[{"indicator":"ntm-xa-nang-cao.t1","value":"1.250","version":0}]}""", Untouched);
        var both = await PutAsync(api, """{"values":[{"indicator":"ntm-xa-nang-cao.t1","value":10,"raw":"60","version":0}]}""", Untouched);

        text.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var textError = (await text.JsonAsync())["errors"]![0]!;
        textError["indicator"]!.GetValue<string>().Should().Be("ntm-xa-nang-cao.t1");
        textError["error"]!.GetValue<string>().Should().Be("“value” phải là số JSON (ví dụ 1250 hoặc 1.25), không phải chuỗi; chữ như người gõ thì gửi trong “raw”.");
        both.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await both.JsonAsync())["errors"]![0]!["error"]!.GetValue<string>().Should().Be("Gửi “value” hoặc “raw”, không gửi cả hai.");
        (await StoredAsync(api, Untouched)).Should().OnlyContain(v => v!["version"]!.GetValue<int>() == 0);
    }

    [Fact]
    public async Task An_indicator_id_sent_as_a_JSON_number_is_read_as_the_id()
    {
        using var api = await ApiAsync();
        var id = (await StoredAsync(api)).First(v => v!["indicator"]!.GetValue<string>() == "ntm-xa-nang-cao.t1")!["indicatorId"]!.GetValue<int>();

        var saved = await PutAsync(api, $$"""{"values":[{"indicator":{{id}},"value":55.5,"version":0}]}""");

        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await StoredAsync(api)).Single(v => v!["indicatorId"]!.GetValue<int>() == id)!["value"]!.GetValue<decimal>().Should().Be(55.5m);
    }

    [Theory]
    [InlineData("""{"values":[{"indicator":"ntm-xa-nang-cao.t1","value":1,"version":"abc"}]}""", "values[0].version")]
    [InlineData("""{"values":[{"indicator":true,"value":1,"version":0}]}""", "values[0].indicator")]
    [InlineData("""{"values":5}""", "values")]
    [InlineData("""{"values":[{"indicator":"ntm-xa-nang-cao.t1","value":1,""", "")]
    [InlineData("", "")]
    public async Task A_malformed_body_gets_a_Vietnamese_400_naming_the_field_never_a_NET_type(string body, string field)
    {
        using var api = await ApiAsync();

        var response = await PutAsync(api, body);
        var problem = await response.JsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var detail = problem["detail"]!.GetValue<string>();
        detail.Should().NotContain("System.").And.NotContain("PutValuesRequest").And.NotContain("could not").And.NotContain("LineNumber");
        detail.Should().Contain(field.Length > 0 ? $"“{field}”" : "JSON");
    }

    [Fact]
    public async Task A_number_too_large_for_a_decimal_is_Số_quá_lớn_and_a_tiny_percent_is_refused_not_stored_as_0()
    {
        using var api = await ApiAsync();

        var huge = await PutAsync(api, """{"values":[{"indicator":"ntm-xa-nang-cao.t1","value":1e308,"version":0}]}""");
        var tiny = await PutAsync(api, """{"values":[{"indicator":"ntm-xa-nang-cao.t2","value":1e-30,"version":0}]}""");

        huge.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await huge.JsonAsync())["errors"]![0]!["error"]!.GetValue<string>().Should().Be("Số quá lớn.");
        tiny.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await tiny.JsonAsync())["errors"]![0]!["error"]!.GetValue<string>().Should().Be("Nhập tối đa 4 chữ số thập phân.");
        (await StoredAsync(api)).Single(v => v!["indicator"]!.GetValue<string>() == "ntm-xa-nang-cao.t2")!["version"]!.GetValue<int>().Should().Be(0);
    }

    private async Task<HttpClient> ApiAsync() => fixture.Client((await fixture.CreateTokenAsync("xa.namson", write: true)).Secret);

    private static Task<HttpResponseMessage> PutAsync(HttpClient api, string json, string url = Url) =>
        api.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonArray> StoredAsync(HttpClient api, string url = Url) => (await (await api.GetAsync(url)).JsonAsync())["values"]!.AsArray();
}
