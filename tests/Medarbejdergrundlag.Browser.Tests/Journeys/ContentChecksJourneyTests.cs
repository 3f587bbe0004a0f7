using System.Text.RegularExpressions;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>
/// Issue 28's journey: an HR editor writes an image without alt text and a link to an anchor that
/// is not there, sees both findings while typing, cannot publish, fixes them and publishes; an
/// employee sees the text only then. The Phønix page is used: no other journey edits it, and it
/// needs no approval.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ContentChecksJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnEditorSeesBothFindingsWhileTypingCannotPublishFixesThemAndPublishes()
    {
        await using var editorContext = await fixture.NewContextAsync(1280, "hr-redaktoer");
        await using var employeeContext = await fixture.NewContextAsync(375, "medarbejder");
        var (editor, employee) = (await editorContext.NewPageAsync(), await employeeContext.NewPageAsync());
        var sentence = "Læs om tilmelding " + Guid.NewGuid().ToString("N")[..6];

        await employee.GotoAsync("/phoenix");
        var anchor = await employee.Locator("main h2[id^=afsnit-]").First.GetAttributeAsync("id");
        Assert.False(string.IsNullOrEmpty(anchor));

        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Phønix", Exact = true }).First.ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/admin/indhold/\d+$"));
        var checks = editor.Locator("[data-live-checks]");
        await Assertions.Expect(checks).ToHaveAttributeAsync("data-blocking", "0");

        // Typed, not saved: the findings follow the text.
        var body = editor.GetByLabel("Tekst", new() { Exact = true });
        var original = await body.InputValueAsync();
        await body.FillAsync(original + "\n\n![](/billeder/phoenix-hus.jpg)\n\n" + $"[{sentence}](#findes-ikke).");
        await Assertions.Expect(checks).ToHaveAttributeAsync("data-blocking", "2");
        await Assertions.Expect(checks.Locator("h2")).ToHaveTextAsync("Indholdstjek af teksten, som du skriver den");
        await Assertions.Expect(checks.Locator("li[data-rule=billede-uden-alt]")).ToBeVisibleAsync();
        await Assertions.Expect(checks.Locator("li[data-rule=link-til-manglende-afsnit]")).ToContainTextAsync("#findes-ikke");
        await editor.ScreenshotAsync(new() { Path = Artifacts.PathFor("content-checks-live-1280.png"), FullPage = true });
        await Axe.AssertNoViolationsAsync(editor);

        // "Gem og udgiv" keeps the draft and publishes nothing.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Ikke udgivet: Indholdstjekket fandt 2 fejl");
        await Assertions.Expect(editor.Locator("[data-live-checks]")).ToHaveAttributeAsync("data-blocking", "2");
        await employee.GotoAsync("/phoenix");
        await Assertions.Expect(employee.Locator("main")).Not.ToContainTextAsync(sentence);

        // Alt text fixes the image; the picture is not in the library yet, so the editor takes it out,
        // and points the link at a heading the page has.
        body = editor.GetByLabel("Tekst", new() { Exact = true });
        await body.FillAsync(original + "\n\n![Phønix' hus set fra gaden](/billeder/phoenix-hus.jpg)\n\n" + $"[{sentence}](#findes-ikke).");
        await Assertions.Expect(editor.Locator("[data-live-checks]")).ToHaveAttributeAsync("data-blocking", "1");
        await body.FillAsync(original + "\n\n" + $"[{sentence}](#{anchor}).");
        await Assertions.Expect(editor.Locator("[data-live-checks]")).ToHaveAttributeAsync("data-blocking", "0");

        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");
        await employee.GotoAsync("/phoenix");
        var link = employee.Locator("main").GetByRole(AriaRole.Link, new() { Name = sentence });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "#" + anchor);
    }
}
