using System.Net;
using System.Text;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Courses;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Pages;

/// <summary>
/// The interface of the English pages in English: the course catalogue and a course (filters,
/// labels, dates, empty states), the calendar files asked from them, the managers' pages with the
/// welcome email, and the accessibility statement's note. Danish stays as it was on the Danish pages.
/// </summary>
public sealed class EnglishInterfaceTests : IAsyncLifetime
{
    private readonly CoursePortal _portal = new();
    private HttpClient _employee = default!;
    private int _course;
    private int _translated;
    private int _cancelled;

    public async Task InitializeAsync()
    {
        _employee = await _portal.SignedInClientAsync();

        // Summer time: 09:00 in Copenhagen is 07:00Z. The test clock stands at 1 March 2027.
        _course = await _portal.CourseAsync("Modigt lederskab", Audience.Ledere, Forvaltning.BoernOgUngeforvaltningen, "mod", days: "2,5", lead: "Tør at gå forrest.");
        await _portal.DateAsync(_course, "24-06-2027 09:00", "15:30", capacity: "24", taken: "3");

        _translated = await _portal.CourseAsync("Fællesskab på tværs", Audience.Alle, Forvaltning.Tvaergaaende, "faellesskab", lead: "Samarbejde på tværs.");
        await _portal.DateAsync(_translated, "10-09-2027 09:00", "12:00", capacity: "10", taken: "9");
        _cancelled = await _portal.DateAsync(_translated, "01-10-2027 09:00", "12:00", status: "Cancelled");
        await using var scope = _portal.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var item = (await editor.FindAsync(_translated))!;
        var saved = await scope.ServiceProvider.GetRequiredService<TranslationEditor>()
            .SaveAsync(_translated, item.Version, new RevisionInput("Community across teams", null, "Working together across departments.", "About the course."), "test", publish: true);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
    }

    public Task DisposeAsync()
    {
        _employee.Dispose();
        _portal.Dispose();
        return Task.CompletedTask;
    }

    private string Slug(int course) => _portal.Query(db => db.Revisions.First(r => r.ContentItemId == course).Slug);

    [Fact]
    public async Task TheCatalogueSpeaksEnglishWithEnglishDatesAndKeepsItsFilterWords()
    {
        var page = await _employee.GetDocumentAsync("/en/phoenix/forloeb?maalgruppe=ledere");

        Assert.Equal("Phønix courses", page.QuerySelector("h1")!.Text());
        Assert.StartsWith("Phønix courses – Employee charter", page.Title);
        Assert.Equal(["Search", "Audience", "Department", "Bearing"], page.QuerySelectorAll(".course-filter label[for]").Select(l => l.Text()));
        Assert.Equal(["Everyone", "Employees", "Managers"], page.QuerySelectorAll("#maalgruppe option").Select(o => o.Text()));
        // The URL words stay the same in both languages, so a filtered link switches language by its prefix.
        Assert.Equal("ledere", page.QuerySelector("#maalgruppe option[selected]")!.GetAttribute("value"));
        Assert.Contains(page.QuerySelectorAll("#forvaltning option"), o => o.Text() == "Children and Youth Department" && o.GetAttribute("value") == "boern-og-ungeforvaltningen");
        Assert.Equal("Show courses", page.QuerySelector(".course-filter button")!.Text());
        Assert.Equal("Clear filters", page.QuerySelector(".course-filter .form-actions a")!.Text());
        Assert.Equal("2 courses, sorted by next date.", page.QuerySelector(".course-count")!.Text());

        // A course with no translation: its text is marked Danish; the facts around it are English.
        var danish = page.QuerySelectorAll(".course-card").Single(c => c.QuerySelector("h2")!.Text() == "Modigt lederskab");
        Assert.Equal("da", danish.QuerySelector("h2")!.GetAttribute("lang"));
        Assert.Equal(["Audience", "Department", "Length", "Next date"], danish.QuerySelectorAll("dt").Select(d => d.Text()));
        Assert.Equal("Managers", danish.QuerySelectorAll("dd")[0].Text());
        Assert.Equal("2.5 days", danish.QuerySelectorAll("dd")[2].Text());
        Assert.Equal("Thursday 24 June 2027, 09:00–15:30 21 free seats", danish.QuerySelector(".course-next")!.Text());

        var translated = page.QuerySelectorAll(".course-card").Single(c => c.QuerySelector("h2")!.Text() == "Community across teams");
        Assert.Null(translated.QuerySelector("h2")!.GetAttribute("lang"));
        Assert.Equal("Everyone", translated.QuerySelectorAll("dd")[0].Text());
        Assert.Equal("Across departments", translated.QuerySelectorAll("dd")[1].Text());

        Assert.Equal("Follow the list in your calendar", page.QuerySelector("#feed-heading")!.Text());
        Assert.StartsWith("The link works until and including ", page.QuerySelector(".feed-expires")!.ParentElement!.Text());
        Assert.Matches(@"^\d{1,2} [A-Z][a-z]+ \d{4}$", page.QuerySelector(".feed-expires")!.Text());
        Assert.StartsWith("http://localhost/en/phoenix/forloeb/kalender.ics?maalgruppe=ledere&", page.QuerySelector(".feed-link")!.GetAttribute("href"));
        DanishInterfaceWords.AssertNone(page);

        var empty = await _employee.GetDocumentAsync("/en/phoenix/forloeb?q=ingenting-her");
        Assert.Equal("No courses match what you chose. Try removing a filter.", empty.QuerySelector(".course-count + p")!.Text());

        // The Danish page is as it was.
        var dansk = await _employee.GetDocumentAsync("/phoenix/forloeb?maalgruppe=ledere");
        Assert.Equal("2 forløb, sorteret efter næste hold.", dansk.QuerySelector(".course-count")!.Text());
        Assert.Contains(dansk.QuerySelectorAll(".course-next"), n => n.Text() == "torsdag 24. juni 2027 kl. 09.00–15.30 21 ledige pladser");
        Assert.Contains(dansk.QuerySelectorAll(".course-card dd"), d => d.Text() == "2,5 dage");
    }

