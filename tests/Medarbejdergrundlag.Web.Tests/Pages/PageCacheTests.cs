using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Pages;

/// <summary>
/// The public pages cache their main content (the same for every reader) and render the layout
/// (name, menu by role, the sign-out form's token) for each request.
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
        // The <cache> tag helper's own store: one entry per cached page content.
        var cache = (MemoryCache)factory.Services.GetRequiredService<CacheTagHelperMemoryCacheFactory>().Cache;
        var entries = cache.Count;

        var editorsPage = await editor.GetDocumentAsync(path);
        Assert.Equal(entries + 1, cache.Count);   // the main content was rendered and stored
        var employeesPage = await employee.GetDocumentAsync(path);
        Assert.Equal(entries + 1, cache.Count);   // and the employee was served that same entry

        Assert.Equal("Hanne HR-redaktør", editorsPage.QuerySelector(".site-header__user")?.Text());
        Assert.Equal("Mette Medarbejder", employeesPage.QuerySelector(".site-header__user")?.Text());
        Assert.NotNull(editorsPage.QuerySelector(".site-nav a[href='/admin']"));
        Assert.Null(employeesPage.QuerySelector(".site-nav a[href='/admin']"));
        Assert.NotEqual(Token(editorsPage), Token(employeesPage));
        Assert.Equal(Shared(editorsPage), Shared(employeesPage));
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
    private static string Shared(AngleSharp.Dom.IDocument page)
    {
        foreach (var own in page.QuerySelectorAll("main [data-per-reader]").ToList())
        {
            own.Remove();
        }

        return page.QuerySelector("main")!.InnerHtml;
    }

    private static string? Token(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector(".site-header__account input[name=__RequestVerificationToken]")?.GetAttribute("value");
}
