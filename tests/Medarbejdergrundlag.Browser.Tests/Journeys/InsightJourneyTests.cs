using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Medarbejdergrundlag.Content.Insight;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>HR reads the insight page on a phone: accessible, and every chart says what its table says.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InsightJourneyTests(BrowserFixture fixture)
{
    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    [Fact]
    public async Task AReaderFollowingTheSecondResultFiveTimesShowsAsFiveClicksAtPositionTwo()
    {
        // A query no other journey searches, so the figures are this test's.
        const string query = "handlekraft";
        await using (var readerContext = await fixture.NewContextAsync(1280, "medarbejder"))
        {
            var reader = await readerContext.NewPageAsync();
            for (var i = 0; i < 5; i++)
            {
                await reader.GotoAsync("/soeg?q=" + query);
                var second = reader.Locator(".search-results .search-result__title a").Nth(1);
                // The result links are the pages' own addresses, to copy and share: no counting hop.
                var href = await second.GetAttributeAsync("href");
                Assert.False(href!.Contains("/soeg", StringComparison.Ordinal), href);
                await second.ClickAsync();
                await reader.WaitForURLAsync(url => !url.Contains("/soeg", StringComparison.Ordinal));
            }

            // The beacons arrive on their own time: flush until all five are in (or give up and fail
            // below). The reader's browser stays open meanwhile, so that closing it cannot cut off the
            // last beacon on a busy machine.
            var flusher = fixture.Server.Services.GetRequiredService<InsightFlusher>();
            long clicks = 0;
            for (var deadline = DateTime.UtcNow.AddSeconds(30); clicks < 5 && DateTime.UtcNow < deadline; await Task.Delay(200))
            {
                Assert.True(await flusher.FlushAsync());
                await using var db = fixture.Server.Database.NewContext();
                clicks = await db.SearchClickCounts.Where(c => c.Query == query && c.Position == 2).SumAsync(c => c.Count);
            }
        }

        await using var context = await fixture.NewContextAsync(1280, "hr-redaktoer");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/indsigt");
        var row = page.Locator("table.insight-searches tbody tr").Filter(new() { Has = page.Locator("th", new() { HasText = query }) });
        await Assertions.Expect(row.Locator("td").Last).ToHaveTextAsync("nr. 2: 5");
    }

    [Fact]
    public async Task HrOpensInsightOnAPhoneAndEachChartMatchesItsTable()
    {
        await using (var readerContext = await fixture.NewContextAsync(1280, "medarbejder"))
        {
            var reader = await readerContext.NewPageAsync();
            for (var i = 0; i < 6; i++)
            {
                await reader.GotoAsync("/pejlemaerker/mod");
            }
        }

        Assert.True(await fixture.Server.Services.GetRequiredService<InsightFlusher>().FlushAsync());

        await using var context = await fixture.NewContextAsync(375, "hr-redaktoer");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/indsigt");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Indsigt");
        await Axe.AssertNoViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("insight-375.png"), FullPage = true });

        // Nothing wider than the phone.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 375 px");

        var charts = page.Locator("figure.day-chart");
        Assert.True(await charts.CountAsync() >= 1);
        for (var c = 0; c < await charts.CountAsync(); c++)
        {
            var chart = charts.Nth(c);
            Assert.True((await chart.Locator("svg").BoundingBoxAsync())!.Width <= 375);
            var bars = await chart.Locator("rect.day-chart__bar").EvaluateAllAsync<string[][]>("rs => rs.map(r => [r.dataset.day, r.dataset.value, r.getAttribute('height')])");
            var rows = await chart.Locator("tbody tr").EvaluateAllAsync<string[][]>("rs => rs.map(r => [r.dataset.day, r.querySelector('td').dataset.value, r.querySelector('td').textContent.trim()])");
            Assert.Equal(bars.Select(b => (b[0], b[1])), rows.Select(r => (r[0], r[1])));
            var max = Math.Max(1, bars.Max(b => b[1] == "" ? 0 : long.Parse(b[1], Invariant)));
            foreach (var (bar, row) in bars.Zip(rows))
            {
                // A shown figure is a bar in proportion and the same number in the table; a hidden one
                // is no bar, and the table says why.
                long? value = bar[1] == "" ? null : long.Parse(bar[1], Invariant);
                Assert.Equal(Math.Round((value ?? 0) * 98.0 / max, 2), double.Parse(bar[2], Invariant), 2);
                if (value is { } shown)
                {
                    Assert.Equal(shown.ToString("N0", Medarbejdergrundlag.Content.PortalCulture.Danish), row[2]);
                }
                else
                {
                    Assert.Contains(row[2], new[] { "færre end 5", "vises ikke" });
                }
            }
        }

        var today = await page.Locator("#visninger-pr-dag rect.day-chart__bar").Last.GetAttributeAsync("data-value");
        Assert.True(long.Parse(today!, Invariant) >= 6, $"today's views: {today}");
    }
}
