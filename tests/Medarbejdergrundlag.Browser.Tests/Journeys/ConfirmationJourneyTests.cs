using System.Text.RegularExpressions;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>
/// An employee confirms the charter; a minor fix asks nothing of them; a material change to one
/// bearing brings the notice, the word diff and a new confirmation; a second employee who never
/// confirmed sees the ordinary page throughout.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ConfirmationJourneyTests(BrowserFixture fixture)
{
    private const string ConfirmButton = "Jeg har læst og forstået medarbejdergrundlaget";

    [Fact]
    public async Task AnEmployeeConfirmsSeesOnlyMaterialChangesWordByWordAndConfirmsAgain()
    {
        await using var employeeContext = await fixture.NewContextAsync(persona: "medarbejder");
        await using var otherContext = await fixture.NewContextAsync(persona: "leder");
        await using var editorContext = await fixture.NewContextAsync(persona: "hr-redaktoer");
        var employee = await employeeContext.NewPageAsync();
        var other = await otherContext.NewPageAsync();
        var editor = await editorContext.NewPageAsync();
        var watch = new PageWatch(employee, fixture.Server.BaseUrl);
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);

        // The employee reads and confirms; the page then says when, quietly.
        await employee.GotoAsync("/medarbejdergrundlag");
        await Assertions.Expect(employee.Locator("[data-reader-status]")).ToHaveCountAsync(0);
        await employee.GetByRole(AriaRole.Button, new() { Name = ConfirmButton }).ClickAsync();
        await Assertions.Expect(employee.Locator("#bekraeft [data-reader-status=confirmed]")).ToContainTextAsync("Du bekræftede den");
        await Assertions.Expect(employee.GetByRole(AriaRole.Button, new() { Name = ConfirmButton })).ToHaveCountAsync(0);

        // A minor fix (a leg, no "Væsentlig ændring"): no notice.
        await PublishAsync(editor, "Social kapital", body => body + "\n\nEn lille rettelse.", material: false, note: null);
        await employee.ReloadAsync();
        await Assertions.Expect(employee.Locator("[data-reader-status=confirmed]").First).ToBeVisibleAsync();
        await Assertions.Expect(employee.Locator("[data-reader-status=changed]")).ToHaveCountAsync(0);

        // A material change to one bearing: the notice names it and leads to exactly the changed words.
        await PublishAsync(editor, "Mod", body => body.Replace("Mod er en forudsætning", "Mod er den vigtigste forudsætning", StringComparison.Ordinal),
            material: true, note: "Mod er nu den vigtigste forudsætning");
        await employee.GotoAsync("/medarbejdergrundlag");
        var notice = employee.Locator("[data-reader-status=changed]");
        await Assertions.Expect(notice).ToContainTextAsync("Medarbejdergrundlaget er ændret, siden du læste det");
        await Assertions.Expect(notice).ToContainTextAsync("i: Mod.");
        await Axe.AssertNoViolationsAsync(employee);
        documents["/medarbejdergrundlag (med besked)"] = await employee.ContentAsync();
        await employee.ScreenshotAsync(new() { Path = Artifacts.PathFor("bekraeftelse-besked.png") });

        await notice.GetByRole(AriaRole.Link, new() { Name = "Se præcis, hvad der er ændret" }).ClickAsync();
        await employee.WaitForURLAsync("**/aendringer/siden-du-bekraeftede");
        await Assertions.Expect(employee.Locator("section.change h2")).ToHaveTextAsync(["Mod"]);
        Assert.Equal("den vigtigste", Changed(await employee.Locator("section.change ins").AllTextContentsAsync(), "Tilføjet:"));
        Assert.Equal("en", Changed(await employee.Locator("section.change del").AllTextContentsAsync(), "Fjernet:"));
        await Assertions.Expect(employee.Locator(".change__notes")).ToContainTextAsync("Mod er nu den vigtigste forudsætning");
        await Axe.AssertNoViolationsAsync(employee);
        documents["/aendringer/siden-du-bekraeftede (med ændringer)"] = await employee.ContentAsync();
        await employee.ScreenshotAsync(new() { Path = Artifacts.PathFor("bekraeftelse-aendringer.png"), FullPage = true });

        // Confirming again from the changes page takes the notice away.
        await employee.GetByRole(AriaRole.Button, new() { Name = ConfirmButton }).ClickAsync();
        await employee.WaitForURLAsync("**/medarbejdergrundlag#bekraeft");
        await Assertions.Expect(employee.Locator("[data-reader-status=changed]")).ToHaveCountAsync(0);
        await Assertions.Expect(employee.Locator("#bekraeft [data-reader-status=confirmed]")).ToContainTextAsync("Du bekræftede den");

        // The second employee never confirmed: the ordinary page and the button, nothing of the first's status.
        await other.GotoAsync("/medarbejdergrundlag");
        await Assertions.Expect(other.Locator("[data-reader-status]")).ToHaveCountAsync(0);
        await Assertions.Expect(other.GetByRole(AriaRole.Button, new() { Name = ConfirmButton })).ToBeVisibleAsync();

        // The employee's own confirmations, and withdrawing them (which also leaves the shared server as it was).
        await employee.GotoAsync("/konto/bekraeftelser");
        await Assertions.Expect(employee.Locator("tbody tr")).ToHaveCountAsync(2);
        await Axe.AssertNoViolationsAsync(employee);
        documents["/konto/bekraeftelser (to bekræftelser)"] = await employee.ContentAsync();
        await employee.GetByRole(AriaRole.Button, new() { Name = "Træk alle tilbage" }).ClickAsync();
        await employee.GetByRole(AriaRole.Button, new() { Name = "Ja, træk dem alle tilbage" }).ClickAsync();
        await Assertions.Expect(employee.Locator("[role=status]")).ToContainTextAsync("2 bekræftelser er trukket tilbage og slettet.");
        await Assertions.Expect(employee.Locator("tbody tr")).ToHaveCountAsync(0);

        var errors = (await NuChecker.CheckAsync(documents)).Where(m => m.Type == "error").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Empty(watch.Problems);
    }

    /// <summary>The words of the marked runs, without their "Tilføjet:"/"Fjernet:" words for screen readers.</summary>
    private static string Changed(IReadOnlyList<string> runs, string marker) =>
        Whitespace().Replace(string.Join(' ', runs.Select(r => r.Replace(marker, "", StringComparison.Ordinal))), " ").Trim();

    private static async Task PublishAsync(IPage editor, string title, Func<string, string> change, bool material, string? note)
    {
        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/admin/indhold/\d+$"));
        var body = editor.Locator("#Form_Body");
        await body.FillAsync(change(await body.InputValueAsync()));
        if (note is not null)
        {
            await editor.GetByLabel("Ændringsnote (valgfri)").FillAsync(note);
        }

        var box = editor.GetByRole(AriaRole.Checkbox, new() { Name = "Væsentlig ændring" });
        await Assertions.Expect(box).Not.ToBeCheckedAsync();
        if (material)
        {
            await box.CheckAsync();
        }

        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync(material ? "Udgivet som væsentlig ændring." : "Udgivet.");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
