using Medarbejdergrundlag.Content.Checks;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>LIX against hand counts on texts with abbreviations, ordinals and numbers.</summary>
public sealed class ReadabilityTests
{
    // Hand count. Sentences end at "3." (a capital follows), "svaret." and "velkomne.";
    // "kl.", "nr.", "bl.a.", "f.eks.", "ca." are abbreviations, "1. maj" an ordinal, "10.00" and "1.000" numbers.
    //   1: Mødet holdes kl. 10.00 den 1. maj i lokale nr. 3.            11 words, 0 long
    //   2: Vi drøfter bl.a. trivsel, f.eks. om ca. 1.000 kolleger har svaret.
    //                                                                    11 words, 3 long (drøfter, trivsel, kolleger)
    //   3: Alle er velkomne.                                              3 words, 1 long (velkomne)
    // LIX = 25/3 + 100 * 4/25 = 8.33 + 16.00 = 24.33. Splitting at every period (9 sentences) would give 18.8.
    private const string Meeting =
        "Mødet holdes kl. 10.00 den 1. maj i lokale nr. 3. Vi drøfter bl.a. trivsel, f.eks. om ca. 1.000 kolleger har svaret. Alle er velkomne.";

    // Hand count. "pga.", "evt.", "jf.", "dvs." never end a sentence; "m.fl." does here, before the capital of "Derfor".
    //   1: Medarbejdergrundlaget beskriver pga. organisationens udvikling de forventninger, som ledere og medarbejdere
    //      evt. har til hinanden, jf. personalepolitikken.             17 words, 8 long (Medarbejdergrundlaget, beskriver,
    //      organisationens, udvikling, forventninger, medarbejdere, hinanden, personalepolitikken)
    //   2: Det gælder dvs. samtlige arbejdspladser m.fl.                 6 words, 2 long (samtlige, arbejdspladser)
    //   3: Derfor drøftes det årligt.                                     4 words, 1 long (drøftes)
    // LIX = 27/3 + 100 * 11/27 = 9.00 + 40.74 = 49.74 ("svær").
    private const string Charter =
        "Medarbejdergrundlaget beskriver pga. organisationens udvikling de forventninger, som ledere og medarbejdere evt. har til hinanden, " +
        "jf. personalepolitikken. Det gælder dvs. samtlige arbejdspladser m.fl. Derfor drøftes det årligt.";

    // Hand count (English: LIX, as for Danish). "e.g.", "no.", "approx." are abbreviations.
    //   1: The course starts on June 1, e.g. in room no. 4 with approx. 20 colleagues.   15 words, 1 long (colleagues)
    //   2: Everyone is welcome.                                                            3 words, 2 long (everyone, welcome)
    // LIX = 18/2 + 100 * 3/18 = 9.00 + 16.67 = 25.67.
    private const string English =
        "The course starts on June 1, e.g. in room no. 4 with approx. 20 colleagues. Everyone is welcome.";

    [Theory]
    [InlineData(Meeting, 24.33, 25, 3, 4)]
    [InlineData(Charter, 49.74, 27, 3, 11)]
    [InlineData(English, 25.67, 18, 2, 3)]
    public void LixIsWithinOneOfTheHandCount(string text, double handCount, int words, int sentences, int longWords)
    {
        var score = Readability.Score([text]);

        Assert.InRange(score.Lix, handCount - 1, handCount + 1);
        Assert.Equal((words, sentences, longWords), (score.Words, score.Sentences, score.LongWords));
    }

    [Fact]
    public void ABlockEndsASentenceAndTheLongestSentencesComeLongestFirst()
    {
        var score = Readability.Score(["Et punkt uden punktum", "Kort. En lidt længere sætning her. Den allerlængste sætning af dem alle sammen."]);

        Assert.Equal(4, score.Sentences);
        Assert.Equal(
            ["Den allerlængste sætning af dem alle sammen.", "En lidt længere sætning her.", "Et punkt uden punktum"],
            score.LongestSentences);
    }

    [Theory]
    [InlineData(20, "meget let")]
    [InlineData(30, "let")]
    [InlineData(40, "middel")]
    [InlineData(45, "svær")]
    [InlineData(55, "meget svær")]
    public void TheBandsAreTheDanishOnes(double lix, string band) =>
        Assert.Equal(band, ReadabilityScore.BandOf(lix));
}
