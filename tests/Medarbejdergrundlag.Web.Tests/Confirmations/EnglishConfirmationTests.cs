using System.Net;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Confirmations;

/// <summary>
/// Reading and confirming the charter on its English page: the notice and the button in English,
/// back to the English page after confirming, a confirmation that counts for the Danish text the
/// translation was made from, and a material Danish change that asks English readers to confirm
/// again once its translation is published (until then they are told it is coming).
/// </summary>
public sealed class EnglishConfirmationTests : IAsyncLifetime
{
    private const string EnglishCharter = "/en/medarbejdergrundlag";

    private readonly PortalFactory _factory = new PortalFactory().WithoutApproval();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheEnglishCharterAsksInEnglishAndConfirmingThereLeadsBackToIt()
    {
        using var reader = await _factory.SignedInClientAsync();

        var page = await reader.GetDocumentAsync(EnglishCharter);
        Assert.Equal("Have you read the employee charter?", page.QuerySelector("#confirm-heading")!.Text());
        var form = page.QuerySelector("#bekraeft form")!;
        Assert.Equal("/en/medarbejdergrundlag/bekraeft", form.GetAttribute("action"));
        Assert.Equal("I have read and understood the employee charter", form.QuerySelector("button")!.Text());
        Assert.StartsWith("We store only that you confirmed", page.QuerySelector(".confirm__privacy")!.Text());
        DanishInterfaceWords.AssertNone(page);

        var response = await Forms.SubmitAsync(reader, EnglishCharter, "#bekraeft form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/medarbejdergrundlag#bekraeft", response.Headers.Location!.OriginalString);

        var confirmed = await reader.GetDocumentAsync(EnglishCharter);
        Assert.Matches(@"^On \d{1,2} [A-Z][a-z]+ \d{4} you confirmed that you have read and understood the employee charter\.$",
            confirmed.QuerySelector("[data-reader-status=confirmed]")!.Text());
        Assert.Null(confirmed.QuerySelector("#bekraeft form"));
        DanishInterfaceWords.AssertNone(confirmed);

        // With no translation published, the English page showed the Danish text: the Danish page counts it as read.
        var danish = await reader.GetDocumentAsync("/medarbejdergrundlag");
        Assert.StartsWith("Du bekræftede den", danish.QuerySelector("[data-reader-status=confirmed]")!.Text());
    }