    [Fact]
    public async Task ACoursePageSpeaksEnglishAndLinksItsEnglishCalendarFiles()
    {
        var page = await _employee.GetDocumentAsync("/en/phoenix/forloeb/" + Slug(_course));

        Assert.Equal(["Audience", "Department", "Length", "Trains", "Sign-up"], page.QuerySelectorAll(".course-facts dt").Select(d => d.Text()));
        Assert.Equal("da", page.QuerySelector("#course-title")!.Closest("[lang]")!.GetAttribute("lang"));
        Assert.Equal("This part is only available in Danish.", page.QuerySelector(".translation-note")!.Text());
        Assert.Equal("Upcoming dates", page.QuerySelector("#dates-heading")!.Text());
        Assert.Equal("Thursday 24 June 2027, 09:00–15:30", page.QuerySelector(".date-list__when")!.Text());
        var add = page.QuerySelector(".date-list__ics")!;
        Assert.Equal("Add to calendar: Thursday 24 June 2027, 09:00–15:30", add.Text());
        Assert.StartsWith($"/en/phoenix/forloeb/{Slug(_course)}/hold/", add.GetAttribute("href"));
        Assert.Equal("Link to Modigt lederskab:", page.QuerySelector(".copy-link__label")!.Text());
        Assert.Equal("da", page.QuerySelector(".copy-link__label [lang]")!.GetAttribute("lang"));
        DanishInterfaceWords.AssertNone(page);
    }

    [Fact]
    public async Task ACalendarFileFromAnEnglishPageIsInEnglishWithTheEnglishCourseTextAndTheDanishFileIsUnchanged()
    {
        var english = await CalendarAsync($"/en/phoenix/forloeb/{Slug(_translated)}/hold/{_cancelled}.ics");
        var cancelled = Assert.Single(english.Events);
        Assert.Equal("Cancelled: Community across teams", cancelled.Summary);
        Assert.Contains("Working together across departments.", cancelled.Description);
        Assert.Contains("This date is cancelled.", cancelled.Description);
        Assert.Contains($"Read more and sign up: http://localhost/en/phoenix/forloeb/{Slug(_translated)}", cancelled.Description);
        Assert.Equal($"phoenix-hold-{_cancelled}@localhost", cancelled.Uid);

        var danish = Assert.Single((await CalendarAsync($"/phoenix/forloeb/{Slug(_translated)}/hold/{_cancelled}.ics")).Events);
        Assert.Equal("Aflyst: Fællesskab på tværs", danish.Summary);
        Assert.Contains("Holdet er aflyst.", danish.Description);
        Assert.Contains($"Læs mere og tilmeld dig: http://localhost/phoenix/forloeb/{Slug(_translated)}", danish.Description);
        // The same event in both languages: one UID, so a calendar never holds it twice.
        Assert.Equal(danish.Uid, cancelled.Uid);

        // A course without a translation gives its Danish text, in an English frame.
        var untranslated = _portal.Query(db => db.CourseDates.First(d => d.ContentItemId == _course).Id);
        var date = Assert.Single((await CalendarAsync($"/en/phoenix/forloeb/{Slug(_course)}/hold/{untranslated}.ics")).Events);
        Assert.Equal("Modigt lederskab", date.Summary);
        Assert.Contains("21 free seats.", date.Description);
    }

