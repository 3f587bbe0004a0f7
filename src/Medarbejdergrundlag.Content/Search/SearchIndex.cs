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

/// <summary>One result: where to go, and HTML-encoded title and snippet with the matches in &lt;mark&gt;.</summary>
public sealed record SearchHit(string Title, string Url, string Section, string TitleHtml, string SnippetHtml)
{
    /// <summary>The language of the text found: "en" for a translation, else "da".</summary>
    public string Language { get; init; } = PortalCulture.DanishCode;
}

/// <summary>The answer to a query: the best <see cref="Hits"/> of <see cref="Total"/> matching documents.</summary>
public sealed record SearchResults(SearchQuery Query, int Total, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// The site's documents in a Lucene.Net index held in memory. Immutable once built (the writer is
/// closed before the one reader opens), so every request shares it; a publish builds a new one
/// with the new snapshot of the site, and the old one goes with the old snapshot.
/// Ranking: Lucene's tf-idf over the title (boosted) and the body, with its coordination factor
/// putting documents with more of the query's words first. Each word is found as itself, as the
/// start of a longer word ("samskab" finds "samskabelse") and with a typo ("handlekarft"), each at
/// a lower weight than the one before; words that stand together in the text count extra.
/// </summary>
public sealed partial class SearchIndex
{
    public const int DefaultLimit = 20;

    private const string TitleField = "title";
    private const string BodyField = "body";

    // English texts (translations on the English pages) are in fields of their own, analyzed in English.
    private const string EnglishTitleField = "title_en";
    private const string EnglishBodyField = "body_en";
    private const string OrdinalField = "ord";

    private const float TitleBoost = 4f;
    private const float PrefixBoost = 0.5f;
    private const float FuzzyBoost = 0.3f;
    private const float PhraseBoost = 2f;
    private const int PhraseSlop = 2;

    /// <summary>Query terms this long also find longer terms they begin.</summary>
    private const int MinimumPrefix = 3;

    /// <summary>
    /// Query terms this long also find terms one edit away (a letter wrong, missing, extra, or two
    /// swapped). Two edits found little more in the relevance set and made the typo lookup
    /// three times slower.
    /// </summary>
    private const int MinimumFuzzy = 4;

    /// <summary>
    /// Query terms this long also find terms two edits away: "felleskab" for "fællesskab" (a vowel
    /// and a doubled letter). Only long words, where two edits rarely reach another real word.
    /// </summary>
    private const int MinimumTwoEdits = 8;

    /// <summary>A part word or a typo stands for at most this many indexed terms.</summary>
    private const int MaxExpansions = 50;

    private const int SnippetLength = 220;

    private static readonly Analyzer DanishAnalyzer = new DanishSearchAnalyzer();
    private static readonly Analyzer EnglishAnalyzer = new Lucene.Net.Analysis.En.EnglishAnalyzer(DanishSearchAnalyzer.Version);
    private static readonly Analyzer Analyzer = new Lucene.Net.Analysis.Miscellaneous.PerFieldAnalyzerWrapper(
        DanishAnalyzer, new Dictionary<string, Analyzer> { [EnglishTitleField] = EnglishAnalyzer, [EnglishBodyField] = EnglishAnalyzer });
    private static readonly QueryBuilder PhraseBuilder = new(Analyzer);
    private static readonly IEncoder Encoder = new MarkEncoder();
    private static readonly FastVectorHighlighter Snippets = new(phraseHighlight: false, fieldMatch: true);
    private static readonly IFragListBuilder SnippetFragments = new SimpleFragListBuilder();

    /// <summary>
    /// The body keeps each term's positions and offsets (a term vector): snippets are cut from
    /// those, instead of analyzing the whole text of every hit again.
    /// </summary>
    private static readonly FieldType BodyType = new(TextField.TYPE_NOT_STORED)
    {
        StoreTermVectors = true,
        StoreTermVectorPositions = true,
        StoreTermVectorOffsets = true,
    };

    /// <summary>
    /// How many distinct queries an index remembers its answers to. The index never changes, so
    /// an answer stays right for as long as the index (one published snapshot) lives; past this
    /// many, further queries are answered without being kept, so odd queries cannot fill memory.
    /// </summary>
    public const int RememberedQueries = 2000;

    private readonly SearchDocument[] _documents;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Text, int Limit), SearchResults> _answers = new();
    private readonly IndexSearcher _searcher;
    private readonly NumericDocValues _ordinals;

    private SearchIndex(SearchDocument[] documents, DirectoryReader reader)
    {
        _documents = documents;
        HasEnglish = documents.Any(d => d.Language == PortalCulture.EnglishCode);
        _searcher = new IndexSearcher(reader);
        _ordinals = MultiDocValues.GetNumericValues(reader, OrdinalField) ?? DocValues.EMPTY_NUMERIC;
    }

    public static SearchIndex Empty { get; } = Build([]);

    public int Count => _documents.Length;

    /// <summary>True when some texts are English: a query is then also analyzed in English for them.</summary>
    private bool HasEnglish { get; }

    public static SearchIndex Build(IEnumerable<SearchDocument> documents)
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
            // The text stays in our own array, where results and snippets read it; the index keeps
            // the terms and each document's place in that array (as a doc value: a merge may
            // reorder Lucene's own document numbers).
            for (var i = 0; i < docs.Length; i++)
            {
                var (title, body) = Fields(docs[i]);
                writer.AddDocument(new LuceneDocument
                {
                    new TextField(title, docs[i].Title, Field.Store.NO),
                    new Field(body, docs[i].Text, BodyType),
                    new NumericDocValuesField(OrdinalField, i),
                });
            }

            writer.Commit();
        }

        var index = new SearchIndex(docs, DirectoryReader.Open(directory));

        // The writer's buffers are garbage now; worth a collection of their own for a large index.
        if (docs.Sum(d => (long)d.Text.Length) >= Publishing.RebuildMemory.LargeText)
        {
            Publishing.RebuildMemory.Release();
        }

        return index;
    }

    private static (string Title, string Body) Fields(SearchDocument document) =>
        document.Language == PortalCulture.EnglishCode ? (EnglishTitleField, EnglishBodyField) : (TitleField, BodyField);


    public SearchResults Search(string? query, int limit = DefaultLimit) => Search(SearchQuery.Parse(query), limit);

    /// <summary>
    /// The answer to a query, remembered per index: employees search for the same few words, and
    /// a Lucene search with its part-word and typo forms and snippets costs milliseconds.
    /// </summary>
    public SearchResults Search(SearchQuery query, int limit = DefaultLimit)
    {
        if (query.Status != SearchQueryStatus.Ok)
        {
            return Find(query, limit);
        }

        var key = (query.Text, limit);
        if (_answers.TryGetValue(key, out var known))
        {
            return known;
        }

        var answer = Find(query, limit);
        if (_answers.Count < RememberedQueries)
        {
            _answers.TryAdd(key, answer);
        }

        return answer;
    }

    /// <summary>How many answers this index remembers (for tests).</summary>
    public int RememberedCount => _answers.Count;

    private SearchResults Find(SearchQuery query, int limit)
    {
        var terms = query.Status == SearchQueryStatus.Ok ? Terms(query.Text) : [];
        if (terms.Count == 0 || _documents.Length == 0)
        {
            return new SearchResults(query, 0, []);
        }

        var lucene = new BooleanQuery();
        var languages = HasEnglish
            ? new[] { (TitleField, BodyField, terms), (EnglishTitleField, EnglishBodyField, Terms(query.Text, EnglishAnalyzer, EnglishBodyField)) }
            : [(TitleField, BodyField, terms)];
        foreach (var (titleField, bodyField, languageTerms) in languages)
        {
            foreach (var term in languageTerms)
            {
                // Per word: the best of its forms in the title plus the best in the body. Across words
                // the clauses are optional, and the coordination factor ranks more of them first.
                var word = new BooleanQuery(disableCoord: true)
                {
                    { Forms(titleField, term, TitleBoost), Occur.SHOULD },
                    { Forms(bodyField, term, 1f), Occur.SHOULD },
                };
                if (titleField == TitleField && Synonyms.Value.TryGetValue(term, out var synonyms))
                {
                    foreach (var synonym in synonyms)
                    {
                        word.Add(new TermQuery(new Term(titleField, synonym)) { Boost = TitleBoost * SynonymBoost }, Occur.SHOULD);
                        word.Add(new TermQuery(new Term(bodyField, synonym)) { Boost = SynonymBoost }, Occur.SHOULD);
                    }
                }

                lucene.Add(word, Occur.SHOULD);
            }

            if (languageTerms.Count > 1 && PhraseBuilder.CreatePhraseQuery(bodyField, query.Text, PhraseSlop) is { } phrase)
            {
                phrase.Boost = PhraseBoost;
                lucene.Add(phrase, Occur.SHOULD);
            }
        }

        // Rewritten once against the index, the part-word and typo forms become the terms they
        // found; the highlighters mark those without looking them up again for every hit.
        var rewritten = _searcher.Rewrite(lucene);
        var top = _searcher.Search(rewritten, Math.Max(1, limit));
        Highlighter Titles(string field) => new(new SimpleHTMLFormatter("<mark>", "</mark>"), Encoder, new QueryTermScorer(rewritten, field))
        {
            TextFragmenter = new NullFragmenter(),
        };
        var titles = Titles(TitleField);
        var englishTitles = HasEnglish ? Titles(EnglishTitleField) : titles;
        var snippets = Snippets.GetFieldQuery(rewritten, _searcher.IndexReader);
        var hits = top.ScoreDocs.Take(limit).Select(s => ToHit(s.Doc, titles, englishTitles, snippets)).ToList();
        return new SearchResults(query, top.TotalHits, hits);
    }

    private static string Beginning(string text)
    {
        if (text.Length <= SnippetLength)
        {
            return Encoder.EncodeText(text);
        }

        var end = text.LastIndexOf(' ', SnippetLength);
        return Encoder.EncodeText(text[..(end > 0 ? end : SnippetLength)]) + " …";
    }

    /// <summary>"… " before a snippet that does not start the text, " …" after one that does not end it.</summary>
    private static string WithEllipses(string html, string text)
    {
        // The fragment's offsets are Lucene's own; its plain text tells where it stands.
        var plain = WebUtility.HtmlDecode(html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));
        return (text.StartsWith(plain, StringComparison.Ordinal) ? "" : "… ") + html + (text.TrimEnd().EndsWith(plain, StringComparison.Ordinal) ? "" : " …");
    }

    /// <summary>Gives the highlighter the text from our own array, so the index need not store a second copy.</summary>
    private sealed class TextOf(string text) : SimpleFragmentsBuilder
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