    [Fact]
    public async Task ConfirmingInEnglishCountsForTheDanishTextTheTranslationWasMadeFromAndAMaterialChangeWaitsForItsTranslation()
    {
        using var reader = await _factory.SignedInClientAsync();
        var translatedFrom = PublishedRevisionId("mod");
        await TranslateAsync("mod", "Courage", "We dare to try something new.");

        // A material Danish change to Mod; the translation has not caught up.
        await PublishMaterialAsync("mod", "Vi har modet til at sige fra, også når det koster.");
        var changed = PublishedRevisionId("mod");
        Assert.NotEqual(translatedFrom, changed);

        await Forms.SubmitAsync(reader, EnglishCharter, "#bekraeft form");
        var version = CharterVersion.Parse(_factory.Services.CreateScope().ServiceProvider.GetRequiredService<ContentDbContext>().Confirmations.Single().Version);
        Assert.Contains(translatedFrom, version);
        Assert.DoesNotContain(changed, version);

        // The Danish page asks to read the change; the English page has nothing new to confirm, and says the change is coming.
        var danish = await reader.GetDocumentAsync("/medarbejdergrundlag");
        Assert.Contains("Mod", danish.QuerySelector("[data-reader-status=changed]")!.Text());
        var english = await reader.GetDocumentAsync(EnglishCharter);
        Assert.Null(english.QuerySelector("[data-reader-status=changed]"));
        Assert.NotNull(english.QuerySelector("[data-reader-status=confirmed]"));
        var awaiting = english.QuerySelector("[data-reader-status=awaiting-translation]")!;
        Assert.StartsWith("The Danish text has changed materially since you confirmed, in: Courage.", awaiting.Text());
        Assert.Equal("/aendringer/siden-du-bekraeftede", awaiting.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("da", awaiting.QuerySelector("a")!.GetAttribute("hreflang"));
        DanishInterfaceWords.AssertNone(english);

        // The translation brought up to date: now the English reader is asked to confirm again, in English.
        await TranslateAsync("mod", "Courage", "We have the courage to speak up, even when it costs.");
        english = await reader.GetDocumentAsync(EnglishCharter);
        var notice = english.QuerySelector("[data-reader-status=changed]")!;
        Assert.Equal("The employee charter has changed since you read it", notice.QuerySelector("h2")!.Text());
        Assert.Contains("in: Courage.", notice.Text());
        Assert.Equal("/en/aendringer/siden-du-bekraeftede", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(english.QuerySelector("[data-reader-status=awaiting-translation]"));
        DanishInterfaceWords.AssertNone(english);

        var changes = await reader.GetDocumentAsync("/en/aendringer/siden-du-bekraeftede");
        Assert.Equal(["Courage"], changes.QuerySelectorAll("section.change h2").Select(h => h.Text()));
        Assert.Equal("da", changes.QuerySelector("section.change .word-diff")!.Closest("[lang]")!.GetAttribute("lang"));
        DanishInterfaceWords.AssertNone(changes);

        var again = await Forms.SubmitAsync(reader, "/en/aendringer/siden-du-bekraeftede", "#bekraeft form");
        Assert.Equal("/en/medarbejdergrundlag#bekraeft", again.Headers.Location!.OriginalString);
        Assert.Null((await reader.GetDocumentAsync(EnglishCharter)).QuerySelector("[data-reader-status=changed]"));
        // The translation is now of the Danish text in force: that counts on the Danish page too.
        Assert.Null((await reader.GetDocumentAsync("/medarbejdergrundlag")).QuerySelector("[data-reader-status=changed]"));
    }

    [Fact]
    public async Task TwoReadersOfTheCachedEnglishCharterEachSeeOnlyTheirOwnStatus()
    {
        using var confirmedReader = await _factory.SignedInClientAsync("medarbejder");
        using var otherReader = await _factory.SignedInClientAsync("leder");
        await Forms.SubmitAsync(confirmedReader, EnglishCharter, "#bekraeft form");

        for (var round = 0; round < 3; round++)
        {
            var pages = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? confirmedReader : otherReader).GetDocumentAsync(EnglishCharter)));
            for (var i = 0; i < pages.Length; i++)
            {
                if (i % 2 == 0)
                {
                    Assert.NotNull(pages[i].QuerySelector("[data-reader-status=confirmed]"));
                    Assert.Null(pages[i].QuerySelector("#bekraeft form"));
                }
                else
                {
                    Assert.Null(pages[i].QuerySelector("[data-reader-status]"));
                    Assert.Equal("/en/medarbejdergrundlag/bekraeft", pages[i].QuerySelector("#bekraeft form")!.GetAttribute("action"));
                }
            }

            Assert.Equal(Shared(pages[0]), Shared(pages[1]));
        }

        // The Danish page of the same snapshot is cached apart, in Danish.
        Assert.Equal("Jeg har læst og forstået medarbejdergrundlaget",
            (await otherReader.GetDocumentAsync("/medarbejdergrundlag")).QuerySelector("#bekraeft form[action='/medarbejdergrundlag/bekraeft'] button")!.Text());
    }

    private static string Shared(AngleSharp.Dom.IDocument page)
    {
        foreach (var own in page.QuerySelectorAll("main [data-per-reader]").ToList())
        {
            own.Remove();
        }

        return System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("main")!.InnerHtml, @"\s+", " ");
    }

    private int PublishedRevisionId(string key)
    {
        using var scope = _factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Single(i => i.Key == key).PublishedRevisionId!.Value;
    }

    private async Task PublishMaterialAsync(string key, string paragraph)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var id = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
        var item = (await editor.FindAsync(id))!;
        var input = RevisionInput.From(item.CurrentRevision!);
        var saved = await editor.SaveAndPublishAsync(id, item.Version, input with { Body = input.Body + "\n\n" + paragraph }, "test", material: true);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
    }

    private async Task TranslateAsync(string key, string title, string body)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var id = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
        var item = (await editor.FindAsync(id))!;
        var input = new RevisionInput(title, null, "", body) { Bearing = new BearingInput("We speak up", "What gave you courage today?") };
        var result = await scope.ServiceProvider.GetRequiredService<TranslationEditor>().SaveAsync(id, item.Version, input, "test", publish: true);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }
}
