using System.Text.RegularExpressions;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>
/// An editor translates a bearing and publishes it, then changes the Danish text: the admin area
/// marks the translation outdated and shows the Danish change, an English reader sees a note,
/// and updating the translation takes the note away.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TranslationJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnOutdatedTranslationIsShownToTheEditorWithTheDanishChangeAndToReadersUntilItIsUpdated()
    {
        var marker = "DANSK-" + Guid.NewGuid().ToString("N")[..8];
        await using var editorContext = await fixture.NewContextAsync(1280, "hr-redaktoer");
        await using var readerContext = await fixture.NewContextAsync(375, "medarbejder");
        var editor = await editorContext.NewPageAsync();
        var reader = await readerContext.NewPageAsync();

        // From the overview to the bearing's translation page.
        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Mod", Exact = true }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/admin/indhold/\d+$"));
        var editPath = new Uri(editor.Url).AbsolutePath;
        await editor.GetByRole(AriaRole.Link, new() { Name = "Engelsk oversættelse" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/oversaettelse$"));
        await Assertions.Expect(editor.Locator(".item-status")).ToContainTextAsync("Ingen oversættelse endnu.");

        // The translation, published.
        await editor.GetByLabel("Titel på engelsk").FillAsync("Courage");
        await editor.GetByLabel("Tekst på engelsk").FillAsync("We dare to try new ways of working together.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Oversættelsen er udgivet.");
        await Axe.AssertNoViolationsAsync(editor);

        await reader.GotoAsync("/en/pejlemaerker/mod");
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("Courage");
        await Assertions.Expect(reader.Locator(".translation-note")).ToHaveCountAsync(0);
        Assert.Equal("en", await reader.Locator("html").GetAttributeAsync("lang"));

        // The Danish text changes.
        await editor.GotoAsync(editPath);
        var body = editor.GetByLabel("Tekst", new() { Exact = true });
        await body.FillAsync(await body.InputValueAsync() + "\n\n" + marker);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");

        // The overview marks the translation outdated; its page shows exactly the Danish change.
        await editor.GotoAsync("/admin");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Oversættelse forældet" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".item-status")).ToContainTextAsync("Oversættelse forældet");
        await Assertions.Expect(editor.Locator(".conflict ins", new() { HasText = marker })).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(editor);

        // The English reader is told, with a link to the Danish text.
        await reader.ReloadAsync();
        var note = reader.Locator(".translation-note");
        await Assertions.Expect(note).ToContainTextAsync("The Danish text has changed since this translation was made.");
        Assert.Equal("/pejlemaerker/mod", await note.Locator("a").GetAttributeAsync("href"));

        // The translation brought up to date: the note is gone, for the reader and in the overview.
        await editor.GetByLabel("Tekst på engelsk").FillAsync("We dare to try new ways of working together. " + marker);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Oversættelsen er udgivet.");
        await reader.ReloadAsync();
        await Assertions.Expect(reader.Locator(".translation-note")).ToHaveCountAsync(0);
        await Assertions.Expect(reader.Locator("article")).ToContainTextAsync(marker);
        await editor.GotoAsync("/admin");
        await Assertions.Expect(editor.GetByRole(AriaRole.Link, new() { Name = "Oversættelse forældet" })).ToHaveCountAsync(0);

        // Put the Danish text back for the other journeys: restore the version before, and publish it.
        await editor.GotoAsync(editPath + "/historik");
        await editor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Gendan version \\d+$") }).First.ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");
        await reader.GotoAsync("/pejlemaerker/mod");
        await Assertions.Expect(reader.Locator("main")).Not.ToContainTextAsync(marker);
    }

    [Fact]
    public async Task AnEditorPreviewsAnEnglishDraftAsAnEnglishReaderWouldSeeItRestoresAnOlderTranslationAndTakesItOffTheEnglishPages()
    {
        // A leg nobody else's journey translates: its numbering and its English page are this journey's alone.
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (first, second, draft) = ($"We create together {marker}.", $"We create it with the citizens {marker}.", $"Draft words {marker}.");
        await using var editorContext = await fixture.NewContextAsync(1280, "hr-redaktoer");
        await using var readerContext = await fixture.NewContextAsync(375, "medarbejder");
        var editor = await editorContext.NewPageAsync();
        var reader = await readerContext.NewPageAsync();

        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Samskabelse", Exact = true }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/admin/indhold/\d+$"));
        await editor.GetByRole(AriaRole.Link, new() { Name = "Engelsk oversættelse" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/oversaettelse$"));
        var translationPath = new Uri(editor.Url).AbsolutePath;

        // Two published translations, then a draft.
        foreach (var (text, button, notice) in new[] { (first, "Gem og udgiv", "Oversættelsen er udgivet."), (second, "Gem og udgiv", "Oversættelsen er udgivet."), (draft, "Gem kladde", "Oversættelsen er gemt som kladde.") })
        {
            await editor.GetByLabel("Titel på engelsk").FillAsync("Co-creation");
            await editor.GetByLabel("Tekst på engelsk").FillAsync(text);
            await editor.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync(notice);
        }

        // The preview: the English page with the draft in its place, which no reader sees yet.
        await editor.GetByRole(AriaRole.Link, new() { Name = "Forhåndsvis oversættelsen på engelsk" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/forhaandsvisning\?sprog=en$"));
        Assert.Equal("en", await editor.Locator("html").GetAttributeAsync("lang"));
        var previewed = editor.Locator("section#samskabelse");
        await Assertions.Expect(previewed.Locator("h3")).ToHaveTextAsync("Co-creation");
        await Assertions.Expect(previewed).ToContainTextAsync(draft);
        Assert.Null(await previewed.GetAttributeAsync("lang"));
        await Assertions.Expect(editor.Locator(".site-nav")).ToContainTextAsync("Home");
        await Assertions.Expect(editor.GetByRole(AriaRole.Note, new() { Name = "Forhåndsvisning" })).ToContainTextAsync("Den er ikke udgivet, og kun redaktører kan se den.");
        await Axe.AssertNoViolationsAsync(editor);
        await reader.GotoAsync("/en/medarbejdergrundlag");
        await Assertions.Expect(reader.Locator("section#samskabelse")).ToContainTextAsync(second);
        await Assertions.Expect(reader.Locator("section#samskabelse")).Not.ToContainTextAsync(draft);

        // The translation's history: English versions only, the draft's change, and the first one restored.
        await editor.GetByRole(AriaRole.Link, new() { Name = "Tilbage til oversættelsen" }).ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "Oversættelsens historik og gendannelse" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/historik\?sprog=en$"));
        await Assertions.Expect(editor.Locator("h1")).ToContainTextAsync("Historik for oversættelsen");
        await Assertions.Expect(editor.Locator(".diff ins", new() { HasText = draft })).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(editor);
        var restoreButtons = editor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Gendan engelsk version \\d+$") });
        await Assertions.Expect(restoreButtons).ToHaveCountAsync(2);
        await restoreButtons.Last.ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("er gendannet som en ny kladde til oversættelsen");
        await Assertions.Expect(editor.GetByLabel("Tekst på engelsk")).ToHaveValueAsync(first);
        await Axe.AssertNoViolationsAsync(editor);

        // Restored is a draft: the preview shows it, readers still read the published text until it is published.
        await editor.GetByRole(AriaRole.Link, new() { Name = "Forhåndsvis oversættelsen på engelsk" }).ClickAsync();
        await Assertions.Expect(editor.Locator("section#samskabelse")).ToContainTextAsync(first);
        await reader.ReloadAsync();
        await Assertions.Expect(reader.Locator("section#samskabelse")).ToContainTextAsync(second);
        await editor.GotoAsync(translationPath);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Oversættelsen er udgivet.");
        await reader.ReloadAsync();
        await Assertions.Expect(reader.Locator("section#samskabelse")).ToContainTextAsync(first);

        // Taken off the English pages: the Danish text, marked Danish, with the note; the Danish page as it was.
        await editor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Tag engelsk version \\d+ af de engelske sider$") }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("er taget af de engelske sider");
        await Axe.AssertNoViolationsAsync(editor);
        await reader.ReloadAsync();
        var fallback = reader.Locator("section#samskabelse");
        Assert.Equal("da", await fallback.GetAttributeAsync("lang"));
        await Assertions.Expect(fallback.Locator(".translation-note")).ToContainTextAsync("This part is only available in Danish.");
        await Assertions.Expect(fallback).Not.ToContainTextAsync(marker);
        await reader.GotoAsync("/medarbejdergrundlag");
        await Assertions.Expect(reader.Locator("section#samskabelse h3")).ToHaveTextAsync("Samskabelse");
    }

    [Fact]
    public async Task AReaderWhoseBrowserPrefersEnglishIsOfferedTheEnglishPageOnceAndNothingRedirects()
    {
        await using var english = await fixture.NewContextAsync(375, "medarbejder", locale: "en-GB");
        var page = await english.NewPageAsync();

        await page.GotoAsync("/pejlemaerker");
        Assert.EndsWith("/pejlemaerker", page.Url);
        var offer = page.Locator("[data-language-offer]");
        await Assertions.Expect(offer).ToBeVisibleAsync();
        Assert.Equal("/en/pejlemaerker", await offer.GetByRole(AriaRole.Link, new() { Name = "Read in English" }).GetAttributeAsync("href"));

        // Staying in Danish is remembered: the offer does not come back.
        await offer.GetByRole(AriaRole.Button, new() { Name = "Bliv på dansk" }).ClickAsync();
        await Assertions.Expect(offer).ToBeHiddenAsync();
        await page.GotoAsync("/medarbejdergrundlag");
        await Assertions.Expect(page.Locator("[data-language-offer]")).ToBeHiddenAsync();

        // A Danish browser is never offered English.
        await using var danish = await fixture.NewContextAsync(375, "medarbejder");
        var danishPage = await danish.NewPageAsync();
        await danishPage.GotoAsync("/pejlemaerker");
        await Assertions.Expect(danishPage.Locator("[data-language-offer]")).ToBeHiddenAsync();
    }
}
