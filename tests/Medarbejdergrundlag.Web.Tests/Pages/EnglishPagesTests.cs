using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Pages;

/// <summary>
/// The English pages under /en: their language, their twins, the Danish text where no translation
/// is published, and translations that know when the Danish text has moved on.
/// </summary>
public sealed class EnglishPagesTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _employee = default!;

    public async Task InitializeAsync() => _employee = await _factory.SignedInClientAsync();

    public Task DisposeAsync()
    {
        _employee.Dispose();
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/en", "/")]
    [InlineData("/en/medarbejdergrundlag", "/medarbejdergrundlag")]
    [InlineData("/en/pejlemaerker", "/pejlemaerker")]
    [InlineData("/en/pejlemaerker/mod", "/pejlemaerker/mod")]
    [InlineData("/en/phoenix", "/phoenix")]
    [InlineData("/en/phoenix/forloeb", "/phoenix/forloeb")]
    [InlineData("/en/soeg?q=mod", "/soeg?q=mod")]
    public async Task EveryEnglishPageIsEnglishAndItsTwinAndHreflangPairPointAtEachOther(string english, string danish)
    {
        var englishPage = await _employee.GetDocumentAsync(english);
        var danishPage = await _employee.GetDocumentAsync(danish);

        Assert.Equal("en", englishPage.DocumentElement.GetAttribute("lang"));
        Assert.Equal("da", danishPage.DocumentElement.GetAttribute("lang"));
        foreach (var page in new[] { englishPage, danishPage })
        {
            Assert.Equal("http://localhost" + danish, page.QuerySelector("link[rel=alternate][hreflang=da]")!.GetAttribute("href"));
            Assert.Equal("http://localhost" + english, page.QuerySelector("link[rel=alternate][hreflang=en]")!.GetAttribute("href"));
            Assert.Equal("http://localhost" + danish, page.QuerySelector("link[rel=alternate][hreflang=x-default]")!.GetAttribute("href"));
        }

        Assert.Equal(danish, englishPage.QuerySelector(".site-header__language")!.GetAttribute("href"));
        Assert.Equal(english, danishPage.QuerySelector(".site-header__language")!.GetAttribute("href"));

        // The interface is English, and every link of the page's own stays in English (a Danish
        // text shown where no translation is published keeps its own links to the Danish pages).
        Assert.Equal("Home", englishPage.QuerySelector(".site-nav a")!.TextContent);
        var links = englishPage.QuerySelectorAll("a[href^='/']")
            .Where(a => a.Closest("[lang=da]") is null && !a.ClassList.Contains("site-header__language"))
            // The account pages (sign-out, one's own confirmations) are Danish only.
            .Where(a => !a.GetAttribute("href")!.StartsWith("/konto/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(links);
        Assert.All(links.Select(a => a.GetAttribute("href")!), href => Assert.StartsWith("/en", href));
    }

    [Fact]
    public async Task WhereNoTranslationIsPublishedTheEnglishPageShowsTheDanishTextMarkedDanish()
    {
        var page = await _employee.GetDocumentAsync("/en/medarbejdergrundlag");

        var mod = page.QuerySelector("section#mod")!;
        Assert.Equal("da", mod.GetAttribute("lang"));
        Assert.Contains("Mod", mod.QuerySelector("h3")!.TextContent);
        var note = mod.QuerySelector(".translation-note")!;
        Assert.Equal("en", note.GetAttribute("lang"));
        Assert.Equal("This part is only available in Danish.", note.TextContent.Trim());
    }

    [Fact]
    public async Task APublishedTranslationShowsInEnglishAndIsMarkedOutdatedWhenTheDanishTextChanges()
    {
        await TranslateAsync("mod", "Courage", "We dare to try something new and be **courageous** together.", publish: true);

        var translated = await _employee.GetDocumentAsync("/en/pejlemaerker/mod");
        Assert.Equal("Courage", translated.QuerySelector("h1")!.TextContent);
        // The English text is not marked Danish; only the lead it leaves out is the Danish one, marked so.
        Assert.All(translated.QuerySelectorAll("article [lang=da]"), e => Assert.DoesNotContain("courageous", e.Text()));
        Assert.Null(translated.QuerySelector(".translation-note"));
        Assert.DoesNotContain("courageous", await _employee.GetStringAsync("/pejlemaerker/mod"));

        // A new Danish text: the translation is older than it now.
        await _factory.PublishBodyAsync("mod", "Vi har modet til at prøve noget nyt.");
        var outdated = await _employee.GetDocumentAsync("/en/pejlemaerker/mod");
        var note = outdated.QuerySelector(".translation-note")!;
        Assert.Contains("The Danish text has changed since this translation was made.", note.TextContent);
        Assert.Equal("/pejlemaerker/mod", note.QuerySelector("a")!.GetAttribute("href"));

        // The translation brought up to date: the note is gone.
        await TranslateAsync("mod", "Courage", "We have the courage to try something new.", publish: true);
        var updated = await _employee.GetDocumentAsync("/en/pejlemaerker/mod");
        Assert.Null(updated.QuerySelector(".translation-note"));
        Assert.Contains("the courage to try something new", updated.QuerySelector("article")!.TextContent);
    }

    [Fact]
    public async Task SearchOnTheEnglishPagesFindsAnEnglishTextByAnInflectedWordAndStillFindsDanishTexts()
    {
        await TranslateAsync("mod", "Courage", "We build trust through close collaboration with citizens.", publish: true);

        var english = await _employee.GetDocumentAsync("/en/soeg?q=collaborating");
        var hit = english.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).FirstOrDefault(h => h!.Contains("pejlemaerker/mod"));
        Assert.Equal("/en/pejlemaerker/mod", hit);

        // The Danish pages search the Danish texts only; the English pages fall back to them.
        Assert.DoesNotContain("/pejlemaerker/mod\"", await _employee.GetStringAsync("/soeg?q=collaborating"));
        var danishOnEnglish = await _employee.GetDocumentAsync("/en/soeg?q=samskabelse");
        Assert.Contains(danishOnEnglish.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/en/medarbejdergrundlag#samskabelse");
    }

    [Fact]
    public async Task ADraftTranslationIsNotShownAndTheDanishPagesNeverChange()
    {
        await TranslateAsync("faellesskab", "Community", "A draft nobody should see yet.", publish: false);

        Assert.DoesNotContain("A draft nobody should see yet", await _employee.GetStringAsync("/en/pejlemaerker/faellesskab"));
        Assert.DoesNotContain("A draft nobody should see yet", await _employee.GetStringAsync("/pejlemaerker/faellesskab"));
        Assert.Equal("da", (await _employee.GetDocumentAsync("/en/pejlemaerker/faellesskab")).QuerySelector("article div[lang]")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task ARenamedBearingsOldEnglishAddressLeadsToItsNewEnglishAddress()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            var id = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Key == "handlekraft").Select(i => i.Id).SingleAsync();
            var item = (await editor.FindAsync(id))!;
            var saved = await editor.SaveAndPublishAsync(id, item.Version, RevisionInput.From(item.CurrentRevision!) with { Slug = "handlekraft-nu" }, "test");
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
        }

        var response = await _employee.GetAsync("/en/pejlemaerker/handlekraft");

        Assert.Equal(System.Net.HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/en/pejlemaerker/handlekraft-nu", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DevelopmentShowsExampleTranslationsThatSayTheyAreExamplesAndProductionHasNone()
    {
        using var development = new PortalFactory().With("Phoenix:ExampleCourses", "true");
        using var reader = await development.SignedInClientAsync();

        var example = await reader.GetDocumentAsync("/en/pejlemaerker/mod");
        Assert.EndsWith("(example translation)", example.QuerySelector("h1")!.TextContent);
        Assert.Contains("It is not the official text.", example.QuerySelector("article")!.TextContent);

        // Without the examples (as in Production), nothing English is published.
        Assert.Equal("da", (await _employee.GetDocumentAsync("/en/pejlemaerker/mod")).QuerySelector("article div[lang]")!.GetAttribute("lang"));
    }

    private async Task TranslateAsync(string key, string title, string body, bool publish)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var translations = scope.ServiceProvider.GetRequiredService<TranslationEditor>();
        var id = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
        var item = (await editor.FindAsync(id))!;
        var input = new RevisionInput(title, null, "", body) { Bearing = new BearingInput("We speak up", "What gave you courage today?") };
        var result = await translations.SaveAsync(id, item.Version, input, "test", publish);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }
}
