using Medarbejdergrundlag.Content.Search;

namespace Medarbejdergrundlag.Content.Tests.Search;

public sealed class DanishTextTests
{
    [Theory]
    [InlineData("Fællesskab", "faellesskab")]
    [InlineData("FÆLLESSKAB", "faellesskab")]
    [InlineData("faellesskab", "faellesskab")]
    [InlineData("Phønix", "phoenix")]
    [InlineData("PHOENIX", "phoenix")]
    [InlineData("Århus", "aarhus")]
    [InlineData("Aarhus", "aarhus")]
    [InlineData("idé", "ide")]
    [InlineData("Mod", "mod")]
    public void FoldingSpellsDanishLettersOutAndIgnoresCaseAndAccents(string word, string folded) =>
        Assert.Equal(folded, DanishText.Fold(word));

    [Theory]
    [InlineData("fællesskab", "fællesskaber", "fællesskabet", "fællesskaberne", "fællesskabets")]
    [InlineData("samskabelse", "samskabelsen", "Samskabelse", "samskabelser")]
    [InlineData("leder", "ledere", "lederne", "lederen", "lederens")]
    [InlineData("mod", "modet", "Mod", "MODET")]
    [InlineData("mulighed", "muligheder", "muligheden", "mulig")]
    [InlineData("kollega", "kollegaer", "kollegaerne")]
    public void CommonDanishEndingsMeetAtOneTerm(params string[] forms)
    {
        var terms = forms.Select(DanishText.Term).Distinct().ToList();

        Assert.Single(terms);
    }

    [Theory]
    [InlineData("hus", "hus")]
    [InlineData("huset", "hus")]
    [InlineData("mod", "mod")]
    [InlineData("os", "os")]
    public void StemmingNeverCutsAWordBelowThreeLetters(string word, string term) =>
        Assert.Equal(term, DanishText.Term(word));

    [Fact]
    public void TokensKeepTheirPlaceInTheOriginalText()
    {
        const string text = "Mod, handlekraft – og FÆLLESSKAB!";

        var tokens = DanishText.Tokenize(text);

        Assert.Equal(["Mod", "handlekraft", "og", "FÆLLESSKAB"], tokens.Select(t => text.Substring(t.Start, t.Length)));
        Assert.Equal("faellesskab", tokens[^1].Term);
    }

    [Fact]
    public void StopWordsAreDroppedFromAQueryUnlessNothingElseIsLeft()
    {
        Assert.Equal(["mod", "udvikling"], DanishText.QueryTerms("mod og udvikling"));
        Assert.Equal(["og"], DanishText.QueryTerms("og"));
    }
}
