using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Entry;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// Quarterly values by Excel in Chromium: download the form as a workbook, change two values offline, upload, read the
/// preview, apply, and see the values in the form; then a preview with an error and a conflict. Own portal and database.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ExcelImportJourneyTests : IAsyncLifetime
{
    private const string Form = "/districts/ba-che/entry/2023-Q3";
    private readonly BrowserFixture _fixture = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("excel-import-").FullName;

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task District_staff_downloads_fills_offline_uploads_previews_and_applies()
    {
        var page = await _fixture.SignedInPageAsync("huyen");
        await page.GotoAsync(Form);
        await BrowserFixture.AssertAccessibleAsync(page);

        var workbook = await DownloadAsync(page, "so-lieu-ba-che.xlsx");
        File.WriteAllBytes(workbook, WorkbookEditor.Edit(File.ReadAllBytes(workbook), b =>
        {
            b.SetNumber(0, $"F{b.RowOf("dtts-bhyt")}", 98.5m);
            b.SetText(0, $"F{b.RowOf("dtts-truyen-hinh")}", "96,5");
        }));

        await page.SetInputFilesAsync("#import-file", workbook);
        await page.ClickAsync("#upload");
        await page.WaitForURLAsync("**/import");
        await Expect(page.Locator("#import-summary")).ToContainTextAsync("2 thay đổi", new() { UseInnerText = true });
        await Expect(page.Locator("#import-summary")).ToContainTextAsync("0 lỗi", new() { UseInnerText = true });
        await Expect(page.Locator("#import-changes")).ToContainTextAsync("99 % → 98,5 %", new() { UseInnerText = true });
        await Expect(page.Locator("#import-changes")).ToContainTextAsync("96,5 %", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(page, "import preview");
        await BrowserFixture.ScreenshotAsync(page, "import-preview-desktop.png");

        await page.ClickAsync("#apply");
        await page.WaitForURLAsync("**" + Form);
        await Expect(page.Locator("#entry-message")).ToContainTextAsync("Đã nhập 2 số liệu từ so-lieu-ba-che.xlsx", new() { UseInnerText = true });
        await Expect(Cell(page, "dtts-bhyt")).ToHaveValueAsync("98,5");
        await Expect(Cell(page, "dtts-truyen-hinh")).ToHaveValueAsync("96,5");
        await BrowserFixture.AssertAccessibleAsync(page, Form + " (imported)");

        // A second round: someone saves in the browser meanwhile, and the file has a typo.
        workbook = await DownloadAsync(page, "so-lieu-ba-che-2.xlsx");
        var (unit, period, indicator, version) = await _fixture.Factory.WithDbAsync(async db =>
        {
            var v = await db.IndicatorValues.Where(v => v.Unit.Slug == "ba-che" && v.Period.Year == 2023 && v.Period.Quarter == 3 && v.Indicator.Code == "dtts-dien-an-toan").SingleAsync();
            return (v.UnitId, v.PeriodId, v.IndicatorId, v.Version);
        });
        (await _fixture.Factory.AsUserAsync<EntryService, SaveResult>("xa.namson", s => s.SaveAsync(unit, period, [new CellInput(indicator, 99.5m, "Kiểm tra lại theo điện lực", version)])))
            .Outcome.Should().Be(SaveOutcome.Saved);
        File.WriteAllBytes(workbook, WorkbookEditor.Edit(File.ReadAllBytes(workbook), b =>
        {
            b.SetNumber(0, $"F{b.RowOf("dtts-dien-an-toan")}", 97m);
            b.SetText(0, $"F{b.RowOf("dtts-huong-nghiep")}", "68.125");
        }));

        await page.GotoAsync(Form);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ClickAsync("#excel-import summary");
        await page.SetInputFilesAsync("#import-file", workbook);
        await page.ClickAsync("#upload");
        await page.WaitForURLAsync("**/import");
        await Expect(page.Locator("#import-errors")).ToContainTextAsync("68.125", new() { UseInnerText = true });
        await Expect(page.Locator("#import-errors")).ToContainTextAsync("không rõ", new() { UseInnerText = true });
        await Expect(page.Locator("#import-conflicts")).ToContainTextAsync("xa.namson", new() { UseInnerText = true });
        await Expect(page.Locator("#import-conflicts")).ToContainTextAsync("99,5 %", new() { UseInnerText = true });
        await Expect(page.Locator("#apply")).ToHaveCountAsync(0); // a file with errors cannot be applied
        await BrowserFixture.AssertAccessibleAsync(page, "import preview with an error and a conflict");
        await BrowserFixture.ScreenshotAsync(page, "import-preview-error-conflict-desktop.png");

        var phone = await _fixture.SignedInPageAsync("huyen", width: 390, height: 844);
        await phone.GotoAsync(Form);
        await BrowserFixture.AssertAccessibleAsync(phone, Form + " (phone)");
        await phone.ClickAsync("#excel-import summary");
        await phone.SetInputFilesAsync("#import-file", workbook);
        await phone.ClickAsync("#upload");
        await phone.WaitForURLAsync("**/import");
        await Expect(phone.Locator("#import-conflicts")).ToContainTextAsync("xa.namson", new() { UseInnerText = true });
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0);
        await BrowserFixture.AssertAccessibleAsync(phone, "import preview (phone)");
        await BrowserFixture.ScreenshotAsync(phone, "import-preview-error-conflict-phone.png");
    }

    private async Task<string> DownloadAsync(IPage page, string name)
    {
        if (!await page.Locator("#download-xlsx").IsVisibleAsync())
        {
            await page.ClickAsync("#excel-import summary");
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-xlsx"));
        download.SuggestedFilename.Should().Be("bieu-mau-ba-che-2023-Q3.xlsx");
        var path = Path.Combine(_folder, name);
        await download.SaveAsAsync(path);
        return path;
    }

    private static ILocator Cell(IPage page, string code) => page.Locator($"[data-indicator='{code}'] input.value-input");
}
