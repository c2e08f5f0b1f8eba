using ProgramTracker.Core.Domain;
using static ProgramTracker.Tests.Integration.SetImportFiles;

namespace ProgramTracker.Tests.Integration;

/// <summary>An imported threshold change from 2026-Q1 makes a new version and leaves a 2023 result as it was; summaries follow the catalogue.</summary>
public sealed partial class SetImportVersionTests : SeededCopyTests
{
    [Fact]
    public async Task A_threshold_change_from_2026_Q1_makes_a_new_version_and_the_2023_result_stays_then_a_change_from_the_start_rebuilds_the_summary()
    {
        // Nam Sơn enters 85 % for 3.1 (threshold ≥ 80) in 2023-Q3 through the entry form.
        var officer = await Factory.SignedInClientAsync("xa.namson");
        const string Form = "/communes/nam-son/entry/2023-Q3";
        var html = await officer.GetStringAsync(Form);
        var index = CellIndex().Match(html[html.IndexOf("data-indicator=\"ntm-xa.3.1\"", StringComparison.Ordinal)..]).Groups[1].Value;
        var fields = HiddenInputs(html);
        fields[$"Cells[{index}].Raw"] = "85";
        var token = fields["__RequestVerificationToken"];
        var saved = await officer.PostFormAsync(Form, fields.Where(f => f.Key != "__RequestVerificationToken").ToDictionary(), token);
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var before = await SummaryAsync();
        before.IndicatorsMet.Should().BeGreaterThan(0);
        (await LiveIndicatorsMetAsync(officer)).Should().Contain(before.IndicatorsMet);

        // The admin imports 3.1 with threshold 90 from 2026-Q1.
        var admin = await Factory.SignedInClientAsync("admin");
        var preview = await UploadAsync(admin, "ntm-xa", Utf8(await Row31CsvAsync(90m)), "3-1.csv", "2026-Q1");
        var previewHtml = await preview.Content.ReadAsStringAsync();
        preview.StatusCode.Should().Be(HttpStatusCode.OK, previewHtml);
        previewHtml.Should().Contain("id=\"count-changed\">1<").And.Contain("ngưỡng chung: 80 → 90");
        var applied = await ApplyAsync(admin, "ntm-xa", previewHtml);
        (await applied.Content.ReadAsStringAsync()).Should().Contain("Đã áp dụng");

        var rules = await Factory.WithDbAsync(db => db.IndicatorThresholds
            .Where(t => t.Indicator.Code == "ntm-xa.3.1" && t.Zone == Zones.Common)
            .OrderBy(t => t.Version.Number).Select(t => new { t.Version.Number, t.Version.EffectiveFrom, t.Value }).ToListAsync());
        rules.Select(r => (r.Number, r.EffectiveFrom, r.Value)).Should().Equal((1, null, 80m), (2, new DateOnly(2026, 1, 1), 90m));
        (await SummaryAsync()).Should().Be(before);
        (await LiveIndicatorsMetAsync(officer)).Should().Contain(before.IndicatorsMet);

        // The same change from the first version: 85 no longer meets 90, and the summary is rebuilt in the same transaction.
        var again = await UploadAsync(admin, "ntm-xa", Utf8(await Row31CsvAsync(90m)), "3-1.csv", "");
        var againHtml = await again.Content.ReadAsStringAsync();
        againHtml.Should().Contain("ngưỡng chung: 80 → 90");
        (await (await ApplyAsync(admin, "ntm-xa", againHtml)).Content.ReadAsStringAsync()).Should().Contain("Đã áp dụng");
        var after = await SummaryAsync();
        after.IndicatorsMet.Should().Be(before.IndicatorsMet - 1);
        (await LiveIndicatorsMetAsync(officer)).Should().Contain(after.IndicatorsMet);
    }

    private async Task<string> Row31CsvAsync(decimal threshold)
    {
        var i = await Factory.WithDbAsync(db => db.Indicators.Where(x => x.Code == "ntm-xa.3.1")
            .Select(x => new { x.Name, x.Unit, Source = x.Source!.Code }).SingleAsync());
        return Csv([Headers(ThresholdScheme.Region), [3, "Thủy lợi", null, "ntm-xa.3.1", i.Name, i.Unit, "tỷ lệ %", ">=", threshold, null, null, null, null, null, null, null, null, i.Source]], ';');
    }

    private Task<(int CriteriaMet, int IndicatorsMet, int ValuesEntered)> SummaryAsync() => Factory.WithDbAsync(async db =>
    {
        var s = await db.AttainmentSummaries.SingleAsync(a => a.Unit.Slug == "nam-son" && a.CriteriaSet.Code == "ntm-xa" && a.Period.Year == 2023 && a.Period.Quarter == 3);
        return (s.CriteriaMet, s.IndicatorsMet, s.ValuesEntered);
    });

    /// <summary>The "chỉ tiêu đạt" figures the commune page computes live for 2023-Q3.</summary>
    private static async Task<List<int>> LiveIndicatorsMetAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/communes/nam-son?period=2023-Q3");
        return LiveMet().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    private static Dictionary<string, string> HiddenInputs(string html)
    {
        var start = html.IndexOf("id=\"entry-form\"", StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        return Hidden().Matches(form)
            .Select(m => (Name: Regex.Match(m.Value, "\\sname=\"([^\"]*)\""), Value: Regex.Match(m.Value, "\\svalue=\"([^\"]*)\"")))
            .Where(x => x.Name.Success)
            .ToDictionary(x => WebUtility.HtmlDecode(x.Name.Groups[1].Value), x => WebUtility.HtmlDecode(x.Value.Success ? x.Value.Groups[1].Value : ""));
    }

    [GeneratedRegex("name=\"Cells\\[(\\d+)\\]\\.IndicatorId\"")]
    private static partial Regex CellIndex();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex Hidden();

    [GeneratedRegex("figure-big\">(\\d+)/[^<]*</div><div class=\"figure-label\">chỉ tiêu đạt")]
    private static partial Regex LiveMet();
}
