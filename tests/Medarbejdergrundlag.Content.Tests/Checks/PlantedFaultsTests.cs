using System.Globalization;
using Medarbejdergrundlag.Content.Checks;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>
/// A corpus of planted faults: for every rule, texts that must trigger it and close calls that
/// must not. Each text names every rule it should trigger; any other finding is a false positive.
/// Precision and recall per rule are printed and must both be 1.0.
/// </summary>
public sealed class PlantedFaultsTests(ITestOutputHelper output)
{
    private const string LongDanish =
        "Medarbejdergrundlaget beskriver organisationens forventninger til samarbejdsrelationerne mellem ledere og medarbejdere, " +
        "herunder ansvarsfordelingen i forbindelse med kompetenceudvikling, arbejdsmiljøindsatser og organisatoriske forandringsprocesser, " +
        "som gennemføres i henhold til de gældende personalepolitiske retningslinjer. Implementeringen forudsætter systematisk " +
        "opfølgning, dokumentation af resultaterne og løbende evaluering af de administrative arbejdsgange i forvaltningerne.";

    private static readonly (string Markdown, string[] Rules)[] Corpus =
    [
        // An image without alt text that is not marked decorative (blocking).
        ("![](/billeder/abc/moede.jpg)", [CheckRules.ImageWithoutAlt]),
        ("Vi mødes i kantinen. ![](billede.png) Alle er velkomne.", [CheckRules.ImageWithoutAlt]),
        ("[![](/billeder/abc/logo.png)](/pejlemaerker/mod)", [CheckRules.ImageWithoutAlt]),
        ("## Billeder\n\n![ ](/billeder/abc/gruppe.jpg)", [CheckRules.ImageWithoutAlt]),
        ("![Kolleger i samtale ved et bord](/billeder/abc/moede.jpg)", []),
        ("![dekorativ](/billeder/abc/pynt.png)", []),
        ("![Decorative](/billeder/abc/streg.png)", []),
        ("[![Pejlemærket Mod](/billeder/abc/mod.png)](/pejlemaerker/mod)", []),

        // An internal link to a page that does not exist or is not published (blocking).
        ("Se [Handlekraft](/pejlemaerker/handlekraft).", [CheckRules.BrokenLink]),
        ("Tilmeld dig [forløbet om trivsel](/phoenix/forloeb/trivsel).", [CheckRules.BrokenLink]),
        ("Læs [personalepolitikken](/personalepolitik).", [CheckRules.BrokenLink]),
        ("Read [Courage in English](/en/pejlemaerker/ukendt).", [CheckRules.BrokenLink]),
        ("Se [Mod](/pejlemaerker/mod).", []),
        ("Se [Mod under det gamle navn](/pejlemaerker/modig).", []),
        ("[Søg efter ferie](/soeg?q=ferie) eller besøg [Odense Kommune](https://www.odense.dk/).", []),
        ("[Skriv til HR](mailto:hr@example.org) eller læs [Mod på engelsk](/en/pejlemaerker/mod).", []),

        // A link to an anchor that is not on the target page (blocking).
        ("Se [sådan gør vi](/pejlemaerker/mod#afsnit-mod-findes-ikke).", [CheckRules.BrokenAnchor]),
        ("## Ferie\n\nSe [afsnittet om sommerferie](#afsnit-proeve-sommerferie).", [CheckRules.BrokenAnchor]),
        ("Se [indledningen](/medarbejdergrundlag#gammelt-anker).", [CheckRules.BrokenAnchor]),
        ("Se [det gamle afsnit](/pejlemaerker/modig#afsnit-modig-saadan-viser-vi-mod).", [CheckRules.BrokenAnchor]),
        ("Se [sådan viser vi mod](/pejlemaerker/mod#afsnit-mod-saadan-viser-vi-mod).", []),
        ("## Ferie\n\nSe [afsnittet om ferie](#afsnit-proeve-ferie).", []),
        ("Se [Kære medarbejder](/medarbejdergrundlag#kaere-medarbejder) og [om grundlaget](/medarbejdergrundlag#afsnit-kaere-medarbejder-om-grundlaget).", []),
        ("Se [sådan viser vi mod](/pejlemaerker/modig#afsnit-mod-saadan-viser-vi-mod) og [How we show courage](/en/pejlemaerker/mod#afsnit-mod-how-we-show-courage).", []),

        // Vague link text (warning).
        ("Vil du vide mere om mod? [Klik her](/pejlemaerker/mod).", [CheckRules.VagueLinkText]),
        ("Om ferie: [læs mere](/soeg?q=ferie).", [CheckRules.VagueLinkText]),
        ("Vores pejlemærke Mod: [Her](/pejlemaerker/mod)", [CheckRules.VagueLinkText]),
        ("Courage: [Read more.](/en/pejlemaerker/mod)", [CheckRules.VagueLinkText]),
        ("[Læs mere om ferieregler](/soeg?q=ferie)", []),
        ("[Klik her for at se pejlemærket Mod](/pejlemaerker/mod)", []),
        ("[Mere om Mod](/pejlemaerker/mod) og [read more about courage](/en/pejlemaerker/mod).", []),

        // Skipped heading levels (warning); the text sits under the page's h1.
        ("### Afsnit\n\nTekst.", [CheckRules.SkippedHeadingLevel]),
        ("## Første\n\nTekst.\n\n#### Tredje\n\nTekst.", [CheckRules.SkippedHeadingLevel]),
        ("## A\n\n### B\n\n##### D", [CheckRules.SkippedHeadingLevel]),
        ("## Første\n\n### Anden\n\nTekst.", []),
        ("## A\n\n### B\n\n## C\n\nTekst.", []),
        ("## A\n\n### B\n\n#### C\n\n## D", []),

        // Empty headings (warning).
        ("##\n\nTekst.", [CheckRules.EmptyHeading]),
        ("## Ferie\n\n### ###\n\nTekst.", [CheckRules.EmptyHeading]),
        ("Tekst.\n\n## \n\nMere tekst.", [CheckRules.EmptyHeading]),
        ("## Ferie\n\nTekst.", []),
        ("## 2026\n\nTekst.", []),
        ("## ?\n\nTekst.", []),

        // Tables without header cells (warning). Markdig's pipe tables always have a header row, so an empty one is the fault.
        ("| | |\n|---|---|\n| Mandag | 9-15 |", [CheckRules.TableWithoutHeaders]),
        ("|   |   |   |\n|---|:-:|--:|\n| a | b | c |", [CheckRules.TableWithoutHeaders]),
        ("## Åbningstider\n\n| |\n|---|\n| Mandag |", [CheckRules.TableWithoutHeaders]),
        ("| Dag | Tid |\n|---|---|\n| Mandag | 9-15 |", []),
        ("| | Tid |\n|---|---|\n| Mandag | 9-15 |", []),
        ("| Hold |\n|:-:|\n| 1 |", []),

        // Whole sentences in capitals (warning).
        ("HUSK AT BEKRÆFTE MEDARBEJDERGRUNDLAGET INDEN FREDAG.", [CheckRules.AllCapitals]),
        ("Tak for i dag. DETTE ER MEGET VIGTIGT FOR ALLE.", [CheckRules.AllCapitals]),
        ("- ALLE SKAL DELTAGE I MØDET\n- Kaffe er der", [CheckRules.AllCapitals]),
        ("HR og MED-udvalget holder møde.", []),
        ("Kontakt OK24-sekretariatet om SKAT og ATP.", []),
        ("VIGTIGT: Husk at bekræfte.", []),

        // Bare URLs as link text (warning).
        ("Se <https://www.odense.dk/job>.", [CheckRules.BareUrlLinkText]),
        ("Klag via [https://was.digst.dk/](https://was.digst.dk/).", [CheckRules.BareUrlLinkText]),
        ("Se [www.odense.dk](https://www.odense.dk).", [CheckRules.BareUrlLinkText]),
        ("Klag via [was.digst.dk](https://was.digst.dk/).", []),
        ("Se [Odense Kommunes jobportal](https://www.odense.dk/job).", []),
        ("Skriv til hr@example.org eller [send en mail til HR](mailto:hr@example.org).", []),

        // Readability: LIX above 45 in a text long enough to score (warning).
        (LongDanish, [CheckRules.Readability]),
        (LongDanish.Replace("Implementeringen", "Gennemførelsen", StringComparison.Ordinal), [CheckRules.Readability]),
        ("The employee charter describes the organisation's expectations regarding collaborative relationships between " +
            "management and employees, including responsibilities concerning professional development, occupational " +
            "environment initiatives and organisational transformation processes, implemented according to applicable " +
            "personnel policy guidelines and administrative procedures. Implementation necessitates systematic documentation.", [CheckRules.Readability]),
        ("Vi mødes kl. 9.30 den 1. maj i lokale nr. 3. Du kan f.eks. tage en kollega med. Vi taler bl.a. om trivsel, dvs. hvordan vi har det. " +
            "Der kommer ca. 1.000 kolleger, jf. sidste år. Husk evt. madpakke. Vi slutter kl. 12. Tak for i dag. Vi ses igen den 2. juni.", []),
        ("Medarbejdergrundlaget beskriver organisationens forventninger til samarbejdsrelationerne.", []),
        ("Vi vil gerne have, at du siger din mening. Det er godt for os alle. Når vi taler sammen, bliver vi klogere. " +
            "Så spørg, hvis du er i tvivl. Sig til, hvis noget ikke virker. Vi hjælper hinanden, og vi lærer af det, vi gør. " +
            "Det er det, vi kalder mod.", []),
    ];

