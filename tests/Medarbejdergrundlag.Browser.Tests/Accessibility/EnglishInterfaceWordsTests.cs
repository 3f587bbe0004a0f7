using AngleSharp.Html.Parser;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Medarbejdergrundlag.Tests.Shared;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Browser.Tests.Accessibility;

/// <summary>
/// Every English page of the catalogue (the English twin of every public page, with its courses
/// and bearings), as an HR editor and as a stranger, shows no Danish interface word outside the
/// parts marked lang="da".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EnglishInterfaceWordsTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task NoEnglishPageShowsADanishInterfaceWordOutsideItsDanishParts()
    {
        var catalog = await fixture.CatalogAsync();
        var parser = new HtmlParser();
        var problems = new List<string>();
        var checkedPages = 0;

        foreach (var (persona, pages) in new[] { ("hr-redaktoer", catalog.Pages), ((string?)null, catalog.AnonymousPages) })
        {
            await using var context = await fixture.NewContextAsync(persona: persona);
            foreach (var portalPage in pages.Where(p => p.Path == "/en" || p.Path.StartsWith("/en/", StringComparison.Ordinal)))
            {
                var response = await context.APIRequest.GetAsync(fixture.Server.Url(portalPage.Path));
                Assert.True(response.Ok, $"{portalPage.Path} answered {response.Status}");
                var document = await parser.ParseDocumentAsync(await response.TextAsync());
                Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
                problems.AddRange(DanishInterfaceWords.Find(document).Select(p => $"{portalPage.Path} ({persona ?? "anonym"}): {p}"));
                checkedPages++;
            }
        }

        output.WriteLine($"{checkedPages} English page views checked.");
        Assert.True(checkedPages >= 12, $"only {checkedPages} English pages checked");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
