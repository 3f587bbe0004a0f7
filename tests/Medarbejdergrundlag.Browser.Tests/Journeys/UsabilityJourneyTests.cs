using System.Text.RegularExpressions;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>
/// What new users stumbled on (issue 31), each walked through as they did it, mostly on a 375 px
/// phone. Every fixed page is saved as a screenshot (usability-*.png under SCREENSHOT_DIR).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class UsabilityJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AReaderWhoPrefersEnglishCanSeeAndPressBlivPaaDanskInsideThePageColumn()
    {
        await using var context = await fixture.NewContextAsync(375, "medarbejder", locale: "en-GB");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/pejlemaerker");
        var offer = page.Locator("[data-language-offer]");
        await Assertions.Expect(offer).ToBeVisibleAsync();
        var stay = offer.GetByRole(AriaRole.Button, new() { Name = "Bliv på dansk" });
        await stay.FocusAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-language-offer-375.png"), FullPage = true });

        // The button's words stand out from what is behind them (WCAG AA: 4.5:1), focused too.
        var contrast = await ContrastAsync(stay);
        Assert.True(contrast >= 4.5, $"\"Bliv på dansk\" has a contrast of {contrast:0.0}:1.");

        // The text sits inside the page column, not against the screen's edge.
        var left = await offer.EvaluateAsync<double>("o => { const r = document.createRange(); r.selectNodeContents(o.querySelector('p').firstChild); return r.getBoundingClientRect().left; }");
        Assert.True(left >= 12, $"the offer's text starts {left}px from the screen's edge");
        await Axe.AssertNoViolationsAsync(page);

        await stay.ClickAsync();
        await Assertions.Expect(offer).ToBeHiddenAsync();
    }

    [Fact]
    public async Task TheMaterialChangeCheckboxSitsOnItsLabel()
    {
        await using var context = await fixture.NewContextAsync(375, "hr-redaktoer");
        var editor = await context.NewPageAsync();
        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Social kapital", Exact = true }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/admin/indhold/\d+$"));

        var box = editor.GetByRole(AriaRole.Checkbox, new() { Name = "Væsentlig ændring" });
        var label = editor.Locator("label[for=Form_MaterialChange]");
        await box.ScrollIntoViewIfNeededAsync();
        await editor.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-vaesentlig-aendring-375.png"), FullPage = true });
        var boxAt = (await box.BoundingBoxAsync())!;
        var labelAt = (await label.BoundingBoxAsync())!;

        // A box of its own size, at the start of its label's first line: not stretched across the form.
        Assert.True(boxAt.Width <= 32, $"the checkbox is {boxAt.Width}px wide");
        Assert.True(boxAt.X - labelAt.X <= 4, $"the checkbox is {boxAt.X - labelAt.X}px into its label");
        Assert.True(boxAt.Y - labelAt.Y <= 12, $"the checkbox is {boxAt.Y - labelAt.Y}px below its label's top");

        // The label's words tick it.
        await label.GetByText("bed medarbejderne om at læse og bekræfte igen").ClickAsync();
        await Assertions.Expect(box).ToBeCheckedAsync();
    }

    [Fact]
    public async Task AnAddedCommaReadsInItsLineOnTheChangesPageAndInTheAdminHistory()
    {
        await using var editorContext = await fixture.NewContextAsync(1280, "hr-redaktoer");
        await using var readerContext = await fixture.NewContextAsync(375, "medarbejder");
        var editor = await editorContext.NewPageAsync();
        var reader = await readerContext.NewPageAsync();

        // A comma fix to a leg, as an editor makes one.
        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Samskabelse", Exact = true }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/admin/indhold/\d+$"));
        var editPath = new Uri(editor.Url).AbsolutePath;
        var body = editor.Locator("#Form_Body");
        var text = await body.InputValueAsync();
        var at = FirstOg().Match(text);
        Assert.True(at.Success, "the leg's text has no \" og \" to put a comma before");
        var line = text[(text.LastIndexOf('\n', at.Index) + 1)..at.Index];
        await body.FillAsync(text[..at.Index] + "," + text[at.Index..]);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");

        try
        {
            // The public changes page: the paragraph reads as one paragraph, the comma marked where it was added.
            await reader.GotoAsync("/aendringer");
            var paragraph = reader.Locator("p.word-diff", new() { HasText = line.Trim() }).First;
            await Assertions.Expect(paragraph).ToBeVisibleAsync();
            // What the eye reads: innerText, without the words for screen readers (positioned, so they count as blocks).
            var read = await paragraph.EvaluateAsync<string>("""
                p => {
                  const hidden = [...p.querySelectorAll(".visually-hidden")];
                  hidden.forEach(h => h.style.display = "none");
                  const text = p.innerText;
                  hidden.forEach(h => h.style.display = "");
                  return text;
                }
                """);
            Assert.False(read.Contains('\n', StringComparison.Ordinal), read);
            Assert.DoesNotContain(" ,", read, StringComparison.Ordinal);
            var comma = paragraph.Locator("ins");
            await Assertions.Expect(comma).ToHaveCountAsync(1);
            Assert.Equal(",", (await comma.TextContentAsync())!.Replace("Tilføjet:", "", StringComparison.Ordinal).Trim());
            // Seen: a filled mark around it, wider than the comma alone.
            var mark = (await comma.BoundingBoxAsync())!;
            Assert.True(mark.Width >= 8, $"the added comma's mark is {mark.Width}px wide");
            Assert.NotEqual("rgba(0, 0, 0, 0)", await comma.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
            await Axe.AssertNoViolationsAsync(reader);
            await paragraph.ScrollIntoViewIfNeededAsync();
            await reader.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-aendringer-375.png") });

            // The admin history marks the same word, in one changed line, and no empty added line.
            await editor.GotoAsync(editPath + "/historik");
            var changed = editor.Locator(".diff .diff__line--changed");
            await Assertions.Expect(changed).ToHaveCountAsync(1);
            Assert.Equal(",", (await changed.Locator("ins").TextContentAsync())!.Replace("Tilføjet:", "", StringComparison.Ordinal).Trim());
            await Assertions.Expect(editor.Locator(".diff__line--added, .diff__line--removed")).ToHaveCountAsync(0);
            await Axe.AssertNoViolationsAsync(editor);
            await editor.SetViewportSizeAsync(375, 800);
            await editor.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-historik-375.png"), FullPage = true });
        }
        finally
        {
            // The text as it was, for the other journeys.
            await editor.GotoAsync(editPath);
            await editor.Locator("#Form_Body").FillAsync(text);
            await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
            await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");
        }
    }

    [Fact]
    public async Task WordsOnAPhoneBreakBetweenWordsNotInsideThem()
    {
        await using var context = await fixture.NewContextAsync(375, "medarbejder");
        var page = await context.NewPageAsync();

        // A course for Ældre- og Handicapforvaltningen, found in the catalogue as a reader does.
        await page.GotoAsync("/phoenix/forloeb");
        await page.GetByRole(AriaRole.Link, new() { Name = TestCourses.OtherLeaderCourse }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Handicapforvaltningen");
        Assert.Empty(await WordsSplitAcrossLinesAsync(page));
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-forloeb-ord-375.png"), FullPage = true });

        // The reader's own confirmations: "Den gældende" in a table cell.
        await page.GotoAsync("/medarbejdergrundlag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Jeg har læst og forstået medarbejdergrundlaget" }).ClickAsync();
        await page.GotoAsync("/konto/bekraeftelser");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Den gældende");
        Assert.Empty(await WordsSplitAcrossLinesAsync(page));
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-bekraeftelser-375.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Træk (alle )?tilbage") }).First.ClickAsync();

        // Withdrawing asks once, without a script, and only "Ja" withdraws (issue 31).
        await Assertions.Expect(page.Locator(".withdraw-confirm h2")).ToContainTextAsync("Vil du trække");
        Assert.Empty(await WordsSplitAcrossLinesAsync(page));
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-traek-tilbage-375.png"), FullPage = true });
        await Axe.AssertNoViolationsAsync(page);
        Assert.Empty(await HtmlCodeSniffer.ErrorsAsync(page));
        await page.Locator(".withdraw-confirm").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Ja, træk") }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("trukket tilbage");
    }

    [Fact]
    public async Task TheTranslatorSeesTheDanishTextBesideTheFormOnAWideScreen()
    {
        await using var context = await fixture.NewContextAsync(1280, "hr-redaktoer");
        var editor = await context.NewPageAsync();
        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Handlekraft", Exact = true }).ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "Engelsk oversættelse" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/oversaettelse$"));

        var source = (await editor.Locator(".translation__source").BoundingBoxAsync())!;
        var form = (await editor.Locator(".translation__form").BoundingBoxAsync())!;
        Assert.True(source.X + source.Width <= form.X, $"the Danish text ({source.X}+{source.Width}) is not left of the form ({form.X})");
        Assert.True(Math.Abs(source.Y - form.Y) < 40, $"the Danish text starts at {source.Y}px, the form at {form.Y}px");
        await editor.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-oversaettelse-1280.png"), FullPage = true });

        // On a phone they stack, and nothing scrolls sideways.
        await editor.SetViewportSizeAsync(375, 800);
        Assert.True(await editor.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375);
        await editor.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-oversaettelse-375.png"), FullPage = true });
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/en")]
    public async Task TheFrontPageFigureGrowsWithItsTitlesAndLeadsToThem(string path)
    {
        await using var context = await fixture.NewContextAsync(375, "medarbejder");
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        var boxes = page.Locator(".charter-shape a");
        await Assertions.Expect(boxes).ToHaveCountAsync(6);
        Assert.Empty(await OverprintsAsync(page));

        // A title as long as an editor might give it still fits in its box, beside the others.
        await boxes.First.EvaluateAsync("a => a.textContent = 'Mod til at slippe kreativiteten løs i hverdagen'");
        Assert.Empty(await OverprintsAsync(page));
        await page.ReloadAsync();
        await page.Locator(".charter-shape").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"usability-figur{path.Replace('/', '-').TrimEnd('-')}-375.png") });

        // Each box is a link to its bearing or leg.
        await boxes.Nth(1).ClickAsync();
        await page.WaitForURLAsync(new Regex("/pejlemaerker/[a-z-]+$"));
    }

    [Fact]
    public async Task ATranslationWithOnlyATitleShowsTheDanishTextMarkedDanishNotAnEmptyPage()
    {
        await using var editorContext = await fixture.NewContextAsync(1280, "hr-redaktoer");
        await using var readerContext = await fixture.NewContextAsync(375, "medarbejder");
        var editor = await editorContext.NewPageAsync();
        var reader = await readerContext.NewPageAsync();
        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Fællesskab", Exact = true }).ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "Engelsk oversættelse" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/oversaettelse$"));
        await editor.GetByLabel("Titel på engelsk").FillAsync("Community");
        await editor.GetByLabel("Tekst på engelsk").FillAsync("");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Oversættelsen er udgivet.");

        try
        {
            await reader.GotoAsync("/en/pejlemaerker/faellesskab");
            var article = reader.Locator("main article").First;
            await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("Community");
            // Lead, text and points: the Danish ones, each marked Danish for screen readers and hyphenation.
            var danish = article.Locator("[lang=da]");
            Assert.True(await danish.CountAsync() >= 3, $"only {await danish.CountAsync()} parts in Danish");
            Assert.True((await article.InnerTextAsync()).Length > 300, "the English page is nearly empty");
            await Axe.AssertNoViolationsAsync(reader);
            await reader.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-delvis-oversaettelse-375.png"), FullPage = true });
        }
        finally
        {
            await editor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Tag engelsk version \\d+ af de engelske sider$") }).ClickAsync();
            await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("er taget af de engelske sider");
        }
    }

    [Theory]
    [InlineData("/en/findes-ikke")]
    [InlineData("/en/pejlemaerker/findes-ikke")]
    public async Task AnEnglishPageThatIsNotThereSaysSoInEnglishAndLeadsOnInEnglish(string path)
    {
        await using var context = await fixture.NewContextAsync(375, "medarbejder");
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(404, response!.Status);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        var home = page.Locator("main .onward a").First;
        await Assertions.Expect(home).ToHaveTextAsync("The front page");
        Assert.Equal("/en", await home.GetAttributeAsync("href"));
        Assert.Equal("/en/medarbejdergrundlag", await page.Locator("main .onward a").Nth(1).GetAttributeAsync("href"));
        await Axe.AssertNoViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"usability-en-404{path.Replace('/', '-')}-375.png"), FullPage = true });
    }

    [Fact]
    public async Task AnEnglishReaderWhoConfirmedIsToldWhichTranslationsAreOlderThanTheDanishText()
    {
        await using var editorContext = await fixture.NewContextAsync(1280, "hr-redaktoer");
        await using var readerContext = await fixture.NewContextAsync(375, "leder");
        var editor = await editorContext.NewPageAsync();
        var reader = await readerContext.NewPageAsync();

        // Handlekraft translated, then its Danish text changed: the translation is older than it.
        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Handlekraft", Exact = true }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/admin/indhold/\d+$"));
        var editPath = new Uri(editor.Url).AbsolutePath;
        var original = await editor.Locator("#Form_Body").InputValueAsync();
        await editor.GotoAsync(editPath + "/oversaettelse");
        await editor.GetByLabel("Titel på engelsk").FillAsync("Drive");
        await editor.GetByLabel("Tekst på engelsk").FillAsync("We get things done, together.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Oversættelsen er udgivet.");
        await editor.GotoAsync(editPath);
        await editor.Locator("#Form_Body").FillAsync(original + "\n\nVi handler sammen.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");

        try
        {
            // The reader confirms on the English charter, which marks Handlekraft's translation outdated.
            await reader.GotoAsync("/en/medarbejdergrundlag");
            await Assertions.Expect(reader.Locator("section#handlekraft .translation-note")).ToContainTextAsync("The Danish text has changed");
            await reader.GetByRole(AriaRole.Button, new() { Name = "I have read and understood the employee charter" }).ClickAsync();
            await reader.WaitForURLAsync(new Regex("/en/medarbejdergrundlag#bekraeft$"));

            // "What has changed" says the same: no change to confirm, and which translations lag behind.
            await reader.GotoAsync("/en/aendringer/siden-du-bekraeftede");
            var lagging = reader.Locator("main .translation-note");
            await Assertions.Expect(lagging).ToContainTextAsync("The Danish text has changed since these parts were translated");
            var link = lagging.GetByRole(AriaRole.Link, new() { Name = "Drive" });
            Assert.Equal("/pejlemaerker/handlekraft", await link.GetAttributeAsync("href"));
            await Axe.AssertNoViolationsAsync(reader);
            await reader.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-en-siden-du-bekraeftede-375.png"), FullPage = true });
        }
        finally
        {
            await reader.GotoAsync("/konto/bekraeftelser");
            if (await reader.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Træk") }).CountAsync() > 0)
            {
                await reader.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Træk") }).First.ClickAsync();
                // Withdrawing asks once.
                await reader.Locator(".withdraw-confirm").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Ja, træk") }).ClickAsync();
                await Assertions.Expect(reader.Locator("[role=status]")).ToContainTextAsync("trukket tilbage");
            }

            await editor.GotoAsync(editPath);
            await editor.Locator("#Form_Body").FillAsync(original);
            await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
            await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");
            await editor.GotoAsync(editPath + "/oversaettelse");
            await editor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Tag engelsk version \\d+ af de engelske sider$") }).ClickAsync();
            await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("er taget af de engelske sider");
        }
    }

    [Theory]
    [InlineData("kursus", TestCourses.LeaderCourse)]
    [InlineData("kurser", TestCourses.LeaderCourse)]
    [InlineData("felleskab", "Fællesskab")]
    public async Task SearchFindsWhatReadersCallItAndTheirSpelling(string query, string expected)
    {
        await using var context = await fixture.NewContextAsync(375, "medarbejder");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/soeg?q=" + Uri.EscapeDataString(query));
        var titles = await page.Locator(".search-result__title").AllInnerTextsAsync();
        Assert.Contains(titles, t => t.Contains(expected, StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"usability-soeg-{query}-375.png"), FullPage = true });

        // A misspelling finds what the nearly right spelling finds.
        if (query == "felleskab")
        {
            await page.GotoAsync("/soeg?q=" + Uri.EscapeDataString("fælesskab"));
            var nearly = await page.Locator(".search-result").CountAsync();
            await page.GotoAsync("/soeg?q=" + Uri.EscapeDataString(query));
            Assert.Equal(nearly, await page.Locator(".search-result").CountAsync());
        }
    }

    [Fact]
    public async Task ANewerDraftAfterSchedulingIsSaidAtTheTopAndTheNewestDraftIsScheduledInOneStep()
    {
        await using var context = await fixture.NewContextAsync(375, "hr-redaktoer");
        var editor = await context.NewPageAsync();
        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Udvikling", Exact = true }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/admin/indhold/\d+$"));
        var body = editor.Locator("#Form_Body");
        var original = await body.InputValueAsync();

        try
        {
            // A draft with a change note: "Gem kladde" keeps the note for publishing.
            await body.FillAsync(original + "\n\nFørste kladde.");
            await editor.GetByLabel("Ændringsnote (valgfri)").FillAsync("Et nyt afsnit om udvikling");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
            await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Kladden er gemt.");
            await Assertions.Expect(editor.GetByLabel("Ændringsnote (valgfri)")).ToHaveValueAsync("Et nyt afsnit om udvikling");

            await editor.Locator("#Schedule_When").FillAsync("31-12-2099 08:00");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Planlæg udgivelse" }).ClickAsync();
            await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivelsen er planlagt.");

            // A newer draft: the warning stands right under the status line, with the one-step fix.
            await editor.Locator("#Form_Body").FillAsync(original + "\n\nAnden kladde.");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
            await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Kladden er gemt.");
            var warning = editor.Locator(".item-status + .schedule-item__warning");
            await Assertions.Expect(warning).ToContainTextAsync("ikke den nyeste kladde");
            var statusBottom = await editor.Locator(".item-status").EvaluateAsync<double>("e => e.getBoundingClientRect().bottom");
            var warningTop = await warning.EvaluateAsync<double>("e => e.getBoundingClientRect().top");
            Assert.True(warningTop - statusBottom < 40, $"the warning is {warningTop - statusBottom}px below the status line");

            // "Nyt tidspunkt" is a field like the others.
            Assert.Equal("2px", await editor.Locator("input[name='Move.When']").EvaluateAsync<string>("e => getComputedStyle(e).borderTopWidth"));
            await editor.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-planlagt-nyere-kladde-375.png"), FullPage = true });

            await warning.GetByRole(AriaRole.Button, new() { Name = "Planlæg den nyeste kladde i stedet" }).ClickAsync();
            await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("udgiver nu den nyeste kladde");
            await Assertions.Expect(editor.Locator(".schedule-item__warning")).ToHaveCountAsync(0);
            await Axe.AssertNoViolationsAsync(editor);
        }
        finally
        {
            await editor.GotoAsync(editor.Url.Split('?')[0]);
            var cancel = editor.GetByRole(AriaRole.Button, new() { Name = "Annullér planlægningen" });
            if (await cancel.CountAsync() > 0)
            {
                await cancel.First.ClickAsync();
                await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Planlægningen er annulleret.");
            }

            await editor.Locator("#Form_Body").FillAsync(original);
            await editor.GetByLabel("Ændringsnote (valgfri)").FillAsync("");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
            await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");
        }
    }

    [Fact]
    public async Task TheAdminSpeaksToPeopleNotInSettingsKeysOrLoginIds()
    {
        await using var context = await fixture.NewContextAsync(375, "hr-redaktoer");
        var editor = await context.NewPageAsync();
        await editor.GotoAsync("/admin");
        await Assertions.Expect(editor.Locator("main")).ToContainTextAsync("Opret Phønix-forløb");
        await Assertions.Expect(editor.Locator("main")).Not.ToContainTextAsync("phønix");

        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Mod", Exact = true }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/admin/indhold/\d+$"));
        var owners = await editor.Locator("#Review_Owner option").AllInnerTextsAsync();
        Assert.DoesNotContain("Oprindeligt indhold", owners);
        Assert.Contains("Hanne HR-redaktør", owners);

        // A version saved by the signed-in editor: the history names her, without her login id.
        var editPath = new Uri(editor.Url).AbsolutePath;
        var body = editor.Locator("#Form_Body");
        var original = await body.InputValueAsync();
        await body.FillAsync(original + "\n\nEn kladde.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Kladden er gemt.");
        await editor.GotoAsync(editPath + "/historik");
        await Assertions.Expect(editor.Locator("main tbody")).ToContainTextAsync("Hanne HR-redaktør");
        await Assertions.Expect(editor.Locator("main")).Not.ToContainTextAsync("persona:");
        await editor.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-historik-navne-375.png"), FullPage = true });
        await editor.GotoAsync(editPath);
        await editor.Locator("#Form_Body").FillAsync(original);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Udgivet.");

        await editor.GotoAsync("/admin/bekraeftelser");
        await Assertions.Expect(editor.Locator("main")).Not.ToContainTextAsync("Confirmations:");
        await Assertions.Expect(editor.Locator("main")).ToContainTextAsync("bed IT-driften");
        await editor.ScreenshotAsync(new() { Path = Artifacts.PathFor("usability-admin-bekraeftelser-375.png"), FullPage = true });
    }

    /// <summary>Boxes of the figure whose text overflows them, or that overlap another box.</summary>
    private static Task<string[]> OverprintsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const boxes = [...document.querySelectorAll(".charter-shape a, .charter-shape__beam")];
          const problems = [];
          const rects = boxes.map(b => b.getBoundingClientRect());
          boxes.forEach((b, i) => {
            if (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1) problems.push(`${b.textContent} overflows its box`);
            rects.forEach((r, j) => {
              const s = rects[i];
              if (j > i && s.left < r.right - 1 && r.left < s.right - 1 && s.top < r.bottom - 1 && r.top < s.bottom - 1) problems.push(`${b.textContent} overlaps ${boxes[j].textContent}`);
            });
          });
          return problems;
        }
        """);

    /// <summary>Words of the page's main text that the browser broke across two lines (not web or e-mail addresses).</summary>
    private static Task<string[]> WordsSplitAcrossLinesAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const split = [];
          const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest(".visually-hidden, .copy-link__url, .feed-link, [hidden]") || /[@/]/.test(node.data)) continue;
            // Words of letters: a break after a dash ("12.00–/16.00") is a break between words.
            for (const m of node.data.matchAll(/\p{L}+/gu)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
              if (tops.size > 1) split.push(m[0]);
            }
          }
          return split;
        }
        """);

    /// <summary>The contrast between an element's text and the first opaque background behind it.</summary>
    private static Task<double> ContrastAsync(ILocator element) => element.EvaluateAsync<double>("""
        e => {
          const rgb = c => c.match(/[\d.]+/g).map(Number);
          const luminance = ([r, g, b]) => {
            const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          let back = null;
          for (let n = e; n && !back; n = n.parentElement) {
            const c = rgb(getComputedStyle(n).backgroundColor);
            if (c.length < 4 || c[3] > 0) back = c;
          }
          const a = luminance(rgb(getComputedStyle(e).color)), b = luminance(back ?? [255, 255, 255]);
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }
        """);

    [GeneratedRegex(@"(?<=\w) og ")]
    private static partial Regex FirstOg();
}