    [Fact]
    public void EveryRuleFindsItsPlantedFaultsAndNothingInTheCloseCalls()
    {
        var rules = typeof(CheckRules).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        var found = Corpus.Select(c => (c.Markdown, Expected: c.Rules.ToHashSet(), Found: CheckSite.CheckDraft(c.Markdown).Findings.Select(f => f.RuleId).ToHashSet())).ToList();

        var failures = new List<string>();
        foreach (var rule in rules)
        {
            var positives = found.Count(c => c.Expected.Contains(rule));
            var negatives = found.Count(c => !c.Expected.Contains(rule) && c.Markdown.Length > 0);
            var truePositives = found.Count(c => c.Expected.Contains(rule) && c.Found.Contains(rule));
            var falsePositives = found.Where(c => !c.Expected.Contains(rule) && c.Found.Contains(rule)).ToList();
            var falseNegatives = found.Where(c => c.Expected.Contains(rule) && !c.Found.Contains(rule)).ToList();
            var precision = truePositives + falsePositives.Count == 0 ? 1.0 : (double)truePositives / (truePositives + falsePositives.Count);
            var recall = positives == 0 ? 1.0 : (double)truePositives / positives;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rule,-32} faults {positives,2}  precision {precision:0.00}  recall {recall:0.00}"));
            failures.AddRange(falsePositives.Select(c => $"{rule} fired on: {c.Markdown}"));
            failures.AddRange(falseNegatives.Select(c => $"{rule} missed: {c.Markdown}"));
            Assert.True(positives >= 3, $"{rule} has {positives} planted faults; at least 3 are wanted");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryRuleHasAtLeastThreeCloseCalls()
    {
        // A close call is a text near a rule's faults with no finding at all; grouped by the comment above them in Corpus.
        Assert.True(Corpus.Count(c => c.Rules.Length == 0) >= 3 * typeof(CheckRules).GetFields().Count(f => f.IsLiteral));
    }

    [Fact]
    public void FindingsSayWhatWhereAndHowInDanishAndLinkToTheHeading()
    {
        var result = CheckSite.CheckDraft("## Ferie\n\n![](/billeder/abc/strand.jpg)\n\nSe [her](#afsnit-proeve-jul).");

        var image = Assert.Single(result.Findings, f => f.RuleId == CheckRules.ImageWithoutAlt);
        Assert.Equal(FindingSeverity.Blocking, image.Severity);
        Assert.Equal("Billedet »strand.jpg« under overskriften »Ferie« har ingen alternativ tekst.", image.Message);
        Assert.Contains("![dekorativ]", image.Advice, StringComparison.Ordinal);
        Assert.Equal("afsnit-proeve-ferie", image.Anchor);
        var anchor = Assert.Single(result.Findings, f => f.RuleId == CheckRules.BrokenAnchor);
        Assert.Equal("Linket »her« under overskriften »Ferie« peger på afsnittet #afsnit-proeve-jul på denne side, men der er intet afsnit med det navn dér.", anchor.Message);
        Assert.Equal(FindingSeverity.Warning, Assert.Single(result.Findings, f => f.RuleId == CheckRules.VagueLinkText).Severity);
        Assert.Equal(2, result.BlockingCount);
        Assert.Equal(FindingSeverity.Blocking, result.Findings[0].Severity);
    }

    [Fact]
    public void TheLixWarningGivesTheBandTheShareOfLongWordsAndTheLongestSentences()
    {
        var result = CheckSite.CheckDraft(LongDanish);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(CheckRules.Readability, finding.RuleId);
        Assert.True(result.Readability.Lix > 55, result.Readability.LixText);
        Assert.Equal("meget svær", result.Readability.Band);
        Assert.Contains("(meget svær)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("% af ordene er lange", finding.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Readability.LongestSentences.Count);
        Assert.StartsWith("Medarbejdergrundlaget beskriver", result.Readability.LongestSentences[0], StringComparison.Ordinal);
        Assert.Contains("»Implementeringen forudsætter", finding.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnglishTranslationsOwnAnchorsAreItsEnglishHeadings()
    {
        var draft = CheckSite.Item(2, Model.ContentKind.Bearing, "mod", "mod",
            "## Speaking up\n\nSee [speaking up](#afsnit-mod-speaking-up) and [the Danish heading](#afsnit-mod-saadan-viser-vi-mod).")
            with { Language = PortalCulture.EnglishCode };
        var map = SiteLinkMap.Build(CheckSite.Site(), CheckSite.EnglishSite(), draft);

        var result = ContentChecker.Check(draft, map, new ContentCheckOptions());

        var finding = Assert.Single(result.Findings);
        Assert.Equal(CheckRules.BrokenAnchor, finding.RuleId);
        Assert.Equal("/en/pejlemaerker/mod#afsnit-mod-saadan-viser-vi-mod", finding.Excerpt);
    }

    [Fact]
    public void TheLixThresholdIsConfigurable()
    {
        var text = "Vi vil gerne have, at du siger din mening. Det er godt for os alle. Når vi taler sammen, bliver vi klogere. " +
            "Så spørg, hvis du er i tvivl. Sig til, hvis noget ikke virker. Vi hjælper hinanden, og vi lærer af det, vi gør. Det er det, vi kalder mod.";

        Assert.Empty(CheckSite.CheckDraft(text).Findings);
        Assert.Equal(CheckRules.Readability, Assert.Single(CheckSite.CheckDraft(text, new ContentCheckOptions { LixThreshold = 10 }).Findings).RuleId);
    }
}
