using System.Net;
using System.Text;
using System.Web;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Courses;

/// <summary>
/// The .ics per date and the subscribable feed, read back with Ical.Net, and the raw text checked
/// for what a reader forgives: CRLF line ends and lines folded at 75 octets.
/// </summary>
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

    private static async Task<(HttpResponseMessage Response, Ical.Net.Calendar Calendar)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = new UTF8Encoding(false, true).GetString(await response.Content.ReadAsByteArrayAsync());
        AssertFolded(text);
        return (response, Ical.Net.Calendar.Load(text)!);
    }

    /// <summary>RFC 5545 3.1: every line ends in CRLF and is at most 75 octets long.</summary>
    private static void AssertFolded(string text)
    {
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal));
        foreach (var line in text[..^2].Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
        }
    }

    [Fact]
    public async Task ADatesIcsIsValidAndOpensAtTheRightLocalTime()
    {
        var (response, calendar) = await GetAsync(_employee, $"/phoenix/forloeb/{Slug}/hold/{_beforeSummerTime}.ics");

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("2.0", calendar.Version);
        Assert.False(string.IsNullOrEmpty(calendar.ProductId));
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/Copenhagen", zone.TzId);
        var evt = Assert.Single(calendar.Events);
        Assert.Equal("Europe/Copenhagen", evt.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 3, 24, 9, 0, 0), evt.DtStart.Value);
        Assert.Equal(new DateTime(2027, 3, 24, 8, 0, 0, DateTimeKind.Utc), evt.DtStart.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 24, 15, 0, 0, DateTimeKind.Utc), evt.DtEnd!.AsUtc);
        Assert.True(evt.DtStamp!.IsUtc);
        Assert.Equal("Mod; ledelse, og \"backslash\\\"", evt.Summary);
        Assert.Equal("Phønix, Tolderlundsvej 2", evt.Location);
        Assert.Contains("også midt i æ, ø og å.", evt.Description);
        Assert.Contains($"http://localhost/phoenix/forloeb/{Slug}", evt.Description);
        Assert.Equal($"http://localhost/phoenix/forloeb/{Slug}", evt.Url!.ToString());
        Assert.Equal("CONFIRMED", evt.Status);
    }

    [Fact]
    public async Task TheTimeZoneIsDefinedInTheFileWithCopenhagensOffsets()
    {
        var text = await _employee.GetStringAsync($"/phoenix/forloeb/{Slug}/hold/{_beforeSummerTime}.ics");
        var zone = Assert.Single(Ical.Net.Calendar.Load(text)!.TimeZones);

        var offsets = zone.TimeZoneInfos.Select(i => (i.Name, i.OffsetTo!.ToString())).OrderBy(o => o.Name).ToList();
        Assert.Equal([("DAYLIGHT", "+0200"), ("STANDARD", "+0100")], offsets);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", text);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", text);
    }

    [Fact]
    public async Task ADateAfterTheChangeToSummerTimeKeepsItsLocalTime()
    {
        var (_, calendar) = await GetAsync(_employee, $"/phoenix/forloeb/{Slug}/hold/{_afterSummerTime}.ics");
        var start = Assert.Single(calendar.Events).DtStart!;

        Assert.Equal(new DateTime(2027, 3, 31, 9, 0, 0), start.Value);
        Assert.Equal(new DateTime(2027, 3, 31, 7, 0, 0, DateTimeKind.Utc), start.AsUtc);

        // And back to winter time: Sunday 31 October 2027.
        var autumn = await _portal.DateAsync(_course, "02-11-2027 09:00", "16:00");
        var (_, autumnCalendar) = await GetAsync(_employee, $"/phoenix/forloeb/{Slug}/hold/{autumn}.ics");
        var autumnStart = Assert.Single(autumnCalendar.Events).DtStart!;
        Assert.Equal(new DateTime(2027, 11, 2, 9, 0, 0), autumnStart.Value);
        Assert.Equal(new DateTime(2027, 11, 2, 8, 0, 0, DateTimeKind.Utc), autumnStart.AsUtc);
    }

    [Fact]
    public async Task UidsAreStableAndTheSequenceRisesWithEveryChange()
    {
        var path = $"/phoenix/forloeb/{Slug}/hold/{_beforeSummerTime}.ics";
        var first = Assert.Single((await GetAsync(_employee, path)).Calendar.Events);
        var again = Assert.Single((await GetAsync(_employee, path)).Calendar.Events);
        Assert.Equal(first.Uid, again.Uid);

        using (var scope = _portal.Services.CreateScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<CourseDateEditor>();
            var changed = await editor.UpdateDateAsync(_course, _beforeSummerTime, 1, new CourseDateInput("24-03-2027 10:00", "16:00", "Phønix", "20", "5", "Open"), "Test");
            Assert.True(changed.Succeeded);
        }

        var edited = Assert.Single((await GetAsync(_employee, path)).Calendar.Events);
        Assert.Equal(first.Uid, edited.Uid);
        Assert.True(edited.Sequence > first.Sequence);
        Assert.Equal(new DateTime(2027, 3, 24, 10, 0, 0), edited.DtStart!.Value);

        using (var scope = _portal.Services.CreateScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<CourseDateEditor>();
            Assert.True((await editor.UpdateDateAsync(_course, _beforeSummerTime, 2, new CourseDateInput("24-03-2027 10:00", "16:00", "Phønix", "20", "5", "Cancelled"), "Test")).Succeeded);
        }

        var cancelled = Assert.Single((await GetAsync(_employee, path)).Calendar.Events);
        Assert.True(cancelled.Sequence > edited.Sequence);

        var feed = (await GetAsync(_employee, "/phoenix/forloeb/kalender.ics")).Calendar;
        var uids = feed.Events.Select(e => e.Uid).ToList();
        Assert.Equal(uids.Count, uids.Distinct().Count());
        Assert.Contains(first.Uid, uids);
    }

    [Fact]
    public async Task ACancelledDateStaysInTheFeedAsCancelled()
    {
        using (var scope = _portal.Services.CreateScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<CourseDateEditor>();
            Assert.True((await editor.UpdateDateAsync(_course, _afterSummerTime, 1, new CourseDateInput("31-03-2027 09:00", "16:00", "Phønix", "20", "0", "Cancelled"), "Test")).Succeeded);
        }

        var feed = (await GetAsync(_employee, "/phoenix/forloeb/kalender.ics")).Calendar;

        var cancelled = Assert.Single(feed.Events, e => e.Uid!.StartsWith($"phoenix-hold-{_afterSummerTime}@", StringComparison.Ordinal));
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.StartsWith("Aflyst: ", cancelled.Summary);
        Assert.Equal(2, cancelled.Sequence);
        Assert.All(feed.Events.Where(e => e != cancelled), e => Assert.Equal("CONFIRMED", e.Status));
    }

    [Fact]
    public async Task ControlCharactersAndBidiOverridesNeverReachTheFile()
    {
        var sneaky = await _portal.CourseAsync("Ledelse\u202E gnirts\u202C og\u0007 mere\u2066x\u2069", Audience.Alle, Forvaltning.Tvaergaaende,
            lead: "Tekst med\u0007 nul, \u200Fretning og\u001B escape.");
        var date = await _portal.DateAsync(sneaky, "06-04-2027 09:00", "12:00", location: "Rum\u202D 2\u0008");
        var slug = _portal.Query(db => db.Revisions.Single(r => r.ContentItemId == sneaky).Slug);

        var response = await _employee.GetAsync($"/phoenix/forloeb/{slug}/hold/{date}.ics");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var feed = await _employee.GetStringAsync("/phoenix/forloeb/kalender.ics");

        foreach (var file in new[] { text, feed })
        {
            Assert.DoesNotContain(file, c => (char.IsControl(c) && c is not '\r' and not '\n') || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));
        }

        var evt = Assert.Single(Ical.Net.Calendar.Load(text)!.Events);
        Assert.Equal("Ledelse gnirts og merex", evt.Summary);
        Assert.Equal("Rum 2", evt.Location);
        Assert.Contains("Tekst med nul, retning og escape.", evt.Description);
    }

    [Fact]
    public async Task TheFeedHoldsTheDatesOfTheFilteredList()
    {
        var all = (await GetAsync(_employee, "/phoenix/forloeb/kalender.ics")).Calendar;
        Assert.Equal(3, all.Events.Count);
        Assert.Single(all.TimeZones);

        var leaders = (await GetAsync(_employee, "/phoenix/forloeb/kalender.ics?maalgruppe=ledere")).Calendar;
        Assert.Equal([new DateTime(2027, 3, 24, 9, 0, 0), new DateTime(2027, 3, 31, 9, 0, 0)], leaders.Events.Select(e => e.DtStart!.Value).Order().ToList());
    }

    [Fact]
    public async Task TheCataloguesFeedLinkWorksWithoutSignInForExactlyItsFilters()
    {
        var page = await _employee.GetDocumentAsync("/phoenix/forloeb?maalgruppe=ledere");
        var link = new Uri(page.QuerySelector("a.feed-link")!.GetAttribute("href")!);
        using var calendarProgram = _portal.CreatePlainClient();

        var (_, calendar) = await GetAsync(calendarProgram, link.PathAndQuery);
        Assert.Equal(2, calendar.Events.Count);

        // The token opens that list only: changing the filters, or dropping the token, asks for sign-in.
        var query = HttpUtility.ParseQueryString(link.Query);
        var widened = $"/phoenix/forloeb/kalender.ics?adgang={Uri.EscapeDataString(query["adgang"]!)}";
        Assert.Equal(HttpStatusCode.Redirect, (await calendarProgram.GetAsync(widened)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await calendarProgram.GetAsync("/phoenix/forloeb/kalender.ics?maalgruppe=ledere")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await calendarProgram.GetAsync("/phoenix/forloeb/kalender.ics?maalgruppe=ledere&adgang=forfalsket")).StatusCode);
    }

    [Fact]
    public async Task TheFeedLinkCanBeCopiedAndSubscribedToInOutlookInOneClick()
    {
        var page = await _employee.GetDocumentAsync("/phoenix/forloeb?maalgruppe=ledere");
        var link = page.QuerySelector("a.feed-link")!.GetAttribute("href")!;

        // "Kopiér link", as every other link has, copies this reader's own address.
        var copy = page.QuerySelector(".calendar-feed button[data-copy-link]")!;
        Assert.Equal("Kopiér link", copy.TextContent.Trim());
        Assert.Equal(link, copy.GetAttribute("data-copy-link"));

        // "Abonnér i Outlook": the same address as webcal:, which a calendar program subscribes to.
        var subscribe = page.QuerySelector(".calendar-feed a.feed-subscribe")!;
        Assert.Equal("Abonnér i Outlook", subscribe.TextContent.Trim());
        Assert.StartsWith("http://", link);
        Assert.Equal("webcal://" + link["http://".Length..], subscribe.GetAttribute("href"));
        using var calendarProgram = _portal.CreatePlainClient();
        var (_, calendar) = await GetAsync(calendarProgram, new Uri("http" + subscribe.GetAttribute("href")!["webcal".Length..]).PathAndQuery);
        Assert.Equal(2, calendar.Events.Count);

        // Another reader gets a link of their own in all three places.
        var other = await (await _portal.SignedInClientAsync("leder")).GetDocumentAsync("/phoenix/forloeb?maalgruppe=ledere");
        var otherLink = other.QuerySelector("a.feed-link")!.GetAttribute("href")!;
        Assert.NotEqual(link, otherLink);
        Assert.Equal(otherLink, other.QuerySelector(".calendar-feed button[data-copy-link]")!.GetAttribute("data-copy-link"));
        Assert.Equal("webcal://" + otherLink["http://".Length..], other.QuerySelector(".calendar-feed a.feed-subscribe")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheFilesAreNamedAndTheFeedIsInDateOrderAndCachedPrivately()
    {
        var (date, dateCalendar) = await GetAsync(_employee, $"/phoenix/forloeb/{Slug}/hold/{_beforeSummerTime}.ics");
        Assert.Equal("text/calendar", date.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{Slug}-{_beforeSummerTime}.ics", date.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("Mod; ledelse, og \"backslash\\\"", dateCalendar.Properties.First(p => p.Name == "X-WR-CALNAME").Value?.ToString());
        // A date's file is the reader's own page's: like the page, never stored.
        Assert.True(date.Headers.CacheControl?.NoStore);

        // A third date of the first course, after the other course's date, so the courses' dates interleave.
        await _portal.DateAsync(_course, "12-04-2027 09:00", "16:00");
        var (feed, feedCalendar) = await GetAsync(_employee, "/phoenix/forloeb/kalender.ics");
        Assert.Equal("phoenix-forloeb.ics", feed.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("Phønix-forløb", feedCalendar.Properties.First(p => p.Name == "X-WR-CALNAME").Value?.ToString());
        // A calendar program asks every few minutes: it may keep the feed five minutes, no shared cache may.
        Assert.Equal((true, TimeSpan.FromMinutes(5), false), (feed.Headers.CacheControl!.Private, feed.Headers.CacheControl.MaxAge, feed.Headers.CacheControl.NoStore));
        // Earliest first across courses, not course by course.
        var starts = feedCalendar.Events.Select(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(4, starts.Count);
        Assert.Equal(starts.Order().ToList(), starts);
    }

    [Fact]
    public async Task AnUnknownDateOrCourseIsNotFound()
    {
        var other = _portal.Query(db => db.CourseDates.Single(d => d.Id != _beforeSummerTime && d.Id != _afterSummerTime).Id);

        Assert.Equal(HttpStatusCode.NotFound, (await _employee.GetAsync($"/phoenix/forloeb/{Slug}/hold/{other}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _employee.GetAsync($"/phoenix/forloeb/{Slug}/hold/999999.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _employee.GetAsync($"/phoenix/forloeb/findes-ikke/hold/{_beforeSummerTime}.ics")).StatusCode);
    }

    [Fact]
    public async Task ADatesIcsNeedsSignIn()
    {
        using var anonymous = _portal.CreatePlainClient();

        var response = await anonymous.GetAsync($"/phoenix/forloeb/{Slug}/hold/{_beforeSummerTime}.ics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
