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

/// <summary>
/// The site's documents in a Lucene index held in memory. Immutable once built (the writer is
/// closed, the reader is opened once), so every request can share it; a publish builds a new one.
/// Ranking: Lucene's tf-idf over the title (boosted) and the body; each query word matches as a
/// whole term, as the start of a longer term ("samskab" finds "samskabelse"), and with a typo or
/// two, each at a lower weight than the one before.
/// </summary>
public sealed class LuceneSearchIndex
{
    public const int DefaultLimit = 20;

    private const string TitleField = "title";
    private const string BodyField = "body";
    private const string OrdinalField = "ord";

    private const float TitleBoost = 4f;
    private const float PrefixBoost = 0.5f;
    private const float FuzzyBoost = 0.3f;
    private const float PhraseBoost = 2f;
    private const int PhraseSlop = 2;

    /// <summary>Query terms this long also find longer terms they begin.</summary>
    private const int MinimumPrefix = 3;

    /// <summary>Query terms this long also find terms one edit away; twice that, two edits.</summary>
    private const int MinimumFuzzy = 4;

    /// <summary>A part word or typo stands for at most this many indexed terms.</summary>
    private const int MaxExpansions = 50;

    private const int SnippetLength = 220;

    private static readonly Analyzer Analyzer = new DanishSearchAnalyzer();

    /// <summary>
    /// The body keeps each term's place and offsets (a term vector): snippets are made from those,
    /// instead of analyzing the text of every hit again.
    /// </summary>
    private static readonly FieldType BodyType = new(TextField.TYPE_NOT_STORED)
    {
        StoreTermVectors = true,
        StoreTermVectorPositions = true,
        StoreTermVectorOffsets = true,
    };
    private static readonly IEncoder Encoder = new MarkEncoder();
    private static readonly QueryBuilder PhraseBuilder = new(Analyzer);

    private readonly SearchDocument[] _documents;
    private readonly IndexSearcher _searcher;
    private readonly NumericDocValues _ordinals;

    private LuceneSearchIndex(SearchDocument[] documents, DirectoryReader reader)
    {
        _documents = documents;
        _searcher = new IndexSearcher(reader);
        _ordinals = MultiDocValues.GetNumericValues(reader, OrdinalField) ?? DocValues.EMPTY_NUMERIC;
    }

    public static LuceneSearchIndex Empty { get; } = Build([]);

    public int Count => _documents.Length;

    public static LuceneSearchIndex Build(IEnumerable<SearchDocument> documents)
    {
        var docs = documents.ToArray();
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(DanishSearchAnalyzer.Version, Analyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,

            // A compound file is for saving file handles on disk; in memory it is only a copy.
            UseCompoundFile = false,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            // The text stays in our own array (snippets read it there); the index keeps only the
            // terms and each document's place in that array.
            for (var i = 0; i < docs.Length; i++)
            {
                writer.AddDocument(new LuceneDocument
                {
                    new TextField(TitleField, docs[i].Title, Field.Store.NO),
                    new Field(BodyField, docs[i].Text, BodyType),
                    new NumericDocValuesField(OrdinalField, i),
                });
            }

            writer.Commit();
        }

        return new LuceneSearchIndex(docs, DirectoryReader.Open(directory));
    }

    public SearchResults Search(string? query, int limit = DefaultLimit) => Search(SearchQuery.Parse(query), limit);

    public SearchResults Search(SearchQuery query, int limit = DefaultLimit)
    {
        if (query.Status != SearchQueryStatus.Ok || _documents.Length == 0)
        {
            return new SearchResults(query, 0, []);
        }

        var terms = Terms(query.Text);
        if (terms.Count == 0)
        {
            return new SearchResults(query, 0, []);
        }

        var lucene = new BooleanQuery();
        foreach (var term in terms)
        {
            // Per word: the best of its forms in the title plus the best in the body. Across words
            // the clauses are optional, and Lucene's coordination factor ranks documents with more
            // of the words first.
            var word = new BooleanQuery(disableCoord: true)
            {
                { Forms(TitleField, term, TitleBoost), Occur.SHOULD },
                { Forms(BodyField, term, 1f), Occur.SHOULD },
            };
            lucene.Add(word, Occur.SHOULD);
        }

        // Two or more words that stand together in the text rank above the same words apart.
        if (terms.Count > 1 && PhraseBuilder.CreatePhraseQuery(BodyField, query.Text, PhraseSlop) is { } phrase)
        {
            phrase.Boost = PhraseBoost;
            lucene.Add(phrase, Occur.SHOULD);
        }

        // Rewritten once against the index, the part-word and typo forms become the terms they
        // found, which the highlighter then marks without searching again for every hit.
        var rewritten = _searcher.Rewrite(lucene);
        var top = _searcher.Search(rewritten, Math.Max(1, limit));
        var titles = Highlighter(rewritten, TitleField, new NullFragmenter());
        var snippets = Vectors.GetFieldQuery(rewritten, _searcher.IndexReader);
        var hits = top.ScoreDocs.Take(limit).Select(s => ToHit(s.Doc, titles, snippets)).ToList();
        return new SearchResults(query, top.TotalHits, hits);
    }

