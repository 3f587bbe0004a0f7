using System.Net;
using System.Text;
using AngleSharp.Dom;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Courses;

/// <summary>
/// A course of several days (issue 31: "Mod til at sige det svære" lasts 2 days) through the
/// spreadsheet import, the catalogue, the course page in both languages and the .ics, read back
/// with Ical.Net: one event a day, at the same local time on both sides of a change to summer time.
/// </summary>
public sealed class MultiDayCourseTests : IAsyncLifetime
{
    private const string Header = "Titel;Målgruppe;Forvaltning;Dage;Pejlemærker;Tilmelding;Start;Slut;Kursusdage;Sted;Pladser;Tilmeldte;Status";
    private const string Course = "Mod til at sige det svære;Medarbejdere;Tværgående;2;Mod, Fællesskab;phoenix@odense.dk";

    private readonly CoursePortal _portal = new();
    private HttpClient _editor = default!;

    public async Task InitializeAsync() => _editor = await _portal.SignedInClientAsync("hr-redaktoer");

    public Task DisposeAsync()
    {
        _portal.Dispose();
        return Task.CompletedTask;
    }

    private async Task<IDocument> PreviewAsync(params string[] rows)
    {
        var token = await PortalFactory.AntiforgeryTokenAsync(_editor, "/admin/forloeb/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n")), "Upload", "forloeb.csv" },
        };
        var response = await _editor.PostAsync("/admin/forloeb/import?handler=Preview", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACourseOfTwoDaysRoundTripsThroughTheImportTheCatalogueAndTheCalendar()
    {
        // Saturday and Monday around the change to summer time (Sunday 28 March 2027), typed as days;
        // and two days in a row, typed only as an end on the second day.
        var preview = await PreviewAsync(
            $"{Course};27-03-2027 09:00;15:30;27-03-2027, 29-03-2027;Phønix;20;4;",
            $"{Course};14-04-2027 09:00;15-04-2027 15:30;;Phønix;20;0;");
        var rows = preview.QuerySelectorAll(".import-preview tbody tr").Select(r => r.QuerySelectorAll("td")[2].Text()).ToList();
        Assert.Equal("2 kursusdage, 27. marts 2027, 29. marts 2027, kl. 09.00–15.30, Phønix: 4 af 20 pladser taget, Åben", rows[0]);
        Assert.StartsWith("2 kursusdage, 14. april 2027, 15. april 2027, kl. 09.00–15.30", rows[1]);
        var form = preview.QuerySelector("form.import-confirm") ?? throw new InvalidOperationException(preview.QuerySelector(".import-preview")?.Text());
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(_editor, "/admin/forloeb/import", form, new() { ["Publish"] = "true" })).StatusCode);

        var dates = _portal.Query(db => db.CourseDates.OrderBy(d => d.StartsAt).ToList());
        Assert.Equal([new DateOnly(2027, 3, 27), new DateOnly(2027, 3, 29)], dates[0].Days);
        Assert.Equal([new DateOnly(2027, 4, 14), new DateOnly(2027, 4, 15)], dates[1].Days);
        Assert.Equal(new DateTime(2027, 3, 29, 13, 30, 0, DateTimeKind.Utc), dates[0].EndsAt);

        // The catalogue and the course page say which days, and the hours of each.
        var employee = await _portal.SignedInClientAsync();
        var catalogue = await employee.GetDocumentAsync("/phoenix/forloeb");
        Assert.Contains("2 dage: lørdag 27. marts 2027 og mandag 29. marts 2027, kl. 09.00–15.30 hver dag", catalogue.QuerySelector(".course-card")!.Text());
        var page = await employee.GetDocumentAsync("/phoenix/forloeb/mod-til-at-sige-det-svaere");
        var when = page.QuerySelectorAll(".date-list__when").Select(w => w.Text()).ToList();
        Assert.Equal(["2 dage: lørdag 27. marts 2027 og mandag 29. marts 2027, kl. 09.00–15.30 hver dag",
            "2 dage: onsdag 14. april 2027 og torsdag 15. april 2027, kl. 09.00–15.30 hver dag"], when);
        var english = await employee.GetDocumentAsync("/en/phoenix/forloeb/mod-til-at-sige-det-svaere");
        Assert.Equal("2 days: Saturday 27 March 2027 and Monday 29 March 2027, 09:00–15:30 each day", english.QuerySelector(".date-list__when")!.Text());

        // The .ics: one event a day, each 09:00–15:30 Copenhagen time, whether summer time or not.
        var text = await employee.GetStringAsync($"/phoenix/forloeb/mod-til-at-sige-det-svaere/hold/{dates[0].Id}.ics");
        var events = Ical.Net.Calendar.Load(text)!.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal([$"phoenix-hold-{dates[0].Id}@localhost", $"phoenix-hold-{dates[0].Id}-dag-2@localhost"], events.Select(e => e.Uid));
        Assert.Equal([new DateTime(2027, 3, 27, 9, 0, 0), new DateTime(2027, 3, 29, 9, 0, 0)], events.Select(e => e.DtStart!.Value));
        Assert.Equal([new DateTime(2027, 3, 27, 15, 30, 0), new DateTime(2027, 3, 29, 15, 30, 0)], events.Select(e => e.DtEnd!.Value));
        Assert.Equal([new DateTime(2027, 3, 27, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 29, 7, 0, 0, DateTimeKind.Utc)], events.Select(e => e.DtStart!.AsUtc));
        Assert.Equal(["Mod til at sige det svære (dag 1 af 2)", "Mod til at sige det svære (dag 2 af 2)"], events.Select(e => e.Summary));

        // The feed holds every day of both dates, each once.
        var feedLink = catalogue.QuerySelector("a.feed-link")!.GetAttribute("href")!;
        var feed = Ical.Net.Calendar.Load(await employee.GetStringAsync(new Uri(feedLink).PathAndQuery))!;
        Assert.Equal(4, feed.Events.Select(e => e.Uid).Distinct().Count());
    }

    [Theory]
    [InlineData("27-03-2027 09:00;15:30;28-03-2027, 29-03-2027", "Kursusdagene skal gå fra startdagen (27. marts 2027) til slutdagen (29. marts 2027).")]
    [InlineData("27-03-2027 09:00;15:30;27-03-2027, 29. marts", "Kursusdage: »29.« er ikke en dato.")]
    [InlineData("14-04-2027 09:00;15-04-2027 09:00;14-04-2027, 15-04-2027", "slut-klokkeslættet skal ligge efter start-klokkeslættet")]
    [InlineData("01-04-2027 09:00;15-05-2027 15:30;", "Et hold kan højst have 31 kursusdage.")]
    public async Task DaysThatDoNotFitTheStartAndTheEndAreRefusedInDanish(string when, string message)
    {
        var preview = await PreviewAsync($"{Course};{when};Phønix;20;0;");
        Assert.Contains(message, preview.QuerySelector(".import-errors")!.Text());
        Assert.Null(preview.QuerySelector("form.import-confirm"));
        Assert.Equal(0, _portal.Query(db => db.CourseDates.Count()));
    }

    [Fact]
    public async Task AnEndOnTheNextDayAtAnEarlierHourIsOneSpanOvernight()
    {
        var preview = await PreviewAsync($"{Course};14-04-2027 13:00;15-04-2027 12:00;;Phønix;20;0;");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(_editor, "/admin/forloeb/import", preview.QuerySelector("form.import-confirm")!, new() { ["Publish"] = "true" })).StatusCode);

        var date = _portal.Query(db => db.CourseDates.Single());
        Assert.Empty(date.Days);
        var employee = await _portal.SignedInClientAsync();
        var text = await employee.GetStringAsync($"/phoenix/forloeb/mod-til-at-sige-det-svaere/hold/{date.Id}.ics");
        var only = Assert.Single(Ical.Net.Calendar.Load(text)!.Events);
        Assert.Equal((new DateTime(2027, 4, 14, 13, 0, 0), new DateTime(2027, 4, 15, 12, 0, 0)), (only.DtStart!.Value, only.DtEnd!.Value));
    }
}
