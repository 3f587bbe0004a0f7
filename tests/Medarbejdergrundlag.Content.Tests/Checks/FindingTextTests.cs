using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>
/// What the editor reads: each rule's Danish message and advice word for word, where in the text
/// it says the fault is (under which heading), and which parts of the HTML count as separate
/// blocks of prose. The HTML is written by hand, as the renderer stores it, so that a case can
/// hold what Markdown cannot write (an empty heading, a link without an address).
/// </summary>
public sealed class FindingTextTests
{
    private static ContentCheckResult Check(string html, ContentCheckOptions? options = null)
    {
        var draft = CheckSite.Item(99, ContentKind.Bearing, "proeve", "proeve", "");
        var map = SiteLinkMap.Build(CheckSite.Site(), CheckSite.EnglishSite(), draft);
        return ContentChecker.Check(html, new CheckContext(map, ContentChecker.PageOf(draft)), options ?? new ContentCheckOptions());
    }

    private static ContentFinding Single(string html, string rule)
    {
        var finding = Assert.Single(Check(html).Findings);
        Assert.Equal(rule, finding.RuleId);
        return finding;
    }

    [Fact]
    public void AnImageWithoutAltIsNamedByItsFileUnderItsHeading()
    {
        var finding = Single("""<h2 id="afsnit-ferie">Ferie</h2><p><img src="/billeder/abc/sommer%20hus.jpg" alt=""></p>""", CheckRules.ImageWithoutAlt);

        Assert.Equal("Billedet »sommer hus.jpg« under overskriften »Ferie« har ingen alternativ tekst.", finding.Message);
        Assert.Equal("Skriv i de firkantede klammer, hvad billedet viser, f.eks. ![Kolleger i samtale ved et bord](…). Er billedet kun pynt, så skriv ![dekorativ](…).", finding.Advice);
        Assert.Equal(("afsnit-ferie", "sommer hus.jpg", FindingSeverity.Blocking), (finding.Anchor, finding.Excerpt, finding.Severity));
    }

    [Theory]
    [InlineData("presentation")]
    [InlineData("none")]
    public void AnImageMarkedDecorativeByItsRoleIsNoFault(string role) =>
        Assert.Empty(Check($"""<p><img src="/billeder/abc/pynt.png" alt="" role="{role}"></p>""").Findings);

    [Fact]
    public void AnImageWhoseAddressIsNoAddressIsNamedByWhatWasWritten()
    {
        // A source Uri cannot read is shown as written, not lost; an image without one is named by the page's root.
        Assert.Equal("http://[fejl", Single("""<p><img src="http://[fejl" alt=""></p>""", CheckRules.ImageWithoutAlt).Excerpt);
        Assert.Equal("/", Single("""<p><img alt=""></p>""", CheckRules.ImageWithoutAlt).Excerpt);
    }

    [Fact]
    public void ABrokenLinkSaysWhereItLeads()
    {
        var finding = Single("""<p>Se <a href="/pejlemaerker/handlekraft">Handlekraft</a>.</p>""", CheckRules.BrokenLink);

        Assert.Equal("Linket »Handlekraft« i begyndelsen af teksten fører til /pejlemaerker/handlekraft, som ikke findes eller ikke er udgivet.", finding.Message);
        Assert.Equal("Ret adressen til en udgivet side, eller fjern linket. Er siden på vej, så udgiv den først.", finding.Advice);
        Assert.Equal("/pejlemaerker/handlekraft", finding.Excerpt);
    }

    [Fact]
    public void ALinkWithoutTextIsCalledALink() =>
        Assert.Equal("Et link i begyndelsen af teksten fører til /pejlemaerker/handlekraft, som ikke findes eller ikke er udgivet.",
            Single("""<p><a href="/pejlemaerker/handlekraft"></a></p>""", CheckRules.BrokenLink).Message);

    [Fact]
    public void ALinkAroundImagesIsNamedByTheirAltTexts() =>
        Assert.Equal("Linket »Pejlemærket Mod logo« i begyndelsen af teksten fører til /pejlemaerker/handlekraft, som ikke findes eller ikke er udgivet.",
            Single("""<p><a href="/pejlemaerker/handlekraft"><img src="/a.png" alt="Pejlemærket Mod"><img src="/b.png" alt="logo"></a></p>""", CheckRules.BrokenLink).Message);

