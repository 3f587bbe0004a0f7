using Medarbejdergrundlag.Oidc.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Oidc.Tests;

/// <summary>
/// Sign-in as an employee does it: headless Chromium, the portal on Kestrel, and the real npm
/// oidc-provider with its own login page. Nothing is faked between the browser and the two servers.
/// </summary>
[Collection(SignInCollection.Name)]
public sealed class BrowserSignInTests(SignInFixture fixture)
{
    [Fact]
    public async Task FullSignInReturnsToThePageFirstAskedFor()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(fixture.PortalUrl + "/pejlemaerker/mod?fra=onboarding");
        await AtProviderAsync(page);
        await SignInAtProviderAsync(page, "mette");

        await WaitForUrlAsync(page, fixture.PortalUrl + "/pejlemaerker/mod?fra=onboarding");
        Assert.Equal("Mod", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Mette Madsen", await page.Locator(".site-header__user").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnHrGroupMemberReachesAdmin()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(fixture.PortalUrl + "/admin");
        await SignInAtProviderAsync(page, "hanne");
        await WaitForUrlAsync(page, fixture.PortalUrl + "/admin");

        var response = await page.ReloadAsync();
        Assert.Equal(200, response!.Status);
        Assert.Equal("Administration", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Hanne Hansen", await page.Locator(".site-header__user").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnEmployeeOutsideTheHrGroupGets403OnAdmin()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(fixture.PortalUrl + "/admin");
        await SignInAtProviderAsync(page, "mette");
        await WaitForUrlAsync(page, fixture.PortalUrl + "/admin");

        var response = await page.ReloadAsync();
        Assert.Equal(403, response!.Status);
        Assert.Equal("Du har ikke adgang", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(0, await page.Locator("a[href='/admin']").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignOutEndsThePortalSessionAndTheProviderSession()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.PortalUrl + "/");
        await SignInAtProviderAsync(page, "hanne");
        await WaitForUrlAsync(page, fixture.PortalUrl + "/");

        // Signing out is confirmed on a page of its own, so no page carries a form token for it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Log ud" }).ClickAsync();
        await WaitForUrlAsync(page, fixture.PortalUrl + "/konto/log-ud");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        // The provider asks whether to end its session too, as Entra ID and Keycloak do.
        await page.Locator("#op-logout-yes").ClickAsync();

        await WaitForUrlAsync(page, fixture.PortalUrl + "/konto/log-ind?logget-ud=true");
        Assert.Equal("Du er nu logget ud.", await page.Locator(".notice").InnerTextAsync());
        var portalCookies = await page.Context.CookiesAsync([fixture.PortalUrl]);
        Assert.DoesNotContain(portalCookies, c => c.Name.StartsWith("mg.session", StringComparison.Ordinal));

        // With the provider session gone, the provider asks for the password again.
        await page.GotoAsync(fixture.PortalUrl + "/admin");
        await AtProviderAsync(page);
        Assert.True(await page.Locator("#op-username").IsVisibleAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WhileTheProviderSessionLastsANewPortalSessionNeedsNoPassword()
    {
        // The control for the sign-out test: without RP-initiated sign-out, the provider session would
        // sign the user straight back in.
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.PortalUrl + "/");
        await SignInAtProviderAsync(page, "hanne");
        await WaitForUrlAsync(page, fixture.PortalUrl + "/");

        await page.Context.ClearCookiesAsync(new() { Domain = "localhost" });
        await page.GotoAsync(fixture.PortalUrl + "/admin");

        await WaitForUrlAsync(page, fixture.PortalUrl + "/admin");
        Assert.Equal("Administration", await page.Locator("h1").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BackChannelLogoutFromTheProviderEndsThePortalSessionInEveryBrowser()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.PortalUrl + "/admin");
        await SignInAtProviderAsync(page, "hanne");
        await WaitForUrlAsync(page, fixture.PortalUrl + "/admin");
        // The same portal session, copied into another browser.
        var other = await fixture.NewPageAsync();
        var session = (await page.Context.CookiesAsync([fixture.PortalUrl])).Single(c => c.Name == "mg.session");
        await other.Context.AddCookiesAsync([new Cookie { Name = session.Name, Value = session.Value, Domain = session.Domain, Path = session.Path }]);
        Assert.Equal(200, (await other.GotoAsync(fixture.PortalUrl + "/admin"))!.Status);

        // The session ends at the provider, not through the portal (as when the user signs out of
        // another application, or IT ends it); the provider tells the portal over the back channel.
        await page.GotoAsync(fixture.Provider.Issuer + "/session/end");
        await page.Locator("#op-logout-yes").ClickAsync();
        await page.Locator("#op-logged-out").WaitForAsync();

        foreach (var browser in new[] { page, other })
        {
            await browser.GotoAsync(fixture.PortalUrl + "/admin");
            await AtProviderAsync(browser);
            Assert.True(await browser.Locator("#op-username").IsVisibleAsync());
        }

        await page.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task ALoginCancelledAtTheProviderEndsOnTheDanishErrorPage()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.PortalUrl + "/admin");

        await page.Locator("#op-abort").ClickAsync();

        await page.WaitForURLAsync(url => url.StartsWith(fixture.PortalUrl + "/konto/log-ind/fejl?ref=", StringComparison.Ordinal));
        Assert.Equal("Log ind lykkedes ikke", await page.Locator("h1").InnerTextAsync());
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("access_denied", text);
        Assert.DoesNotContain("aborted", text);
        await page.Context.CloseAsync();
    }

    // Waits until the browser is back on a portal page (past the sign-in page, which goes on to the
    // provider by itself, and the callbacks), then compares exactly: Playwright's string patterns are
    // globs, in which "?" is a wildcard.
    private async Task WaitForUrlAsync(IPage page, string url)
    {
        await page.WaitForURLAsync(u => u.StartsWith(fixture.PortalUrl + "/", StringComparison.Ordinal)
            && !u.Contains("/konto/log-ind?ReturnUrl=", StringComparison.Ordinal) && !u.Contains("handler=Kommune", StringComparison.Ordinal)
            && !u.Contains("/signin-oidc", StringComparison.Ordinal) && !u.Contains("/signout-callback-oidc", StringComparison.Ordinal));
        Assert.Equal(url, page.Url);
    }

    // The portal's sign-in page has gone on to the provider's login form.
    private Task AtProviderAsync(IPage page) =>
        page.WaitForURLAsync(u => u.StartsWith(fixture.Provider.Issuer + "/interaction/", StringComparison.Ordinal));

    private static async Task SignInAtProviderAsync(IPage page, string user)
    {
        await page.Locator("#op-username").FillAsync(user);
        await page.Locator("#op-password").FillAsync(OidcProviderProcess.Password);
        await page.Locator("#op-login").ClickAsync();
    }
}
