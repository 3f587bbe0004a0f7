using System.Globalization;
using System.Text.RegularExpressions;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>
/// An HR editor schedules a change to a bearing for a minute ahead; an employee's page changes at
/// that time and not before. The portal's clock is moved on instead of waiting the minute out.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SchedulingJourneyTests(BrowserFixture fixture)
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [Fact]
    public async Task AnEditorSchedulesABearingChangeAMinuteAheadAndTheEmployeesPageChangesAtThatTimeNotBefore()
    {
        await using var editorContext = await fixture.NewContextAsync(1280, "hr-redaktoer");
        await using var employeeContext = await fixture.NewContextAsync(1280, "medarbejder");
        var editor = await editorContext.NewPageAsync();
        var employee = await employeeContext.NewPageAsync();
        var editorWatch = new PageWatch(editor, fixture.Server.BaseUrl);
        var employeeWatch = new PageWatch(employee, fixture.Server.BaseUrl);
        var marker = "Fra nu af " + Guid.NewGuid().ToString("N")[..8];

        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Mod", Exact = true }).ClickAsync();
        var body = editor.GetByLabel("Tekst", new() { Exact = true });
        await body.FillAsync(await body.InputValueAsync() + "\n\n" + marker);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Kladden er gemt.");
        var editPath = new Uri(editor.Url).AbsolutePath;

        // The next whole minute at least sixty seconds away, typed as Danish wall-clock time.
        var now = fixture.Clock.GetUtcNow();
        var due = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(2);
        var local = TimeZoneInfo.ConvertTime(due, Copenhagen);
        await editor.GetByLabel("Udgiv den gemte kladde", new() { Exact = false }).FillAsync(local.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture));
        await editor.GetByRole(AriaRole.Button, new() { Name = "Planlæg udgivelse" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivelsen er planlagt.");
        var when = local.ToString("d. MMMM yyyy 'kl.' HH'.'mm", CultureInfo.GetCultureInfo("da-DK"));
        await Assertions.Expect(editor.Locator(".item-status")).ToContainTextAsync("Udgives " + when);
        await Axe.AssertNoViolationsAsync(editor);

        await editor.GotoAsync("/admin");
        var row = editor.Locator("tbody tr", new() { Has = editor.GetByRole(AriaRole.Link, new() { Name = "Mod", Exact = true }) });
        await Assertions.Expect(row).ToContainTextAsync("Udgives " + when);

        await employee.GotoAsync("/pejlemaerker/mod");
        await Assertions.Expect(employee.Locator("main")).Not.ToContainTextAsync(marker);

        // Half a minute before the time: still the old text.
        fixture.Clock.Set(due.AddSeconds(-30));
        await employee.ReloadAsync();
        await Assertions.Expect(employee.Locator("main")).Not.ToContainTextAsync(marker);

        // From three seconds before, reload until the new text shows. A reload that ended before the
        // time must not show it; one that began more than five seconds after must. Five, not the
        // worker's one second (which ScheduleWorkerTests pins): a reload on a busy machine can take
        // longer than that, and the bound is on when the page changes, not on how fast Chromium is.
        fixture.Clock.Set(due.AddSeconds(-3));
        var latest = due.AddSeconds(5);
        while (true)
        {
            var began = fixture.Clock.GetUtcNow();
            await employee.ReloadAsync();
            var shown = (await employee.Locator("main").InnerTextAsync()).Contains(marker, StringComparison.Ordinal);
            var ended = fixture.Clock.GetUtcNow();
            if (shown)
            {
                Assert.True(ended >= due, $"shown by {ended:HH:mm:ss.fff}, before its time {due:HH:mm:ss}");
                break;
            }

            Assert.True(began < latest, $"a reload begun at {began:HH:mm:ss.fff}, more than 5 s after its time {due:HH:mm:ss}, still showed the old text");
            await Task.Delay(100);
        }

        // Put the text back for the other journeys: restore the version before, and publish it.
        // The history lists the newest first; the first restore button is the Danish version before
        // the scheduled one (English translations share the numbering and have no restore button).
        await editor.GotoAsync(editPath + "/historik");
        await editor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Gendan version \\d+$") }).First.ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");
        await employee.GotoAsync("/pejlemaerker/mod");
        await Assertions.Expect(employee.Locator("main")).Not.ToContainTextAsync(marker);

        Assert.Empty(editorWatch.Problems);
        Assert.Empty(employeeWatch.Problems);
    }
}
