using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Markdown;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Tests.Publishing;

/// <summary>
/// What the public site is made of once published: the snapshot's lists and redirects, a course's
/// dates, the English pages' fallbacks and the public addresses. Pure values, so every rule is
/// checked here in the fast tier; the Web tests show the same through the pages.
/// </summary>
public sealed class PublishedSiteTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheSiteIsInTheEditorsOrderWithTiesByIdAndEachKindInItsList()
    {
        var site = new PublishedSite([
            Item(5, ContentKind.Bearing, sortOrder: 2),
            Item(4, ContentKind.Bearing, sortOrder: 2),
            Item(3, ContentKind.Bearing, sortOrder: 1),
            Item(2, ContentKind.CharterSection, sortOrder: 9),
            Item(1, ContentKind.CharterSection, sortOrder: 3),
            Item(6, ContentKind.Leg, sortOrder: 1),
            Item(7, ContentKind.PhoenixPage, sortOrder: 1),
            Item(8, ContentKind.Course, sortOrder: 1, course: Course()),
            Item(9, ContentKind.Course, sortOrder: 2),
        ]);

        Assert.Equal([3, 4, 5], site.Bearings.Select(b => b.Id));
        Assert.Equal([1, 2], site.CharterSections.Select(s => s.Id));
        Assert.Equal(1, site.Introduction!.Id);
        Assert.Equal([6], site.Legs.Select(l => l.Id));
        Assert.Equal(7, site.Phoenix!.Id);
        Assert.Equal([8], site.Courses.Select(c => c.Id)); // a course without its course fields is not offered
        Assert.Equal([3, 6, 7, 8, 4, 5, 9, 1, 2], site.Items.Select(i => i.Id));
        Assert.Equal(PortalCulture.DanishCode, site.Language);
    }

    [Fact]
    public void AnEmptySiteHasNoIntroductionAndNoPhoenixPage()
    {
        var site = new PublishedSite([]);

        Assert.Null(site.Introduction);
        Assert.Null(site.Phoenix);
        Assert.Null(site.FindCourse("x"));
        Assert.Null(site.FindBearing("x"));
    }

    [Fact]
    public void OldAddressesLeadToWhereTheirItemLivesNowAndOnlyToPublishedItems()
    {
        var site = new PublishedSite(
            [Item(1, ContentKind.Bearing, slug: "mod"), Item(2, ContentKind.Course, slug: "phoenix-1", course: Course())],
            bearingRedirects: [("modet", 1), ("gammel", 99), ("kursus-navn", 2)],
            courseRedirects: [("phoenix-start", 2), ("nedlagt", 98), ("modet-kursus", 1)]);

        Assert.Equal("mod", site.BearingRedirect("modet"));
        Assert.Equal("mod", site.BearingRedirect("MODET"));
        Assert.Null(site.BearingRedirect("gammel"));
        Assert.Null(site.BearingRedirect("kursus-navn")); // a course is not a bearing
        Assert.Equal("phoenix-1", site.CourseRedirect("phoenix-start"));
        Assert.Equal("phoenix-1", site.CourseRedirect("Phoenix-Start"));
        Assert.Null(site.CourseRedirect("nedlagt"));
        Assert.Null(site.CourseRedirect("modet-kursus"));
        Assert.Null(site.CourseRedirect("mod"));
    }

    [Fact]
    public void CoursesAndBearingsAreFoundByAddressWhateverTheCase()
    {
        var site = new PublishedSite([Item(1, ContentKind.Bearing, slug: "mod"), Item(2, ContentKind.Course, slug: "phoenix-1", course: Course())]);

        Assert.Equal(1, site.FindBearing("MOD")!.Id);
        Assert.Equal(2, site.FindCourse("Phoenix-1")!.Id);
        Assert.Null(site.FindCourse("mod"));
        Assert.Null(site.FindBearing("phoenix-1"));
    }

    [Fact]
    public void TheCoursesThatTrainABearingAreThoseThatNameItsKeyExactly()
    {
        var site = new PublishedSite([
            Item(1, ContentKind.Course, slug: "a", course: Course(bearings: ["mod", "tillid"])),
            Item(2, ContentKind.Course, slug: "b", course: Course(bearings: ["tillid"])),
            Item(3, ContentKind.Course, slug: "c", course: Course(bearings: ["MOD"])),
        ]);

        Assert.Equal([1], site.CoursesTraining("mod").Select(c => c.Id));
        Assert.Equal([1, 2], site.CoursesTraining("tillid").Select(c => c.Id));
        Assert.Empty(site.CoursesTraining("faellesskab"));
    }

    [Fact]
    public void ASiteWithOneItemReplacedKeepsItsLanguageAndTheRest()
    {
        var site = new PublishedSite([Item(1, ContentKind.Bearing, title: "Mod"), Item(2, ContentKind.Bearing, title: "Tillid")], language: PortalCulture.EnglishCode);

        var preview = site.With(Item(2, ContentKind.Bearing, title: "Trust"));
        var added = site.With(Item(3, ContentKind.Bearing, title: "Ny"));

        Assert.Equal(["Mod", "Trust"], preview.Bearings.Select(b => b.Title));
        Assert.Equal(["Mod", "Tillid", "Ny"], added.Bearings.Select(b => b.Title));
        Assert.Equal(PortalCulture.EnglishCode, preview.Language);
        Assert.NotEqual(site.Stamp, preview.Stamp);
        Assert.True(added.Stamp > preview.Stamp);
    }

    [Theory]
    [InlineData(CourseDateStatus.Open, 10, 9, false, 1)]
    [InlineData(CourseDateStatus.Open, 10, 10, true, 0)]
    [InlineData(CourseDateStatus.Open, 10, 12, true, 0)]
    [InlineData(CourseDateStatus.Full, 10, 2, true, 8)]
    [InlineData(CourseDateStatus.Cancelled, 10, 10, false, 0)]
    [InlineData(CourseDateStatus.Open, 10, null, false, 10)]
    [InlineData(CourseDateStatus.Open, null, 50, false, null)]
    public void ADateIsFullAtItsCapacityOrWhenMarkedFullButNeverWhenCancelled(CourseDateStatus status, int? capacity, int? taken, bool full, int? free)
    {
        var date = Date(1, Now.AddDays(7), status, capacity, taken);

        Assert.Equal(full, date.IsFull);
        Assert.Equal(free, date.FreeSeats);
        Assert.Equal(status == CourseDateStatus.Cancelled, date.IsCancelled);
        Assert.Equal(!full && status != CourseDateStatus.Cancelled, date.IsBookable(Now));
    }

    [Fact]
    public void ADateThatHasBegunIsNoLongerUpcomingOrBookable()
    {
        var starting = Date(1, Now);

        Assert.False(starting.IsUpcoming(Now));
        Assert.False(starting.IsBookable(Now));
        Assert.True(starting.IsUpcoming(Now.AddTicks(-1)));
        Assert.True(starting.IsBookable(Now.AddTicks(-1)));
    }

    [Fact]
    public void ACoursesDatesAreSortedWithoutRemovedOnesAndTheNextIsTheFirstUpcomingNotCancelled()
    {
        var dates = new[]
        {
            new CourseDate { Id = 4, StartsAt = Now.AddDays(30), EndsAt = Now.AddDays(30).AddHours(3), Location = "Odense Rådhus" },
            new CourseDate { Id = 3, StartsAt = Now.AddDays(10), EndsAt = Now.AddDays(10).AddHours(3), Status = CourseDateStatus.Cancelled },
            new CourseDate { Id = 2, StartsAt = Now.AddDays(-10), EndsAt = Now.AddDays(-10).AddHours(3) },
            new CourseDate { Id = 5, StartsAt = Now.AddDays(5), EndsAt = Now.AddDays(5).AddHours(3), IsRemoved = true },
            new CourseDate { Id = 1, StartsAt = Now.AddDays(30), EndsAt = Now.AddDays(30).AddHours(3) },
        };

        var course = PublishedCourse.From("Phønix for ledere", "Et forløb", Course().Details, dates);

        Assert.Equal([2, 3, 1, 4], course.Dates.Select(d => d.Id));
        Assert.Equal(1, course.NextDate(Now)!.Id);
        Assert.Equal([3, 1, 4], course.UpcomingDates(Now).Select(d => d.Id));
        Assert.Null(course.NextDate(Now.AddDays(31)));
        Assert.Contains("phoenix for ledere", course.SearchText, StringComparison.Ordinal);
        Assert.Contains("odense raadhus", course.SearchText, StringComparison.Ordinal);
        Assert.Contains("et forloeb", course.SearchText, StringComparison.Ordinal);

        // The parts are kept apart, so no word is found across two of them.
        var forvaltning = PublishedCourse.Fold(CourseTerms.Name(Course().Details.Forvaltning));
        Assert.StartsWith($"phoenix for ledere et forloeb {forvaltning} odense raadhus", course.SearchText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fællesskab", "faellesskab")]
    [InlineData("MØDESTED på Ærø", "moedested paa aeroe")]
    [InlineData("Åben", "aaben")]
    public void SearchTextIsLowerCaseWithTheDanishLettersSpelledOut(string text, string folded)
    {
        Assert.Equal(folded, PublishedCourse.Fold(text));
    }

    [Theory]
    [InlineData(10, "Et ord her")]
    [InlineData(11, "Et ord her")]
    [InlineData(9, "Et ord…")]
    [InlineData(5, "Et…")]
    public void ASummaryIsTheWholeTextWhenItFitsElseCutAtAWord(int max, string summary)
    {
        var item = Item(1, ContentKind.Bearing) with { PlainText = "Et ord her" };

        Assert.Equal(summary, item.Summary(max));
        Assert.True(item.Summary(max).Length <= max);
    }

    [Fact]
    public void ASummaryOfOneLongWordIsCutInsideIt()
    {
        var item = Item(1, ContentKind.Bearing) with { PlainText = "Medarbejdergrundlaget" };

        Assert.Equal("Medarbejd…", item.Summary(10));

        // A space at the very start is no word to cut at.
        Assert.Equal(" Medarbej…", (item with { PlainText = " Medarbejdergrundlaget" }).Summary(10));
    }

    [Fact]
    public void ATranslationShowsItsOwnTextAndTheDanishAddressOrderAndDates()
    {
        var danish = PublishedItem.FromRevision(
            new ContentItem { Id = 7, Key = "phoenix-1", Kind = ContentKind.Course, SortOrder = 3 },
            new ContentRevision
            {
                Id = 70, Title = "Phønix", Slug = "phoenix-1", LeadHtml = "<p>Dansk</p>", BodyHtml = "<p>Krop</p>", PlainText = "Dansk tekst",
                CreatedAt = Now, CreatedBy = "x", Course = Course().Details,
            },
            [new CourseDate { Id = 1, StartsAt = Now.AddDays(3), EndsAt = Now.AddDays(3).AddHours(2), Location = "Rådhuset" }]);
        var english = new ContentRevision
        {
            Id = 71, Title = "Phoenix", Slug = "ignored", LeadHtml = "<p>English</p>", BodyHtml = "<p>Body</p>", PlainText = "English text",
            CreatedAt = Now.AddDays(1), CreatedBy = "x", Language = PortalCulture.EnglishCode, TranslatedFromRevisionId = 69,
        };

        var shown = PublishedItem.Translation(danish, english, outdated: true);

        Assert.Equal(("Phoenix", "<p>English</p>", "<p>Body</p>", "English text"), (shown.Title, shown.LeadHtml, shown.BodyHtml, shown.PlainText));
        Assert.Equal(("phoenix-1", "phoenix-1", 3, 7), (shown.Slug, shown.Key, shown.SortOrder, shown.Id));
        Assert.Equal(Now.AddDays(1), shown.PublishedAt);
        Assert.Equal(PortalCulture.EnglishCode, shown.Language);
        Assert.True(shown.TranslationOutdated);
        Assert.False(danish.TranslationOutdated);
        Assert.Equal(69, shown.RevisionId);
        Assert.Equal(70, danish.RevisionId);
        Assert.Equal(danish.Course!.Dates, shown.Course!.Dates);
        Assert.StartsWith("phoenix english text ", shown.Course.SearchText, StringComparison.Ordinal);
        Assert.Contains("raadhuset", shown.Course.SearchText, StringComparison.Ordinal);
        Assert.Null(PublishedItem.Translation(Item(1, ContentKind.Bearing), english, outdated: false).Course);

        // Which language the text is in, against the page's.
        Assert.Equal(PortalCulture.EnglishCode, PortalCulture.In(PortalCulture.DanishCode, () => shown.LanguageIfOther));
        Assert.Null(PortalCulture.In(PortalCulture.EnglishCode, () => shown.LanguageIfOther));
        Assert.Null(PortalCulture.In(PortalCulture.DanishCode, () => danish.LanguageIfOther));
        Assert.Equal(PortalCulture.DanishCode, PortalCulture.In(PortalCulture.EnglishCode, () => danish.LanguageIfOther));
    }

    [Fact]
    public void WhatATranslationLeavesEmptyShowsTheDanishTextMarkedDanish()
    {
        var danish = Item(1, ContentKind.Bearing) with
        {
            LeadHtml = "<p>Dansk</p>", BodyHtml = "<p>Krop</p>", PlainText = "Dansk tekst", RevisionId = 10,
            Bearing = new BearingDetails { PointsMarkdown = "- a", PointsHtml = "<li>a</li>", DialogQuestionsMarkdown = "- b", DialogQuestionsHtml = "<li>b</li>" },
        };
        var english = new ContentRevision
        {
            Title = "Courage", Slug = "mod", LeadHtml = " ", BodyHtml = "", PlainText = "", CreatedBy = "x",
            Bearing = new BearingDetails { DialogQuestionsMarkdown = "- q", DialogQuestionsHtml = "<li>q</li>" },
        };

        var shown = PublishedItem.Translation(danish, english, outdated: false);

        Assert.Equal("<span lang=\"da\"><p>Dansk</p></span>", shown.LeadHtml);
        Assert.Equal("<div lang=\"da\"><p>Krop</p></div>", shown.BodyHtml);
        Assert.Equal("Dansk tekst", shown.PlainText);
        Assert.Equal(10, shown.RevisionId);
        Assert.Equal("- a", shown.Bearing!.PointsMarkdown);
        Assert.Equal("<li lang=\"da\">a</li>", shown.PointsHtml);
        Assert.Equal("- q", shown.Bearing.DialogQuestionsMarkdown);
        Assert.Equal("<li>q</li>", shown.DialogQuestionsHtml);

        // Where both are empty there is nothing to mark.
        var bare = PublishedItem.Translation(Item(2, ContentKind.Bearing), english, outdated: false);
        Assert.Equal((" ", ""), (bare.LeadHtml, bare.BodyHtml));
        Assert.Equal("", bare.PointsHtml);
        Assert.Equal("<li>q</li>", bare.DialogQuestionsHtml);
        Assert.Equal(english.Bearing, bare.Bearing);
    }

    [Fact]
    public void ATranslationWithPointsButNoQuestionsKeepsItsPointsAndShowsTheDanishQuestionsMarkedDanish()
    {
        var danish = Item(1, ContentKind.Bearing) with
        {
            Bearing = new BearingDetails { PointsMarkdown = "- a", PointsHtml = "<li>a</li>", DialogQuestionsMarkdown = "- b", DialogQuestionsHtml = "<li>b</li>" },
        };
        var english = new ContentRevision
        {
            Title = "Courage", Slug = "mod", CreatedBy = "x",
            Bearing = new BearingDetails { PointsMarkdown = "- p", PointsHtml = "<li>p</li>", DialogQuestionsMarkdown = " ", DialogQuestionsHtml = "" },
        };

        var shown = PublishedItem.Translation(danish, english, outdated: false);

        Assert.Equal("- p", shown.Bearing!.PointsMarkdown);
        Assert.Equal("<li>p</li>", shown.PointsHtml);
        Assert.Equal("- b", shown.Bearing.DialogQuestionsMarkdown);
        Assert.Equal("<li lang=\"da\">b</li>", shown.DialogQuestionsHtml);
    }

    [Fact]
    public void ATranslationWithoutBearingFieldsKeepsTheDanishOnes()
    {
        var bearing = new BearingDetails { PointsHtml = "<li>a</li>" };
        var danish = Item(1, ContentKind.Bearing) with { Bearing = bearing };

        var shown = PublishedItem.Translation(danish, new ContentRevision { Title = "T", Slug = "t", CreatedBy = "x" }, outdated: false);

        Assert.Same(bearing, shown.Bearing);
        Assert.Equal("", Item(2, ContentKind.Leg).PointsHtml);
        Assert.Equal("", Item(2, ContentKind.Leg).DialogQuestionsHtml);
    }

    [Theory]
    [InlineData("/", "en", "/en")]
    [InlineData("/", "da", "/")]
    [InlineData("/en", "da", "/")]
    [InlineData("/en", "en", "/en")]
    [InlineData("/pejlemaerker/mod", "en", "/en/pejlemaerker/mod")]
    [InlineData("/en/pejlemaerker/mod", "da", "/pejlemaerker/mod")]
    [InlineData("/en/pejlemaerker/mod", "en", "/en/pejlemaerker/mod")]
    [InlineData("/english-course", "da", "/english-course")]
    [InlineData("/english-course", "en", "/en/english-course")]
    public void EachPageHasItsTwinInTheOtherLanguage(string path, string language, string twin)
    {
        Assert.Equal(twin, PortalPaths.InLanguage(language, path));
    }

    [Fact]
    public void AddressesStayInThePagesLanguage()
    {
        static string Danish(Func<string> path) => PortalCulture.In(PortalCulture.DanishCode, path);
        static string English(Func<string> path) => PortalCulture.In(PortalCulture.EnglishCode, path);

        Assert.Equal("/", Danish(() => PortalPaths.Home));
        Assert.Equal("/en", English(() => PortalPaths.Home));
        Assert.Equal("/medarbejdergrundlag/bekraeft", Danish(() => PortalPaths.Confirm));
        Assert.Equal("/en/medarbejdergrundlag/bekraeft", English(() => PortalPaths.Confirm));
        Assert.Equal("/medarbejdergrundlag#bekraeft", Danish(() => PortalPaths.CharterConfirm));
        Assert.Equal("/medarbejdergrundlag#samarbejde", Danish(() => PortalPaths.CharterSection("samarbejde")));
        Assert.Equal("/pejlemaerker/mod", Danish(() => PortalPaths.Bearing("mod")));
        Assert.Equal("/phoenix/forloeb/phoenix-1/hold/12.ics", Danish(() => PortalPaths.CourseDate("phoenix-1", 12)));
        Assert.Equal("/en/phoenix/forloeb/kalender.ics", English(() => PortalPaths.CatalogueFeed));
        Assert.Equal("/phoenix/forloeb?pejlemaerke=mod%20%26%20tillid", Danish(() => PortalPaths.CoursesTraining("mod & tillid")));
        Assert.Equal("/soeg?q=f%C3%A6lles%3F%26x%3D1", Danish(() => PortalPaths.SearchFor("fælles?&x=1")));
        Assert.Equal("/aendringer/siden-du-bekraeftede", Danish(() => PortalPaths.ChangesSinceConfirmed));
        Assert.Equal("/en/aendringer/feed.atom", English(() => PortalPaths.ChangesFeed));
        Assert.Equal("/til-ledere/ark", Danish(() => PortalPaths.OnboardingSheet));
        Assert.Equal("/en/phoenix", English(() => PortalPaths.Phoenix));
        Assert.Equal("/en/tilgaengelighed", English(() => PortalPaths.AccessibilityStatement));
        Assert.Equal("/soeg/klik", Danish(() => PortalPaths.SearchClick));
        Assert.Equal("/en/til-ledere", English(() => PortalPaths.Leaders));
        Assert.Equal("/aendringer", Danish(() => PortalPaths.Changes));
        Assert.Equal("/en/medarbejdergrundlag", English(() => PortalPaths.Charter));
        Assert.Equal("/pejlemaerker", Danish(() => PortalPaths.Bearings));
        Assert.Equal("/phoenix/forloeb", Danish(() => PortalPaths.Catalogue));
        Assert.Equal("/phoenix/forloeb/phoenix-1", Danish(() => PortalPaths.Course("phoenix-1")));
        Assert.Equal("/soeg", Danish(() => PortalPaths.Search));

        // Each kind's public place: a bearing and a course by their address, a section by its anchor on the charter.
        Assert.Equal("/pejlemaerker/modet", Danish(() => PortalPaths.Of(ContentKind.Bearing, "mod", "modet")));
        Assert.Equal("/en/phoenix/forloeb/phoenix-1", English(() => PortalPaths.Of(ContentKind.Course, "kursus", "phoenix-1")));
        Assert.Equal("/medarbejdergrundlag#samarbejde", Danish(() => PortalPaths.Of(ContentKind.CharterSection, "samarbejde", "x")));
        Assert.Equal("/phoenix", Danish(() => PortalPaths.Of(ContentKind.PhoenixPage, "phoenix", "x")));
    }

    [Fact]
    public void ARevisionIsRenderedWithItsPointsAndQuestionsAsListItemsAndAllItsTextForSearch()
    {
        var markdown = new MarkdigRenderer();
        var revision = new ContentRevision
        {
            Title = "Mod", Slug = "mod", CreatedBy = "x", LeadMarkdown = "Vi har *mod*", BodyMarkdown = "## Overskrift\n\nTekst her",
            Bearing = new BearingDetails { PointsMarkdown = "Vi **tør**\nVi prøver", DialogQuestionsMarkdown = "Hvad *tør* du?" },
        };

        new RevisionRenderer(markdown).Render(revision);

        Assert.Contains("<em>mod</em>", revision.LeadHtml, StringComparison.Ordinal);
        Assert.Equal(markdown.RenderInline("Vi har *mod*"), revision.LeadHtml);
        Assert.Contains("Tekst her", revision.BodyHtml, StringComparison.Ordinal);
        Assert.Equal($"<li>{markdown.RenderInline("Vi **tør**")}</li><li>{markdown.RenderInline("Vi prøver")}</li>", revision.Bearing!.PointsHtml);
        Assert.Equal($"<li>{markdown.RenderInline("Hvad *tør* du?")}</li>", revision.Bearing.DialogQuestionsHtml);
        Assert.Equal(("Vi **tør**\nVi prøver", "Hvad *tør* du?"), (revision.Bearing.PointsMarkdown, revision.Bearing.DialogQuestionsMarkdown));
        Assert.Equal("Vi har mod Overskrift Tekst her Vi tør Vi prøver", revision.PlainText);

        // An empty part leaves no gap in the text searched.
        var bare = new ContentRevision { Title = "Ben", Slug = "ben", CreatedBy = "x", BodyMarkdown = "Kun brødtekst" };
        new RevisionRenderer(markdown).Render(bare);
        Assert.Equal("Kun brødtekst", bare.PlainText);
        Assert.Null(bare.Bearing);
    }

    [Fact]
    public void ALibraryImageInTheBodyIsRenderedWithTheSizesTheCatalogKnows()
    {
        var hash = new string('a', 32);
        var catalog = new Medarbejdergrundlag.Content.Images.ImageCatalog(null!); // a known image needs no database
        catalog.Remember(new Medarbejdergrundlag.Content.Images.ImageSizes(hash, 1600, 900,
            [(480, Medarbejdergrundlag.Content.Images.ImageProcessor.Jpeg), (960, Medarbejdergrundlag.Content.Images.ImageProcessor.Jpeg)]));
        var revision = new ContentRevision
        {
            Title = "Mod", Slug = "mod", CreatedBy = "x",
            BodyMarkdown = $"![Phønix' have]({Medarbejdergrundlag.Content.Images.ImageAddress.Of(hash)})",
        };

        new RevisionRenderer(new MarkdigRenderer(), catalog).Render(revision);

        Assert.Contains("<picture>", revision.BodyHtml, StringComparison.Ordinal);
        Assert.Contains($"{Medarbejdergrundlag.Content.Images.ImageAddress.Of(hash, 960, "jpg")} 960w", revision.BodyHtml, StringComparison.Ordinal);
    }

    private static PublishedItem Item(int id, ContentKind kind, int sortOrder = 0, string? slug = null, string? title = null, PublishedCourse? course = null) =>
        new(id, kind, "key-" + id, sortOrder, title ?? "Titel " + id, slug ?? "slug-" + id, "", "", "", Now, course);

    private static PublishedCourse Course(string[]? bearings = null) => new(
        new CourseDetails { Audience = Audience.Alle, Forvaltning = Forvaltning.Borgmesterforvaltningen, LengthDays = 1, SignUp = "https://tilmelding.example", BearingKeys = bearings ?? [] },
        [],
        "");

    private static PublishedCourseDate Date(int id, DateTime startsAt, CourseDateStatus status = CourseDateStatus.Open, int? capacity = null, int? taken = null) =>
        new(id, startsAt, startsAt.AddHours(3), "Rådhuset", capacity, taken, status, 1, Now);
}