    /// <summary>The distinct terms of a query, through the same analyzer as the text.</summary>
    private static List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = Analyzer.GetTokenStream(BodyField, text);
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

    private static Query Forms(string field, string term, float boost)
    {
        var forms = new DisjunctionMaxQuery(0.1f) { new TermQuery(new Term(field, term)) };
        if (term.Length >= MinimumPrefix)
        {
            // Scored like the typo forms (the default scores every longer word alike), so that a
            // short title that begins with the word ranks above a long one.
            forms.Add(new PrefixQuery(new Term(field, term))
            {
                Boost = PrefixBoost,
                MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MaxExpansions),
            });
        }

        if (term.Length >= MinimumFuzzy && !term.Any(char.IsDigit))
        {
            forms.Add(new FuzzyQuery(new Term(field, term), maxEdits: 1, prefixLength: 1, MaxExpansions, transpositions: true) { Boost = FuzzyBoost });
        }

        forms.Boost = boost;
        return forms;
    }

    private SearchHit ToHit(int docId, Highlighter titles, FieldQuery snippets)
    {
        var document = _documents[_ordinals.Get(docId)];
        using var titleTokens = Analyzer.GetTokenStream(TitleField, document.Title);
        var title = Highlight(titles, titleTokens, document.Title, int.MaxValue);
        var snippet = Snippet(snippets, docId, document.Text);
        return new SearchHit(document.Title, document.Url, document.Section, title, snippet);
    }

    /// <summary>
    /// Marks the terms of the (rewritten) query in one field. Made once per query: the terms are
    /// extracted once, and each hit's text is only analyzed again.
    /// </summary>
    private static Highlighter Highlighter(Query query, string field, IFragmenter fragmenter) =>
        new(new SimpleHTMLFormatter("<mark>", "</mark>"), Encoder, new QueryTermScorer(query, field)) { TextFragmenter = fragmenter };

    /// <summary>
    /// The best window of about <paramref name="length"/> characters of <paramref name="text"/>,
    /// encoded, with the words the query found in &lt;mark&gt;; the start of the text if none.
    /// </summary>
    private static string Highlight(Highlighter highlighter, TokenStream? stream, string text, int length)
    {
        if (text.Length == 0 || stream is null)
        {
            return "";
        }

        var fragment = highlighter.GetBestTextFragments(stream, text, false, 1).FirstOrDefault(f => f is not null && f.Score > 0);
        if (fragment is null)
        {
            var end = text.Length <= length ? text.Length : text.LastIndexOf(' ', length);
            end = end > 0 ? end : Math.Min(length, text.Length);
            return Encoder.EncodeText(text[..end]) + (end < text.Length ? " …" : "");
        }

        // The fragment's own offsets are internal to Lucene; its plain text tells where it stands.
        var html = fragment.ToString().Trim();
        var plain = WebUtility.HtmlDecode(html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));
        return (text.StartsWith(plain, StringComparison.Ordinal) ? "" : "… ") + html + (text.TrimEnd().EndsWith(plain, StringComparison.Ordinal) ? "" : " …");
    }

    private string Snippet(FieldQuery query, int docId, string text)
    {
        var fragmentsBuilder = new TextFragmentsBuilder(text);
        var html = Vectors.GetBestFragment(query, _searcher.IndexReader, docId, BodyField, SnippetLength, FragList, fragmentsBuilder, ["<mark>"], ["</mark>"], Encoder);
        if (html is null)
        {
            var end = text.Length <= SnippetLength ? text.Length : text.LastIndexOf(' ', SnippetLength);
            end = end > 0 ? end : Math.Min(SnippetLength, text.Length);
            return Encoder.EncodeText(text[..end]) + (end < text.Length ? " …" : "");
        }

        html = html.Trim();
        var plain = WebUtility.HtmlDecode(html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));
        return (text.StartsWith(plain, StringComparison.Ordinal) ? "" : "… ") + html + (text.TrimEnd().EndsWith(plain, StringComparison.Ordinal) ? "" : " …");
    }

    private static readonly FastVectorHighlighter Vectors = new(phraseHighlight: false, fieldMatch: true);
    private static readonly IFragListBuilder FragList = new SimpleFragListBuilder();

    /// <summary>Reads the text from our own array instead of a stored field, so the index need not keep a second copy.</summary>
    private sealed class TextFragmentsBuilder(string text) : SimpleFragmentsBuilder
    {
        protected override Field[] GetFields(IndexReader reader, int docId, string fieldName) =>
            [new Field(fieldName, text, TextField.TYPE_STORED)];
    }

    /// <summary>HTML-encodes text but leaves Danish letters readable: the only markup is our &lt;mark&gt;.</summary>
    private sealed class MarkEncoder : IEncoder
    {
        private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

        public string EncodeText(string originalText) => Html.Encode(originalText);
    }
}
