using System.Net;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Courses;

/// <summary>The public catalogue and course pages, on a portal with known courses and a known "now" (1 March 2027).</summary>
public sealed class CatalogueTests : IAsyncLifetime
{
    private readonly CoursePortal _portal = new();
    private HttpClient _employee = default!;
    private int _leaders;

    public async Task InitializeAsync()
    {
        _employee = await _portal.SignedInClientAsync();

        // Ledere, Børn og Unge, Mod; one open date in April.
        _leaders = await _portal.CourseAsync("Ledelse af læring", Audience.Ledere, Forvaltning.BoernOgUngeforvaltningen, "mod", lead: "Om at lede læring.");
        await _portal.DateAsync(_leaders, "14-04-2027 09:00", "15:00");

        // Alle, Tværgående, Fællesskab; next date in March, full.
        var all = await _portal.CourseAsync("Fællesskab på tværs", Audience.Alle, Forvaltning.Tvaergaaende, "faellesskab");
        await _portal.DateAsync(all, "10-03-2027 09:00", "15:00", capacity: "10", taken: "10");

        // Medarbejdere, Børn og Unge, Udvikling; one date in the past only.
        var old = await _portal.CourseAsync("Gammel viden", Audience.Medarbejdere, Forvaltning.BoernOgUngeforvaltningen, "udvikling");
        await _portal.DateAsync(old, "01-02-2027 09:00", "15:00");

        // Medarbejdere, By og Kultur, Mod and Handlekraft; a cancelled date, then an open one.
        var culture = await _portal.CourseAsync("Kultur og mod", Audience.Medarbejdere, Forvaltning.ByOgKulturforvaltningen, "mod,handlekraft", lead: "Kunst som redskab.");
        await _portal.DateAsync(culture, "05-03-2027 09:00", "15:00", status: "Cancelled");
        await _portal.DateAsync(culture, "20-05-2027 09:00", "15:00", location: "Odense Koncerthus");

        // Ledere, Børn og Unge, not published: never listed.
        await _portal.CourseAsync("Hemmelig kladde", Audience.Ledere, Forvaltning.BoernOgUngeforvaltningen, publish: false);
    }

    public Task DisposeAsync()
    {
        _portal.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task APhoneNumberInTheSignUpWordsIsATelLinkThatDoesNotWrap()
    {
        var id = await _portal.CourseAsync("Ring til Phønix", Audience.Alle, Forvaltning.Tvaergaaende, signUp: "Kontakt Phønix på 6551 0000 eller +45 65 51 00 01, 5000 Odense C.");
        var slug = _portal.Query(db => db.Revisions.Single(r => r.ContentItemId == id).Slug);
        var page = await _employee.GetDocumentAsync($"/phoenix/forloeb/{slug}");

        var phones = page.QuerySelectorAll("a.phone").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("6551 0000", "tel:+4565510000"), ("+45 65 51 00 01", "tel:+4565510001")], phones);
        Assert.Contains("Kontakt Phønix på 6551 0000 eller +45 65 51 00 01, 5000 Odense C.", page.QuerySelector("a.phone")!.ParentElement!.TextContent);

