using System.Net;
using System.Web;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Courses;

/// <summary>The .ics per date and the subscribable feed, read back with a strict RFC 5545 reader.</summary>
public sealed class CalendarTests : IAsyncLifetime
{
    private readonly CoursePortal _portal = new();
    private HttpClient _employee = default!;
    private int _course;
    private int _beforeSummerTime;
    private int _afterSummerTime;

    public async Task InitializeAsync()
    {
        _employee = await _portal.SignedInClientAsync();
        _course = await _portal.CourseAsync("Mod; ledelse, og \"backslash\\\"", Audience.Ledere, Forvaltning.BoernOgUngeforvaltningen, "mod",
            lead: "Et forløb om mod for ledere i Børn- og Ungeforvaltningen, med en indledning, der er så lang, at linjen skal foldes flere gange, også midt i æ, ø og å.");

        // Summer time begins on Sunday 28 March 2027: 09:00 is 08:00Z before and 07:00Z after.
        _beforeSummerTime = await _portal.DateAsync(_course, "24-03-2027 09:00", "16:00", location: "Phønix, Tolderlundsvej 2");
        _afterSummerTime = await _portal.DateAsync(_course, "31-03-2027 09:00", "16:00");

        var other = await _portal.CourseAsync("Andet forløb", Audience.Medarbejdere, Forvaltning.Tvaergaaende);
        await _portal.DateAsync(other, "05-04-2027 09:00", "12:00");
    }

    public Task DisposeAsync()
    {
        _portal.Dispose();
        return Task.CompletedTask;
    }

    private string Slug => _portal.Query(db => db.Revisions.Single(r => r.ContentItemId == _course).Slug);

