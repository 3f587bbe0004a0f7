using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>
/// Which published texts are named as broken by a change to another text: links by the page's
/// address, by an old address, by the charter page, and never the changed text's own links.
/// Run on published snapshots in memory (<see cref="ContentChecker.BrokenInboundLinks"/>).
/// </summary>
public sealed class InboundLinkTests
{
    private const string ModAnchor = "afsnit-mod-saadan-viser-vi-mod";

    private static PublishedItem Mod(string body) => CheckSite.Item(2, ContentKind.Bearing, "mod", "mod", body);

    private static PublishedItem Statement(string body) => CheckSite.Item(8, ContentKind.AccessibilityStatement, "tilgaengelighed", "", body);

    private static PublishedItem Phoenix(string body) => CheckSite.Item(6, ContentKind.PhoenixPage, "phoenix", "phoenix", body);

    private static string[] Broken(PublishedItem[] published, PublishedItem draft)
    {
        var danish = new PublishedSite(published, bearingRedirects: [("modig", 2)]);
        var english = CheckSite.EnglishSite();
        return ContentChecker.BrokenInboundLinks(danish, english, SiteLinkMap.Build(danish, english, draft), draft.Id, new ContentCheckOptions())
            .Select(b => b.Item.Key)
            .ToArray();
    }

    [Fact]
    public void ALinkToAPageWithoutASlugIsFoundByItsAddress()
    {
        var statement = Statement("## Kontakt\n\nSkriv til os.");
        var phoenix = Phoenix("Spørgsmål? Se [kontakt](/tilgaengelighed#afsnit-kontakt).");

        Assert.Equal(["phoenix"], Broken([statement, phoenix], Statement("Skriv til os.")));
        Assert.Empty(Broken([statement, phoenix], Statement("## Kontakt\n\nSkriv til os nu.")));
    }

    [Fact]
    public void ALinkByAnOldAddressIsFound()
    {
        var phoenix = Phoenix($"Se [mod](/pejlemaerker/modig#{ModAnchor}).");

        Assert.Equal(["phoenix"], Broken([Mod("## Sådan viser vi mod\n\nTekst."), phoenix], Mod("Tekst.")));
    }

    [Fact]
    public void ALinkByTheOldAddressOfABearingRenamedSinceIsFound()
    {
        // Mod was "modig" once and is "modet" now: the old address leads to the new page.
        var renamed = CheckSite.Item(2, ContentKind.Bearing, "mod", "modet", "## Sådan viser vi mod\n\nTekst.");
        var phoenix = Phoenix("Se [mod](/pejlemaerker/modig#afsnit-modet-saadan-viser-vi-mod).");
        Assert.Contains("id=\"afsnit-modet-saadan-viser-vi-mod\"", renamed.BodyHtml, StringComparison.Ordinal);

        Assert.Equal(["phoenix"], Broken([renamed, phoenix], CheckSite.Item(2, ContentKind.Bearing, "mod", "modet", "Tekst.")));
    }

    [Fact]
    public void ALinkToABearingsTextOnTheCharterPageIsFound()
    {
        var phoenix = Phoenix($"Se [mod i grundlaget](/medarbejdergrundlag#{ModAnchor}).");

        Assert.Equal(["phoenix"], Broken([Mod("## Sådan viser vi mod\n\nTekst."), phoenix], Mod("Tekst.")));
    }

    [Fact]
    public void TheChangedTextsOwnLinksAreNotNamed()
    {
        var mod = Mod($"## Sådan viser vi mod\n\nSe [afsnittet]({"#" + ModAnchor}).");

        Assert.Empty(Broken([mod], Mod($"Se [afsnittet]({"#" + ModAnchor}).")));
    }

    [Fact]
    public void ANewTextBreaksNothing()
    {
        var phoenix = Phoenix("Se [mod](/pejlemaerker/mod).");

        Assert.Empty(Broken([Mod("Tekst."), phoenix], CheckSite.Item(99, ContentKind.Bearing, "proeve", "proeve", "Ny tekst.")));
    }
}
