using System.Text;
using static Microsoft.Playwright.Assertions;
using ProgramTracker.Web.Models.CatalogueImport;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The catalogue import in Chromium: an admin uploads a bad table (errors by row and column), then a table that adds
/// and changes indicators of ntm-xa-nang-cao, applies it; xa.namson fills the new cells and the commune page shows the
/// computed attainment. Runs on its own portal and database.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SetImportJourneyTests : IAsyncLifetime
{
    private const string Set = "ntm-xa-nang-cao";
    private readonly BrowserFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Admin_imports_a_table_officer_fills_the_new_cells_commune_page_computes()
    {
        var admin = await _fixture.SignedInPageAsync("admin");
        await admin.GotoAsync($"/criteria-sets/{Set}");
        await BrowserFixture.AssertAccessibleAsync(admin);
        await admin.ClickAsync("#set-table-links a[href$='/import']");
        await admin.WaitForURLAsync($"**/admin/criteria-sets/{Set}/import");
        await BrowserFixture.AssertAccessibleAsync(admin);

        // First a table with one indicator, applied; then a table that changes it, adds one, and has a bad row.
        await Upload(admin, Csv(Row("bt.1", "50", "40")));
        await Expect(admin.Locator("#count-added")).ToHaveTextAsync("1", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(admin, "import preview (first table)");
        await admin.ClickAsync("#apply-form button[type='submit']");
        await Expect(admin.Locator("#import-applied")).ToContainTextAsync("thêm 1", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(admin, "import applied");

        await admin.GotoAsync($"/admin/criteria-sets/{Set}/import");
        await BrowserFixture.AssertAccessibleAsync(admin);
        await Upload(admin, Csv(Row("bt.1", "60", "45"), Row("bt.2", "90", null, kind: "tỷ lệ %"), Row("bt.3", "abc", null)));
        await Expect(admin.Locator("#import-errors")).ToContainTextAsync("Dòng 4", new() { UseInnerText = true });
        await Expect(admin.Locator("#import-errors")).ToContainTextAsync("“abc” không phải số", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(admin, "import preview with errors");
        await BrowserFixture.ScreenshotAsync(admin, "import-preview-errors-desktop.png");

        await Upload(admin, Csv(Row("bt.1", "60", "45"), Row("bt.2", "90", null, kind: "tỷ lệ %")));
        await Expect(admin.Locator("#count-added")).ToHaveTextAsync("1", new() { UseInnerText = true });
        await Expect(admin.Locator("#count-changed")).ToHaveTextAsync("1", new() { UseInnerText = true });
        await Expect(admin.Locator("#changed")).ToContainTextAsync("ngưỡng chung: 50 → 60", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(admin, "import preview");
        await BrowserFixture.ScreenshotAsync(admin, "set-import-preview-desktop.png");
        await admin.SetViewportSizeAsync(390, 844);
        (await admin.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0);
        await BrowserFixture.AssertAccessibleAsync(admin, "import preview (phone)");
        await BrowserFixture.ScreenshotAsync(admin, "import-preview-phone.png");
        await admin.SetViewportSizeAsync(1280, 900);
        await admin.ClickAsync("#apply-form button[type='submit']");
        await Expect(admin.Locator("#import-applied")).ToContainTextAsync("thêm 1, sửa 1", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(admin, "import applied");

        await admin.GotoAsync($"/criteria-sets/{Set}");
        await BrowserFixture.AssertAccessibleAsync(admin);
        await BrowserFixture.ScreenshotAsync(admin, "criteria-set-with-import-desktop.png");
        await admin.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(admin, "criteria-set-with-import-phone.png");

        // The commune officer fills the new cells and the commune page computes the attainment.
        var officer = await _fixture.SignedInPageAsync("xa.namson");
        await officer.GotoAsync("/communes/nam-son/entry/2023-Q3");
        await BrowserFixture.AssertAccessibleAsync(officer);
        await officer.FillAsync("[data-indicator='bt.1'] input[name$='.Raw']", "70");
        await officer.FillAsync("[data-indicator='bt.2'] input[name$='.Raw']", "95");
        await officer.ClickAsync("#save");
        await Expect(officer.Locator("#entry-message")).ToContainTextAsync("Đã lưu", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(officer, "entry form (saved)");
        await officer.GotoAsync("/communes/nam-son?period=2023-Q3");
        await Expect(officer.Locator($"[data-set='{Set}']")).ToContainTextAsync("2/75", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(officer);
    }

    private static async Task Upload(IPage page, string csv)
    {
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "bang.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#import-form button[type='submit']");
        await page.WaitForURLAsync($"**/admin/criteria-sets/{Set}/import");
    }

    private static string Csv(params string[] rows) =>
        string.Join("\r\n", [string.Join(';', SetTableShape.Columns(ProgramTracker.Core.Domain.ThresholdScheme.Region, ProgramTracker.Core.Localization.Formats.Vietnamese).Select(c => c.Header)), .. rows]);

    private static string Row(string code, string common, string? tdmnpb, string kind = "số") =>
        string.Join(';', new[] { "1", "", "", code, $"Chỉ tiêu thử {code}", kind == "số" ? "điểm" : "%", kind, ">=", common, "", tdmnpb ?? "", "", "", "", "", "", "", "" });
}
