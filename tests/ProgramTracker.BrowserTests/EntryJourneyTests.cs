using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The quarterly journey in Chromium: a commune officer fills and submits, the district returns it with a
/// comment, the officer sees the comment, fixes and resubmits, the district approves, and the commune page
/// shows the new computed attainment. Runs on its own portal and database.
/// </summary>
[Trait("Category", "Browser")]
public sealed class EntryJourneyTests : IAsyncLifetime
{
    // An administrator completes the catalogue first (the seed defines no indicator of this set).
    private readonly BrowserFixture _fixture = new() { TestIndicatorsIn = { "ntm-xa-nang-cao" } };

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Officer_fills_and_submits_district_returns_officer_fixes_district_approves()
    {
        const string form = "/communes/nam-son/entry/2023-Q4";
        var officer = await _fixture.SignedInPageAsync("xa.namson");

        // Bad input first: a clear message beside the cell, the input kept, nothing saved.
        await officer.GotoAsync(form);
        await BrowserFixture.AssertAccessibleAsync(officer);
        await Cell(officer, "ntm-xa-nang-cao.t1").FillAsync("năm mươi");
        await Cell(officer, "ntm-xa-nang-cao.t2").FillAsync("2,5");
        await officer.ClickAsync("#save");
        await Expect(officer.Locator("[data-indicator='ntm-xa-nang-cao.t1'] .invalid-feedback")).ToContainTextAsync("Không đọc được số", new() { UseInnerText = true });
        await Expect(Cell(officer, "ntm-xa-nang-cao.t1")).ToHaveValueAsync("năm mươi");
        await Expect(Cell(officer, "ntm-xa-nang-cao.t2")).ToHaveValueAsync("2,5");
        await BrowserFixture.AssertAccessibleAsync(officer, form + " (refused)");
        (await _fixture.Factory.WithDbAsync(db => Task.FromResult(db.IndicatorValues.Count(v => v.Unit.Slug == "nam-son")))).Should().Be(0);

        await Cell(officer, "ntm-xa-nang-cao.t1").FillAsync("55,5");
        await officer.SelectOptionAsync("[data-indicator='ntm-xa-nang-cao.t3'] select", "1");
        await BrowserFixture.ScreenshotAsync(officer, "entry-form-desktop.png");
        await officer.ClickAsync("#save");
        await Expect(officer.Locator("#entry-message")).ToContainTextAsync("Đã lưu 3 số liệu", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(officer, form + " (saved)");
        await officer.ClickAsync("[data-set='ntm-xa-nang-cao'] button[data-step='submit']");
        await Expect(SetStatus(officer)).ToHaveAttributeAsync("data-status", "Submitted");
        await Expect(officer.Locator("[data-set='ntm-xa-nang-cao'] .step-result")).ToContainTextAsync("Đã gửi duyệt", new() { UseInnerText = true });
        await Expect(officer.Locator("[data-set='ntm-xa-nang-cao'] .step-result #next-work a")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(officer, form + " (submitted)");

        // The district returns it with a comment, from its inbox.
        var district = await _fixture.SignedInPageAsync("huyen");
        await district.GotoAsync("/inbox");
        await BrowserFixture.AssertAccessibleAsync(district);
        await district.Locator("#inbox-waiting a[href='" + form + "']").First.ClickAsync();
        await district.WaitForURLAsync("**" + form);
        await BrowserFixture.AssertAccessibleAsync(district, form + " (to review)");
        await district.FillAsync("[data-set='ntm-xa-nang-cao'] textarea[placeholder^='Nhận xét']", "Tỷ lệ hộ nghèo 2,5 % cần kiểm tra lại");
        await district.ClickAsync("[data-set='ntm-xa-nang-cao'] button[data-step='return']");
        await Expect(SetStatus(district)).ToHaveAttributeAsync("data-status", "Returned");
        await BrowserFixture.AssertAccessibleAsync(district, form + " (returned)");

        // The officer sees the comment in the inbox, fixes and resubmits.
        await officer.GotoAsync("/inbox");
        await Expect(officer.Locator("#inbox-returned")).ToContainTextAsync("Tỷ lệ hộ nghèo 2,5 % cần kiểm tra lại", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(officer);
        await officer.Locator("#inbox-returned a").First.ClickAsync();
        await officer.WaitForURLAsync("**" + form);
        await BrowserFixture.AssertAccessibleAsync(officer, form + " (returned)");
        // Issue 32.1: typed, then "Lưu và gửi duyệt" straight away: the typed value is saved with the submission, not dropped.
        await Cell(officer, "ntm-xa-nang-cao.t2").FillAsync("0,9");
        await officer.ClickAsync("[data-set='ntm-xa-nang-cao'] button[data-step='submit']");
        await Expect(SetStatus(officer)).ToHaveAttributeAsync("data-status", "Submitted");
        await Expect(officer.Locator("[data-set='ntm-xa-nang-cao'] .step-result")).ToContainTextAsync("Đã lưu 1 chỉ tiêu và gửi duyệt", new() { UseInnerText = true });
        await Expect(Cell(officer, "ntm-xa-nang-cao.t2")).ToHaveValueAsync("0,9");
        await BrowserFixture.AssertAccessibleAsync(officer, form + " (submitted again)");

        // The district approves; the form is locked; the commune page shows the new computed attainment.
        await district.GotoAsync(form);
        await BrowserFixture.AssertAccessibleAsync(district);
        await district.ClickAsync("[data-set='ntm-xa-nang-cao'] button[data-step='approve']");
        await Expect(SetStatus(district)).ToHaveAttributeAsync("data-status", "Approved");
        await Expect(Cell(district, "ntm-xa-nang-cao.t1")).ToHaveAttributeAsync("readonly", new Regex(".*"));
        // Issue 32.5: beside the result, the next piece of work (or, when none is left, the way back to the list).
        await Expect(district.Locator("[data-set='ntm-xa-nang-cao'] .step-result #next-work a")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(district, form + " (approved)");

        await officer.GotoAsync("/communes/nam-son?period=2023-Q4");
        var computed = officer.Locator("[data-set='ntm-xa-nang-cao'] .computed");
        await Expect(computed).ToContainTextAsync("3/19", new() { UseInnerText = true });
        await Expect(computed).ToContainTextAsync("3/75", new() { UseInnerText = true });
        await Expect(officer.Locator("[data-set='ntm-xa-nang-cao'] .reported").First).ToContainTextAsync("16/19", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(officer);

        var phone = await _fixture.SignedInPageAsync("xa.namson", 390, 844);
        await phone.GotoAsync(form);
        await Expect(SetStatus(phone)).ToHaveAttributeAsync("data-status", "Approved");
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0);
        await BrowserFixture.AssertAccessibleAsync(phone, form + " (phone)");
        await BrowserFixture.ScreenshotAsync(phone, "entry-form-phone.png");
    }

    private static ILocator Cell(IPage page, string code) => page.Locator($"[data-indicator='{code}'] input.value-input");

    private static ILocator SetStatus(IPage page) => page.Locator("[data-set='ntm-xa-nang-cao'] [data-status]");
}