        // The stylesheet keeps each number on one line.
        var css = await _employee.GetStringAsync("/css/site.css");
        Assert.Matches(@"a\.phone\s*\{\s*white-space:\s*nowrap;", css);
    }

    private async Task<List<string>> TitlesAsync(string query = "", HttpClient? client = null)
    {
        var page = await (client ?? _employee).GetDocumentAsync("/phoenix/forloeb" + query);
        return page.QuerySelectorAll(".course-card h2").Select(h => h.Text()).ToList();
    }

    [Fact]
    public async Task WithoutFiltersEveryPublishedCourseIsListedSortedByNextDate()
    {
        // Next dates: full one 10 March, 14 April, 20 May (the cancelled 5 March does not count); none last.
        Assert.Equal(["Fællesskab på tværs", "Ledelse af læring", "Kultur og mod", "Gammel viden"], await TitlesAsync());
    }

    [Fact]
    public async Task TheAudienceFilterKeepsCoursesForThatAudienceAndForAll()
    {
        Assert.Equal(["Fællesskab på tværs", "Ledelse af læring"], await TitlesAsync("?maalgruppe=ledere"));
        Assert.Equal(["Fællesskab på tværs", "Kultur og mod", "Gammel viden"], await TitlesAsync("?maalgruppe=medarbejdere"));
    }

    [Fact]
    public async Task TheForvaltningFilterKeepsThatForvaltningsCourses()
    {
        Assert.Equal(["Ledelse af læring", "Gammel viden"], await TitlesAsync("?forvaltning=boern-og-ungeforvaltningen"));
        Assert.Equal(["Kultur og mod"], await TitlesAsync("?forvaltning=by-og-kulturforvaltningen"));
    }

    [Fact]
    public async Task TheBearingFilterKeepsCoursesThatTrainIt()
    {
        Assert.Equal(["Ledelse af læring", "Kultur og mod"], await TitlesAsync("?pejlemaerke=mod"));
        Assert.Equal(["Kultur og mod"], await TitlesAsync("?pejlemaerke=handlekraft"));
    }

    [Fact]
    public async Task UpcomingOnlyDropsCoursesWithoutADateAhead()
    {
        Assert.Equal(["Fællesskab på tværs", "Ledelse af læring", "Kultur og mod"], await TitlesAsync("?kommende=1"));
    }

    [Fact]
    public async Task FreeSeatsOnlyDropsFullAndCancelledDates()
    {
        Assert.Equal(["Ledelse af læring", "Kultur og mod"], await TitlesAsync("?ledige=1"));
    }

    [Fact]
    public async Task FreeTextMatchesTitleAndTextIgnoringCaseAndDanishLetters()
    {
        Assert.Equal(["Kultur og mod"], await TitlesAsync("?q=KUNST"));
        Assert.Equal(["Fællesskab på tværs"], await TitlesAsync("?q=faellesskab"));
        Assert.Equal(["Kultur og mod"], await TitlesAsync("?q=koncerthus"));
    }

    [Fact]
    public async Task FiltersCombineAndTheFormKeepsThemInTheUrl()
    {
        Assert.Equal(["Ledelse af læring"], await TitlesAsync("?maalgruppe=ledere&forvaltning=boern-og-ungeforvaltningen"));
        Assert.Equal(["Kultur og mod"], await TitlesAsync("?maalgruppe=medarbejdere&pejlemaerke=mod&ledige=1"));
        Assert.Empty(await TitlesAsync("?maalgruppe=ledere&forvaltning=by-og-kulturforvaltningen"));

        var page = await _employee.GetDocumentAsync("/phoenix/forloeb?maalgruppe=ledere&forvaltning=boern-og-ungeforvaltningen&ledige=1");
        var form = page.QuerySelector("form.course-filter")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["q"] = "",
            ["maalgruppe"] = "ledere",
            ["forvaltning"] = "boern-og-ungeforvaltningen",
            ["pejlemaerke"] = "",
            ["ledige"] = "1",
        }, Forms.Fields(form));
    }

    [Fact]
    public async Task TheCatalogueShowsTheDaysRule()
    {
        var page = await _employee.GetDocumentAsync("/phoenix/forloeb");

        Assert.Contains("Alle medarbejdere sikres minimum 2 dage på Phønix i løbet af en 3-årig periode, og alle ledere sikres 2 dage årligt.",
            page.QuerySelector(".days-rule")!.Text());
    }

    [Fact]
    public async Task AFullDateShowsFuldtBookedAndACancelledOneAflyst()
    {
        var full = await _employee.GetDocumentAsync("/phoenix/forloeb/faellesskab-paa-tvaers");
        Assert.Equal("Fuldt booket", full.QuerySelector(".date-list .status")!.Text());

        var culture = await _employee.GetDocumentAsync("/phoenix/forloeb/kultur-og-mod");
        var statuses = culture.QuerySelectorAll(".date-list .status").Select(s => s.Text()).ToList();
        Assert.Equal(["Aflyst", "20 ledige pladser"], statuses);
        Assert.Single(culture.QuerySelectorAll(".date-list a[href$='.ics']"));
    }

    [Fact]
    public async Task APastDateLeavesKommende()
    {
        var before = await _employee.GetDocumentAsync("/phoenix/forloeb/ledelse-af-laering");
        Assert.Contains("onsdag 14. april 2027 kl. 09.00–15.00", before.QuerySelector(".course-dates")!.Text());
        Assert.Contains("Ledelse af læring", await TitlesAsync("?kommende=1"));

        // 10:00 in Copenhagen on the day: the date has begun. (Six weeks on, the reader signs in anew.)
        _portal.Clock.Now = new DateTimeOffset(2027, 4, 14, 8, 0, 0, TimeSpan.Zero);
        var later = await _portal.SignedInClientAsync();

        var after = await later.GetDocumentAsync("/phoenix/forloeb/ledelse-af-laering");
        Assert.DoesNotContain("14. april", after.QuerySelector(".course-dates")!.Text());
        Assert.Contains("Der er ingen kommende hold lige nu.", after.QuerySelector(".course-dates")!.Text());
        Assert.DoesNotContain("Ledelse af læring", await TitlesAsync("?kommende=1", later));
        Assert.Contains("Ledelse af læring", await TitlesAsync("", later));
    }

    [Fact]
    public async Task ACourseShowsItsFactsAndLinksToItsBearings()
    {
        var page = await _employee.GetDocumentAsync("/phoenix/forloeb/kultur-og-mod");
        var facts = page.QuerySelector(".course-facts")!.Text();

        Assert.Contains("Målgruppe Medarbejdere", facts);
        Assert.Contains("Forvaltning By- og Kulturforvaltningen", facts);
        Assert.Contains("Længde 1 dag", facts);
        Assert.Equal(["/pejlemaerker/mod", "/pejlemaerker/handlekraft"],
            page.QuerySelectorAll(".course-facts a[href^='/pejlemaerker/']").Select(a => a.GetAttribute("href")!).ToList());
        Assert.Equal("https://example.test/tilmeld", page.QuerySelector(".course-facts a[href^='https:']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AnUnpublishedCourseIsNeitherListedNorShown()
    {
        Assert.DoesNotContain("Hemmelig kladde", await TitlesAsync("?maalgruppe=ledere"));
        Assert.Equal(HttpStatusCode.NotFound, (await _employee.GetAsync("/phoenix/forloeb/hemmelig-kladde")).StatusCode);
    }

    [Fact]
    public async Task EachBearingPageListsTheCoursesThatTrainIt()
    {
        var mod = await _employee.GetDocumentAsync("/pejlemaerker/mod");
        Assert.Equal(["Ledelse af læring", "Kultur og mod"], mod.QuerySelectorAll(".bearing-courses li a").Select(a => a.Text()).ToList());

        var faellesskab = await _employee.GetDocumentAsync("/pejlemaerker/faellesskab");
        Assert.Equal(["Fællesskab på tværs"], faellesskab.QuerySelectorAll(".bearing-courses li a").Select(a => a.Text()).ToList());
    }

    [Fact]
    public async Task ThePhoenixPageLinksToTheCatalogue()
    {
        var page = await _employee.GetDocumentAsync("/phoenix");

        Assert.NotNull(page.QuerySelector("main a[href='/phoenix/forloeb']"));
    }

    [Fact]
    public async Task TheCatalogueNeedsASignedInReader()
    {
        using var anonymous = _portal.CreatePlainClient();

        var response = await anonymous.GetAsync("/phoenix/forloeb");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/konto/log-ind", response.Headers.Location!.ToString());
    }
}
