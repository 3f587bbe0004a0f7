using Medarbejdergrundlag.Content.Slugs;

namespace Medarbejdergrundlag.Content.Tests.Slugs;

public sealed class SlugifierTests
{
    [Theory]
    [InlineData("Fællesskab", "faellesskab")]
    [InlineData("Lyst til udvikling", "lyst-til-udvikling")]
    [InlineData("Phønix forløb", "phoenix-forloeb")]
    [InlineData("Sæt viden og kompetencer i spil", "saet-viden-og-kompetencer-i-spil")]
    [InlineData("To ben: ”Social kapital” og ”Samskabelse”", "to-ben-social-kapital-og-samskabelse")]
    [InlineData("Åbenhed", "aabenhed")]
    public void DanishTitlesAreTransliterated(string text, string expected)
    {
        Assert.Equal(expected, Slugifier.Slugify(text));
    }

    [Theory]
    [InlineData("ÆØÅ", "aeoeaa")]
    [InlineData("æøå", "aeoeaa")]
    public void UpperAndLowerCaseDanishLettersAreTransliterated(string text, string expected)
    {
        Assert.Equal(expected, Slugifier.Slugify(text));
    }

    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("Über alles", "uber-alles")]
    [InlineData("Crème brûlée", "creme-brulee")]
    public void OtherDiacriticsAreStripped(string text, string expected)
    {
        Assert.Equal(expected, Slugifier.Slugify(text));
    }

    [Theory]
    [InlineData("  --Hej   !! verden--  ", "hej-verden")]
    [InlineData("A/B & C", "a-b-c")]
    [InlineData("Mål 2030", "maal-2030")]
    public void SeparatorRunsCollapseAndDashesAreTrimmed(string text, string expected)
    {
        Assert.Equal(expected, Slugifier.Slugify(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!?”–…")]
    public void NothingSluggableGivesAnEmptySlug(string text)
    {
        Assert.Equal(string.Empty, Slugifier.Slugify(text));
    }

    [Fact]
    public void LongTextIsCutAtAWordBoundaryWithinTheMaxLength()
    {
        // 16 words of 9 chars + dash: the 80-char cut would land mid-word.
        var text = string.Join(' ', Enumerable.Repeat("abcdefghi", 16)) + "xyz";

        var slug = Slugifier.Slugify(text);

        Assert.True(slug.Length <= Slugifier.MaxLength, $"Length was {slug.Length}");
        Assert.Equal(string.Join('-', Enumerable.Repeat("abcdefghi", 8)), slug);
    }

    [Fact]
    public void ASingleWordLongerThanTheMaxLengthIsCutHard()
    {
        var slug = Slugifier.Slugify(new string('a', 200));

        Assert.Equal(new string('a', Slugifier.MaxLength), slug);
    }

    [Fact]
    public void AWordThatDoesNotFitWithinTheMaxLengthIsDropped()
    {
        // 79 chars, a separator, then a word that would cross the 80-char limit.
        var text = new string('a', 79) + " b c";

        var slug = Slugifier.Slugify(text);

        Assert.Equal(new string('a', 79), slug);
    }
}