    [Fact]
    public void ALinkAroundAnImageWithoutAltIsCalledALink()
    {
        var findings = Check("""<p><a href="/pejlemaerker/handlekraft"><img src="/a.png"></a></p>""").Findings;

        Assert.Contains(findings, f => f.Message == "Et link i begyndelsen af teksten fører til /pejlemaerker/handlekraft, som ikke findes eller ikke er udgivet.");
    }

    [Theory]
    [InlineData("""<p><a>Mod</a></p>""")]
    [InlineData("""<p><a href="#">Til toppen</a></p>""")]
    [InlineData("""<p><a href="/soeg#resultater">Søg</a></p>""")]
    public void ALinkWithoutAddressOrAnchorOrToAPageWithoutKnownAnchorsIsNoFault(string html) =>
        Assert.Empty(Check(html).Findings);

    [Fact]
    public void ABrokenAnchorNamesTheAnchorAndThePage()
    {
        var finding = Single("""<h2 id="afsnit-ferie">Ferie</h2><p>Se <a href="/pejlemaerker/mod#afsnit-mod-findes-ikke">sådan gør vi</a>.</p>""", CheckRules.BrokenAnchor);

        Assert.Equal("Linket »sådan gør vi« under overskriften »Ferie« peger på afsnittet #afsnit-mod-findes-ikke på /pejlemaerker/mod, men der er intet afsnit med det navn dér.", finding.Message);
        Assert.Equal("Vælg et afsnit, der findes (adressen på en overskrift kan kopieres fra den udgivne side), eller link til hele siden.", finding.Advice);
        Assert.Equal(("afsnit-ferie", "/pejlemaerker/mod#afsnit-mod-findes-ikke"), (finding.Anchor, finding.Excerpt));
    }

    [Fact]
    public void VagueLinkTextIsQuotedWithItsAdvice()
    {
        var finding = Single("""<p>Om Mod: <a href="/pejlemaerker/mod">Læs mere.</a></p>""", CheckRules.VagueLinkText);

        Assert.Equal("Linkteksten »Læs mere.« i begyndelsen af teksten siger ikke, hvor linket fører hen.", finding.Message);
        Assert.Equal("Skriv, hvad læseren finder, f.eks. »Læs mere om ferieregler«. Skærmlæserbrugere hører ofte linkene uden teksten omkring dem.", finding.Advice);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData("klik her")]
    [InlineData("her")]
    [InlineData("læs mere")]
    [InlineData("mere")]
    [InlineData("se mere")]
    [InlineData("link")]
    [InlineData("klik")]
    [InlineData("læs her")]
    [InlineData("se her")]
    [InlineData("dette link")]
    [InlineData("linket")]
    [InlineData("mere info")]
    [InlineData("mere information")]
    [InlineData("click here")]
    [InlineData("here")]
    [InlineData("read more")]
    [InlineData("more")]
    [InlineData("see more")]
    [InlineData("learn more")]
    [InlineData("this link")]
    [InlineData("click")]
    [InlineData("more info")]
    [InlineData("more information")]
    [InlineData("link here")]
    public void EveryVagueLinkTextOnTheListIsFound(string text) =>
        Single($"""<p>Om Mod: <a href="/pejlemaerker/mod">{text}</a></p>""", CheckRules.VagueLinkText);

    [Theory]
    [InlineData("https://www.odense.dk/klage")]
    [InlineData("http://www.odense.dk/klage")]
    [InlineData("www.odense.dk")]
    public void AnAddressAsLinkTextIsQuotedWithItsAdvice(string text)
    {
        var finding = Single($"""<h2 id="afsnit-klage">Klage</h2><p><a href="https://www.odense.dk/klage">{text}</a></p>""", CheckRules.BareUrlLinkText);

        Assert.Equal($"Linkteksten under overskriften »Klage« er selve adressen »{text}«.", finding.Message);
        Assert.Equal("Skriv sidens eller tjenestens navn som linktekst, f.eks. [Digitaliseringsstyrelsens klageformular](https://…). En adresse bliver læst op tegn for tegn.", finding.Advice);
    }

    [Fact]
    public void AnEmptyHeadingIsPlacedAfterTheHeadingBefore()
    {
        var finding = Single("""<h2 id="afsnit-ferie">Ferie</h2><h2 id="afsnit-tom"></h2>""", CheckRules.EmptyHeading);

        Assert.Equal("Der er en tom overskrift efter overskriften »Ferie«.", finding.Message);
        Assert.Equal("Skriv en overskrift, der siger, hvad afsnittet handler om, eller fjern #-tegnene.", finding.Advice);
        Assert.Equal("afsnit-tom", finding.Anchor);
    }