    private async Task<(HttpResponseMessage Response, ICalComponent Calendar)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, ICalendar.Parse(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task ADatesIcsIsValidAndOpensAtTheRightLocalTime()
    {
        var (response, calendar) = await GetAsync(_employee, $"/phoenix/forloeb/{Slug}/hold/{_beforeSummerTime}.ics");

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("2.0", calendar.Property("VERSION").Value);
        Assert.NotNull(calendar.Property("PRODID"));
        var evt = Assert.Single(calendar.All("VEVENT"));
        Assert.Equal("Europe/Copenhagen", evt.Property("DTSTART").Parameters["TZID"]);
        Assert.Equal("20270324T090000", evt.Property("DTSTART").Value);
        Assert.Equal(new DateTime(2027, 3, 24, 8, 0, 0, DateTimeKind.Utc), ICalendar.Utc(calendar, evt.Property("DTSTART")));
        Assert.Equal(new DateTime(2027, 3, 24, 15, 0, 0, DateTimeKind.Utc), ICalendar.Utc(calendar, evt.Property("DTEND")));
        Assert.EndsWith("Z", evt.Property("DTSTAMP").Value);
        Assert.Equal("Mod; ledelse, og \"backslash\\\"", ICalendar.Text(evt.Property("SUMMARY").Value));
        Assert.Equal("Phønix, Tolderlundsvej 2", ICalendar.Text(evt.Property("LOCATION").Value));
        var description = ICalendar.Text(evt.Property("DESCRIPTION").Value);
        Assert.Contains("også midt i æ, ø og å.", description);
        Assert.Contains($"http://localhost/phoenix/forloeb/{Slug}", description);
        Assert.Equal($"http://localhost/phoenix/forloeb/{Slug}", evt.Property("URL").Value);
    }

    [Fact]
    public async Task ADateAfterTheChangeToSummerTimeKeepsItsLocalTime()
    {
        var (_, calendar) = await GetAsync(_employee, $"/phoenix/forloeb/{Slug}/hold/{_afterSummerTime}.ics");
        var start = Assert.Single(calendar.All("VEVENT")).Property("DTSTART");

        Assert.Equal("20270331T090000", start.Value);
        Assert.Equal(new DateTime(2027, 3, 31, 7, 0, 0, DateTimeKind.Utc), ICalendar.Utc(calendar, start));

        // And back to winter time: Sunday 31 October 2027.
        var autumn = await _portal.DateAsync(_course, "02-11-2027 09:00", "16:00");
        var (_, autumnCalendar) = await GetAsync(_employee, $"/phoenix/forloeb/{Slug}/hold/{autumn}.ics");
        var autumnStart = Assert.Single(autumnCalendar.All("VEVENT")).Property("DTSTART");
        Assert.Equal("20271102T090000", autumnStart.Value);
        Assert.Equal(new DateTime(2027, 11, 2, 8, 0, 0, DateTimeKind.Utc), ICalendar.Utc(autumnCalendar, autumnStart));
    }

    [Fact]
    public async Task UidsAreStableAcrossDownloadsEditsAndTheFeed()
    {
        var path = $"/phoenix/forloeb/{Slug}/hold/{_beforeSummerTime}.ics";
        var first = Assert.Single((await GetAsync(_employee, path)).Calendar.All("VEVENT"));
        var again = Assert.Single((await GetAsync(_employee, path)).Calendar.All("VEVENT"));
        Assert.Equal(first.Property("UID").Value, again.Property("UID").Value);

        using (var scope = _portal.Services.CreateScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            var changed = await editor.UpdateDateAsync(_course, _beforeSummerTime, 1, new CourseDateInput("24-03-2027 10:00", "16:00", "Phønix", "20", "5", "Open"), "Test");
            Assert.True(changed.Succeeded);
        }

        var edited = Assert.Single((await GetAsync(_employee, path)).Calendar.All("VEVENT"));
        Assert.Equal(first.Property("UID").Value, edited.Property("UID").Value);
        Assert.True(int.Parse(edited.Property("SEQUENCE").Value) > int.Parse(first.Property("SEQUENCE").Value));
        Assert.Equal("20270324T100000", edited.Property("DTSTART").Value);

        var feed = (await GetAsync(_employee, "/phoenix/forloeb/kalender.ics")).Calendar;
        var uids = feed.All("VEVENT").Select(e => e.Property("UID").Value).ToList();
        Assert.Equal(uids.Count, uids.Distinct().Count());
        Assert.Contains(first.Property("UID").Value, uids);
    }

    [Fact]
    public async Task TheFeedHoldsTheDatesOfTheFilteredList()
    {
        var all = (await GetAsync(_employee, "/phoenix/forloeb/kalender.ics")).Calendar;
        Assert.Equal(3, all.All("VEVENT").Count());
        Assert.Single(all.All("VTIMEZONE"));

        var leaders = (await GetAsync(_employee, "/phoenix/forloeb/kalender.ics?maalgruppe=ledere")).Calendar;
        Assert.Equal(["20270324T090000", "20270331T090000"], leaders.All("VEVENT").Select(e => e.Property("DTSTART").Value).ToList());
    }

    [Fact]
    public async Task TheCataloguesFeedLinkWorksWithoutSignInForExactlyItsFilters()
    {
        var page = await _employee.GetDocumentAsync("/phoenix/forloeb?maalgruppe=ledere");
        var link = new Uri(page.QuerySelector("a.feed-link")!.GetAttribute("href")!);
        using var calendarProgram = _portal.CreatePlainClient();

        var (_, calendar) = await GetAsync(calendarProgram, link.PathAndQuery);
        Assert.Equal(2, calendar.All("VEVENT").Count());

        // The token opens that list only: changing the filters, or dropping the token, asks for sign-in.
        var query = HttpUtility.ParseQueryString(link.Query);
        var widened = $"/phoenix/forloeb/kalender.ics?adgang={Uri.EscapeDataString(query["adgang"]!)}";
        Assert.Equal(HttpStatusCode.Redirect, (await calendarProgram.GetAsync(widened)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await calendarProgram.GetAsync("/phoenix/forloeb/kalender.ics?maalgruppe=ledere")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await calendarProgram.GetAsync("/phoenix/forloeb/kalender.ics?maalgruppe=ledere&adgang=forfalsket")).StatusCode);
    }

    [Fact]
    public async Task ADatesIcsNeedsSignIn()
    {
        using var anonymous = _portal.CreatePlainClient();

        var response = await anonymous.GetAsync($"/phoenix/forloeb/{Slug}/hold/{_beforeSummerTime}.ics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
