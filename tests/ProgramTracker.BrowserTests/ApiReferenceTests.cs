using static Microsoft.Playwright.Assertions;

namespace ProgramTracker.BrowserTests;

/// <summary>The API's interactive reference (/api/reference, Scalar) as a signed-in integrator reads it: operations, their errors and the seed's examples.</summary>
[Trait("Category", "Browser")]
public sealed class ApiReferenceTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_reference_shows_each_operation_with_its_errors_and_the_Nam_Son_examples()
    {
        var page = await fixture.SignedInPageAsync("lanhdao");
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync("/api/reference/");

        await Expect(page.GetByText("ProgramTracker API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The reference renders a group's operations once it is opened: as a reader would, from the sidebar.
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Group - Forms" }).ClickAsync();
        await page.GetByText("Save values of one form").First.ClickAsync();
        var main = page.Locator("body");
        await Expect(main).ToContainTextAsync("The write conflicts with the stored state", new() { UseInnerText = true });
        await Expect(main).ToContainTextAsync("Some values are not valid for their indicator", new() { UseInnerText = true });
        await Expect(main).ToContainTextAsync("Theo rà soát quý III", new() { UseInnerText = true });
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "api-reference-desktop.png", fullPage: false);
        errors.Should().BeEmpty("the reference page's policy lets Scalar run");
    }
}
