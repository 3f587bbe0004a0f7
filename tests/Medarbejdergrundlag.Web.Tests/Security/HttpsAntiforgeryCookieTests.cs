using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// Over HTTPS the antiforgery cookie travels as __Host-mg.af (Secure, Path=/, no Domain) and only that
/// cookie is read back: a plain mg.af, which a subdomain could plant, counts for nothing.
/// </summary>
public sealed class HttpsAntiforgeryCookieTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task AFormOverHttpsSetsAHostPrefixedCookieThatItsPostNeeds()
    {
        using var client = Client();
        var page = await client.GetAsync("/konto/log-ind");
        var setCookies = page.Headers.GetValues("Set-Cookie").ToList();
        var cookie = Assert.Single(setCookies, c => c.StartsWith("__Host-mg.af=", StringComparison.Ordinal));
        Assert.DoesNotContain(setCookies, c => c.StartsWith("mg.af=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain", StringComparison.Ordinal));
        var value = cookie.Split(';')[0]["__Host-mg.af=".Length..];
        var token = PortalFactory.AntiforgeryTokenFrom(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, "__Host-mg.af=" + value, token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(client, null, token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(client, "mg.af=" + value, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, "other=1; __Host-mg.af=" + value, token)).StatusCode);
    }

    [Fact]
    public async Task TheCookieIsPrefixedAlsoWhenTheResponseSetsAnotherCookieBesideIt()
    {
        // Something earlier in the request (a renewed session cookie, say) has set a cookie of its own.
        using var factory = new PortalFactory().WithServices(services => services.AddTransient<IStartupFilter, SetsAnotherCookie>());
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://localhost"),
        });

        var setCookies = (await client.GetAsync("/konto/log-ind")).Headers.GetValues("Set-Cookie").ToList();

        Assert.Contains("mg.other=1; path=/; secure", setCookies);
        Assert.Single(setCookies, c => c.StartsWith("__Host-mg.af=", StringComparison.Ordinal));
        Assert.DoesNotContain(setCookies, c => c.StartsWith("mg.af=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverPlainHttpTheCookieKeepsItsName()
    {
        using var client = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var page = await client.GetAsync("/konto/log-ind");

        var setCookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(setCookies, c => c.StartsWith("mg.af=", StringComparison.Ordinal));
        Assert.DoesNotContain(setCookies, c => c.StartsWith("__Host-", StringComparison.Ordinal));
    }

    private HttpClient Client() => portal.Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = new Uri("https://localhost"),
    });

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string? cookie, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/log-ind")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["persona"] = "medarbejder",
                ["__RequestVerificationToken"] = token,
            }),
        };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await client.SendAsync(request);
    }

    private sealed class SetsAnotherCookie : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Response.Headers.Append("Set-Cookie", "mg.other=1; path=/; secure");
                return following(context);
            });
            next(app);
        };
    }
}
