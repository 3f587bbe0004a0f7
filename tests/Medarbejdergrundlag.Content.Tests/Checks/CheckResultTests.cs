using Medarbejdergrundlag.Content.Checks;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>What a check result adds up to: which rules block, the counts, and the refusal the editor reads.</summary>
public sealed class CheckResultTests
{
    [Theory]
    [InlineData(CheckRules.ImageWithoutAlt, FindingSeverity.Blocking)]
    [InlineData(CheckRules.BrokenLink, FindingSeverity.Blocking)]
    [InlineData(CheckRules.BrokenAnchor, FindingSeverity.Blocking)]
    [InlineData(CheckRules.VagueLinkText, FindingSeverity.Warning)]
    [InlineData(CheckRules.SkippedHeadingLevel, FindingSeverity.Warning)]
    [InlineData(CheckRules.EmptyHeading, FindingSeverity.Warning)]
    [InlineData(CheckRules.TableWithoutHeaders, FindingSeverity.Warning)]
    [InlineData(CheckRules.AllCapitals, FindingSeverity.Warning)]
    [InlineData(CheckRules.BareUrlLinkText, FindingSeverity.Warning)]
    [InlineData(CheckRules.Readability, FindingSeverity.Warning)]
    public void OnlyMissingAltTextAndBrokenLinksBlock(string rule, FindingSeverity severity) =>
        Assert.Equal(severity, CheckRules.SeverityOf(rule));

    [Fact]
    public void OneBlockingFindingIsNamedAsOneMistake()
    {
        var result = Result(Blocking("Link til /a virker ikke."), Warning("Svær tekst."));

        Assert.Equal((1, 1, true), (result.BlockingCount, result.WarningCount, result.HasBlocking));
        Assert.Equal("Indholdstjekket fandt én fejl, der skal rettes før udgivelse: Link til /a virker ikke. Ret teksten, eller skriv en begrundelse for at udgive alligevel.",
            ContentChecksGate.Refusal(result));
    }

    [Fact]
    public void ThreeBlockingFindingsAreAllNamed()
    {
        var result = Result(Blocking("A."), Warning("W."), Blocking("B."), Blocking("C."));

        Assert.Equal("Indholdstjekket fandt 3 fejl, der skal rettes før udgivelse: A. B. C. Ret teksten, eller skriv en begrundelse for at udgive alligevel.",
            ContentChecksGate.Refusal(result));
    }

    [Fact]
    public void PastThreeTheRestAreCounted()
    {
        var result = Result(Blocking("A."), Blocking("B."), Blocking("C."), Blocking("D."), Blocking("E."));

        Assert.Equal("Indholdstjekket fandt 5 fejl, der skal rettes før udgivelse: A. B. C. Og 2 mere. Ret teksten, eller skriv en begrundelse for at udgive alligevel.",
            ContentChecksGate.Refusal(result));
    }

    [Fact]
    public void WarningsAloneDoNotBlock()
    {
        var result = Result(Warning("W."), Warning("V."));

        Assert.Equal((0, 2, false), (result.BlockingCount, result.WarningCount, result.HasBlocking));
        Assert.Empty(result.Blocking);
    }

    [Theory]
    [InlineData(0, "meget let")]
    [InlineData(24.9, "meget let")]
    [InlineData(25, "let")]
    [InlineData(34.9, "let")]
    [InlineData(35, "middel")]
    [InlineData(44.9, "middel")]
    [InlineData(45, "svær")]
    [InlineData(54.9, "svær")]
    [InlineData(55, "meget svær")]
    public void TheBandsStartAtTwentyFiveThirtyFiveFortyFiveAndFiftyFive(double lix, string band) =>
        Assert.Equal(band, new ReadabilityScore(lix, 10, 1, 2, []).Band);

    [Fact]
    public void TheShareOfLongWordsAndTheScoreAsShown()
    {
        Assert.Equal(0.25, new ReadabilityScore(31.04, 8, 2, 2, []).LongWordShare);
        Assert.Equal(0, ReadabilityScore.Empty.LongWordShare);
        Assert.Equal("31.0", new ReadabilityScore(31.04, 8, 2, 2, []).LixText);
        Assert.Equal("31.1", new ReadabilityScore(31.06, 8, 2, 2, []).LixText);
    }

    private static ContentCheckResult Result(params ContentFinding[] findings) => new(findings, ReadabilityScore.Empty);

    private static ContentFinding Blocking(string message) => new(CheckRules.BrokenLink, FindingSeverity.Blocking, message, "Ret linket.");

    private static ContentFinding Warning(string message) => new(CheckRules.Readability, FindingSeverity.Warning, message, "Skriv kortere.");
}
