using Medarbejdergrundlag.Web.Insight;
using Microsoft.AspNetCore.Http;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>
/// Which requests insight counts, header by header: each prefetch header and each crawler word on its
/// own, so that dropping one of them from the rule is noticed (<see cref="InsightTests"/> shows the
/// whole path from request to HR's page).
/// </summary>
public sealed class InsightRequestsTests
{
    private const string Browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    [Theory]
    [InlineData("Sec-Purpose", "prefetch")]
    [InlineData("Sec-Purpose", "prefetch;prerender")]
    [InlineData("Sec-Purpose", "PRERENDER")]
    [InlineData("Purpose", "prefetch")]
    [InlineData("Purpose", "Prerender")]
    [InlineData("X-Moz", "prefetch")]
    [InlineData("X-Moz", "prerender")]
    public void APrefetchOrPrerenderNamedInAnyOfItsHeadersIsNotCounted(string header, string value)
    {
        var request = Request(HttpMethods.Get, Browser);
        request.Headers[header] = value;

        Assert.False(InsightRequests.FromPerson(request));
        Assert.False(InsightRequests.Countable(request));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; SiteCrawler/1.0)")]
    [InlineData("Mozilla/5.0 (compatible; Baiduspider/2.0)")]
    [InlineData("Mozilla/5.0 (compatible; Yahoo! Slurp)")]
    [InlineData("facebookexternalhit/1.1")]
    [InlineData("Microsoft Office/16.0 (Link Preview)")]
    [InlineData("UptimeMonitor/2.0")]
    public void ACrawlerALinkPreviewOrAMonitorIsNotCounted(string userAgent)
    {
        var request = Request(HttpMethods.Get, userAgent);

        Assert.False(InsightRequests.FromPerson(request));
        Assert.False(InsightRequests.Countable(request));
    }

    [Theory]
    [InlineData("Sec-Purpose", "")]
    [InlineData("Purpose", "navigate")]
    [InlineData("X-Moz", "other")]
    public void AReadersGetIsCountedEvenWithAPurposeHeaderThatIsNoPrefetch(string header, string value)
    {
        var request = Request(HttpMethods.Get, Browser);
        request.Headers[header] = value;

        Assert.True(InsightRequests.FromPerson(request));
        Assert.True(InsightRequests.Countable(request));
    }

    [Theory]
    [InlineData("HEAD")]
    [InlineData("POST")]
    public void OnlyAGetIsCountedThoughAnyMethodComesFromAPerson(string method)
    {
        var request = Request(method, Browser);

        Assert.True(InsightRequests.FromPerson(request));
        Assert.False(InsightRequests.Countable(request));
    }

    [Fact]
    public void ARequestWithoutAUserAgentComesFromAPerson()
    {
        var request = new DefaultHttpContext().Request;
        request.Method = HttpMethods.Get;

        Assert.True(InsightRequests.Countable(request));
    }

    private static HttpRequest Request(string method, string userAgent)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Headers.UserAgent = userAgent;
        return request;
    }
}
