using System.Text;
using System.Text.RegularExpressions;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>
/// Phønix re-sends its updated sheet (issue 31, defect 5): the preview says what the import will do,
/// offers "Opdater eksisterende datoer" with each change shown, and the notice links to the courses.
/// On a 375 px phone; screenshots usability-import-*.png under SCREENSHOT_DIR.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportJourneyTests(BrowserFixture fixture)
{
    private const string Header = "Titel;Målgruppe;Forvaltning;Dage;Pejlemærker;Tilmelding;Start;Slut;Sted;Pladser;Tilmeldte;Status";

    // Its own course, imported as a draft, so the other journeys' catalogue stays as it was.
    private const string Course = "Genimport af hold";

    private static string Row(string start, string end, int taken, string status = "") =>
        $"{Course};Alle;Tværgående;1;Fællesskab;phoenix@example.org;{start};{end};Phønix;20;{taken};{status}";

    private static FilePayload Sheet(params string[] rows) => new()
    {
        Name = "phoenix-opdateret.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n"),
    };

    [Fact]
    public async Task AReuploadedSheetIsRefusedInThePreviewAndUpdatesItsDatesWhenAsked()
    {
        var year = TestCourses.Year;
        await using var context = await fixture.NewContextAsync(375, "hr-redaktoer");
        var page = await context.NewPageAsync();

        // The first sheet, as drafts.
        await page.GotoAsync("/admin/forloeb/import");
        await page.Locator("#Upload").SetInputFilesAsync(Sheet(Row($"03-03-{year} 09:00", "15:00", 5)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Se, hvad der vil blive importeret" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importér 1 hold" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("Importeret: 1 hold i 1 forløb");

        // The updated sheet: the same date with more seats taken, and one more date.
        await page.Locator("#Upload").SetInputFilesAsync(Sheet(Row($"03-03-{year} 09:00", "15:00", 17), Row($"10-03-{year} 09:00", "15:00", 0)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Se, hvad der vil blive importeret" }).ClickAsync();

        // The preview gives the import's verdict: refused, and why, with no import button.
        var preview = page.Locator(".import-preview");
        await Assertions.Expect(preview.Locator(".error-summary")).ToContainTextAsync("Importen vil blive afvist");
        await Assertions.Expect(preview.Locator(".error-summary")).ToContainTextAsync($"har allerede holdet 03-03-{year} 09:00 på Phønix");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Importér") })).ToHaveCountAsync(0);

        // "Opdater eksisterende datoer" on the file already sent: the change is shown before anything is written.
        await preview.GetByLabel("Opdater eksisterende datoer").CheckAsync();
        await preview.GetByRole(AriaRole.Button, new() { Name = "Se forhåndsvisningen igen" }).ClickAsync();
        await Assertions.Expect(preview.Locator(".notice")).ToContainTextAsync("1 nyt hold, 1 eksisterende hold opdateres");
        var rows = preview.Locator("tbody tr");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Opdateres. Før:");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("5 af 20 pladser taget");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("17 af 20 pladser taget");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Alle · Tværgående · 1 dag · Fællesskab");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Nyt hold");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-import-opdater-375.png"), FullPage = true });
        await Axe.AssertNoViolationsAsync(page);
        Assert.Empty(await HtmlCodeSniffer.ErrorsAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Importér 2 hold" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("1 eksisterende hold opdateret");
        await Assertions.Expect(page.Locator(".notice").First).Not.ToContainTextAsync("Det tog");

        // The notice links to the draft; its dates show the new seats, and the history the old ones.
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-import-importeret-375.png"), FullPage = true });
        await page.Locator(".import-done").GetByRole(AriaRole.Link, new() { Name = Course }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/admin/indhold/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(Course);
    }
}
