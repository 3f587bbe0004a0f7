using Medarbejdergrundlag.Content.Search;

namespace Medarbejdergrundlag.Content.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void NothingToSearchForIsEmpty(string? raw) =>
        Assert.Equal(SearchQueryStatus.Empty, SearchQuery.Parse(raw).Status);

    [Theory]
    [InlineData("?!")]
    [InlineData("... --- !!!")]
    [InlineData("«»“”–—…")]
    [InlineData("<>&\"'")]
    public void PunctuationAloneHasNoWords(string raw) =>
        Assert.Equal(SearchQueryStatus.NoWords, SearchQuery.Parse(raw).Status);

    [Fact]
    public void AQueryOverTwoHundredCharactersIsTooLongAndExactlyTwoHundredIsNot()
    {
        Assert.Equal(SearchQueryStatus.TooLong, SearchQuery.Parse(new string('a', SearchQuery.MaxLength + 1)).Status);
        Assert.Equal(SearchQueryStatus.Ok, SearchQuery.Parse(new string('a', SearchQuery.MaxLength)).Status);
    }

    [Fact]
    public void SurroundingWhiteSpaceDoesNotCountTowardsTheLength()
    {
        var query = SearchQuery.Parse("  " + new string('a', SearchQuery.MaxLength) + "  ");

        Assert.Equal(SearchQueryStatus.Ok, query.Status);
    }

    [Fact]
    public void ABadQueryFindsNothingAndDoesNotThrow()
    {
        var index = SearchIndex.Build([new SearchDocument("Mod", "/pejlemaerker/mod", "Pejlemærke", "Mod til at slippe kreativitet løs")]);

        foreach (var raw in new[] { null, "", "  ", "?!", new string('x', 500) })
        {
            var results = index.Search(raw);
            Assert.Equal(0, results.Total);
            Assert.Empty(results.Hits);
        }
    }
}
