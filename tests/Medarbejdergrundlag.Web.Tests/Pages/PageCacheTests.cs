using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Medarbejdergrundlag.Web.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Pages;

/// <summary>
/// The public pages are cached whole (WholePageCache), once per published snapshot and address,
/// with each reader's own parts (name, menu by role, the catalogue's feed link) put in per request.
/// </summary>
public sealed class PageCacheTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/medarbejdergrundlag")]
    [InlineData("/pejlemaerker")]
    [InlineData("/pejlemaerker/mod")]
    public async Task ACachedPageShowsEachReaderTheirOwnNameMenuAndToken(string path)
    {
        using var factory = new PortalFactory();
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        var employee = await factory.SignedInClientAsync("medarbejder");
        // The <cache> tag helper's store stays out of it: the whole page is the one layer.
        var cache = (MemoryCache)factory.Services.GetRequiredService<CacheTagHelperMemoryCacheFactory>().Cache;
        var entries = cache.Count;
        var pages = factory.Services.GetRequiredService<WholePageCache>();
        var pageCount = pages.Count;

        var editorsPage = await editor.GetDocumentAsync(path);
        Assert.Equal(pageCount + 1, pages.Count); // the whole page was rendered and kept
        var employeesPage = await employee.GetDocumentAsync(path);
        Assert.Equal(pageCount + 1, pages.Count); // the employee was served that same page
        Assert.Equal(entries, cache.Count);

        Assert.Equal("Hanne HR-redaktør", editorsPage.QuerySelector(".site-header__user")?.Text());
        Assert.Equal("Mette Medarbejder", employeesPage.QuerySelector(".site-header__user")?.Text());
        Assert.NotNull(editorsPage.QuerySelector(".site-nav a[href='/admin']"));
        Assert.Null(employeesPage.QuerySelector(".site-nav a[href='/admin']"));
        Assert.NotNull(editorsPage.QuerySelector(".site-nav a[href='/til-ledere']"));
        Assert.Null(employeesPage.QuerySelector(".site-nav a[href='/til-ledere']"));
        // No shared part carries a form token: signing out is confirmed on its own page. Only a
        // reader's own part (the charter's confirm button, spliced in per request) may have one.
        Assert.DoesNotContain(editorsPage.QuerySelectorAll("input[name=__RequestVerificationToken]"), i => i.Closest("[data-per-reader]") is null);
        Assert.DoesNotContain(employeesPage.QuerySelectorAll("input[name=__RequestVerificationToken]"), i => i.Closest("[data-per-reader]") is null);
        Assert.Equal("/konto/log-ud", editorsPage.QuerySelector(".site-header__account a")?.GetAttribute("href"));
        Assert.Equal(Shared(editorsPage), Shared(employeesPage));
    }

    [Fact]
    public async Task ACachedPageNeverCarriesAnotherReadersName()
    {
        using var factory = new PortalFactory();
        var employee = await factory.SignedInClientAsync("medarbejder");
        await employee.GetStringAsync("/");   // cached now, with the employee's name spliced in

        using var other = await factory.SignedInClientAsync("leder");
        var page = await other.GetDocumentAsync("/");
        var html = await employee.GetStringAsync("/");

        Assert.Equal("Lars Leder", page.QuerySelector(".site-header__user")?.Text());
        Assert.DoesNotContain("Lars Leder", html);
        Assert.Contains("Mette Medarbejder", html);
    }

    [Fact]
    public async Task TheCatalogueIsCachedWholeWithEachReadersOwnFeedLink()
    {
        using var factory = new PortalFactory().With("Phoenix:ExampleCourses", "true");
        var employee = await factory.SignedInClientAsync("medarbejder");
        var leader = await factory.SignedInClientAsync("leder");
        var pages = factory.Services.GetRequiredService<WholePageCache>();
        var before = pages.Count;

        var employees = await employee.GetDocumentAsync("/phoenix/forloeb?kommende=1");
        var leaders = await leader.GetDocumentAsync("/phoenix/forloeb?kommende=1");

        Assert.Equal(before + 1, pages.Count);
        var employeesFeed = employees.QuerySelector("a.feed-link")!.GetAttribute("href");
        var leadersFeed = leaders.QuerySelector("a.feed-link")!.GetAttribute("href");
        Assert.NotEqual(employeesFeed, leadersFeed);
        Assert.Contains("kommende=1", employeesFeed);
        Assert.Equal(employees.QuerySelector("ol.course-list")!.OuterHtml, leaders.QuerySelector("ol.course-list")!.OuterHtml);
        Assert.Empty(employees.QuerySelectorAll("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task TheCachedCatalogueChangesWhenADateBegins()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory().With("Phoenix:ExampleCourses", "true");
        factory.WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var employee = await factory.SignedInClientAsync();
        var upcoming = await employee.GetDocumentAsync("/phoenix/forloeb?kommende=1");
        Assert.NotEmpty(upcoming.QuerySelectorAll("li.course-card"));

        // Past every example course's dates: the same address, the same snapshot, another list.
        // (Signed in again: a session does not last years.)
        clock.Advance(TimeSpan.FromDays(3 * 365));
        var later = await (await factory.SignedInClientAsync()).GetDocumentAsync("/phoenix/forloeb?kommende=1");

        Assert.Empty(later.QuerySelectorAll("li.course-card"));
    }

    [Fact]
    public async Task APublishShowsInACachedSearchAtTheNextRequest()
    {
        using var factory = new PortalFactory();
        var client = await factory.SignedInClientAsync();
        const string word = "blæksprutteøvelse";
        var before = await client.GetDocumentAsync($"/soeg?q={word}");
        Assert.Empty(before.QuerySelectorAll("a[href='/pejlemaerker/udvikling']"));

        await factory.PublishBodyAsync("udvikling", $"Vi prøver en {word} hver fredag.");

        var after = await client.GetDocumentAsync($"/soeg?q={word}");
        Assert.NotNull(after.QuerySelector("main a[href='/pejlemaerker/udvikling']"));
    }

    [Fact]
    public async Task APublishShowsOnCachedPagesAtTheNextRequest()
    {
        using var factory = new PortalFactory();
        var client = await factory.SignedInClientAsync();
        const string word = "blæksprutteøvelse";
        string[] paths = ["/medarbejdergrundlag", "/pejlemaerker/udvikling"];
        foreach (var path in paths)
        {
            Assert.DoesNotContain(word, await client.GetStringAsync(path)); // cached now
        }

        await factory.PublishBodyAsync("udvikling", $"Vi prøver en {word} hver fredag.");

        foreach (var path in paths)
        {
            Assert.Contains(word, await client.GetStringAsync(path));
        }
    }

    /// <summary>The main content without the parts written for each reader (the charter's confirmation status).</summary>
    [Fact]
    public async Task ACachedPageKeepsTheHeadersThePageSetButNotItsCookies()
    {
        var renders = new RenderCounter(TimeSpan.Zero);
        using var factory = new PortalFactory().WithServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(renders)));
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        var employee = await factory.SignedInClientAsync("medarbejder");

        var rendered = await editor.GetAsync("/pejlemaerker/mod");
        var kept = await employee.GetAsync("/pejlemaerker/mod");

        Assert.Equal(1, renders.Count);
        Assert.Equal(["da"], kept.Content.Headers.ContentLanguage);
        Assert.Equal("1", Assert.Single(kept.Headers.GetValues(RenderCounter.Header)));
        Assert.Equal("text/html; charset=utf-8", kept.Content.Headers.ContentType?.ToString());
        Assert.Equal(["da"], rendered.Content.Headers.ContentLanguage);
        Assert.False(kept.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ReadersWhoMissAtOnceWaitForOneRenderAndEachGetTheirOwnName()
    {
        var renders = new RenderCounter(TimeSpan.FromMilliseconds(500));
        using var factory = new PortalFactory().WithServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(renders)));
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        var employee = await factory.SignedInClientAsync("medarbejder");

        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? editor : employee).GetDocumentAsync("/pejlemaerker/mod")));

        Assert.Equal(1, renders.Count);
        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? "Hanne HR-redaktør" : "Mette Medarbejder", pages[i].QuerySelector(".site-header__user")?.Text());
            Assert.Contains("Mod", pages[i].QuerySelector("h1")!.Text(), StringComparison.Ordinal);
        }
    }

    /// <summary>Counts the renders of the bearing page, sets two headers on it and takes its time doing so.</summary>
    private sealed class RenderCounter(TimeSpan delay) : IAsyncPageFilter
    {
        public const string Header = "X-Test-Render";

        private int _count;

        public int Count => _count;

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (context.HttpContext.Request.Path.StartsWithSegments("/pejlemaerker/mod"))
            {
                var count = Interlocked.Increment(ref _count);
                await Task.Delay(delay);
                context.HttpContext.Response.Headers.ContentLanguage = "da";
                context.HttpContext.Response.Headers[Header] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await next();
        }
    }

    private static string Shared(AngleSharp.Dom.IDocument page)
    {
        foreach (var own in page.QuerySelectorAll("main [data-per-reader]").ToList())
        {
            own.Remove();
        }

        return page.QuerySelector("main")!.InnerHtml;
    }
}
