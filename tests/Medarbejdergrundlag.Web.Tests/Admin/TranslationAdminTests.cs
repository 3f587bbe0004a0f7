using System.Net;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>
/// An English translation in the admin area, through the real pages and forms: its draft previewed
/// as an English reader would see it (by editors only), its versions compared and restored apart
/// from the Danish ones, and taken off the English pages alone.
/// </summary>
public sealed class TranslationAdminTests : IAsyncLifetime
{
    private const string TranslationForm = "form.translation__form";
    private readonly PortalFactory _factory = new();
    private HttpClient _editor = default!;
    private HttpClient _employee = default!;
    private int _modId;

    public async Task InitializeAsync()
    {
        _editor = await _factory.SignedInClientAsync("hr-redaktoer");
        _employee = await _factory.SignedInClientAsync("medarbejder");
        await using var scope = _factory.Services.CreateAsyncScope();
        _modId = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Key == "mod").Select(i => i.Id).SingleAsync();
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private string TranslationPath => $"/admin/indhold/{_modId}/oversaettelse";

    private string PreviewPath => $"/admin/indhold/{_modId}/forhaandsvisning?sprog=en";

    private string EnglishHistoryPath => $"/admin/indhold/{_modId}/historik?sprog=en";

    private string DanishHistoryPath => $"/admin/indhold/{_modId}/historik";

