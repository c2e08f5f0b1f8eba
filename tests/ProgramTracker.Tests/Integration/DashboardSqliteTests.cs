using static ProgramTracker.Tests.Integration.HtmlParts;

namespace ProgramTracker.Tests.Integration;

/// <summary>The dashboard's queries (GROUP BY, per-row subqueries, latest-per-group) also run on the embedded SQLite default.</summary>
public sealed class DashboardSqliteTests
{
    // The one place that makes a client: the integrator switches it to a signed-in leader.
    private static Task<HttpClient> Client(PortalFactory factory) => factory.SignedInClientAsync("lanhdao");

    [Fact]
    public async Task Embedded_default_serves_the_dashboard_the_summary_and_the_exports()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pt-{Guid.NewGuid():N}.db");
        try
        {
            await using var factory = new PortalFactory("Sqlite", $"Data Source={file};Pooling=false");
            var client = await Client(factory);

            var dashboard = await client.GetStringAsync("/dashboard");
            HeatCell(dashboard, "nam-son", "ntm-xa-nang-cao").Should().Contain("16/19 tiêu chí");
            Text(Element(dashboard, "targets-table", "table")).Should().Contain("ước 68 triệu đồng/người/năm").And.Contain("−2");
            Text(Element(dashboard, "figures-table", "table")).Should().Contain("0,62 %").And.Contain("trên 99 %");
            Text(Element(dashboard, "capital-table", "table")).Should().Contain("hơn 119 tỷ đồng");
            Text(Element(await client.GetStringAsync("/reports/summary"), "summary", "article"))
                .Should().Contain("bình quân đạt 14,5/19 tiêu chí, 65,5/75 chỉ tiêu").And.Contain("0,89 %").And.Contain("7/7 xã");

            using var book = new MemoryStream(await client.GetByteArrayAsync("/dashboard/export"));
            XlsxTables.Rows(book, "Vốn")
                .Select(r => r["Số tiền (đồng)"]).Should().Contain(119_000_000_000d);
            (await client.GetAsync("/districts/ba-che/export?period=2023-Q3")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.GetAsync("/communes/nam-son/export")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.GetAsync("/dashboard?unit=ba-che&period=2022-Q4")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
