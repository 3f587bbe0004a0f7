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
        var expected = new[] { "/", "/medarbejdergrundlag", "/pejlemaerker", "/phoenix", "/tilgaengelighed", "/konto/log-ind", "/konto/log-ud", "/admin", "/admin/indsigt", "/fejl/404" }
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
            Assert.Contains(catalog.Pages.Concat(catalog.Files), p => p.Route == route);
        }
    }

    [Fact]
    public async Task OnlySignInErrorAndStatementPagesAreAnonymous()
    {
        var catalog = await fixture.CatalogAsync();

        var anonymousRoutes = catalog.AnonymousPages.Select(p => p.Route).Distinct().Order().ToList();
        Assert.Equal(["en/tilgaengelighed", "fejl/{statusCode:int}", "konto/log-ind", "konto/log-ind/fejl", "konto/log-ud", "tilgaengelighed"], anonymousRoutes);

        // The calendar feed, in each language, lets calendar programs in without a session; it checks its own token.
        Assert.Equal(["en/phoenix/forloeb/kalender.ics", "phoenix/forloeb/kalender.ics"], catalog.Files.Where(f => f.Anonymous).Select(f => f.Route).Order());
    }

    [Fact]
    public async Task CourseAndDatePagesAreInTheCatalogAndCalendarFilesAreNotVisitedAsPages()
    {
        var catalog = await fixture.CatalogAsync();

        Assert.Contains(catalog.Pages, p => p.Path == "/phoenix/forloeb/" + TestCourses.LeaderCourseSlug);
        Assert.Contains(catalog.Pages, p => p.Route == "admin/indhold/{id:int}/hold/{holdId:int}");
        // The course's own edit page is what links to its dates, so it is checked too.
        var courseEditPages = catalog.Pages.Where(p => p.Route == "admin/indhold/{id:int}")
            .Select(p => p.Path + "/hold")
            .Intersect(catalog.Pages.Where(p => p.Route == "admin/indhold/{id:int}/hold").Select(p => p.Path));
        Assert.NotEmpty(courseEditPages);
        Assert.Contains(catalog.Files, f => f.Route == "phoenix/forloeb/{slug}/hold/{holdId:int}.ics");
        Assert.DoesNotContain(catalog.Pages, p => p.Path.EndsWith(".ics", StringComparison.Ordinal));
    }
}
