using DocumentFormat.OpenXml.Packaging;

namespace ProgramTracker.Tests.Integration;

/// <summary>A unit's report settings: defaults, a save that the document then prints, refusals beside the field with nothing saved.</summary>
public sealed class ReportSettingsTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Url = "/units/ba-che/report-settings";

    [Fact]
    public async Task The_form_shows_the_defaults_and_a_reader_sees_it_without_a_save_button()
    {
        // A unit the other test leaves alone (the class shares one database).
        const string Province = "/units/quang-ninh/report-settings";
        var staff = await (await fixture.Factory.SignedInClientAsync("tinh")).GetStringAsync(Province);
        staff.Should().Contain("id=\"settings-defaults\"").And.Contain("value=\"ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH\"").And.Contain("value=\"BC-UBND\"")
            .And.Contain("value=\"Quảng Ninh\"").And.Contain("id=\"settings-save\"");

        var leader = await (await fixture.Factory.SignedInClientAsync("lanhdao.tinh")).GetStringAsync(Province);
        leader.Should().Contain("readonly").And.NotContain("id=\"settings-save\"");
        (await (await fixture.Factory.SignedInClientAsync("huyen")).GetAsync("/units/no-such-unit/report-settings")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_form_is_refused_beside_the_field_and_saves_nothing_then_a_good_one_is_printed_on_the_document()
    {
        var client = await fixture.Factory.SignedInClientAsync("huyen");
        var token = await client.AntiforgeryTokenAsync(Url);
        var fields = new Dictionary<string, string>
        {
            ["IssuingBody"] = "",
            ["ParentBody"] = "",
            ["Place"] = "Ba Chẽ",
            ["Symbol"] = "BC-VPĐP",
            ["SignerAuthority"] = "KT. CHỦ TỊCH",
            ["SignerTitle"] = "PHÓ CHỦ TỊCH",
            ["SignerName"] = "Nguyễn Văn A",
            ["Recipients"] = "- UBND tỉnh Quảng Ninh;\nVăn phòng Điều phối NTM tỉnh\n\nLưu: VT, VPĐP.",
        };

        var refused = await client.PostFormAsync(Url, fields, token);
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await refused.Content.ReadAsStringAsync();
        html.Should().Contain("id=\"rs-IssuingBody-error\"").And.Contain("Vui lòng nhập mục này.");
        (await client.GetStringAsync(Url)).Should().Contain("id=\"settings-defaults\"", "nothing was saved");

        fields["IssuingBody"] = "VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI HUYỆN BA CHẼ";
        fields["ParentBody"] = "UBND huyện Ba Chẽ";
        var saved = await client.PostFormAsync(Url, fields, token);
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetStringAsync(Url + "?saved=true")).Should().Contain("id=\"settings-saved\"").And.Contain("value=\"Nguyễn Văn A\"");

        var bytes = await client.GetByteArrayAsync("/reports/summary.docx?unit=ba-che&period=2023-Q3");
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        text.Should().ContainInOrder("UBND HUYỆN BA CHẼ", "VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI HUYỆN BA CHẼ");
        text.Should().Contain(t => t.EndsWith("/BC-VPĐP", StringComparison.Ordinal));
        text.Should().ContainInOrder("- UBND tỉnh Quảng Ninh;", "- Văn phòng Điều phối NTM tỉnh;", "- Lưu: VT, VPĐP.");
        text.Should().ContainInOrder("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A");
    }
}
