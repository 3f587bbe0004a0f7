using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>What of an item is checked (lead, body, a bearing's points and questions, in page order), and the readability warning's text.</summary>
public sealed class ItemTextTests
{
    [Fact]
    public void AnItemsTextIsItsLeadBodyPointsAndQuestionsInPageOrder()
    {
        var item = CheckSite.Item(2, ContentKind.Bearing, "mod", "mod", "Brødtekst.", lead: "Indledning.", points: ["- Et punkt"], questions: ["- Et spørgsmål?"]);

        Assert.Equal($"<p>{item.LeadHtml}</p>{item.BodyHtml}<ul>{item.PointsHtml}</ul><ul>{item.DialogQuestionsHtml}</ul>", ContentChecker.ComposeHtml(item));
        Assert.Contains("Et spørgsmål?", ContentChecker.ComposeHtml(item), StringComparison.Ordinal);
    }

    [Fact]
    public void AnItemWithOnlyABodyIsItsBody()
    {
        var item = CheckSite.Item(2, ContentKind.Bearing, "mod", "mod", "Brødtekst.");

        Assert.Equal(item.BodyHtml, ContentChecker.ComposeHtml(item));
    }

    [Fact]
    public void AFaultInAPointOrAQuestionIsFound()
    {
        var item = CheckSite.Item(99, ContentKind.Bearing, "proeve", "proeve", "Tekst.", points: ["- Se [Handlekraft](/pejlemaerker/handlekraft)"], questions: ["- ![](/billeder/abc/x.png)"]);
        var result = ContentChecker.Check(item, SiteLinkMap.Build(CheckSite.Site(), CheckSite.EnglishSite(), item), new ContentCheckOptions());

        Assert.Equal([CheckRules.ImageWithoutAlt, CheckRules.BrokenLink], result.Findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
    }

    private const string Hard =
        "Medarbejdergrundlaget beskriver organisationens forventninger til samarbejdsrelationerne mellem ledere og medarbejdere. " +
        "Ansvarsfordelingen i forbindelse med kompetenceudvikling og arbejdsmiljøindsatser gennemføres i henhold til retningslinjerne. " +
        "Implementeringen forudsætter systematisk opfølgning, dokumentation af resultaterne og løbende evaluering af arbejdsgangene.";

    [Fact]
    public void AHardTextIsToldItsScoreItsLongWordsAndItsLongestSentences()
    {
        var result = CheckSite.CheckDraft(Hard, new ContentCheckOptions { MinimumWordsForLix = 10 });

        var finding = Assert.Single(result.Findings);
        Assert.Equal(CheckRules.Readability, finding.RuleId);
        Assert.Equal("Teksten har LIX 76 (meget svær): 65 % af ordene er lange (over seks bogstaver), og sætningerne har i gennemsnit 11,3 ord.", finding.Message);
        Assert.Equal(
            "Del de lange sætninger op, og vælg kortere ord, hvor det kan lade sig gøre. De længste sætninger: "
            + "»Ansvarsfordelingen i forbindelse med kompetenceudvikling og arbejdsmiljøindsatser gennemføres i henhold til retningslin…« "
            + "»Implementeringen forudsætter systematisk opfølgning, dokumentation af resultaterne og løbende evaluering af arbejdsgang…« "
            + "»Medarbejdergrundlaget beskriver organisationens forventninger til samarbejdsrelationerne mellem ledere og medarbejdere.«",
            finding.Advice);
        Assert.Equal("Ansvarsfordelingen i forbindelse med kompetenceudvikling og arbejdsmiljøindsats…", finding.Excerpt);
    }

    [Fact]
    public void AScoreAtTheThresholdIsNoWarning()
    {
        var score = CheckSite.CheckDraft(Hard).Readability;

        Assert.Empty(CheckSite.CheckDraft(Hard, new ContentCheckOptions { MinimumWordsForLix = 10, LixThreshold = score.Lix }).Findings);
        Assert.Single(CheckSite.CheckDraft(Hard, new ContentCheckOptions { MinimumWordsForLix = 10, LixThreshold = score.Lix - 0.01 }).Findings);
    }
}
