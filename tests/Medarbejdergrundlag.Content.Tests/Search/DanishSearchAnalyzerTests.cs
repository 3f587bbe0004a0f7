using Medarbejdergrundlag.Content.Search;

namespace Medarbejdergrundlag.Content.Tests.Search;

public sealed class DanishSearchAnalyzerTests
{
    [Theory]
    [InlineData("Fællesskab", "faellesskab", "FÆLLESSKAB", "FAELLESSKAB")]
    [InlineData("Phønix", "PHOENIX", "phoenix")]
    [InlineData("Århus", "Aarhus", "aarhus")]
    [InlineData("ældre", "aeldre", "Ældre")]
    [InlineData("idé", "ide", "IDÉ")]
    public void EverySpellingOfDanishLettersMeetsAtOneTerm(params string[] spellings)
    {
        var terms = spellings.Select(s => Assert.Single(SearchIndex.Terms(s))).Distinct().ToList();

        Assert.Single(terms);
    }

    [Theory]
    [InlineData("fællesskab", "fællesskaber", "fællesskabet", "fællesskaberne", "fællesskabets", "faellesskaberne")]
    [InlineData("samskabelse", "samskabelsen", "Samskabelse", "samskabelser")]
    [InlineData("ledelse", "ledelsen", "ledelsens")]
    [InlineData("mod", "modet", "Mod", "MODET")]
    [InlineData("kollega", "kollegaer", "kollegaerne")]
    [InlineData("tema", "temaer", "temaerne")]
    public void DanishEndingsMeetAtOneTerm(params string[] forms)
    {
        var terms = forms.Select(f => Assert.Single(SearchIndex.Terms(f))).Distinct().ToList();

        Assert.Single(terms);
    }

    [Fact]
    public void StopWordsAreDroppedButModIsAWord()
    {
        Assert.Equal(2, SearchIndex.Terms("mod og udvikling").Count);
        Assert.Empty(SearchIndex.Terms("og på det"));
        Assert.Single(SearchIndex.Terms("mod"));
    }
}
