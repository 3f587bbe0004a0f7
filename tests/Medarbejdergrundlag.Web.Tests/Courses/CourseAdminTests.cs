using System.Net;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Courses;

/// <summary>Courses go through the same edit page, drafts, history and audit as every other kind of content.</summary>
public sealed class CourseAdminTests : IAsyncLifetime
{
    private const string EditForm = "form.edit-form";
    private readonly CoursePortal _portal = new();
    private HttpClient _editor = default!;
    private HttpClient _employee = default!;

    public async Task InitializeAsync()
    {
        _editor = await _portal.SignedInClientAsync("hr-redaktoer");
        _employee = await _portal.SignedInClientAsync();
    }

    public Task DisposeAsync()
    {
        _portal.Dispose();
        return Task.CompletedTask;
    }

    private async Task<int> CreateThroughTheFormAsync()
    {
        var created = await Forms.SubmitAsync(_editor, "/admin/indhold/ny/forloeb", EditForm, new()
        {
            ["Form.Title"] = "Mod i praksis",
            ["Form.Lead"] = "Et forløb om mod.",
            ["Form.Body"] = "Vi øver os.",
            ["Form.Course.Audience"] = "Medarbejdere",
            ["Form.Course.Forvaltning"] = "AeldreOgHandicapforvaltningen",
            ["Form.Course.LengthDays"] = "1,5",
            ["Form.Bearings"] = "mod",
            ["Form.Course.SignUp"] = "phoenix@odense.dk",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task AnEditorCreatesACourseAddsADatePublishesItAndTheCourseFieldsAreInItsHistory()
    {
        var id = await CreateThroughTheFormAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await _employee.GetAsync("/phoenix/forloeb/mod-i-praksis")).StatusCode);

        var added = await Forms.SubmitAsync(_editor, $"/admin/indhold/{id}/hold", "form.date-form", new()
        {
            ["Date.Start"] = "24-03-2027 09:00",
            ["Date.End"] = "16:00",
            ["Date.Location"] = "Phønix",
            ["Date.Capacity"] = "12",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var published = await Forms.SubmitAsync(_editor, $"/admin/indhold/{id}", EditForm, handler: "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await _employee.GetDocumentAsync("/phoenix/forloeb/mod-i-praksis");
        Assert.Contains("Længde 1,5 dage", page.QuerySelector(".course-facts")!.Text());
        Assert.Contains("12 ledige pladser", page.QuerySelector(".course-dates")!.Text());
        Assert.Equal("mailto:phoenix@odense.dk", page.QuerySelector(".course-facts a[href^='mailto:']")!.GetAttribute("href"));

        // A change of audience is a new revision: a draft, in the diff, and restorable.
        var saved = await Forms.SubmitAsync(_editor, $"/admin/indhold/{id}", EditForm, new() { ["Form.Course.Audience"] = "Ledere" }, "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Målgruppe Medarbejdere", (await _employee.GetDocumentAsync("/phoenix/forloeb/mod-i-praksis")).QuerySelector(".course-facts")!.Text());

        var history = await _editor.GetDocumentAsync($"/admin/indhold/{id}/historik");
        // One line changed in place: the old and the new audience marked as words.
        var changed = history.QuerySelectorAll(".diff__line--changed").Single(l => l.Text().Contains("Målgruppe:", StringComparison.Ordinal));
        Assert.Contains("Medarbejdere", changed.QuerySelector("del")!.Text());
        Assert.Contains("Ledere", changed.QuerySelector("ins")!.Text());

        var restoreFirst = history.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=number][value='1']") is not null);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(_editor, $"/admin/indhold/{id}/historik", restoreFirst)).StatusCode);
        var current = _portal.Query(db => db.Items.Where(i => i.Id == id).Select(i => i.CurrentRevision!).Single());
        Assert.Equal((3, Audience.Medarbejdere, 1.5m), (current.Number, current.Course!.Audience, current.Course.LengthDays));
    }

    [Fact]
    public async Task ChangingADateIsAuditedWithOldAndNewValuesAndTakesEffectAtOnce()
    {
        var id = await _portal.CourseAsync("Hold i gang", Audience.Alle, Forvaltning.Tvaergaaende);
        var dateId = await _portal.DateAsync(id, "24-03-2027 09:00", "16:00", capacity: "10", taken: "3");

        var changed = await Forms.SubmitAsync(_editor, $"/admin/indhold/{id}/hold/{dateId}", "form.date-form",
            new() { ["Date.SeatsTaken"] = "10" }, "Save");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Fuldt booket", (await _employee.GetDocumentAsync("/phoenix/forloeb/hold-i-gang")).QuerySelector(".course-dates")!.Text());
        var audit = _portal.Query(db => db.AuditEntries.Single(a => a.Action == AuditAction.DateChanged));
        Assert.Equal("Hanne HR-redaktør", audit.User);
        Assert.Contains("Før: 24. marts 2027 kl. 09.00–16.00, Phønix: 3 af 10 pladser taget, Åben.", audit.Details);
        Assert.Contains("Nu: 24. marts 2027 kl. 09.00–16.00, Phønix: 10 af 10 pladser taget, Åben.", audit.Details);
    }

    [Fact]
    public async Task RemovingADateHidesItButKeepsItAndItCanComeBack()
    {
        var id = await _portal.CourseAsync("Fjernes", Audience.Alle, Forvaltning.Tvaergaaende);
        var dateId = await _portal.DateAsync(id, "24-03-2027 09:00", "16:00");

        var removed = await Forms.SubmitAsync(_editor, $"/admin/indhold/{id}/hold/{dateId}", "form[action$='handler=Remove']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("Der er ingen kommende hold lige nu.", (await _employee.GetDocumentAsync("/phoenix/forloeb/fjernes")).QuerySelector(".course-dates")!.Text());
        Assert.True(_portal.Query(db => db.CourseDates.Single(d => d.Id == dateId).IsRemoved));

        var restored = await Forms.SubmitAsync(_editor, $"/admin/indhold/{id}/hold/{dateId}", "form[action$='handler=Restore']");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("24. marts 2027", (await _employee.GetDocumentAsync("/phoenix/forloeb/fjernes")).QuerySelector(".course-dates")!.Text());
    }

    [Fact]
    public async Task ABadDateIsRefusedInDanishAndNothingIsSaved()
    {
        var id = await _portal.CourseAsync("Forkert dato", Audience.Alle, Forvaltning.Tvaergaaende);

        var response = await Forms.SubmitAsync(_editor, $"/admin/indhold/{id}/hold", "form.date-form", new()
        {
            ["Date.Start"] = "31-02-2027 09:00",
            ["Date.End"] = "16:00",
            ["Date.Location"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.Text();
        Assert.Contains("»31-02-2027 09:00« er ikke en dato med klokkeslæt", summary);
        Assert.Contains("Skriv, hvor holdet foregår.", summary);
        Assert.Equal(0, _portal.Query(db => db.CourseDates.Count()));
    }

    [Fact]
    public async Task ARenamedCourseKeepsItsOldAddress()
    {
        var id = await _portal.CourseAsync("Gammelt navn", Audience.Alle, Forvaltning.Tvaergaaende);
        var date = await _portal.DateAsync(id, "24-03-2027 09:00", "16:00");

        await Forms.SubmitAsync(_editor, $"/admin/indhold/{id}", EditForm, new() { ["Form.Slug"] = "nyt-navn" }, "Publish");

        var old = await _employee.GetAsync("/phoenix/forloeb/gammelt-navn");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/phoenix/forloeb/nyt-navn", old.Headers.Location!.ToString());
        // A date's .ics saved under the old address follows too.
        var oldDate = await _employee.GetAsync($"/phoenix/forloeb/gammelt-navn/hold/{date}.ics");
        Assert.Equal(HttpStatusCode.MovedPermanently, oldDate.StatusCode);
        Assert.Equal($"/phoenix/forloeb/nyt-navn/hold/{date}.ics", oldDate.Headers.Location!.ToString());
    }

    [Fact]
    public async Task TheDraftPreviewShowsTheCourseThroughThePublicPartial()
    {
        var id = await _portal.CourseAsync("Forhåndsvist", Audience.Ledere, Forvaltning.Borgmesterforvaltningen, publish: false);

        var preview = await _editor.GetDocumentAsync($"/admin/indhold/{id}/forhaandsvisning");

        Assert.Equal("Forhåndsvist", preview.QuerySelector("article.course h1")!.Text());
        Assert.Contains("Forvaltning Borgmesterforvaltningen", preview.QuerySelector(".course-facts")!.Text());
    }
}

/// <summary>Example courses exist in development only, and say so.</summary>
public sealed class ExampleCourseTests
{
    [Fact]
    public async Task DevelopmentHasExampleCoursesEachMarkedEksempel()
    {
        using var factory = new PortalFactory().With("Phoenix:ExampleCourses", "true");
        var employee = await factory.SignedInClientAsync();

        var titles = (await employee.GetDocumentAsync("/phoenix/forloeb")).QuerySelectorAll(".course-card h2").Select(h => h.Text()).ToList();

        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.StartsWith("Eksempel: ", t));
    }

    [Fact]
    public async Task ProductionStartsWithNoCourses()
    {
        // Even asked to, Production adds no examples.
        using var factory = new PortalFactory("Production")
            .With("Authentication:Oidc:Authority", "https://login.example.test")
            .With("Authentication:Oidc:ClientId", "portal")
            .With("Phoenix:ExampleCourses", "true");
        _ = factory.CreatePlainClient("https://portal.example.test");
        await Task.Yield();

        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(factory.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Medarbejdergrundlag.Content.Data.ContentDbContext>(scope.ServiceProvider);
        Assert.Equal(0, db.Items.Count(i => i.Kind == ContentKind.Course));
        Assert.True(db.Items.Any(i => i.Kind == ContentKind.Bearing));
    }
}
