using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Browser.Tests.Accessibility;

/// <summary>No console errors, no failed requests, nothing fetched from another origin, on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HygieneTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryPageLoadsWithoutConsoleErrorsFailedRequestsOrOtherOrigins()
    {
        var catalog = await fixture.CatalogAsync();
        var problems = new List<string>();
        var visited = 0;

        foreach (var (persona, pages) in new[] { ("hr-redaktoer", catalog.Pages), ((string?)null, catalog.AnonymousPages) })
        {
            await using var context = await fixture.NewContextAsync(persona: persona);
            var page = await context.NewPageAsync();
            var watch = new PageWatch(page, fixture.Server.BaseUrl);
            foreach (var portalPage in pages)
            {
                watch.Clear();
                watch.ExpectedDocumentStatus = portalPage.ExpectedStatus;
                var response = await page.GotoAsync(portalPage.Path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                Assert.Equal(portalPage.ExpectedStatus, response?.Status);
                visited++;
                problems.AddRange(watch.Problems.Select(p => $"{portalPage.Path} ({persona ?? "anonym"}): {p}"));
            }
        }

        output.WriteLine($"{visited} page views watched.");
        Assert.True(visited >= 10, $"only {visited} pages visited");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task WatchCatchesACspViolationAndARequestToAnotherOrigin()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, fixture.Server.BaseUrl);
        await page.GotoAsync("/");

        // An inline style breaks the CSP; a navigation to another loopback origin is a foreign request.
        await page.EvaluateAsync("() => { const s = document.createElement('style'); s.textContent = 'p{color:red}'; document.head.append(s); }");
        try
        {
            await page.GotoAsync("http://127.0.0.2:9/", new PageGotoOptions { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            // Nothing listens there: the navigation fails, which the watch records too.
        }

        var problems = watch.Problems;
        Assert.Contains(problems, p => p.StartsWith("console error:", StringComparison.Ordinal) && p.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("request to another origin: http://127.0.0.2:9/", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("request failed:", StringComparison.Ordinal));
    }
}
