using System.Net;
using Medarbejdergrundlag.Web.Security;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// With a provider configured, its origin joins form-action everywhere, and only the front-channel
/// logout path may be framed, by that origin alone; every other page stays unframeable.
/// </summary>
public sealed class FrontChannelFramingTests : OidcPortalTests
{
    [Fact]
    public async Task OnlyTheFrontChannelLogoutPathMayBeFramedAndOnlyByTheProvider()
    {
        var origin = new Uri(Issuer.Issuer).GetLeftPart(UriPartial.Authority);
        using var client = Portal.CreatePlainClient();

        var page = await client.GetAsync("/konto/log-ind");
        var frontChannel = await client.GetAsync("/signout-oidc");

        Assert.Equal(
            SecurityHeaders.ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {origin}", StringComparison.Ordinal),
            Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
        Assert.Equal(
            SecurityHeaders.ContentSecurityPolicy
                .Replace("form-action 'self'", $"form-action 'self' {origin}", StringComparison.Ordinal)
                .Replace("frame-ancestors 'none'", $"frame-ancestors {origin}", StringComparison.Ordinal),
            Assert.Single(frontChannel.Headers.GetValues("Content-Security-Policy")));
        Assert.False(frontChannel.Headers.Contains("X-Frame-Options"));
    }

    [Theory]
    [InlineData("https://login.odense.example/tenant/v2.0", "https://login.odense.example")]
    [InlineData("http://127.0.0.1:5001/realms/odense", "http://127.0.0.1:5001")]
    [InlineData("ftp://login.odense.example/", null)]
    [InlineData("login.odense.example", null)]
    [InlineData(null, null)]
    public void TheProvidersOriginJoinsFormActionOnlyForAnHttpAddress(string? authority, string? origin)
    {
        var expected = origin is null
            ? SecurityHeaders.ContentSecurityPolicy
            : SecurityHeaders.ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {origin}", StringComparison.Ordinal);

        Assert.Equal(expected, SecurityHeaders.PolicyFor(authority));
    }
}
