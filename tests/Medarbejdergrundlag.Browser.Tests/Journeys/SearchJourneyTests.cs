using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>An employee searches from the header and lands on the exact section a result names.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchJourneyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task EmployeeSearchesFromTheHeaderAndAResultOpensTheCharterAtThatSection(int width)
    {
        await using var context = await fixture.NewContextAsync(width);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, fixture.Server.BaseUrl);
        await page.GotoAsync("/pejlemaerker/mod");

        var header = page.Locator("header");
        if (width < 768)
        {
            // On a phone, the search box is in the header's menu.
            await header.Locator("summary.site-menu__toggle").ClickAsync();
        }

        await header.GetByRole(AriaRole.Searchbox, new() { Name = "Søg" }).FillAsync("samskabelse");
        await header.GetByRole(AriaRole.Button, new() { Name = "Søg" }).ClickAsync();
        await page.WaitForURLAsync("**/soeg?q=samskabelse");
        await Assertions.Expect(page.Locator(".search-message")).ToContainTextAsync("for »samskabelse«");
        await Axe.AssertNoViolationsAsync(page);

        // The leg Samskabelse is a section of the charter: its result links to the section's anchor.
        var result = page.Locator(".search-results").GetByRole(AriaRole.Link, new() { Name = "Samskabelse", Exact = true });
        Assert.Equal("/medarbejdergrundlag#samskabelse", await result.GetAttributeAsync("href"));
        await result.ClickAsync();

        await page.WaitForURLAsync("**/medarbejdergrundlag#samskabelse");
        await AssertTargetInViewAsync(page, "samskabelse", "Samskabelse");
        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task EmployeeSearchesWithTheKeyboardAloneAndLandsOnAPhoenixHeading()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, fixture.Server.BaseUrl);
        await page.GotoAsync("/");

        await Keyboard.TabToAsync(page, f => f.Name == "q", "the header's search field");
        // Æ, ø and å may be typed as ae, oe and aa, as on a keyboard without them.
        await page.Keyboard.TypeAsync("forandringer saetter nye krav");
        await Assertions.Expect(page.Locator("#site-search-q")).ToHaveValueAsync("forandringer saetter nye krav");
        await Keyboard.EnterAndWaitForPageAsync(page, url => url.Contains("/soeg?q=forandringer+saetter+nye+krav", StringComparison.Ordinal), "the search results");
        await Assertions.Expect(page.Locator(".search-message")).ToContainTextAsync("»forandringer saetter nye krav«");

        const string anchor = "/phoenix#afsnit-phoenix-forandringer-saetter-nye-krav-til-kompetenceudvikling";
        await Keyboard.TabToAsync(page, f => f.Href == anchor, "the result for the Phønix heading");
        await Keyboard.EnterAndWaitForPageAsync(page, url => url.EndsWith(anchor, StringComparison.Ordinal), "the Phønix page");

        await AssertTargetInViewAsync(page, "afsnit-phoenix-forandringer-saetter-nye-krav-til-kompetenceudvikling", "Forandringer sætter nye krav til kompetenceudvikling");
        Assert.Empty(watch.Problems);
    }

    /// <summary>The element the address names is the :target, shows the expected heading, and is on screen.</summary>
    private static async Task AssertTargetInViewAsync(IPage page, string id, string heading)
    {
        var target = page.Locator(":target");
        await Assertions.Expect(target).ToHaveIdAsync(id);
        Assert.StartsWith(heading, (await target.InnerTextAsync()).Trim());
        await Assertions.Expect(target).ToBeInViewportAsync();
        // Its top, not just some part of it, is on screen: the reader starts at the heading.
        var top = await target.EvaluateAsync<double>("el => el.getBoundingClientRect().top");
        Assert.InRange(top, -1, await page.EvaluateAsync<double>("() => innerHeight / 2"));
    }
}
