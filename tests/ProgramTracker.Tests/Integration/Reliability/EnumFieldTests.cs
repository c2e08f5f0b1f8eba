using ProgramTracker.Web.Infrastructure.Binding;

namespace ProgramTracker.Tests.Integration.Reliability;

/// <summary>Defect 4: enum fields take one defined name only: no comma lists, no numbers, no malformed names read as a default.</summary>
public sealed partial class EnumFieldTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string Entry = "/districts/ba-che/entry/2023-Q1";

    [Theory]
    [InlineData("submit,approve")]
    [InlineData("approve, return")]
    [InlineData("1")]
    [InlineData("submitx")]
    public async Task A_workflow_step_that_is_not_one_defined_name_is_refused_and_changes_nothing(string step)
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");
        var html = await client.GetStringAsync(Entry);
        var setId = SetId().Match(html).Groups[1].Value;
        var token = await client.AntiforgeryTokenAsync(Entry);

        var response = await client.PostFormAsync(Entry + "/workflow", new() { ["SetId"] = setId, ["Step"] = step, ["Comment"] = "thử" }, token);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Status(await client.GetStringAsync(Entry)).Should().Be("Draft");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Planned,Disbursed")]
    [InlineData("99")]
    public async Task A_capital_measure_given_as_a_number_or_a_list_is_refused_beside_the_field(string measure)
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");
        const string url = "/districts/ba-che/capital/2023-Q1";
        var page = await client.GetStringAsync(url);
        var before = NumberInputTests.Rows(page);

        var response = await client.PostFormAsync(url, NumberInputTests.CapitalFields(page, "5.000.000", measure), await client.AntiforgeryTokenAsync(url));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await response.Content.ReadAsStringAsync();
        Regex.Match(html, "name=\"Measure\">.*?</div>", RegexOptions.Singleline).Value.Should().Contain("không có trong danh sách");
        NumberInputTests.Rows(await client.GetStringAsync(url)).Should().Be(before);
    }

    [Fact]
    public async Task A_capital_kind_given_as_a_number_is_refused()
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");
        const string url = "/districts/ba-che/capital/2023-Q1";
        var page = await client.GetStringAsync(url);
        var fields = NumberInputTests.CapitalFields(page, "5.000.000", "Planned");
        fields["Kind"] = "2";

        var response = await client.PostFormAsync(url, fields, await client.AntiforgeryTokenAsync(url));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Giá trị “2” không có trong danh sách");
    }

    [Fact]
    public async Task A_capital_kind_given_as_a_number_is_refused_in_the_readers_language()
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");
        const string url = "/districts/ba-che/capital/2023-Q1?culture=en";
        var page = await client.GetStringAsync(url);
        var fields = NumberInputTests.CapitalFields(page, "5,000,000", "Planned");
        fields["Kind"] = "2";

        var response = await client.PostFormAsync(url, fields, await client.AntiforgeryTokenAsync(url));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("The value “2” is not in the list").And.NotContain("không có trong danh sách");
    }

    [Theory]
    [InlineData("AtLeastt")]
    [InlineData("1")]
    [InlineData("AtLeast,AtMost")]
    public async Task A_malformed_target_comparator_is_refused_with_a_Vietnamese_message_not_read_as_at_least(string comparator)
    {
        var client = await portal.Factory.SignedInClientAsync("huyen");
        const string url = "/districts/ba-che/targets/2024";
        var html = await client.GetStringAsync(url);
        var row = TargetRow().Match(html);

        var response = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Rows[0].IndicatorId"] = row.Groups[1].Value, ["Rows[0].Comparator"] = comparator, ["Rows[0].Value"] = "75", ["Rows[0].Version"] = "0",
        }, await client.AntiforgeryTokenAsync(url));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Cách so sánh không hợp lệ");
        (await client.GetStringAsync(url)).Should().NotContain("value=\"75\"");
    }

    [Theory]
    [InlineData("Approve", true)]
    [InlineData("approve", true)]
    [InlineData(" Return ", true)]
    [InlineData("submit,approve", false)]
    [InlineData("2", false)]
    [InlineData("", false)]
    public void Only_defined_names_parse(string text, bool ok) =>
        StrictEnum.TryParse<ProgramTracker.Core.Workflow.WorkflowStep>(text, out _).Should().Be(ok);

    private static string Status(string html) => Regex.Match(html, "data-set=\"dtts-nq06\">.*?data-status=\"(\\w+)\"", RegexOptions.Singleline).Groups[1].Value;

    [GeneratedRegex("id=\"set-(\\d+)\" data-set=\"dtts-nq06\"")]
    private static partial Regex SetId();

    [GeneratedRegex("name=\"Rows\\[0\\].IndicatorId\" value=\"(\\d+)\"")]
    private static partial Regex TargetRow();
}
