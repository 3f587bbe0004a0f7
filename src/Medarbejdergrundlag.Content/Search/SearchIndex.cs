using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Medarbejdergrundlag.Content.Search;

/// <summary>One result: where to go, and HTML-encoded title and snippet with the matches in &lt;mark&gt;.</summary>
public sealed record SearchHit(string Title, string Url, string Section, string TitleHtml, string SnippetHtml);

/// <summary>The answer to a query: the best <see cref="Hits"/> of <see cref="Total"/> matching documents.</summary>
public sealed record SearchResults(SearchQuery Query, int Total, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// An in-memory inverted index over a fixed set of documents. Immutable once built, so it can be
/// shared by every request; a publish builds a new one with the new snapshot of the site.
/// Ranking: documents that match more of the query's words come first; among those, title hits
/// before body hits, and a title that is mostly the query before one where it is a passing word.
/// </summary>
public sealed class SearchIndex
{
    public const int DefaultLimit = 20;

    /// <summary>Query words this long also find longer words: "samskab" finds "samskabelse".</summary>
    private const int MinimumPrefix = 3;

    /// <summary>A short prefix can match thousands of words; beyond this many it adds noise, not hits.</summary>
    private const int MaxPrefixExpansion = 1000;

    private const double PrefixWeight = 0.5;
    private const int SnippetLength = 220;
    private const int SnippetLeadIn = 50;
    private const int MaxSnippetMatches = 20;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly SearchDocument[] _documents;
    private readonly int[] _titleLengths;
    private readonly Dictionary<string, Posting[]> _postings;
    private readonly string[] _terms;

    // Every word as written in the documents, with its term: snippets re-read the text of the
    // hits, and looking a word up is much cheaper than folding and stemming it again.
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _termOf;

    private SearchIndex(SearchDocument[] documents, int[] titleLengths, Dictionary<string, Posting[]> postings, Dictionary<string, string> termOf)
    {
        _documents = documents;
        _titleLengths = titleLengths;
        _postings = postings;
        _terms = [.. postings.Keys.Order(StringComparer.Ordinal)];
        _termOf = termOf.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static SearchIndex Empty { get; } = Build([]);

    public int Count => _documents.Length;

    public static SearchIndex Build(IEnumerable<SearchDocument> documents)
    {
        var docs = documents.ToArray();
        var titleLengths = new int[docs.Length];

        // Words and terms get numbers, so counting a word is an array increment rather than
        // another hash lookup: building is what a publish waits for.
        var termOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordLookup = wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        var postings = new List<List<Posting>>();
        int TermId(ReadOnlySpan<char> word)
        {
            if (wordLookup.TryGetValue(word, out var id))
            {
                return id;
            }

            var term = DanishText.Term(word);
            if (!termIds.TryGetValue(term, out id))
            {
                id = terms.Count;
                termIds[term] = id;
                terms.Add(term);
                postings.Add([]);
            }

            wordLookup[word] = id;
            termOf[word.ToString()] = term;
            return id;
        }

        var titleCounts = new int[1024];
        var bodyCounts = new int[1024];
        var touched = new List<int>();
        int Count(string text, bool inTitle)
        {
            var words = 0;
            var position = 0;
            while (DanishText.NextWord(text, ref position, out var start, out var length))
            {
                var id = TermId(text.AsSpan(start, length));
                if (id >= titleCounts.Length)
                {
                    Array.Resize(ref titleCounts, terms.Count * 2);
                    Array.Resize(ref bodyCounts, terms.Count * 2);
                }

                if (titleCounts[id] == 0 && bodyCounts[id] == 0)
                {
                    touched.Add(id);
                }

                (inTitle ? titleCounts : bodyCounts)[id]++;
                words++;
            }

            return words;
        }

        for (var d = 0; d < docs.Length; d++)
        {
            touched.Clear();
            titleLengths[d] = Math.Max(1, Count(docs[d].Title, inTitle: true));
            Count(docs[d].Text, inTitle: false);
            foreach (var id in touched)
            {
                postings[id].Add(new Posting(d, titleCounts[id], bodyCounts[id]));
                titleCounts[id] = bodyCounts[id] = 0;
            }
        }

        var index = new Dictionary<string, Posting[]>(terms.Count, StringComparer.Ordinal);
        for (var id = 0; id < terms.Count; id++)
        {
            index[terms[id]] = [.. postings[id]];
        }

        return new SearchIndex(docs, titleLengths, index, termOf);
    }

    public SearchResults Search(string? query, int limit = DefaultLimit) => Search(SearchQuery.Parse(query), limit);

    public SearchResults Search(SearchQuery query, int limit = DefaultLimit)
    {
        if (query.Status != SearchQueryStatus.Ok || _documents.Length == 0)
        {
            return new SearchResults(query, 0, []);
        }

        var n = _documents.Length;
        var matched = new int[n];
        var titleScore = new double[n];
        var bodyScore = new double[n];
        var termTitle = new double[n];
        var termBody = new double[n];
        var touched = new List<int>();
        var candidates = new List<int>();

        foreach (var queryTerm in query.Terms)
        {
            touched.Clear();
            foreach (var (term, weight) in Expand(queryTerm))
            {
                var postings = _postings[term];
                var idf = Math.Log(1 + (double)n / postings.Length);
                foreach (var p in postings)
                {
                    if (termTitle[p.Document] == 0 && termBody[p.Document] == 0)
                    {
                        touched.Add(p.Document);
                    }

                    if (p.TitleCount > 0)
                    {
                        termTitle[p.Document] = Math.Max(termTitle[p.Document], weight);
                    }

                    if (p.BodyCount > 0)
                    {
                        termBody[p.Document] = Math.Max(termBody[p.Document], weight * (1 + Math.Log(p.BodyCount)) * idf);
                    }
                }
            }

            foreach (var d in touched)
            {
                if (matched[d]++ == 0)
                {
                    candidates.Add(d);
                }

                titleScore[d] += termTitle[d];
                bodyScore[d] += termBody[d];
                termTitle[d] = termBody[d] = 0;
            }
        }

        candidates.Sort((a, b) =>
        {
            var byWords = matched[b].CompareTo(matched[a]);
            if (byWords != 0)
            {
                return byWords;
            }

            var byTitle = titleScore[b].CompareTo(titleScore[a]);
            if (byTitle != 0)
            {
                return byTitle;
            }

            // Among equal title hits, "Fællesskab" beats "Samarbejde, forebyggelse og fællesskaber".
            var byCoverage = (titleScore[b] / _titleLengths[b]).CompareTo(titleScore[a] / _titleLengths[a]);
            if (byCoverage != 0)
            {
                return byCoverage;
            }

            var byBody = bodyScore[b].CompareTo(bodyScore[a]);
            return byBody != 0 ? byBody : a.CompareTo(b);
        });

        var hits = candidates.Take(limit).Select(d => ToHit(_documents[d], query.Terms)).ToList();
        return new SearchResults(query, candidates.Count, hits);
    }

    /// <summary>The indexed terms a query term finds: itself in full, and longer words it begins, at half weight.</summary>
    private IEnumerable<(string Term, double Weight)> Expand(string queryTerm)
    {
        if (_postings.ContainsKey(queryTerm))
        {
            yield return (queryTerm, 1);
        }

        if (queryTerm.Length < MinimumPrefix)
        {
            yield break;
        }

        var i = Array.BinarySearch(_terms, queryTerm, StringComparer.Ordinal);
        i = i >= 0 ? i + 1 : ~i;
        for (var taken = 0; i < _terms.Length && taken < MaxPrefixExpansion && _terms[i].StartsWith(queryTerm, StringComparison.Ordinal); i++, taken++)
        {
            yield return (_terms[i], PrefixWeight);
        }
    }

    private static bool Matches(string term, IReadOnlyList<string> queryTerms)
    {
        foreach (var q in queryTerms)
        {
            if (term == q || (q.Length >= MinimumPrefix && term.StartsWith(q, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private SearchHit ToHit(SearchDocument document, IReadOnlyList<string> queryTerms)
    {
        var firstLetters = queryTerms.Select(q => q[0]).ToHashSet();
        var title = Words(document.Title, queryTerms, firstLetters);
        return new SearchHit(
            document.Title,
            document.Url,
            document.Section,
            Highlight(document.Title, title, 0, document.Title.Length),
            Snippet(document.Text, Words(document.Text, queryTerms, firstLetters)));
    }

    /// <summary>
    /// The words of a text with their places; <see cref="Token.Term"/> is the matched term, or
    /// empty for a word the query does not find. A word whose first letter no query term starts
    /// with is not even looked up: this runs over the full text of every hit shown.
    /// </summary>
    private List<Token> Words(string text, IReadOnlyList<string> queryTerms, HashSet<char> firstLetters)
    {
        var words = new List<Token>();
        var position = 0;
        while (DanishText.NextWord(text, ref position, out var start, out var length))
        {
            var first = FoldedFirstLetter(text[start]);
            var term = "";
            if (first == '\0' || firstLetters.Contains(first))
            {
                var span = text.AsSpan(start, length);
                var candidate = _termOf.TryGetValue(span, out var known) ? known : DanishText.Term(span);
                term = Matches(candidate, queryTerms) ? candidate : "";
            }

            words.Add(new Token(start, length, term));
        }

        return words;
    }

    /// <summary>The first letter a word folds to, or \0 where only full folding can tell.</summary>
    private static char FoldedFirstLetter(char c) => char.ToLowerInvariant(c) switch
    {
        'æ' or 'ä' or 'å' => 'a',
        'ø' or 'ö' => 'o',
        var lower and < '\u0080' => lower,
        _ => '\0',
    };

    /// <summary>
    /// About <see cref="SnippetLength"/> characters of the text around the densest run of matches,
    /// cut at whole words, encoded, with the matches marked.
    /// </summary>
    private static string Snippet(string text, List<Token> words)
    {
        var matches = new List<int>();
        for (var i = 0; i < words.Count && matches.Count < MaxSnippetMatches; i++)
        {
            if (words[i].Term.Length > 0)
            {
                matches.Add(i);
            }
        }

        // The window that shows the most different query words; the first such, on a tie.
        var from = 0;
        var best = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in matches)
        {
            var windowStart = Math.Max(0, words[m].Start - SnippetLeadIn);
            seen.Clear();
            foreach (var o in matches)
            {
                if (words[o].Start >= windowStart && words[o].Start + words[o].Length <= windowStart + SnippetLength)
                {
                    seen.Add(words[o].Term);
                }
            }

            if (seen.Count > best)
            {
                best = seen.Count;
                from = windowStart;
            }
        }

        // Whole words only: start at a word, end after one.
        if (from > 0)
        {
            from = words.FirstOrDefault(t => t.Start >= from, new Token(text.Length, 0, "")).Start;
        }

        var to = Math.Min(text.Length, from + SnippetLength);
        if (to < text.Length)
        {
            var last = words.LastOrDefault(t => t.Start >= from && t.Start + t.Length <= to);
            to = last.Length > 0 ? last.Start + last.Length : to;
        }

        var html = Highlight(text, words, from, to);
        return (from > 0 ? "… " : "") + html + (to < text.Length ? " …" : "");
    }

    /// <summary>Encodes text[from..to] and wraps the matched words (non-empty term) in &lt;mark&gt;.</summary>
    private static string Highlight(string text, List<Token> words, int from, int to)
    {
        var builder = new StringBuilder();
        var at = from;
        foreach (var word in words)
        {
            if (word.Term.Length == 0 || word.Start < from || word.Start + word.Length > to)
            {
                continue;
            }

            builder.Append(Encoder.Encode(text[at..word.Start]))
                .Append("<mark>")
                .Append(Encoder.Encode(text.Substring(word.Start, word.Length)))
                .Append("</mark>");
            at = word.Start + word.Length;
        }

        return builder.Append(Encoder.Encode(text[at..to])).ToString();
    }

    private readonly record struct Posting(int Document, int TitleCount, int BodyCount);
}
