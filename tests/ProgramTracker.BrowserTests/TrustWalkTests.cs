using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// Issue 25 walked in Chromium on a fresh seed, axe on every page: a rate of 120 is refused with the rule's text; a value ten
/// times last quarter's is warned and listed first, the submission asks for a note; the reviewer sees the flag count in the
/// inbox and marks the value for follow-up, which reaches the officer's inbox; the completeness report for Quảng Ninh shows
/// units on time, late and missing; the administrator's rule form refuses a bad expression beside the field. Runs on its
/// own portal and database.
/// </summary>
[Trait("Category", "Browser")]
public sealed class TrustWalkTests : IAsyncLifetime
{
    private const string Q1 = "/communes/nam-son/entry/2024-Q1";
    private const string Q2 = "/communes/nam-son/entry/2024-Q2";
    private readonly BrowserFixture _fixture = new();

    public async Task InitializeAsync()
    {
        await _fixture.InitializeAsync();
        await TestCatalogue.AddIndicatorsAsync(_fixture.Factory, "ntm-xa-nang-cao");
    }

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Refused_warned_noted_flagged_followed_up_and_reported()
    {
        // The administrator moves 2024-Q2's deadline to tomorrow (a form sent today is on time).
        var admin = await _fixture.SignedInPageAsync("admin");
        await admin.GotoAsync("/admin/periods");
        var tomorrow = TestClock.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await admin.Locator("#dl-2024-Q2").FillAsync(tomorrow);
        await admin.Locator("tr[data-period='2024-Q2'] form:has(#dl-2024-Q2) button[type='submit']").ClickAsync();
        await Expect(admin.Locator("#dl-2024-Q2")).ToHaveValueAsync(TestClock.Today.AddDays(1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await BrowserFixture.AssertAccessibleAsync(admin, "/admin/periods (deadline)");

        // Last quarter's values.
        var officer = await _fixture.SignedInPageAsync("xa.namson");
        await officer.GotoAsync(Q1);
        await Cell(officer, "t1").FillAsync("5");
        await Cell(officer, "t2").FillAsync("2");
        await officer.ClickAsync("#save");
        await Expect(officer.Locator("#entry-message")).ToContainTextAsync("Đã lưu", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(officer, Q1);

        // 120 as a rate: refused beside the cell with the rule's text, nothing saved.
        await officer.GotoAsync(Q2);
        await Cell(officer, "t2").FillAsync("120");
        await officer.ClickAsync("#save");
        await Expect(Row(officer, "t2").Locator(".invalid-feedback")).ToContainTextAsync("Tỷ lệ phải từ 0 đến 100 % (quy tắc «Tỷ lệ trong khoảng 0–100 %»).", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(officer, Q2 + " (refused)");

        // Ten times last quarter: saved and warned beside the cell, and listed first above the form.
        await Cell(officer, "t2").FillAsync("2,5");
        await Cell(officer, "t1").FillAsync("50");
        await officer.SelectOptionAsync("[data-indicator='ntm-xa-nang-cao.t3'] select", "1");
        await officer.ClickAsync("#save");
        await Expect(Row(officer, "t1").Locator(".value-warning")).ToContainTextAsync("gấp 10 lần quý trước", new() { UseInnerText = true });
        await Expect(officer.Locator("#flagged-first [data-flagged='ntm-xa-nang-cao.t1']")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(officer, Q2 + " (warned)");

        // Submitting asks for a note on the warned value; with the note it goes.
        await officer.ClickAsync("[data-set='ntm-xa-nang-cao'] button[data-step='submit']");
        await Expect(officer.Locator("body")).ToContainTextAsync("Ghi chú lý do", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(officer, Q2 + " (note asked)");
        await Row(officer, "t1").Locator("[name$='.Note']").FillAsync("Năm nay có thêm vốn đối ứng của tỉnh");
        await officer.ClickAsync("[data-set='ntm-xa-nang-cao'] button[data-step='submit']");
        await Expect(officer.Locator("[data-set='ntm-xa-nang-cao'] [data-status]")).ToHaveAttributeAsync("data-status", "Submitted");
        await BrowserFixture.AssertAccessibleAsync(officer, Q2 + " (submitted)");

        // The reviewer sees the flag count in the inbox, the flagged value first on the form, and marks it for follow-up.
        var district = await _fixture.SignedInPageAsync("huyen");
        await district.GotoAsync("/inbox");
        await Expect(district.Locator(".inbox-flags").First).ToContainTextAsync("1 số liệu có cảnh báo", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(district, "/inbox (reviewer)");
        await district.GotoAsync(Q2);
        await Expect(district.Locator("#flagged-first")).ToContainTextAsync("gấp 10 lần quý trước", new() { UseInnerText = true });
        await BrowserFixture.ScreenshotAsync(district, "trust-review-flagged-desktop.png");
        await Row(district, "t1").Locator(".mark-follow-up").ClickAsync();
        await Expect(Row(district, "t1").Locator(".follow-up")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(district, Q2 + " (follow-up)");

        // The officer sees the follow-up in his inbox.
        await officer.GotoAsync("/inbox");
        await Expect(officer.Locator(".inbox-follow-ups").First).ToContainTextAsync("1 số liệu cần xem lại", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(officer, "/inbox (officer)");

        // A late form: 2023-Q3's deadline (10/10/2023) is long past.
        var other = await _fixture.SignedInPageAsync("xa.dondac");
        await other.GotoAsync("/communes/don-dac/entry/2023-Q3");
        await Cell(other, "t1").FillAsync("60");
        await Cell(other, "t2").FillAsync("1");
        await other.SelectOptionAsync("[data-indicator='ntm-xa-nang-cao.t3'] select", "1");
        await other.ClickAsync("[data-set='ntm-xa-nang-cao'] button[data-step='submit']");
        await Expect(other.Locator("[data-set='ntm-xa-nang-cao'] [data-status]")).ToHaveAttributeAsync("data-status", "Submitted");

        // The completeness report for Quảng Ninh: on time and missing in 2024-Q2, late in 2023-Q3.
        var leader = await _fixture.SignedInPageAsync("lanhdao.tinh");
        await leader.GotoAsync("/reports/completeness?unit=quang-ninh&period=2024-Q2");
        await Expect(leader.Locator("#completeness-units tr[data-path='" + Q2 + "'][data-state='on-time']")).ToBeVisibleAsync();
        (await leader.Locator("#completeness-units tr[data-state='missing']").CountAsync()).Should().BeGreaterThan(0);
        await BrowserFixture.AssertAccessibleAsync(leader, "/reports/completeness 2024-Q2");
        await leader.GotoAsync("/reports/completeness?unit=quang-ninh&period=2023-Q3");
        await Expect(leader.Locator("#completeness-units tr[data-path='/communes/don-dac/entry/2023-Q3'][data-state='late']")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(leader, "/reports/completeness 2023-Q3");
        await leader.GotoAsync("/reports/validation?unit=quang-ninh&period=2024-Q2");
        await Expect(leader.Locator("body")).ToContainTextAsync("Năm nay có thêm vốn đối ứng của tỉnh", new() { UseInnerText = true });
        await Expect(leader.Locator("#export-xlsx")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(leader, "/reports/validation 2024-Q2");
        await BrowserFixture.ScreenshotAsync(leader, "trust-validation-flagged-desktop.png");

        // The administrator's rule form: a bad expression refused beside the field with its position.
        await admin.GotoAsync("/admin/criteria-sets/ntm-xa-nang-cao/rules/new");
        await BrowserFixture.AssertAccessibleAsync(admin, "rule form");
        await admin.FillAsync("#Code", "thu-trinh-duyet");
        await admin.SelectOptionAsync("#Kind", "Expression");
        await admin.FillAsync("#Expression", "ntm-xa-nang-cao.t2 <= ntm-xa.khong-co");
        await admin.FillAsync("#Name", "Thử");
        await admin.FillAsync("#NameEn", "Test");
        await admin.FillAsync("#Message", "Thử.");
        await admin.FillAsync("#MessageEn", "Test.");
        await admin.ClickAsync("#rule-form button[type='submit']");
        await Expect(admin.Locator("#Expression-error")).ToContainTextAsync("ở ký tự thứ 23", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(admin, "rule form (refused)");
        await BrowserFixture.ScreenshotAsync(admin, "rule-form-desktop.png");
        var phone = await _fixture.SignedInPageAsync("admin", 390, 844);
        await phone.GotoAsync("/admin/criteria-sets/ntm-xa-nang-cao/rules/new");
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0);
        await BrowserFixture.AssertAccessibleAsync(phone, "rule form (phone)");
        await BrowserFixture.ScreenshotAsync(phone, "rule-form-phone.png");
        await phone.GotoAsync("/admin/criteria-sets/ntm-xa-nang-cao/rules");
        await BrowserFixture.AssertAccessibleAsync(phone, "rules page (phone)");
        await BrowserFixture.ScreenshotAsync(phone, "rules-page-phone.png");
    }

    private static ILocator Row(IPage page, string code) => page.Locator($"[data-indicator='ntm-xa-nang-cao.{code}']");

    private static ILocator Cell(IPage page, string code) => Row(page, code).Locator("input.value-input");
}