    [Theory]
    [InlineData("h1")]
    [InlineData("h2")]
    [InlineData("h3")]
    [InlineData("h4")]
    [InlineData("h5")]
    [InlineData("h6")]
    public void AnEmptyHeadingOfEveryLevelIsFound(string tag) =>
        Assert.Contains(Check($"<{tag}></{tag}>").Findings, f => f.RuleId == CheckRules.EmptyHeading && f.Message == "Der er en tom overskrift i begyndelsen af teksten.");

    [Fact]
    public void AFaultAfterAnEmptyHeadingIsPlacedUnderTheLastHeadingWithText() =>
        Assert.Contains(Check("""<h2>Ferie</h2><h2></h2><p><img src="/a.png" alt=""></p>""").Findings,
            f => f.Message == "Billedet »a.png« under overskriften »Ferie« har ingen alternativ tekst.");

    [Fact]
    public void ASkippedLevelNamesBothLevelsAndTheMarks()
    {
        var finding = Single("""<h2 id="a">Ferie</h2><h4 id="b">Sommer</h4>""", CheckRules.SkippedHeadingLevel);

        Assert.Equal("Overskriften »Sommer« er på niveau 4, men overskriften før den er på niveau 2, så niveau 3 springes over.", finding.Message);
        Assert.Equal("Brug ### i stedet for ####, så niveauerne følger hinanden. Skærmlæserbrugere navigerer efter overskrifternes niveauer.", finding.Advice);
        Assert.Equal(("b", "Sommer"), (finding.Anchor, finding.Excerpt));
    }

    [Fact]
    public void ATableWithoutHeadersIsPlacedUnderItsHeading()
    {
        var finding = Single("""<h2 id="afsnit-satser">Satser</h2><table><thead><tr><th></th><th></th></tr></thead><tbody><tr><td>Kørsel</td><td>3,79 kr.</td></tr></tbody></table>""", CheckRules.TableWithoutHeaders);

        Assert.Equal("Tabellen under overskriften »Satser« har ingen kolonneoverskrifter.", finding.Message);
        Assert.Equal("Giv tabellen en overskriftsrække: skriv overskrifterne i første række og |---|---| i rækken under.", finding.Advice);
        Assert.Equal("afsnit-satser", finding.Anchor);
    }

    [Fact]
    public void ASentenceInCapitalsIsQuotedUnderItsHeading()
    {
        var finding = Single("""<h2 id="afsnit-moede">Møde</h2><p>Vi ses. HUSK AT TILMELDE DIG MØDET.</p>""", CheckRules.AllCapitals);

        Assert.Equal("Sætningen »HUSK AT TILMELDE DIG MØDET.« under overskriften »Møde« er skrevet med store bogstaver.", finding.Message);
        Assert.Equal("Skriv med almindelige store og små bogstaver, og fremhæv med fed (**…**). Tekst i versaler er svær at læse, og skærmlæsere kan læse den bogstav for bogstav.", finding.Advice);
        Assert.Equal(("afsnit-moede", "HUSK AT TILMELDE DIG MØDET."), (finding.Anchor, finding.Excerpt));
    }

    [Theory]
    [InlineData("VI ER PÅ DE NU OK.", true)] // Six two-letter words, twelve letters: the least that counts.
    [InlineData("ALLE SKAL HUSKE.", true)] // Three words.
    [InlineData("ALLE SKAL.", false)] // Two words.
    [InlineData("SAMARBEJDSRELATIONERNE.", false)] // Many letters, one word.
    [InlineData("VI ER PÅ DE NU.", false)] // Five words, ten letters.
    [InlineData("A B C D E F G H I J K L M.", false)] // Single letters are no words.
    public void CapitalsCountFromThreeWordsOfTwoLettersAndTwelveLetters(string sentence, bool found) =>
        Assert.Equal(found, Check($"<p>{sentence}</p>").Findings.Any(f => f.RuleId == CheckRules.AllCapitals));