    [Fact]
    public async Task TheEnglishPreviewShowsTheDraftTranslationAsAnEnglishReaderWouldSeeItToEditorsOnly()
    {
        await TranslateAsync("Courage draft", "We dare to say no, also when it is hard.", "Save");

        var preview = await _editor.GetDocumentAsync(PreviewPath);

        // The English page, English layout and interface words, the draft in the bearing's place.
        Assert.Equal("en", preview.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Courage draft", preview.QuerySelector("main article.bearing h1")!.TextContent);
        Assert.Contains("We dare to say no, also when it is hard.", preview.QuerySelector("main article")!.Text());
        // The English text is not marked Danish; only the lead it leaves out is the Danish one, marked so.
        Assert.All(preview.QuerySelectorAll("main article [lang=da]"), e => Assert.DoesNotContain("We dare", e.Text()));
        Assert.Equal("Home", preview.QuerySelector(".breadcrumbs a")!.TextContent);
        Assert.Equal("/en/pejlemaerker", preview.QuerySelectorAll(".breadcrumbs a")[1].GetAttribute("href"));
        Assert.Contains("engelsk version 2", preview.QuerySelector(".preview-banner[lang=da]")!.Text());
        Assert.Contains("ikke udgivet", preview.QuerySelector(".preview-banner")!.Text());

        // The Danish preview stays Danish.
        var danish = await _editor.GetDocumentAsync($"/admin/indhold/{_modId}/forhaandsvisning");
        Assert.Equal("da", danish.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Mod", danish.QuerySelector("main article.bearing h1")!.TextContent);

        // Nobody else sees the draft: employees are forbidden, anonymous visitors sent to sign in,
        // and the English page shows the Danish text until the translation is published.
        var employee = await _employee.GetAsync(PreviewPath);
        Assert.Equal(HttpStatusCode.Forbidden, employee.StatusCode);
        Assert.DoesNotContain("We dare to say no", await employee.Content.ReadAsStringAsync());
        using var anonymous = _factory.CreatePlainClient();
        var signIn = await anonymous.GetAsync(PreviewPath);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("http://localhost/konto/log-ind", signIn.Headers.Location!.ToString());
        Assert.DoesNotContain("We dare to say no", await signIn.Content.ReadAsStringAsync());
        var english = await _employee.GetDocumentAsync("/en/pejlemaerker/mod");
        Assert.DoesNotContain("We dare to say no", english.QuerySelector("main")!.Text());
        Assert.Equal("Mod", english.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public async Task WithoutATranslationTheEnglishPreviewShowsTheDanishTextMarkedDanishWithTheNote()
    {
        var preview = await _editor.GetDocumentAsync(PreviewPath);

        Assert.Equal("en", preview.DocumentElement.GetAttribute("lang"));
        Assert.Equal("da", preview.QuerySelector("main article.bearing h1")!.ParentElement!.GetAttribute("lang"));
        Assert.Equal("This part is only available in Danish.", preview.QuerySelector(".translation-note")!.TextContent.Trim());
        Assert.Contains("Der er ingen oversættelse endnu", preview.QuerySelector(".preview-banner")!.Text());
    }

    [Fact]
    public async Task TheEnglishHistoryListsAndComparesEnglishVersionsOnlyAndTheDanishHistoryDanishOnly()
    {
        await TranslateAsync("Courage", "We dare.", "Publish");
        await _factory.PublishBodyAsync("mod", "Ny dansk tekst.");
        await TranslateAsync("Courage", "We dare together.", "Save");

        // English 2 and 4; Danish 1 and 3. By default: the newest English version against the English one before it.
        var english = await _editor.GetDocumentAsync(EnglishHistoryPath);
        Assert.Equal(["4", "2"], english.QuerySelectorAll(".admin-table tbody tr td:first-child").Select(c => c.TextContent.Replace(" (engelsk)", "")).ToArray());
        Assert.Equal("Forskelle fra version 2 til version 4", english.QuerySelector("#diff-heading")!.TextContent);
        // One line changed in place: the added word marked, as on the public change pages.
        Assert.EndsWith(" together", english.QuerySelector(".diff__line--changed ins")!.Text());
        Assert.Null(english.QuerySelector(".diff__line--removed"));
        Assert.DoesNotContain("Ny dansk tekst.", english.QuerySelector("main")!.Text());

        var danish = await _editor.GetDocumentAsync(DanishHistoryPath);
        Assert.Equal(["3", "1"], danish.QuerySelectorAll(".admin-table tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToArray());
        Assert.Equal("Forskelle fra version 1 til version 3", danish.QuerySelector("#diff-heading")!.TextContent);
        Assert.Contains("Ny dansk tekst.", danish.QuerySelector(".diff__line--added")!.Text());

        // A version of the other language cannot be compared here.
        var mixed = await _editor.GetDocumentAsync(EnglishHistoryPath + "&fra=1&til=4");
        Assert.Contains("Den version findes ikke blandt oversættelsens versioner.", mixed.QuerySelector(".error-summary")!.Text());
        Assert.Null(mixed.QuerySelector("#diff-heading"));
    }

    [Fact]
    public async Task RestoringAnEnglishVersionMakesANewEnglishDraftAuditedAndLeavesTheDanishTextAlone()
    {
        await TranslateAsync("Courage", "We dare.", "Publish");
        await _factory.PublishBodyAsync("mod", "Ny dansk tekst.");
        await TranslateAsync("Courage", "We dare together.", "Publish");

        var history = await _editor.GetDocumentAsync(EnglishHistoryPath);
        var restoreTwo = history.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=number][value='2']") is not null);
        Assert.Equal("Gendan engelsk version 2", restoreTwo.QuerySelector("button")!.TextContent);
        var restored = await Forms.PostAsync(_editor, EnglishHistoryPath, restoreTwo);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(TranslationPath, restored.Headers.Location!.OriginalString);
        var page = await _editor.GetDocumentAsync(TranslationPath);
        Assert.Contains("Engelsk version 2 er gendannet som en ny kladde til oversættelsen (engelsk version 5).", page.QuerySelector(".notice")!.Text());
        Assert.Equal("We dare.", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        // Restored from a translation of Danish version 1: outdated against Danish 3, with the Danish change shown.
        Assert.Contains("Oversættelse forældet", page.QuerySelector(".item-status")!.Text());
        Assert.Contains("Ny dansk tekst.", page.QuerySelector(".conflict .diff__line--added")!.Text());

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            var item = await db.Items.AsNoTracking().SingleAsync(i => i.Id == _modId);
            var revisions = await db.Revisions.AsNoTracking().Where(r => r.ContentItemId == _modId).ToListAsync();
            var draft = revisions.Single(r => r.Id == item.CurrentEnglishRevisionId);
            Assert.Equal((5, "en"), (draft.Number, draft.Language));
            Assert.Equal(revisions.Single(r => r.Number == 2).TranslatedFromRevisionId, draft.TranslatedFromRevisionId);
            Assert.Equal(revisions.Single(r => r.Number == 4).Id, item.PublishedEnglishRevisionId);
            Assert.Equal(revisions.Single(r => r.Number == 3).Id, item.CurrentRevisionId);
            Assert.Equal(item.CurrentRevisionId, item.PublishedRevisionId);
            Assert.Equal(5, revisions.Count);
        }

        // The English page still shows what is published; the log says what happened.
        Assert.Contains("We dare together.", (await _employee.GetDocumentAsync("/en/pejlemaerker/mod")).QuerySelector("article")!.Text());
        var log = (await _editor.GetDocumentAsync("/admin/log")).QuerySelector("main")!.Text();
        Assert.Contains("Oversættelse gendannet", log);
        Assert.Contains("Engelsk version 5, gendannet fra engelsk version 2, oversat fra dansk version 1.", log);
    }

    [Fact]
    public async Task ARestoreRefusesAVersionOfTheOtherLanguageWithADanishMessageAndChangesNothing()
    {
        await TranslateAsync("Courage", "We dare.", "Save");
        var danishForm = (await _editor.GetDocumentAsync(DanishHistoryPath)).QuerySelector("form[method=post]");
        Assert.Null(danishForm); // Danish 1 is the current draft: nothing to restore, and no English row offered.
        var englishHistory = await _editor.GetDocumentAsync(EnglishHistoryPath);
        var version = englishHistory.QuerySelector("input[name=version]");
        Assert.Null(version); // English 2 is the current translation.

        // Forged forms: the Danish restore given the English number 2, the English restore the Danish number 1.
        var itemVersion = await ItemVersionAsync();
        var asDanish = await PostRestoreAsync(DanishHistoryPath, language: "da", number: 2, itemVersion);
        var asEnglish = await PostRestoreAsync(EnglishHistoryPath, language: "en", number: 1, itemVersion);

        Assert.Equal(HttpStatusCode.OK, asDanish.StatusCode);
        Assert.Contains("Version 2 er en engelsk oversættelse, ikke en dansk version. Gendan den fra oversættelsens historik.",
            Html.Parse(await asDanish.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.Text());
        Assert.Equal(HttpStatusCode.OK, asEnglish.StatusCode);
        Assert.Contains("Version 1 er en dansk version, ikke en engelsk oversættelse. Gendan den fra historikken for den danske tekst.",
            Html.Parse(await asEnglish.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.Text());
        Assert.Equal(itemVersion, await ItemVersionAsync());
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Revisions.CountAsync(r => r.ContentItemId == _modId));
    }

    [Fact]
    public async Task AnEnglishRestoreFromAStaleHistoryPageIsRefusedAsAConflict()
    {
        await TranslateAsync("Courage", "We dare.", "Save");
        await TranslateAsync("Courage", "We dare together.", "Save");
        var stale = (await _editor.GetDocumentAsync(EnglishHistoryPath)).QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=number][value='2']") is not null);
        await TranslateAsync("Courage", "Someone else's words.", "Save");

        var response = await Forms.PostAsync(_editor, EnglishHistoryPath, stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("En anden har gemt en ny version imens.", Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.Text());
        Assert.Contains("Someone else's words.", (await _editor.GetDocumentAsync(TranslationPath)).QuerySelector("textarea[name='Form.Body']")!.TextContent);
    }

    [Fact]
    public async Task TakingTheTranslationOffTheEnglishPagesLeavesTheDanishPublishedAndTheEnglishPageFallsBackWithTheNote()
    {
        await TranslateAsync("Courage", "We dare.", "Publish");
        Assert.Equal("Courage", (await _employee.GetDocumentAsync("/en/pejlemaerker/mod")).QuerySelector("main h1")!.TextContent);

        var response = await Forms.SubmitAsync(_editor, TranslationPath, "form[action*='handler=Unpublish']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _editor.GetDocumentAsync(TranslationPath);
        Assert.Contains("Engelsk version 2 er taget af de engelske sider.", page.QuerySelector(".notice")!.Text());
        Assert.Contains("Ikke udgivet på engelsk.", page.QuerySelector(".item-status")!.Text());
        Assert.Null(page.QuerySelector("form[action*='handler=Unpublish']"));
        var english = await _employee.GetDocumentAsync("/en/pejlemaerker/mod");
        Assert.Equal("Mod", english.QuerySelector("main h1")!.TextContent);
        Assert.Equal("da", english.QuerySelector("main h1")!.ParentElement!.GetAttribute("lang"));
        Assert.Equal("This part is only available in Danish.", english.QuerySelector(".translation-note")!.TextContent.Trim());
        Assert.Equal("Mod", (await _employee.GetDocumentAsync("/pejlemaerker/mod")).QuerySelector("main h1")!.TextContent);
        Assert.Contains("Oversættelse taget af de engelske sider", (await _editor.GetDocumentAsync("/admin/log")).QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task TakingTheTranslationOffFromAStalePageIsRefusedAsAConflictAndTheEnglishPageStaysTranslated()
    {
        await TranslateAsync("Courage", "We dare.", "Publish");
        var stale = (await _editor.GetDocumentAsync(TranslationPath)).QuerySelector("form[action*='handler=Unpublish']")!;
        await TranslateAsync("Courage", "We dare together.", "Publish");

        var response = await Forms.PostAsync(_editor, TranslationPath, stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nogen har ændret indholdet imens.", Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.Text());
        Assert.Contains("We dare together.", (await _employee.GetDocumentAsync("/en/pejlemaerker/mod")).QuerySelector("article")!.Text());
    }

    private async Task TranslateAsync(string title, string body, string handler)
    {
        var response = await Forms.SubmitAsync(_editor, TranslationPath, TranslationForm, new()
        {
            ["Form.Title"] = title,
            ["Form.Body"] = body,
            ["Form.Bearing.Points"] = "We speak up",
            ["Form.Bearing.DialogQuestions"] = "What gave you courage today?",
        }, handler);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<int> ItemVersionAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Id == _modId).Select(i => i.Version).SingleAsync();
    }

    /// <summary>A restore form as the history page makes it, with a number it never offers.</summary>
    private async Task<HttpResponseMessage> PostRestoreAsync(string historyPath, string language, int number, int version)
    {
        var page = await _editor.GetDocumentAsync(historyPath);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await _editor.GetDocumentAsync(TranslationPath)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await _editor.PostAsync($"/admin/indhold/{_modId}/historik?handler=Restore", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token!,
            ["sprog"] = language,
            ["number"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
    }
}
