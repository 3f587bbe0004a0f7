using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;
using LuceneDanishAnalyzer = Lucene.Net.Analysis.Da.DanishAnalyzer;

namespace Medarbejdergrundlag.Content.Search;

/// <summary>
/// How Danish text becomes search terms, built from Lucene's own parts: the standard tokenizer,
/// lower case, Danish stop words, the Snowball Danish stemmer ("fællesskaberne" → "fællesskab"),
/// then <see cref="ScandinavianNormalizationFilter"/> (ae/ä→æ, oe/ö→ø, aa→å, so people may type
/// either) and ASCII folding for the rest ("idé" → "ide"). Text and query take the same steps.
/// </summary>
/// <remarks>
/// The spelling is normalised after stemming, not before: before, the "a" + "er" of "kollegaer"
/// or "temaer" would become an "æ", and the plural would no longer meet its singular.
/// A language of its own (issue 17: English pages) is another analyzer like this one, on fields of
/// its own in <see cref="SearchIndex"/>.
/// </remarks>
public sealed class DanishSearchAnalyzer : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Lucene's Danish stop words, less "mod": as a preposition it is common, but it is also the
    /// name of a bearing, and a search for "mod" must find it.
    /// </summary>
    private static readonly CharArraySet StopWords = StopWordsWithout("mod");

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new LowerCaseFilter(Version, source);
        result = new StopFilter(Version, result, StopWords);
        result = new SnowballFilter(result, new DanishStemmer());
        result = new ScandinavianNormalizationFilter(result);
        result = new ASCIIFoldingFilter(result);
        return new TokenStreamComponents(source, result);
    }

    private static CharArraySet StopWordsWithout(params string[] keep)
    {
        var set = new CharArraySet(Version, LuceneDanishAnalyzer.DefaultStopSet.Count, ignoreCase: false);
        foreach (var word in LuceneDanishAnalyzer.DefaultStopSet)
        {
            if (!keep.Contains(word, StringComparer.Ordinal))
            {
                set.Add(word);
            }
        }

        return set.AsReadOnly();
    }
}
