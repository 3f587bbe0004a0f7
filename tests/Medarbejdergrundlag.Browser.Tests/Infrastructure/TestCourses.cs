using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Infrastructure;

/// <summary>
/// The Phønix courses the test portal starts with (it has no example courses): imported once per
/// run by an HR editor through the admin's spreadsheet import, as HR would. Dates lie next year,
/// so they are upcoming whenever the tests run; one in summer time and one in winter time.
/// </summary>
public static class TestCourses
{
    public static readonly int Year = DateTime.Now.Year + 1;

    /// <summary>For leaders in Børn- og Ungeforvaltningen: the one course the catalogue journey's filters keep.</summary>
    public const string LeaderCourse = "Modigt lederskab i hverdagen";

    public const string LeaderCourseSlug = "modigt-lederskab-i-hverdagen";

    /// <summary>Its first date, as the editor typed it (Danish local time, summer time).</summary>
    public static string SummerStartTyped => $"24-06-{Year} 09:00";

    /// <summary>The same moment as an iCalendar local time, to be read with TZID=Europe/Copenhagen.</summary>
    public static string SummerStartIcs => $"{Year}0624T090000";

    public static string SummerEndIcs => $"{Year}0624T153000";

    /// <summary>For employees in the same forvaltning: dropped by the audience filter.</summary>
    public const string EmployeeCourse = "Fællesskab på tværs af faggrupper";

    /// <summary>For leaders elsewhere: dropped by the forvaltning filter.</summary>
    public const string OtherLeaderCourse = "Ledelse af udvikling i ældreplejen";

    public static string Csv()
    {
        var rows = new[]
        {
            "Titel;Adresse;Resumé;Beskrivelse;Målgruppe;Forvaltning;Dage;Pejlemærker;Tilmelding;Start;Slut;Sted;Pladser;Tilmeldte;Status",
            $"{LeaderCourse};{LeaderCourseSlug};Tør at gå forrest, også når det er svært.;\"Et forløb for ledere om mod i hverdagen.\n\nVi arbejder med egne cases.\";Ledere;Børn- og Ungeforvaltningen;2;Mod, Handlekraft;https://example.org/tilmeld;{SummerStartTyped};15:30;Phønix, Store sal;24;3;Åben",
            $"{LeaderCourse};{LeaderCourseSlug};Tør at gå forrest, også når det er svært.;\"Et forløb for ledere om mod i hverdagen.\n\nVi arbejder med egne cases.\";Ledere;Børn- og Ungeforvaltningen;2;Mod, Handlekraft;https://example.org/tilmeld;18-11-{Year} 08:30;18-11-{Year} 15:00;Phønix, Lille sal;24;24;Fuldt booket",
            $"{EmployeeCourse};;Samarbejde, der rækker ud over egen afdeling.;Et forløb om fællesskab.;Medarbejdere;Børn- og Ungeforvaltningen;1;Fællesskab;hr@example.org;10-09-{Year} 09:00;15:00;Phønix;30;;",
            $"{OtherLeaderCourse};;Nye veje i ældreplejen.;Et forløb om udvikling.;Ledere;Ældre- og Handicapforvaltningen;0,5;Udvikling;Kontakt Phønix;02-10-{Year} 12:00;16:00;Phønix;;;",
        };
        return string.Join("\r\n", rows) + "\r\n";
    }

    /// <summary>Imports and publishes the courses through /admin/forloeb/import, failing loudly if the page refuses.</summary>
    public static async Task ImportAsync(IBrowserContext editor)
    {
        var page = await editor.NewPageAsync();
        await page.GotoAsync("/admin/forloeb/import");
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload
        {
            Name = "phoenix-forloeb.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(Csv()),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Se, hvad der vil blive importeret" }).ClickAsync();
        // Wait for the preview page itself: on a busy machine the click can return before it is there.
        await page.Locator(".import-preview").WaitForAsync();
        var ready = page.Locator(".import-preview .notice");
        if (!await ready.IsVisibleAsync())
        {
            throw new InvalidOperationException("The test courses were refused: " + await page.Locator(".import-preview").InnerTextAsync());
        }

        await page.GetByLabel("Udgiv forløbene med det samme").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importér 4 hold" }).ClickAsync();
        // The preview's own notice is also a .notice: wait for the import's, which replaces it.
        await Assertions.Expect(page.Locator(".notice").First).ToHaveTextAsync(
            new Regex("^Importeret: 4 hold i 3 forløb"), new() { Timeout = 120_000 });

        await page.CloseAsync();
    }
}
