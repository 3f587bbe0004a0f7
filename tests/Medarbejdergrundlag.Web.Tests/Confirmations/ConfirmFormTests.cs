using Medarbejdergrundlag.Web.Pages.Bekraeftelse;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Tests.Confirmations;

/// <summary>The confirm form on the charter: one HTML encoder, and a bounded memory of its tokens.</summary>
public sealed class ConfirmFormTests
{
    [Fact]
    public async Task TheCharterWritesDanishLettersAsThemselvesInTheReadersOwnPartsToo()
    {
        using var factory = new PortalFactory();
        var client = await factory.SignedInClientAsync("hr-redaktoer");
        var html = await client.GetStringAsync("/medarbejdergrundlag");

        // The confirm button and the privacy note come from the per-reader slot, the role menu from the layout's.
        Assert.Contains(">Jeg har læst og forstået medarbejdergrundlaget</button>", html, StringComparison.Ordinal);
        Assert.Contains("Se eller træk dine bekræftelser tilbage", html, StringComparison.Ordinal);
        Assert.Contains(">Til ledere</a>", html, StringComparison.Ordinal);
        foreach (var entity in new[] { "&#xE6;", "&#xF8;", "&#xE5;", "&#xC6;", "&#xD8;", "&#xC5;" })
        {
            Assert.DoesNotContain(entity, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ConfirmTokensAreRememberedInABoundedMemoryOfTheirOwnNeverInTheSharedCache()
    {
        const int limit = 10;
        using var factory = new PortalFactory().WithServices(services => services.AddSingleton(provider => new FormTokens(
            provider.GetRequiredService<IAntiforgery>(), provider.GetRequiredService<IOptions<AntiforgeryOptions>>(), limit)));
        var client = factory.CreateCookielessClient();
        var session = await PersonaSignIn.SessionCookieAsync(client);
        await client.GetWithCookieAsync("/medarbejdergrundlag", session);
        var shared = (MemoryCache)factory.Services.GetRequiredService<IMemoryCache>();
        var tokens = factory.Services.GetRequiredService<FormTokens>();
        var before = shared.Count;

        // A client can have as many valid antiforgery cookies as it asks for: each is worth one token.
        for (var i = 0; i < 3 * limit; i++)
        {
            var fresh = await client.GetWithCookieAsync("/medarbejdergrundlag", session);
            var cookie = fresh.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0]).Single(v => v.StartsWith("mg.af=", StringComparison.Ordinal));
            var page = await client.GetWithCookieAsync("/medarbejdergrundlag", session + "; " + cookie);
            Assert.Contains("__RequestVerificationToken", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, shared.Count);
        Assert.InRange(tokens.Count, 1, limit);
    }
}