    [Fact]
    public async Task TheFeedLinkOnTheEnglishCatalogueOpensAnEnglishFeedWithoutSigningIn()
    {
        var page = await _employee.GetDocumentAsync("/en/phoenix/forloeb?forvaltning=tvaergaaende");
        var link = new Uri(page.QuerySelector(".feed-link")!.GetAttribute("href")!);

        using var calendarProgram = _portal.CreateClient(new() { AllowAutoRedirect = false });
        var response = await calendarProgram.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()))!;
        Assert.Equal("Phønix courses", calendar.Properties.First(p => p.Name == "X-WR-CALNAME").Value?.ToString());
        Assert.Contains(calendar.Events, e => e.Summary == "Community across teams" && e.Description!.Contains("1 free seat.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheManagersPagesAndTheWelcomeEmailAreInEnglish()
    {
        using var leader = await _portal.SignedInClientAsync("leder");

        var page = await leader.GetDocumentAsync("/en/til-ledere");
        Assert.Equal("For managers: the employee charter in a new employee's first weeks", page.QuerySelector("h1")!.Text());
        Assert.Equal("Suggested questions", page.QuerySelector(".onboarding__bearing h4")!.Text());
        // The bearings are Danish until translated, and say so.
        Assert.Equal("da", page.QuerySelector(".onboarding__bearing h3")!.Closest("[lang]")!.GetAttribute("lang"));
        Assert.Equal("/en/pejlemaerker/mod", page.QuerySelector(".onboarding__bearing h3 a")!.GetAttribute("href"));
        var email = page.QuerySelector("textarea#velkomstmail")!.TextContent;
        Assert.StartsWith("Subject: Welcome – read about our employee charter", email);
        Assert.Contains("Dear [name]", email);
        Assert.Contains("http://localhost/en/medarbejdergrundlag", email);
        Assert.EndsWith("Kind regards\n[your name]", email.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("Copy the text", page.QuerySelector("button[data-copy-from]")!.Text());
        Assert.Equal("The text is copied.", page.QuerySelector("button[data-copy-from]")!.GetAttribute("data-copied"));
        Assert.Contains(page.QuerySelectorAll(".onboarding__confirm .copy-link__url"), a => a.GetAttribute("href") == "http://localhost/en/medarbejdergrundlag#bekraeft");
        DanishInterfaceWords.AssertNone(page);

        var sheet = await leader.GetDocumentAsync("/en/til-ledere/ark");
        Assert.Equal("Welcome – our employee charter: Together on development", sheet.QuerySelector("h1")!.Text());
        Assert.StartsWith("QR code for http://localhost/en/pejlemaerker/", sheet.QuerySelector("img.sheet__qr")!.GetAttribute("alt"));
        DanishInterfaceWords.AssertNone(sheet);

        var danish = await leader.GetDocumentAsync("/til-ledere");
        Assert.StartsWith("Emne: Velkommen – læs om vores medarbejdergrundlag", danish.QuerySelector("textarea#velkomstmail")!.TextContent);
    }

    [Fact]
    public async Task TheEnglishAccessibilityStatementSaysInEnglishThatItIsOnlyInDanish()
    {
        var page = await _employee.GetDocumentAsync("/en/tilgaengelighed");

        Assert.StartsWith("Accessibility statement – Employee charter", page.Title);
        Assert.Equal("The accessibility statement is only available in Danish.", page.QuerySelector("main .translation-note")!.Text());
        Assert.Equal("da", page.QuerySelector("article.statement")!.GetAttribute("lang"));
        DanishInterfaceWords.AssertNone(page);
        Assert.Null((await _employee.GetDocumentAsync("/tilgaengelighed")).QuerySelector("main .translation-note"));
    }

    [Fact]
    public void TheWordScannerFindsADanishWordOutsideDanishPartsAndNothingInsideThem()
    {
        var page = Html.Parse("""
            <html lang="en"><head><title>Courses</title></head><body>
            <p lang="da">Næste hold: Tilmelding</p>
            <a href="/en/phoenix/forloeb">http://localhost/en/phoenix/forloeb/kalender.ics</a>
            <nav aria-label="Brødkrummesti"><p>Next date</p></nav>
            <dl><dt>Tilmelding</dt></dl>
            </body></html>
            """);

        var found = DanishInterfaceWords.Find(page);

        Assert.Equal(2, found.Count);
        Assert.Contains(found, f => f.StartsWith("aria-label: «Brødkrummesti»", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("text: «Tilmelding»", StringComparison.Ordinal));
    }

    private async Task<Ical.Net.Calendar> CalendarAsync(string path)
    {
        var response = await _employee.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Ical.Net.Calendar.Load(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()))!;
    }
}
