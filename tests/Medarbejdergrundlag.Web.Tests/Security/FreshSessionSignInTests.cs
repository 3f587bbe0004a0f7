using System.Net;
using Medarbejdergrundlag.Web.Security;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// Every sign-in gets a session key of its own (issue 33), also when the request carries another
/// session, over HTTP and HTTPS, and also when no middleware has read the cookie before.
/// </summary>
public sealed class FreshSessionSignInTests
{
    [Theory]
    [InlineData("http://localhost", "mg.session=")]
    [InlineData("https://localhost", "__Host-mg.session=")]
    public async Task ASignInOverAnotherSessionSetsOnlyTheNewSessionCookie(string origin, string cookie)
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreatePlainClient(origin);
        await PortalFactory.PersonaSignInAsync(browser, "medarbejder");

        var response = await PortalFactory.PersonaSignInAsync(browser, "hr-redaktoer");

        var set = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.Contains("mg.session=", StringComparison.Ordinal));
        Assert.StartsWith(cookie, set, StringComparison.Ordinal);
        Assert.NotEqual(cookie, set.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task ASignInCalledWithoutTheMiddlewareStillEndsTheSessionTheRequestCarries()
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateCookielessClient();
        var old = await PersonaSignIn.SessionCookieAsync(browser, "medarbejder");
        using var scope = factory.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Headers.Cookie = old;
        // A cookie another part of the request has set is no business of the sign-in; it stays, even
        // when its name merely begins with the session cookie's.
        context.Response.Headers.SetCookie = "mg.session-hint=1; path=/";

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Persona.Find("medarbejder")!.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));

        var fresh = Assert.Single(context.Response.Headers.SetCookie, c => c!.StartsWith("mg.session=", StringComparison.Ordinal))!.Split(';')[0];
        Assert.NotEqual(old, fresh);
        Assert.Equal(["mg.session-hint=1; path=/"], context.Response.Headers.SetCookie.Where(c => !c!.StartsWith("mg.session=", StringComparison.Ordinal)));
        await using var db = factory.Database.NewContext();
        Assert.Equal([true, false], await db.UserSessions.OrderBy(s => s.CreatedAt).Select(s => s.EndedAt != null).ToListAsync());
    }

    [Fact]
    public async Task ASignInToASchemeThatCannotSignInFailsAndDoesNotFallBackToTheCookie()
    {
        using var factory = new PortalFactory();
        using var scope = factory.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            context.SignInAsync("Other", Persona.Find("medarbejder")!.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme)));

        Assert.Contains("'Other'", refused.Message, StringComparison.Ordinal);
        await using var db = factory.Database.NewContext();
        Assert.Equal(0, await db.UserSessions.CountAsync());
    }
}
