using System.Globalization;
using System.Text;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>
/// An employee finds a Phønix course with the catalogue's filters, opens it and puts a date in
/// their calendar: the downloaded file says the time the editor typed, in Danish time.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogueJourneyTests(BrowserFixture fixture)
{
    private const string FilteredQuery = "maalgruppe=ledere&forvaltning=boern-og-ungeforvaltningen";

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task EmployeeFiltersTheCatalogueOpensACourseAndDownloadsADateForTheCalendar(int width)
    {
        await using var context = await fixture.NewContextAsync(width);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, fixture.Server.BaseUrl);

        await page.GotoAsync("/phoenix");
        await page.GetByRole(AriaRole.Link, new() { Name = "Find et Phønix-forløb" }).ClickAsync();
        await page.WaitForURLAsync("**/phoenix/forloeb");
        await Assertions.Expect(page.Locator(".course-count")).ToHaveTextAsync("3 forløb, sorteret efter næste hold.");

        var filters = page.GetByRole(AriaRole.Search, new() { Name = "Find forløb" });
        await filters.GetByLabel("Målgruppe").SelectOptionAsync(new SelectOptionValue { Label = "Ledere" });
        await filters.GetByLabel("Forvaltning").SelectOptionAsync(new SelectOptionValue { Label = "Børn- og Ungeforvaltningen" });
        await filters.GetByRole(AriaRole.Button, new() { Name = "Vis forløb" }).ClickAsync();

        await AssertFilteredListAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        // The filtered address is shareable: opened afresh, it shows the same list with the same choices.
        var shared = await context.NewPageAsync();
        await shared.GotoAsync(page.Url);
        await AssertFilteredListAsync(shared);
        await Assertions.Expect(shared.GetByLabel("Målgruppe")).ToHaveValueAsync("ledere");
        await Assertions.Expect(shared.GetByLabel("Forvaltning")).ToHaveValueAsync("boern-og-ungeforvaltningen");
        await shared.CloseAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = TestCourses.LeaderCourse }).ClickAsync();
        await page.WaitForURLAsync("**/phoenix/forloeb/" + TestCourses.LeaderCourseSlug);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(TestCourses.LeaderCourse);

        var summerDate = page.Locator(".date-list__item", new() { HasText = "Store sal" });
        var download = await page.RunAndWaitForDownloadAsync(() => summerDate.GetByRole(AriaRole.Link, new() { Name = "Føj til kalender" }).ClickAsync());
        await AssertCalendarFileAsync(download);
        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task EmployeeDoesTheSameWithTheKeyboardAloneAndAlwaysSeesFocus()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, fixture.Server.BaseUrl);
        await page.GotoAsync("/phoenix/forloeb");

        // A closed list box changes its choice with the arrow keys: Alle, Medarbejdere, Ledere.
        await Keyboard.TabToAsync(page, f => f.Name == "maalgruppe", "Målgruppe");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#maalgruppe")).ToHaveValueAsync("ledere");
        // Alle forvaltninger, Borgmesterforvaltningen, Børn- og Ungeforvaltningen.
        await Keyboard.TabToAsync(page, f => f.Name == "forvaltning", "Forvaltning", maxTabs: 1);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#forvaltning")).ToHaveValueAsync("boern-og-ungeforvaltningen");
        await Keyboard.TabToAsync(page, f => f.Tag == "BUTTON" && f.Text == "Vis forløb", "Vis forløb");
        await Keyboard.EnterAndWaitForPageAsync(page, url => url.Contains(FilteredQuery, StringComparison.Ordinal), "the filtered list");
        await AssertFilteredListAsync(page);

        await Keyboard.TabToAsync(page, f => f.Href == "/phoenix/forloeb/" + TestCourses.LeaderCourseSlug, "the course");
        await Keyboard.EnterAndWaitForPageAsync(page, url => url.EndsWith("/phoenix/forloeb/" + TestCourses.LeaderCourseSlug, StringComparison.Ordinal), "the course page");

        await Keyboard.TabToAsync(page, f => f.Text.StartsWith("Føj til kalender", StringComparison.Ordinal), "the first date's Føj til kalender");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        await AssertCalendarFileAsync(download);
        Assert.Empty(watch.Problems);
    }

    /// <summary>Only the course for leaders in Børn- og Ungeforvaltningen is left, and the filters are in the address.</summary>
    private static async Task AssertFilteredListAsync(IPage page)
    {
        await page.WaitForURLAsync(url => url.Contains(FilteredQuery, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".course-count")).ToHaveTextAsync("1 forløb, sorteret efter næste hold.");
        await Assertions.Expect(page.Locator(".course-card h2")).ToHaveTextAsync([TestCourses.LeaderCourse]);
    }

    /// <summary>The first date's .ics: the course, at the local time the editor typed, with the Copenhagen zone defined.</summary>
    private static async Task AssertCalendarFileAsync(IDownload download)
    {
        Assert.EndsWith(".ics", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        Assert.EndsWith("\r\n", text);
        var calendar = Ical.Net.Calendar.Load(text)!;

        Assert.Equal("Europe/Copenhagen", Assert.Single(calendar.TimeZones).TzId);
        var ev = Assert.Single(calendar.Events);
        Assert.Equal(TestCourses.LeaderCourse, ev.Summary);
        Assert.Equal("Phønix, Store sal", ev.Location);
        Assert.Equal("Europe/Copenhagen", ev.DtStart!.TzId);
        Assert.Equal(TestCourses.SummerStartIcs, ev.DtStart.Value.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
        Assert.Equal("Europe/Copenhagen", ev.DtEnd!.TzId);
        Assert.Equal(TestCourses.SummerEndIcs, ev.DtEnd.Value.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
    }
}
