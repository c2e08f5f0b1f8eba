using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The three journeys in English (issue 14), chosen with the language switch of the navigation: a commune officer
/// enters and submits a form, the district reviewer approves it, the leader reads the dashboard and the summary.
/// English labels are asserted on each page, and axe (WCAG 2.1 A/AA) runs on every page visited.
/// </summary>
[Trait("Category", "Browser")]
public sealed class EnglishJourneyTests : IAsyncLifetime
{
    private readonly BrowserFixture _fixture = new() { TestIndicatorsIn = { "ntm-xa-nang-cao" } };

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Officer_submits_reviewer_approves_leader_reads_in_English()
    {
        const string form = "/communes/nam-son/entry/2023-Q4";
        var failures = new List<string>();

        // The officer signs in, switches to English from the navigation with the keyboard, and fills the form.
        var officer = await EnglishPageAsync("xa.namson", failures);
        await Visit(officer, form, failures);
        await Expect(officer.Locator("h1")).ToHaveTextAsync(new Regex("^Data entry"), new() { UseInnerText = true });
        await Expect(officer.Locator("#number-rule")).ToContainTextAsync("A point (.) marks decimals", new() { UseInnerText = true });
        await Cell(officer, "ntm-xa-nang-cao.t1").FillAsync("55,5");
        await officer.ClickAsync("#save");
        await Expect(officer.Locator("[data-indicator='ntm-xa-nang-cao.t1'] .invalid-feedback")).ToContainTextAsync("write 55.5", new() { UseInnerText = true });
        await Axe(officer, form + " (refused)", failures);
        await Cell(officer, "ntm-xa-nang-cao.t1").FillAsync("55.5");
        await Cell(officer, "ntm-xa-nang-cao.t2").FillAsync("0.9");
        await officer.SelectOptionAsync("[data-indicator='ntm-xa-nang-cao.t3'] select", "1");
        await officer.ClickAsync("#save");
        await Expect(officer.Locator("#entry-message")).ToContainTextAsync("Saved 3 figures", new() { UseInnerText = true });
        await Expect(Cell(officer, "ntm-xa-nang-cao.t1")).ToHaveValueAsync("55.5");
        await Axe(officer, form + " (saved)", failures);
        var submit = officer.Locator("[data-set='ntm-xa-nang-cao'] button[data-step='submit']");
        await Expect(submit).ToHaveTextAsync("Save and submit");
        await submit.ClickAsync();
        await Expect(officer.Locator("[data-set='ntm-xa-nang-cao'] .step-result")).ToContainTextAsync("Submitted for review", new() { UseInnerText = true });
        await Axe(officer, form + " (submitted)", failures);
        await BrowserFixture.ScreenshotAsync(officer, "en-entry-form-desktop.png");

        // The district reviewer finds it in the inbox and approves it.
        var reviewer = await EnglishPageAsync("huyen", failures);
        await Visit(reviewer, "/inbox", failures);
        await Expect(reviewer.Locator("h1")).ToHaveTextAsync("My tasks", new() { UseInnerText = true });
        await Expect(reviewer.Locator("#inbox-waiting h2")).ToContainTextAsync("Waiting for review", new() { UseInnerText = true });
        await reviewer.Locator("#inbox-waiting a[href='" + form + "']").First.ClickAsync();
        await reviewer.WaitForURLAsync("**" + form);
        await Axe(reviewer, form + " (to review)", failures);
        var approve = reviewer.Locator("[data-set='ntm-xa-nang-cao'] button[data-step='approve']");
        await Expect(approve).ToHaveTextAsync("Approve", new() { UseInnerText = true });
        await approve.ClickAsync();
        await Expect(reviewer.Locator("[data-set='ntm-xa-nang-cao'] .step-result")).ToContainTextAsync("Approved: the new status is Approved", new() { UseInnerText = true });
        await Expect(reviewer.Locator("[data-set='ntm-xa-nang-cao'] [data-status]")).ToHaveTextAsync("Approved", new() { UseInnerText = true });
        await Axe(reviewer, form + " (approved)", failures);

        // The leader reads the commune page and the summary in English.
        var leader = await EnglishPageAsync("lanhdao", failures);
        await Visit(leader, "/communes/nam-son?period=2023-Q4", failures);
        await Expect(leader.Locator("h1")).ToHaveTextAsync("Nam Sơn commune", new() { UseInnerText = true });
        await Expect(leader.Locator("main")).ToContainTextAsync("Attainment of the criteria sets", new() { UseInnerText = true });
        await Expect(leader.Locator("main")).ToContainTextAsync("Computed from entered figures", new() { UseInnerText = true });
        await Visit(leader, "/reports/summary?unit=ba-che&period=2023-Q3", failures);
        var summary = leader.Locator("#summary");
        foreach (var text in new[] { "Summary of the National Target Programmes", "Q3 2023", "billion VND" })
        {
            await Expect(summary).ToContainTextAsync(text, new() { UseInnerText = true });
        }

        await Expect(summary).Not.ToContainTextAsync("tỷ đồng", new() { UseInnerText = true });
        await BrowserFixture.ScreenshotAsync(leader, "en-summary-desktop.png");
        await Visit(leader, "/dashboard?unit=ba-che&period=2023-Q3", failures);
        await Expect(leader.Locator("nav[aria-label='Main navigation']")).ToContainTextAsync("Dashboard", new() { UseInnerText = true });
        await Expect(leader.Locator("#heatmap-title")).ToHaveTextAsync(new Regex("^Attainment of the criteria sets"), new() { UseInnerText = true });
        await Expect(leader.Locator("#at-risk-title")).ToHaveTextAsync("Communes needing attention", new() { UseInnerText = true });
        await BrowserFixture.ScreenshotAsync(leader, "en-dashboard-desktop.png");

        failures.Should().BeEmpty();
    }

    private static ILocator Cell(IPage page, string code) => page.Locator($"[data-indicator='{code}'] input.value-input");

    /// <summary>Signs in through the form (in Vietnamese, the default), then chooses English with the keyboard from the navigation's switch.</summary>
    private async Task<IPage> EnglishPageAsync(string user, List<string> failures)
    {
        var page = await _fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, user);
        await Axe(page, page.Url, failures);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        var english = page.Locator(".language-switch a[data-culture='en']");
        await english.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        await Axe(page, page.Url, failures);
        return page;
    }

    private static async Task Visit(IPage page, string path, List<string> failures)
    {
        await page.GotoAsync(path);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Axe(page, path, failures);
    }

    private static async Task Axe(IPage page, string path, List<string> failures) =>
        failures.AddRange(await BrowserFixture.AxeViolationsAsync(page, path));
}
