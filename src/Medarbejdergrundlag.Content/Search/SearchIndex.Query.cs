using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.VectorHighlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Medarbejdergrundlag.Content.Search;

/// <summary>How a query's words become Lucene queries: terms, their forms, and the readers' synonyms.</summary>
public sealed partial class SearchIndex
{
    /// <summary>
    /// Words readers use that the texts do not: each finds what its counterpart finds, scored a
    /// little below the word itself. Both ways, through the Danish analyzer (so "kurser" works too).
    /// Taken from words readers use; the zero-result searches of the insight page (still to come) will add more.
    /// </summary>
    private static readonly (string Word, string[] Means)[] SynonymWords =
    [
        ("kursus", ["forløb"]),
        ("kurser", ["forløb"]),
        ("uddannelse", ["forløb"]),
        ("workshop", ["forløb"]),
        ("forløb", ["kursus"]),
        ("værdier", ["pejlemærker"]),
        ("pejlemærke", ["værdi"]),
        ("kerneværdier", ["pejlemærker"]),
        ("onboarding", ["introduktion", "ny medarbejder"]),
        ("nyansat", ["ny medarbejder"]),
        ("samarbejde", ["samskabelse"]),
    ];

    private static readonly Lazy<Dictionary<string, string[]>> Synonyms = new(() =>
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (word, means) in SynonymWords)
        {
            foreach (var term in Terms(word))
            {
                var others = means.SelectMany(m => Terms(m)).Where(t => t != term);
                map[term] = map.TryGetValue(term, out var known) ? [.. known.Union(others)] : [.. others.Distinct()];
            }
        }

        return map;
    });

    private const float SynonymBoost = 0.8f;

    /// <summary>The distinct terms of a query, through the same analyzer as the text.</summary>
    public static IReadOnlyList<string> Terms(string text) => Terms(text, DanishAnalyzer, BodyField);

    private static IReadOnlyList<string> Terms(string text, Analyzer analyzer, string field)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (!terms.Contains(value, StringComparer.Ordinal))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }

    private static DisjunctionMaxQuery Forms(string field, string term, float boost)
    {
        var forms = new DisjunctionMaxQuery(0.1f) { new TermQuery(new Term(field, term)) };
        if (term.Length >= MinimumPrefix)
        {
            // Scored like the typo forms (the default would score every longer word alike), so a
            // short title that begins with the word ranks above a long one.
            forms.Add(new PrefixQuery(new Term(field, term))
            {
                Boost = PrefixBoost,
                MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MaxExpansions),
            });
        }

        if (term.Length >= MinimumFuzzy && !term.Any(char.IsDigit))
        {
            var edits = term.Length >= MinimumTwoEdits ? 2 : 1;
            forms.Add(new FuzzyQuery(new Term(field, term), maxEdits: edits, prefixLength: 1, MaxExpansions, transpositions: true) { Boost = FuzzyBoost });
        }

        forms.Boost = boost;
        return forms;
    }

    private SearchHit ToHit(int docId, Highlighter danishTitles, Highlighter englishTitles, FieldQuery snippets)
    {
        var document = _documents[_ordinals.Get(docId)];
        var (titleField, bodyField) = Fields(document);
        var titles = titleField == TitleField ? danishTitles : englishTitles;

        using var titleTokens = Analyzer.GetTokenStream(titleField, document.Title);
        var title = titles.GetBestTextFragments(titleTokens, document.Title, false, 1).FirstOrDefault(f => f is not null && f.Score > 0);
        var titleHtml = title is null ? Encoder.EncodeText(document.Title) : title.ToString();

        // A hit on the title alone has nothing to mark in the body: its snippet is how the body begins.
        var snippet = document.Text.Length == 0 ? "" : Snippets.GetBestFragment(
            snippets, _searcher.IndexReader, docId, bodyField, SnippetLength, SnippetFragments, new TextOf(document.Text), ["<mark>"], ["</mark>"], Encoder);
        return new SearchHit(document.Title, document.Url, document.Section, titleHtml, snippet is null ? Beginning(document.Text) : WithEllipses(snippet.Trim(), document.Text))
        {
            Language = document.Language,
        };
    }
}
