using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>
/// The portal on a phone (issue 31): the header folds into a "Menu" disclosure that needs no
/// script, and stands inline on a wide screen; the charter has a jump to its confirm button and a
/// small share row per section. Screenshots phone-menu-*.png and phone-charter-*.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneJourneyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/medarbejdergrundlag", "da-DK", "Forside", "Log ud", "da")]
    [InlineData("/en/medarbejdergrundlag", "en-GB", "Home", "Sign out", "en")]
    public async Task OnAPhoneTheHeaderFoldsIntoAMenuThatOpensWithTheKeyboardAndNoScript(string path, string locale, string home, string signOut, string name)
    {
        // No script at all: the disclosure is the browser's own.
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 375, Height = 800 },
            Locale = locale,
            JavaScriptEnabled = false,
        });
        await BrowserFixture.SignInAsync(context, "medarbejder");
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        var toggle = page.Locator("summary.site-menu__toggle");
        var homeLink = page.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = home, Exact = true });
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveTextAsync("Menu");
        await Assertions.Expect(homeLink).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = signOut })).ToBeHiddenAsync();
        // The header was 260 of 740 px; folded, it is one row with the menu button in it.
        var header = (await page.Locator(".site-header").BoundingBoxAsync())!;
        Assert.True(header.Height <= 100, $"the folded header is {header.Height} px high");
        var button = (await toggle.BoundingBoxAsync())!;
        Assert.True(button.Width >= 44 && button.Height >= 44, $"the menu button is {button.Width}x{button.Height} px: a target needs 44x44");
        Assert.True(button.Y + button.Height <= header.Y + header.Height && button.X + button.Width <= 375, "the menu button is in the header's first row");
        await AssertNoSidewaysScrollAsync(page, 375);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"phone-menu-lukket-{name}-375.png") });

        // The skip link comes first, then the menu button within reach; Enter opens it, and Tab goes on into it.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("A", (await Keyboard.FocusedAsync(page))!.Tag);
        Assert.Equal("#indhold", (await Keyboard.FocusedAsync(page))!.Href);
        var focused = await Keyboard.TabToAsync(page, f => f.Tag == "SUMMARY", "the menu button", maxTabs: 4);
        Assert.True(focused.FocusIsVisible);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("details.site-menu")).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(homeLink).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = signOut })).ToBeVisibleAsync();
        // First in the menu, the other language (named in it), then the site's pages.
        await Keyboard.TabToAsync(page, f => f.Text == (name == "en" ? "Dansk" : "English"), "the language link", maxTabs: 1);
        await Keyboard.TabToAsync(page, f => f.Text == home, $"the menu's {home}", maxTabs: 1);
        var homeBox = (await homeLink.BoundingBoxAsync())!;
        Assert.True(homeBox.Height >= 44, $"the menu's links are {homeBox.Height} px high");
        await AssertNoSidewaysScrollAsync(page, 375);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"phone-menu-aaben-{name}-375.png") });

        // At 320 px too, closed and open, nothing scrolls sideways.
        await page.SetViewportSizeAsync(320, 640);
        await AssertNoSidewaysScrollAsync(page, 320);
        await toggle.ClickAsync();
        await Assertions.Expect(homeLink).ToBeHiddenAsync();
        await AssertNoSidewaysScrollAsync(page, 320);
    }

    [Theory]
    [InlineData("da-DK", "/medarbejdergrundlag")]
    [InlineData("en-GB", "/en/medarbejdergrundlag")]
    public async Task TheOpenMenuPassesAxeAndHtmlCodeSniffer(string locale, string path)
    {
        // The page catalogue checks every page with the menu closed; this is the menu open.
        await using var context = await fixture.NewContextAsync(375, "hr-redaktoer", locale: locale);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator("summary.site-menu__toggle").ClickAsync();
        await Assertions.Expect(page.Locator("nav.site-nav a[href='/admin']")).ToBeVisibleAsync();

        await Axe.AssertNoViolationsAsync(page);
        Assert.Empty(await HtmlCodeSniffer.ErrorsAsync(page));
    }

    [Fact]
    public async Task EscapeClosesTheOpenMenuAndGivesTheFocusBackToItsButton()
    {
        await using var context = await fixture.NewContextAsync(375);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/medarbejdergrundlag");
        var menu = page.Locator("details.site-menu");
        var homeLink = page.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "Forside", Exact = true });

        await Keyboard.TabToAsync(page, f => f.Tag == "SUMMARY", "the menu button", maxTabs: 4);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menu).ToHaveAttributeAsync("open", "");
        await Keyboard.TabToAsync(page, f => f.Text == "Forside", "the menu's Forside", maxTabs: 2);

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).Not.ToHaveAttributeAsync("open", "");
        await Assertions.Expect(homeLink).ToBeHiddenAsync();
        Assert.Equal("SUMMARY", (await Keyboard.FocusedAsync(page))!.Tag);

        // Escape on the closed menu's button changes nothing; Enter opens it again.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).Not.ToHaveAttributeAsync("open", "");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(homeLink).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(1280, 900, 1)]
    // 200% zoom of a 1280 px window: 640 CSS px at two device pixels each. The menu folds and still works.
    [InlineData(640, 450, 2)]
    public async Task OnAWideScreenTheNavigationStandsInTheHeaderAndAtDoubleZoomItFolds(int width, int height, int scale)
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Server.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = scale,
            Locale = "da-DK",
        });
        await BrowserFixture.SignInAsync(context, "medarbejder");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var toggle = page.Locator("summary.site-menu__toggle");
        var bearings = page.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "Pejlemærker", Exact = true });
        if (scale == 1)
        {
            // Inline, with the disclosure closed; no button to press.
            await Assertions.Expect(toggle).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("details.site-menu")).Not.ToHaveAttributeAsync("open", "");
            await Assertions.Expect(bearings).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log ud" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#site-search-q")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".site-header__language")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("phone-menu-bred-1280.png") });
        }
        else
        {
            await Assertions.Expect(bearings).ToBeHiddenAsync();
            await toggle.ClickAsync();
            await Assertions.Expect(bearings).ToBeVisibleAsync();
            await AssertNoSidewaysScrollAsync(page, width);
            await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("phone-menu-zoom-200.png") });
        }

        await bearings.ClickAsync();
        await page.WaitForURLAsync("**/pejlemaerker");
        await AssertNoSidewaysScrollAsync(page, width);
    }

    [Fact]
    public async Task OnAPhoneTheCharterJumpsToConfirmUntilConfirmedAndSharesSectionsInASmallRow()
    {
        await using var context = await fixture.NewContextAsync(375, "medarbejder", clipboard: true);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, fixture.Server.BaseUrl);
        await page.GotoAsync("/medarbejdergrundlag");
        // The shared server: this employee has not confirmed (every journey that confirms withdraws again).
        await Assertions.Expect(page.Locator("[data-reader-status]")).ToHaveCountAsync(0);

        // Near the top, within the first screen, a jump to the button at the end.
        var jump = page.GetByRole(AriaRole.Link, new() { Name = "Bekræft, at du har læst" });
        await Assertions.Expect(jump).ToBeVisibleAsync();
        Assert.True((await jump.BoundingBoxAsync())!.Y < 400, "the jump is not near the top");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("phone-charter-top-375.png") });

        // Each section: a small row, "Del" (mail), "Link", and "Kopiér link" (script shows it).
        var section = page.Locator("section#social-kapital");
        var share = section.Locator(".share");
        Assert.True((await share.BoundingBoxAsync())!.Height <= 60, "the share row is more than one line on a phone");
        await Assertions.Expect(share.GetByRole(AriaRole.Link, new() { Name = "Del på e-mail: Social kapital" })).ToHaveAttributeAsync("href",
            "mailto:?subject=Medarbejdergrundlaget%3A%20Social%20kapital&body=" + Uri.EscapeDataString(fixture.Server.Url("/medarbejdergrundlag#social-kapital")));
        await share.GetByRole(AriaRole.Button, new() { Name = "Kopiér link til Social kapital" }).ClickAsync();
        await Assertions.Expect(share.GetByRole(AriaRole.Status)).ToHaveTextAsync("Linket er kopieret.");
        Assert.Equal(fixture.Server.Url("/medarbejdergrundlag#social-kapital"), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await share.ScreenshotAsync(new() { Path = Artifacts.PathFor("phone-charter-del-375.png") });
        var pageHeight = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");

        // The jump leads to the button, in view; confirming takes the jump away.
        await jump.ClickAsync();
        Assert.EndsWith("#bekraeft", page.Url);
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Jeg har læst og forstået medarbejdergrundlaget" });
        await Assertions.Expect(confirm).ToBeInViewportAsync();
        await confirm.ClickAsync();
        await Assertions.Expect(page.Locator("#bekraeft [data-reader-status=confirmed]")).ToContainTextAsync("Du bekræftede den");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bekræft, at du har læst" })).ToHaveCountAsync(0);

        // Restore the shared server: withdraw the confirmation again.
        await page.GotoAsync("/konto/bekraeftelser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Træk tilbage" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, træk den tilbage" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(0);
        await page.GotoAsync("/medarbejdergrundlag");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bekræft, at du har læst" })).ToBeVisibleAsync();
        Assert.Empty(watch.Problems);
        Assert.True(pageHeight < 9_800, $"the charter is {pageHeight} px long on a phone");
    }

    [Fact]
    public async Task TheEnglishCharterHasItsOwnJumpAndShareWords()
    {
        await using var context = await fixture.NewContextAsync(375, "medarbejder", locale: "en-GB");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/en/medarbejdergrundlag");

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Confirm that you have read it" })).ToBeVisibleAsync();
        var share = page.Locator("section#social-kapital .share");
        await Assertions.Expect(share.GetByRole(AriaRole.Link, new() { Name = "Share by email: Social kapital" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("phone-charter-top-en-375.png") });
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth} px wide at {width} px: it scrolls sideways");
    }
}
