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

    [Fact]
    public async Task AFollowedResultIsCountedByItsPositionUnderTheRedactedQueryOnly()
    {
        using var factory = new PortalFactory();
        var reader = await factory.SignedInClientAsync();
        const string query = "mod 010190-1234";
        var page = await reader.GetDocumentAsync($"/soeg?q={Uri.EscapeDataString(query)}");
        var results = page.QuerySelectorAll(".search-results .search-result__title a").Length;
        Assert.True(results >= 2, $"{results} results");
        // Each reader's own token goes into the cached page: another reader's copy carries another.
        var other = await (await factory.SignedInClientAsync("leder")).GetDocumentAsync($"/soeg?q={Uri.EscapeDataString(query)}");
        Assert.NotEqual(ClickFields(page)["__RequestVerificationToken"], ClickFields(other)["__RequestVerificationToken"]);

        Assert.Equal(HttpStatusCode.NoContent, (await ClickAsync(reader, page, query, "2")).StatusCode);
        // Absurd or out-of-range input: a clear refusal, nothing counted.
        const string noPosition = "Placeringen findes ikke blandt søgningens resultater.";
        foreach (var (q, position, message) in new[]
        {
            (query, "0", noPosition), (query, (results + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), noPosition), (query, "-1", noPosition),
            (query, "2x", noPosition), (query, "", noPosition), ("", "2", "Søgningen mangler."), ("   ", "1", "Søgningen mangler."),
        })
        {
            var refused = await ClickAsync(reader, page, q, position);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(message, System.Text.Json.JsonSerializer.Deserialize<string>(await refused.Content.ReadAsStringAsync()));
        }

        // The last result is one of them (a crawler's post, so it is accepted but not counted below).
        Assert.Equal(HttpStatusCode.NoContent, (await ClickAsync(reader, page, query, results.ToString(System.Globalization.CultureInfo.InvariantCulture), "Mozilla/5.0 (compatible; bingbot/2.0)")).StatusCode);

        // A crawler's post counts nothing, though it is well-formed.
        Assert.Equal(HttpStatusCode.NoContent, (await ClickAsync(reader, page, query, "1", "Mozilla/5.0 (compatible; bingbot/2.0)")).StatusCode);

        Assert.True(await FlushAsync(factory));
        await using (var db = factory.Database.NewContext())
        {
            var clicks = await db.SearchClickCounts.Select(c => new { c.Query, c.Position, c.Count }).ToListAsync();
            Assert.Equal([new { Query = "mod [cpr]", Position = 2, Count = 1L }], clicks);
        }

        foreach (var file in new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().IndexOf("010190"u8) < 0, $"the CPR number is in {Path.GetFileName(file)}");
        }
    }

    [Fact]
    public async Task AClickWithoutTheReadersTokenIsRefusedAndNothingIsCounted()
    {
        using var factory = new PortalFactory();
        var reader = await factory.SignedInClientAsync();
        var page = await reader.GetDocumentAsync("/soeg?q=mod");
        var fields = ClickFields(page);
        using var noToken = new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = "mod", ["position"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.PostAsync(fields["action"], noToken)).StatusCode);

        // Another reader's token is not this reader's.
        var other = await (await factory.SignedInClientAsync("leder")).GetDocumentAsync("/soeg?q=mod");
        Assert.Equal(HttpStatusCode.BadRequest, (await ClickAsync(reader, other, "mod", "1")).StatusCode);

        Assert.True(await FlushAsync(factory));
        await using var db = factory.Database.NewContext();
        Assert.Equal(0, await db.SearchClickCounts.CountAsync());
    }

    [Fact]
    public async Task WithCountingSwitchedOffAClickIsAcceptedAndNotCounted()
    {
        using var factory = new PortalFactory().With("Insight:Enabled", "false");
        var reader = await factory.SignedInClientAsync();
        var page = await reader.GetDocumentAsync("/soeg?q=mod");
        Assert.Equal(HttpStatusCode.NoContent, (await ClickAsync(reader, page, "mod", "1")).StatusCode);
        Assert.True(await FlushAsync(factory));
        await using var db = factory.Database.NewContext();
        Assert.Equal(0, await db.SearchClickCounts.CountAsync());
    }

    [Fact]
    public async Task EachOfTheLatestMaterialChangesShowsItsOwnConfirmationsDayByDayNewestFirst()
    {
        var clock = new Medarbejdergrundlag.Tests.Shared.TestClock(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
        using var factory = new PortalFactory().WithoutApproval().WithServices(services => services.AddSingleton<TimeProvider>(clock));
        // Before change A: three readers confirm a version A's figures must not count.
        await ConfirmNowAsync(factory, "z1", "z2", "z3");
        clock.Advance(TimeSpan.FromHours(1));
        await factory.PublishChangeAsync("mod", "Mod i hverdagen", "Et nyt afsnit om mod.", material: true);
        await ConfirmNowAsync(factory, "a1", "a2", "a3", "a4", "a5");
        clock.Advance(TimeSpan.FromDays(1));
        await ConfirmNowAsync(factory, "a6", "a7", "a8", "a9", "a10");
        // A minor change: the version it makes still holds change A.
        clock.Advance(TimeSpan.FromDays(1));
        await factory.PublishChangeAsync("mod", "Mod i hverdagen.", "Et komma.", material: false);
        await ConfirmNowAsync(factory, "a11", "a12", "a13", "a14", "a15");
        // Change B on another item, the next morning: its own window begins, A's ends.
        clock.Advance(TimeSpan.FromDays(1));
        await factory.PublishChangeAsync("handlekraft", "Handlekraft sammen", "Handlekraft er skrevet om.", material: true);
        await ConfirmNowAsync(factory, "b1", "b2", "b3", "b4", "b5", "a1");

        var hr = await factory.SignedInClientAsync("hr-redaktoer");
        var html = await (await hr.GetAsync("/admin/indsigt")).Content.ReadAsStringAsync();
        var page = Html.Parse(html);
        var changes = page.QuerySelectorAll("section.insight-change").ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal("5. november 2026: Handlekraft sammen", changes[0].QuerySelector("h3")!.Text());
        Assert.Equal("2. november 2026: Mod i hverdagen", changes[1].QuerySelector("h3")!.Text());
        Assert.Equal([("2026-11-05", "6")], Figures(changes[0]));
        Assert.Equal([("2026-11-02", "5"), ("2026-11-03", "10"), ("2026-11-04", "15"), ("2026-11-05", "15")], Figures(changes[1]));
        // The bars carry the same figures as the tables.
        Assert.Equal(Figures(changes[1]), changes[1].QuerySelectorAll("rect.day-chart__bar").Select(r => (r.GetAttribute("data-day")!, r.GetAttribute("data-value")!)));
        // Counts only: no reader's subject in the page.
        Assert.DoesNotContain("\"a1\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b[abz]\d+\b", page.QuerySelector("main")!.TextContent);

        static List<(string, string)> Figures(AngleSharp.Dom.IElement change) =>
            change.QuerySelectorAll("tbody tr").Select(r => (r.GetAttribute("data-day")!, r.QuerySelector("td")!.GetAttribute("data-value")!)).ToList();
    }

    [Fact]
    public async Task OnlyTheLatestFiveMaterialChangesAreShownAndAFewConfirmationsShowAsNotShown()
    {
        using var factory = new PortalFactory().WithoutApproval();
        foreach (var n in Enumerable.Range(1, 6))
        {
            await factory.PublishChangeAsync("mod", $"Mod {n}", $"Ændring {n}.", material: true);
        }

        await ConfirmNowAsync(factory, "r1", "r2");
        var hr = await factory.SignedInClientAsync("hr-redaktoer");
        var page = await hr.GetDocumentAsync("/admin/indsigt");
        var titles = page.QuerySelectorAll("section.insight-change h3").Select(h => h.Text()[(h.Text().IndexOf(':', StringComparison.Ordinal) + 2)..]).ToList();
        Assert.Equal(["Mod 6", "Mod 5", "Mod 4", "Mod 3", "Mod 2"], titles);
        var latest = page.QuerySelector("section.insight-change tbody tr td")!;
        Assert.Equal(("", "vises ikke"), (latest.GetAttribute("data-value"), latest.Text()));
    }

    private static async Task ConfirmNowAsync(PortalFactory factory, params string[] subjects)
    {
        foreach (var subject in subjects)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var version = Medarbejdergrundlag.Content.Confirmations.CharterVersion.Of(await scope.ServiceProvider.GetRequiredService<Medarbejdergrundlag.Content.Publishing.PublishedContentStore>().GetAsync());
            Assert.Equal(Medarbejdergrundlag.Content.Confirmations.ConfirmOutcome.Confirmed,
                await scope.ServiceProvider.GetRequiredService<Medarbejdergrundlag.Content.Confirmations.CharterConfirmations>().ConfirmAsync(subject, version, null));
        }
    }

    /// <summary>What the search page gives its script: where to report a click, and the reader's token.</summary>
    private static Dictionary<string, string> ClickFields(AngleSharp.Dom.IDocument page)
    {
        var slot = page.QuerySelector("[data-search-clicks]") ?? throw new InvalidOperationException("The search page has no click slot.");
        return new()
        {
            ["action"] = slot.GetAttribute("data-action")!,
            [slot.GetAttribute("data-field")!] = slot.GetAttribute("data-token")!,
        };
    }

    /// <summary>Posts what site.js's beacon posts.</summary>
    private static async Task<HttpResponseMessage> ClickAsync(HttpClient client, AngleSharp.Dom.IDocument page, string query, string position, string? userAgent = null)
    {
        var fields = ClickFields(page);
        var action = fields["action"];
        fields.Remove("action");
        fields["q"] = query;
        fields["position"] = position;
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return await client.SendAsync(request);
    }

    private static Task<bool> FlushAsync(PortalFactory factory) => factory.Services.GetRequiredService<InsightFlusher>().FlushAsync();
}
