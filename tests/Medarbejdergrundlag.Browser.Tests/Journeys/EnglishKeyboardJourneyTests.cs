using System.Text;
using System.Text.RegularExpressions;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>
/// The keyboard journeys on the English pages: the charter (a section, its bearing, the next one,
/// copying a link, confirming) and the course catalogue (filters, a course, a date's calendar
/// file), by Tab and Enter alone, with focus always visible and the interface in English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EnglishKeyboardJourneyTests(BrowserFixture fixture)
{
    private const string FilteredQuery = "maalgruppe=ledere&forvaltning=boern-og-ungeforvaltningen";

    [Fact]
    public async Task AReaderMovesThroughTheEnglishCharterAndABearingWithTheKeyboardAloneAndConfirms()
    {
        // The HR editor's persona: no other journey confirms as them, so the button is there to press.
        await using var context = await fixture.NewContextAsync(persona: "hr-redaktoer", clipboard: true, locale: "en-GB");
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, fixture.Server.BaseUrl);
        await page.GotoAsync("/en/medarbejdergrundlag");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", (await Keyboard.FocusedAsync(page))!.Text);
        await Keyboard.TabToAsync(page, f => f.Href == "#mod", "the table of contents' link to Mod");
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#mod", page.Url);
        await Keyboard.TabToAsync(page, f => f.Href == "/en/pejlemaerker/mod", "More about Mod", maxTabs: 5);
        await Keyboard.EnterAndWaitForPageAsync(page, "**/en/pejlemaerker/mod");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

        await Keyboard.TabToAsync(page, f => f.Tag == "BUTTON" && f.Text.StartsWith("Copy link", StringComparison.Ordinal), "Copy link");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".copy-link [role=status]")).ToHaveTextAsync("The link is copied.");
        Assert.Equal(fixture.Server.Url("/en/pejlemaerker/mod"), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await Keyboard.TabToAsync(page, f => f.Href == "/en/pejlemaerker/udvikling" && f.Text.StartsWith("Next bearing", StringComparison.Ordinal), "Next bearing");
        await Keyboard.EnterAndWaitForPageAsync(page, "**/en/pejlemaerker/udvikling");
        Assert.Equal("Udvikling", await page.Locator("h1").InnerTextAsync());

        // Back on the charter: on to the confirm button, through every section and link on the way.
        await page.GotoAsync("/en/medarbejdergrundlag");
        await Keyboard.TabToAsync(page, f => f.Tag == "BUTTON" && f.Text == "I have read and understood the employee charter", "the confirm button", maxTabs: 300);
        await Keyboard.EnterAndWaitForPageAsync(page, new Regex("/en/medarbejdergrundlag#bekraeft$"));
        await Assertions.Expect(page.Locator("#bekraeft [data-reader-status=confirmed]")).ToHaveTextAsync(ConfirmedInEnglish());

        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task AReaderFiltersTheEnglishCatalogueOpensACourseAndTakesADateWithTheKeyboardAlone()
    {
        await using var context = await fixture.NewContextAsync(locale: "en-GB");
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, fixture.Server.BaseUrl);
        await page.GotoAsync("/en/phoenix/forloeb");

        // Everyone, Employees, Managers.
        await Keyboard.TabToAsync(page, f => f.Name == "maalgruppe", "Audience");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#maalgruppe")).ToHaveValueAsync("ledere");
        await Assertions.Expect(page.Locator("#maalgruppe option:checked")).ToHaveTextAsync("Managers");
        // All departments, Mayor's Department, Children and Youth Department.
        await Keyboard.TabToAsync(page, f => f.Name == "forvaltning", "Department", maxTabs: 1);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#forvaltning option:checked")).ToHaveTextAsync("Children and Youth Department");
        await Keyboard.TabToAsync(page, f => f.Tag == "BUTTON" && f.Text == "Show courses", "Show courses");
        await Keyboard.EnterAndWaitForPageAsync(page, url => url.Contains("/en/phoenix/forloeb?", StringComparison.Ordinal) && url.Contains(FilteredQuery, StringComparison.Ordinal), "the filtered English list");
        await Assertions.Expect(page.Locator(".course-count")).ToHaveTextAsync("1 course, sorted by next date.");
        await Assertions.Expect(page.Locator(".course-card h2")).ToHaveTextAsync([TestCourses.LeaderCourse]);

        await Keyboard.TabToAsync(page, f => f.Href == "/en/phoenix/forloeb/" + TestCourses.LeaderCourseSlug, "the course");
        await Keyboard.EnterAndWaitForPageAsync(page, url => url.EndsWith("/en/phoenix/forloeb/" + TestCourses.LeaderCourseSlug, StringComparison.Ordinal), "the English course page");
        await Assertions.Expect(page.Locator("#dates-heading")).ToHaveTextAsync("Upcoming dates");

        await Keyboard.TabToAsync(page, f => f.Text.StartsWith("Add to calendar", StringComparison.Ordinal), "the first date's Add to calendar");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        await using var stream = await download.CreateReadStreamAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var calendar = Ical.Net.Calendar.Load(await reader.ReadToEndAsync())!;
        var date = Assert.Single(calendar.Events);
        Assert.Equal(TestCourses.LeaderCourse, date.Summary);
        Assert.Contains("Read more and sign up: " + fixture.Server.Url("/en/phoenix/forloeb/" + TestCourses.LeaderCourseSlug), date.Description);
        Assert.Equal(TestCourses.SummerStartIcs, date.DtStart!.Value.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Empty(watch.Problems);
    }

    [GeneratedRegex(@"^On \d{1,2} [A-Z][a-z]+ \d{4} you confirmed that you have read and understood the employee charter\. Thank you\.$")]
    private static partial Regex ConfirmedInEnglish();
}
