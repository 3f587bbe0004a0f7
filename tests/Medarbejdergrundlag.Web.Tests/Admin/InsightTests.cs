using System.Net;
using System.Text;
using Medarbejdergrundlag.Content.Insight;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>HR's insight through HTTP: what is counted, what is shown, and what never reaches the database.</summary>
public sealed class InsightTests
{
    [Fact]
    public async Task SixReadersViewingAPageTwiceEachShowTwelveAndPrefetchesHeadsAndRobotsCountNothing()
    {
        using var factory = new PortalFactory();
        var readers = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            readers.Add(await factory.SignedInClientAsync());
        }

        // Written in two rounds, so the second adds to the rows the first made.
        foreach (var round in new[] { 1, 2 })
        {
            foreach (var reader in readers)
            {
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/pejlemaerker/mod")).StatusCode);
            }

            Assert.True(await FlushAsync(factory));
        }

        var other = readers[0];
        using (var head = new HttpRequestMessage(HttpMethod.Head, "/pejlemaerker/mod"))
        {
            await other.SendAsync(head);
        }

        foreach (var (name, value) in new[] { ("Sec-Purpose", "prefetch;prerender"), ("Purpose", "prefetch"), ("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/pejlemaerker/mod");
            request.Headers.TryAddWithoutValidation(name, value);
            Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(request)).StatusCode);
        }

        Assert.True(await FlushAsync(factory));
        var hr = await factory.SignedInClientAsync("hr-redaktoer");
        var page = await hr.GetDocumentAsync("/admin/indsigt");
        var row = page.QuerySelector("table.insight-pages tr[data-path='/pejlemaerker/mod']")!;
        Assert.Equal("Mod", row.QuerySelector("th")!.Text().Trim());
        Assert.Equal("12", row.QuerySelector("td[data-figure='7']")!.Text());
        Assert.Equal("12", row.QuerySelector("td[data-figure='90']")!.Text());
        // Today's bar and table row say the same.
        var today = factory.Services.GetRequiredService<InsightCounter>().Today.ToString("yyyy-MM-dd");
        Assert.Equal("12", page.QuerySelector($"#visninger-pr-dag rect[data-day='{today}']")!.GetAttribute("data-value"));
        Assert.Equal("12", page.QuerySelector($"#visninger-pr-dag tr[data-day='{today}'] td")!.Text());
    }

    [Fact]
    public async Task AZeroResultSearchMadeSixTimesIsListedAndOneMadeFourTimesIsNot()
    {
        using var factory = new PortalFactory();
        var reader = await factory.SignedInClientAsync();
        for (var i = 0; i < 6; i++)
        {
            await reader.GetAsync("/soeg?q=Xyzzy+Blomsterkasse");
        }

        for (var i = 0; i < 4; i++)
        {
            await reader.GetAsync("/soeg?q=qwertyfisk");
        }

        for (var i = 0; i < 5; i++)
        {
            await reader.GetAsync("/soeg?q=mod");
        }

        Assert.True(await FlushAsync(factory));
        var hr = await factory.SignedInClientAsync("hr-redaktoer");
        var page = await hr.GetDocumentAsync("/admin/indsigt");
        var zero = page.QuerySelector("table.insight-zero")!;
        var listed = zero.QuerySelectorAll("tbody tr").Select(r => (Query: r.QuerySelector("th")!.Text(), Count: r.QuerySelector("td[data-figure=count]")!.Text())).ToList();
        Assert.Equal([("xyzzy blomsterkasse", "6")], listed);
        Assert.NotNull(zero.QuerySelector("tbody tr a[href]"));
        var top = page.QuerySelector("table.insight-searches")!.QuerySelectorAll("tbody tr th").Select(t => t.Text()).ToList();
        Assert.Equal(["mod"], top);
        Assert.DoesNotContain("qwertyfisk", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACprLikeQueryNeverReachesTheDatabaseFile()
    {
        using var factory = new PortalFactory();
        var reader = await factory.SignedInClientAsync();
        string[] secrets = ["010190-1234", "0101901234", "65 51 10 00", "hanne.hansen@odense.dk"];
        foreach (var secret in secrets)
        {
            for (var i = 0; i < 6; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/soeg?q={Uri.EscapeDataString("ferie " + secret)}")).StatusCode);
            }
        }

        Assert.True(await FlushAsync(factory));
        Assert.True(File.Exists(factory.DatabasePath));
        foreach (var file in new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in new[] { "010190", "0101901234", "65 51 10 00", "hanne.hansen" })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret} is in {Path.GetFileName(file)}");
            }
        }

        await using (var db = factory.Database.NewContext())
        {
            var queries = await db.SearchCounts.Select(c => c.Query).ToListAsync();
            Assert.Equal(["ferie [cpr]", "ferie [e-mail]", "ferie [telefon]"], queries.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task WithCountingSwitchedOffNothingIsCounted()
    {
        using var factory = new PortalFactory().With("Insight:Enabled", "false");
        var reader = await factory.SignedInClientAsync();
        await reader.GetAsync("/pejlemaerker/mod");
        await reader.GetAsync("/soeg?q=mod");
        Assert.True(await FlushAsync(factory));
        await using var db = factory.Database.NewContext();
        Assert.Equal(0, await db.PageViewCounts.CountAsync() + await db.SearchCounts.CountAsync());
    }

    private static Task<bool> FlushAsync(PortalFactory factory) => factory.Services.GetRequiredService<InsightFlusher>().FlushAsync();
}
