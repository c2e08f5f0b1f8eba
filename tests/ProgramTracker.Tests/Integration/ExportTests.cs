using System.IO.Compression;

namespace ProgramTracker.Tests.Integration;

/// <summary>The Excel exports, read back with the Open XML SDK: named sheets, Vietnamese headers, numbers as numbers.</summary>
public sealed class ExportTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    // The one place that makes a client: the integrator switches it to a signed-in user.
    private Task<HttpClient> Client() => fixture.Factory.SignedInClientAsync("lanhdao");

    [Fact]
    public async Task Dashboard_export_is_an_xlsx_with_one_named_sheet_per_table()
    {
        var response = await (await Client()).GetAsync("/dashboard/export?unit=ba-che&period=2023-Q3");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("bang-dieu-khien-ba-che-2023-Q3.xlsx");
        using var book = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        XlsxTables.SheetNames(book).Should().Equal("Tiêu chí", "Xu hướng", "Đạt chuẩn", "Nghèo", "Vốn", "Mục tiêu", "Chỉ tiêu huyện", "Nguy cơ");
    }

    [Fact]
    public async Task Attainment_sheet_holds_the_reported_figures_as_numbers()
    {
        var rows = await Sheet("/dashboard/export?unit=ba-che&period=2023-Q3", "Tiêu chí");

        var namSon = Row(rows, "Đơn vị", "xã Nam Sơn", "Bộ tiêu chí", "Bộ tiêu chí xã nông thôn mới nâng cao");
        namSon["Số tiêu chí đạt"].Should().Be(16d);
        namSon["Tổng số tiêu chí"].Should().Be(19d);
        namSon["Số chỉ tiêu đạt"].Should().Be(72d);
        namSon["Tổng số chỉ tiêu"].Should().Be(75d);
        namSon["Tỷ lệ so với chuẩn (%)"].Should().Be(84.2d);
        namSon["Cách có số"].Should().Be("theo báo cáo");

        var donDac = Row(rows, "Đơn vị", "xã Đồn Đạc", "Bộ tiêu chí", "Bộ tiêu chí xã nông thôn mới nâng cao");
        donDac["Số tiêu chí đạt"].Should().Be(14.5d);
        donDac["Số chỉ tiêu đạt"].Should().Be(65.5d);
        donDac["Cách có số"].Should().Be("theo báo cáo · bình quân nhóm");

        var luongMong = Row(rows, "Đơn vị", "xã Lương Mông", "Bộ tiêu chí", "Bộ tiêu chí xã nông thôn mới kiểu mẫu");
        (luongMong["Số tiêu chí đạt"], luongMong["Số chỉ tiêu đạt"]).Should().Be((2d, 7d));

        var district = Row(rows, "Đơn vị", "huyện Ba Chẽ", "Bộ tiêu chí", "Bộ tiêu chí huyện nông thôn mới nâng cao");
        (district["Số tiêu chí đạt"], district["Tổng số tiêu chí"], district["Số chỉ tiêu đạt"], district["Tổng số chỉ tiêu"]).Should().Be((2d, 9d, 25d, 38d));
        Row(rows, "Đơn vị", "huyện Ba Chẽ", "Bộ tiêu chí", "Chỉ tiêu nhiệm vụ Nghị quyết 06-NQ/TU (vùng đồng bào DTTS)")["Số chỉ tiêu đạt"].Should().Be(21d);

        var town = Row(rows, "Đơn vị", "thị trấn Ba Chẽ", "Bộ tiêu chí", "Bộ tiêu chí xã nông thôn mới nâng cao");
        town["Số tiêu chí đạt"].Should().BeNull();
        town["Tình trạng"].Should().Be("chưa có số liệu");
    }

    [Fact]
    public async Task Poverty_capital_targets_and_district_figures_are_numbers_with_their_qualifiers()
    {
        const string url = "/dashboard/export?unit=ba-che&period=2023-Q3";

        var poverty = await Sheet(url, "Nghèo");
        var qn = Row(poverty, "Đơn vị", "huyện Ba Chẽ", "Chuẩn nghèo", "Chuẩn nghèo đa chiều áp dụng trên địa bàn tỉnh Quảng Ninh giai đoạn 2023–2025");
        (qn["Tỷ lệ hộ nghèo (%)"], qn["Tỷ lệ hộ cận nghèo (%)"], qn["Cách có số"]).Should().Be((0.46d, 2.17d, "theo báo cáo"));
        var national = Row(poverty, "Đơn vị", "huyện Ba Chẽ", "Chuẩn nghèo", "Chuẩn nghèo đa chiều quốc gia giai đoạn 2022–2025 (Nghị định 07/2021/NĐ-CP)");
        (national["Tỷ lệ hộ nghèo (%)"], national["Tỷ lệ hộ cận nghèo (%)"]).Should().Be((0.27d, 0.89d));

        var capital = await Sheet(url, "Vốn");
        var allocated = Row(capital, "Nội dung", "Kế hoạch vốn đã phân bổ", "Loại vốn", "Đầu tư phát triển");
        (allocated["Số tiền (đồng)"], allocated["Định tính"], allocated["Số dự án, công trình"]).Should().Be((119_000_000_000d, "hơn", 6d));
        var mobilised = Row(capital, "Nội dung", "Vốn huy động", "Chương trình", "Chương trình MTQG xây dựng nông thôn mới");
        (mobilised["Số tiền (đồng)"], mobilised["Định tính"]).Should().Be((55_000_000_000d, "hơn"));

        var target = (await Sheet(url, "Mục tiêu")).Single();
        (target["Mục tiêu"], target["Thực hiện"], target["Định tính"], target["Chênh lệch"], target["Đánh giá"]).Should().Be((70d, 68d, "ước", -2d, "Chưa đạt"));

        var figures = await Sheet(url, "Chỉ tiêu huyện");
        Value(figures, "Mức tăng thu nhập bình quân đầu người so với năm 2020").Should().Be(1.55d);
        Value(figures, "Tỷ lệ hộ nghèo toàn huyện").Should().Be(0.62d);
        Value(figures, "Mức giảm tỷ lệ hộ nghèo so với cuối năm trước").Should().Be(2.87d);
        Value(figures, "Tỷ lệ hộ dân được sử dụng nước sinh hoạt hợp vệ sinh").Should().Be(99d);
        Row(figures, "Chỉ tiêu", "Tỷ lệ hộ dân được sử dụng nước sinh hoạt hợp vệ sinh")["Định tính"].Should().Be("trên");
        Value(figures, "Tỷ lệ đồng bào DTTS có thẻ BHYT").Should().Be(99d);
        Value(figures, "Số địa bàn đặc biệt khó khăn còn lại").Should().Be(0d);

        var risk = await Sheet(url, "Nguy cơ");
        risk.Select(r => r["Đơn vị"]).Should().Contain("xã Đồn Đạc").And.Contain("xã Minh Cầm").And.NotContain("xã Nam Sơn");
    }

    [Fact]
    public async Task Numbers_are_numeric_cells_not_text()
    {
        var response = await (await Client()).GetAsync("/dashboard/export?unit=ba-che&period=2023-Q3");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
        var xml = string.Concat(sheets.Select(e => new StreamReader(e.Open()).ReadToEnd()));

        // A number is a cell of type n holding the value; text would be t="str" or a shared or inline string.
        xml.Should().MatchRegex("<x:c r=\"G\\d+\" t=\"n\"[^>]*><x:v>119000000000</x:v></x:c>");
        xml.Should().MatchRegex("<x:c r=\"[A-Z]+\\d+\" t=\"n\"[^>]*><x:v>14.50</x:v></x:c>");
        xml.Should().NotMatchRegex("t=\"(str|s|inlineStr)\"[^>]*><x:v>119000000000<");
    }

    [Fact]
    public async Task District_export_lists_its_indicator_values_for_the_period()
    {
        var response = await (await Client()).GetAsync("/districts/ba-che/export?period=2023-Q3");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("chi-tieu-ba-che-2023-Q3.xlsx");
        using var book = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        XlsxTables.SheetNames(book).Should().Equal("Chỉ tiêu", "Theo báo cáo");

        var values = Rows(book, "Chỉ tiêu");
        var income = Row(values, "Mã chỉ tiêu", "dtts-thu-nhap");
        (income["Giá trị"], income["Định tính"], income["Đơn vị tính"], income["Đánh giá"]).Should().Be((68d, "ước", "triệu đồng/người/năm", "Chưa có ngưỡng"));
        Row(values, "Mã chỉ tiêu", "dtts-dien-an-toan")["Giá trị"].Should().Be(100d);
        var poor = Row(values, "Mã chỉ tiêu", "dtts-ho-ngheo");
        (poor["Giá trị"], poor["Đánh giá"]).Should().Be((null, "Chưa có số liệu"), "its value belongs to 2022-Q4");

        var reported = Rows(book, "Theo báo cáo");
        var advanced = Row(reported, "Bộ tiêu chí", "Bộ tiêu chí huyện nông thôn mới nâng cao");
        (advanced["Số tiêu chí đạt"], advanced["Tổng số tiêu chí"], advanced["Số chỉ tiêu đạt"], advanced["Tổng số chỉ tiêu"]).Should().Be((2d, 9d, 25d, 38d));
    }

    [Fact]
    public async Task Commune_export_holds_the_reported_figures_and_keeps_headers_when_no_value_is_entered()
    {
        var response = await (await Client()).GetAsync("/communes/nam-son/export?period=2023-Q3");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var book = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        // Every indicator of the sets in force is listed, with nothing entered: the 12 confirmed QĐ 318 indicators.
        var empty = Rows(book, "Chỉ tiêu");
        empty.Should().HaveCount(12).And.OnlyContain(r => string.IsNullOrEmpty(r["Giá trị"] as string) && (string?)r["Đánh giá"] == "Chưa có số liệu");
        empty.Select(r => (string?)r["Mã chỉ tiêu"]).Should().Contain("ntm-xa.3.1");
        var row = Rows(book, "Theo báo cáo").Single();
        (row["Số tiêu chí đạt"], row["Số chỉ tiêu đạt"], row["Loại số liệu"]).Should().Be((16d, 72d, "Số liệu riêng của đơn vị"));

        var group = Rows(new MemoryStream(await (await (await Client()).GetAsync("/communes/thanh-lam/export?period=2023-Q3")).Content.ReadAsByteArrayAsync()), "Theo báo cáo").Single();
        (group["Số tiêu chí đạt"], group["Loại số liệu"], group["Số đơn vị trong phạm vi"]).Should().Be((14.5d, "Bình quân của nhóm", 4d));
    }

    [Fact]
    public async Task Exports_downloaded_in_English_have_English_sheets_headers_and_words_with_the_same_numbers()
    {
        using var dashboard = new MemoryStream(await (await Client()).GetByteArrayAsync("/dashboard/export?unit=ba-che&period=2023-Q3&culture=en"));
        using var district = new MemoryStream(await (await Client()).GetByteArrayAsync("/districts/ba-che/export?period=2023-Q3&culture=en"));

        XlsxTables.SheetNames(dashboard).Should().Equal("Criteria", "Trends", "Standard met", "Poverty", "Capital", "Targets", "District indicators", "At risk");
        XlsxTables.SheetNames(district).Should().Equal("Indicators", "As reported");
        var income = Row(Rows(district, "Indicators"), "Indicator code", "dtts-thu-nhap");
        (income["Value"], income["Qualifier"], income["Assessment"]).Should().Be((68d, "est.", "No threshold"));
        var capital = Rows(dashboard, "Capital");
        capital.Should().NotBeEmpty().And.OnlyContain(r => r.ContainsKey("Amount (VND)") && r.ContainsKey("Kind of capital"));
        capital.Select(r => r["Amount (VND)"]).Should().Equal((await Sheet("/dashboard/export?unit=ba-che&period=2023-Q3", "Vốn")).Select(r => r["Số tiền (đồng)"]));
    }

    private async Task<List<IDictionary<string, object?>>> Sheet(string url, string sheet)
    {
        var response = await (await Client()).GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return Rows(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), sheet);
    }

    private static List<IDictionary<string, object?>> Rows(Stream book, string sheet)
    {
        return XlsxTables.Rows(book, sheet);
    }

    private static IDictionary<string, object?> Row(List<IDictionary<string, object?>> rows, string column, string value, string? column2 = null, string? value2 = null)
    {
        var matches = rows.Where(r => Equals(r[column], value) && (column2 is null || Equals(r[column2], value2))).ToList();
        matches.Should().ContainSingle($"one row should have {column} = {value}{(column2 is null ? "" : $" and {column2} = {value2}")}");
        return matches[0];
    }

    private static object? Value(List<IDictionary<string, object?>> rows, string indicator) => Row(rows, "Chỉ tiêu", indicator)["Giá trị"];
}