    [Fact]
    public void ALongSentenceIsCutAtEightyCharactersWithAnEllipsis()
    {
        const string Eighty = "DETTE ER EN SÆTNING MED STORE BOGSTAVER SOM ER PRÆCIS FIRS TEGN LANG OG SLUT NU.";
        Assert.Equal(80, Eighty.Length);
        Assert.Equal(Eighty, Single($"<p>{Eighty}</p>", CheckRules.AllCapitals).Excerpt);

        var longer = Eighty[..^1] + " X.";
        Assert.Equal(Eighty[..79].TrimEnd() + "…", Single($"<p>{longer}</p>", CheckRules.AllCapitals).Excerpt);
    }

    [Theory]
    [InlineData("h1")]
    [InlineData("h2")]
    [InlineData("h3")]
    [InlineData("h4")]
    [InlineData("h5")]
    [InlineData("h6")]
    public void TextBelowAHeadingOfAnyLevelIsPlacedUnderIt(string tag) =>
        Assert.Contains(Check($"<{tag}>Møde</{tag}><p>HUSK AT TILMELDE DIG.</p>").Findings,
            f => f.Message == "Sætningen »HUSK AT TILMELDE DIG.« under overskriften »Møde« er skrevet med store bogstaver.");

    [Fact]
    public void TextBeforeTheFirstHeadingIsAtTheBeginning() =>
        Assert.Equal("Sætningen »HUSK AT TILMELDE DIG.« i begyndelsen af teksten er skrevet med store bogstaver.",
            Single("HUSK AT TILMELDE DIG.<h2>Møde</h2>", CheckRules.AllCapitals).Message);

    [Fact]
    public void TextAroundABlockIsReadAsTwoBlocks() =>
        Assert.Equal(["HUSK AT TILMELDE DIG.", "VI SES PÅ MØDET."],
            Check("HUSK AT TILMELDE DIG.<p>mere</p>VI SES PÅ MØDET.").Findings.Select(f => f.Excerpt));

    [Theory]
    [InlineData("<p>HUSK AT TILMELDE DIG</p>og kom i god tid")]
    [InlineData("<div>HUSK AT TILMELDE DIG</div>og kom i god tid")]
    [InlineData("<blockquote>HUSK AT TILMELDE DIG</blockquote>og kom i god tid")]
    [InlineData("<ul>HUSK AT TILMELDE DIG</ul>og kom i god tid")]
    [InlineData("<ol>HUSK AT TILMELDE DIG</ol>og kom i god tid")]
    [InlineData("<ul><li>HUSK AT TILMELDE DIG</li>og kom i god tid</ul>")]
    [InlineData("<table>HUSK AT TILMELDE DIG</table>og kom i god tid")]
    [InlineData("<table><caption>og kom i god tid</caption><thead><tr><th>HUSK AT TILMELDE DIG</th></tr></thead></table>")]
    [InlineData("<table><caption>og kom i god tid</caption><tbody><tr><td>HUSK AT TILMELDE DIG</td></tr></tbody></table>")]
    [InlineData("<table><tbody><tr><td>og kom i god tid</td></tr><tr><td>HUSK AT TILMELDE DIG</td></tr></tbody></table>")]
    [InlineData("<table><tbody><tr><td>og kom i god tid</td><td>HUSK AT TILMELDE DIG</td></tr></tbody></table>")]
    [InlineData("<table><thead><tr><th>og kom i god tid</th><th>HUSK AT TILMELDE DIG</th></tr></thead></table>")]
    [InlineData("<h1>HUSK AT TILMELDE DIG</h1>og kom i god tid")]
    [InlineData("<h2>HUSK AT TILMELDE DIG</h2>og kom i god tid")]
    [InlineData("<h3>HUSK AT TILMELDE DIG</h3>og kom i god tid")]
    [InlineData("<h4>HUSK AT TILMELDE DIG</h4>og kom i god tid")]
    [InlineData("<h5>HUSK AT TILMELDE DIG</h5>og kom i god tid")]
    [InlineData("<h6>HUSK AT TILMELDE DIG</h6>og kom i god tid")]
    public void EachBlockIsReadApartFromTheTextNextToIt(string html) =>
        Assert.Contains(Check(html).Findings, f => f.RuleId == CheckRules.AllCapitals && f.Excerpt == "HUSK AT TILMELDE DIG");

    [Theory]
    [InlineData("<pre>HUSK AT TILMELDE DIG NU</pre>")]
    [InlineData("<pre><code>HUSK AT TILMELDE DIG NU</code></pre>")]
    [InlineData("<p><code>HUSK AT TILMELDE DIG NU</code></p>")]
    public void CodeIsNotProse(string html) =>
        Assert.Empty(Check(html).Findings);
}
