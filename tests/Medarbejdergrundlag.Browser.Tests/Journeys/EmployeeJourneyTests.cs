using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>An employee signs in, reads the charter, follows a bearing, moves on, and copies a link.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmployeeJourneyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task EmployeeSignsInReadsTheCharterFollowsABearingAndMovesToTheNext(int width)
    {
        await using var context = await fixture.NewContextAsync(width, persona: null);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, fixture.Server.BaseUrl);

        // A link from onboarding material leads to the sign-in, and back to the charter after it.
        await page.GotoAsync("/medarbejdergrundlag");
        Assert.Contains("/konto/log-ind", page.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Medarbejder" }).ClickAsync();
        await page.WaitForURLAsync("**/medarbejdergrundlag");
        Assert.Equal("Medarbejdergrundlag: Sammen om udvikling", await page.Locator("h1").InnerTextAsync());
        if (width < 768)
        {
            // On a phone, signing out is behind the header's menu button.
            await page.Locator("summary.site-menu__toggle").ClickAsync();
        }

        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Log ud" }).IsVisibleAsync());

        // The table of contents jumps to the bearing in the charter, and from there to its own page.
        await page.Locator("nav.toc").GetByRole(AriaRole.Link, new() { Name = "Mod", Exact = true }).ClickAsync();
        Assert.EndsWith("#mod", page.Url);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mere om Mod" }).ClickAsync();
        await page.WaitForURLAsync("**/pejlemaerker/mod");
        Assert.Equal("Mod", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Pejlemærke 1 af 4", await page.Locator(".hero__kicker").TextContentAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Næste pejlemærke: Udvikling" }).ClickAsync();
        await page.WaitForURLAsync("**/pejlemaerker/udvikling");
        Assert.Equal("Udvikling", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Pejlemærke 2 af 4", await page.Locator(".hero__kicker").TextContentAsync());

        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task EmployeeDoesTheSameWithTheKeyboardAloneAndAlwaysSeesFocus()
    {
        await using var context = await fixture.NewContextAsync(persona: null);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, fixture.Server.BaseUrl);

        await page.GotoAsync("/medarbejdergrundlag");
        await Keyboard.TabToAsync(page, f => f.Name == "persona" && f.Value == "medarbejder", "the Medarbejder persona");
        await Keyboard.EnterAndWaitForPageAsync(page, "**/medarbejdergrundlag");

        await Keyboard.TabToAsync(page, f => f.Href == "#mod", "the table of contents' link to Mod");
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#mod", page.Url);
        // After the jump, Tab continues from the Mod section, not from the top of the page.
        await Keyboard.TabToAsync(page, f => f.Href == "/pejlemaerker/mod", "Mere om Mod", maxTabs: 5);
        await Keyboard.EnterAndWaitForPageAsync(page, "**/pejlemaerker/mod");

        await Keyboard.TabToAsync(page, f => f.Href == "/pejlemaerker/udvikling" && f.Text.StartsWith("Næste", StringComparison.Ordinal), "Næste pejlemærke");
        await Keyboard.EnterAndWaitForPageAsync(page, "**/pejlemaerker/udvikling");
        Assert.Equal("Udvikling", await page.Locator("h1").InnerTextAsync());

        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task EmployeeCopiesASectionsLinkAndGetsTheSectionsAddress()
    {
        await using var context = await fixture.NewContextAsync(clipboard: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/medarbejdergrundlag");

        var section = page.Locator("section#social-kapital");
        await section.GetByRole(AriaRole.Button, new() { Name = "Kopiér link til Social kapital" }).ClickAsync();

        await Assertions.Expect(section.GetByRole(AriaRole.Status)).ToHaveTextAsync("Linket er kopieret.");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(fixture.Server.Url("/medarbejdergrundlag#social-kapital"), copied);

        // The copied address opens the charter at that section.
        await page.GotoAsync(copied);
        Assert.True(await page.Locator("#social-kapital").IsVisibleAsync());
    }

    [Fact]
    public async Task EmployeeCopiesABearingsLinkWithTheKeyboard()
    {
        await using var context = await fixture.NewContextAsync(clipboard: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/pejlemaerker/handlekraft");

        await Keyboard.TabToAsync(page, f => f.Tag == "BUTTON" && f.Text.StartsWith("Kopiér link", StringComparison.Ordinal), "Kopiér link");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".copy-link [role=status]")).ToHaveTextAsync("Linket er kopieret.");
        Assert.Equal(fixture.Server.Url("/pejlemaerker/handlekraft"), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task SkipLinkIsTheFirstTabStopIsVisibleAndMovesFocusToTheContent()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/pejlemaerker/mod");

        await page.Keyboard.PressAsync("Tab");
        var first = await Keyboard.FocusedAsync(page);
        Assert.NotNull(first);
        Assert.Equal("Spring til indhold", first.Text);
        Assert.True(first.FocusIsVisible, $"skip link focus not visible: {first}");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("indhold", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        // The next Tab lands inside the content, past the header's navigation.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"));
    }
}
