using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Browser.Tests.Accessibility;

/// <summary>The page list that the accessibility and hygiene tests walk must really be the whole portal.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageCatalogTests(BrowserFixture fixture)
{
    [Fact]
    public async Task CatalogHoldsEveryKnownPageIncludingEachPublishedBearing()
    {
        var catalog = await fixture.CatalogAsync();
        var paths = catalog.Pages.Select(p => p.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var site = await fixture.Server.Services.GetRequiredService<PublishedContentStore>().GetAsync();
        Assert.Equal(4, site.Bearings.Count);
        var expected = new[] { "/", "/medarbejdergrundlag", "/pejlemaerker", "/phoenix", "/tilgaengelighed", "/konto/log-ind", "/konto/log-ud", "/admin", "/fejl/404" }
            .Concat(site.Bearings.Select(b => "/pejlemaerker/" + b.Slug));
        foreach (var path in expected)
        {
            Assert.Contains(path, paths);
        }
    }

    [Fact]
    public async Task EveryPageRouteWithParametersIsReachedThroughALink()
    {
        var catalog = await fixture.CatalogAsync();

        // A new route that nothing links to needs a value in PageCatalog.KnownValues.
        Assert.True(catalog.UnfilledRoutes.Count == 0, "No address found for: " + string.Join(", ", catalog.UnfilledRoutes));
        foreach (var route in catalog.Routes)
        {
            Assert.Contains(catalog.Pages, p => p.Route == route);
        }
    }

    [Fact]
    public async Task OnlySignInErrorAndStatementPagesAreAnonymous()
    {
        var catalog = await fixture.CatalogAsync();

        var anonymousRoutes = catalog.AnonymousPages.Select(p => p.Route).Distinct().Order().ToList();
        Assert.Equal(["fejl/{statusCode:int}", "konto/log-ind", "konto/log-ind/fejl", "konto/log-ud", "tilgaengelighed"], anonymousRoutes);
    }
}
