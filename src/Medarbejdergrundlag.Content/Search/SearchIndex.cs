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
        var building = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var counts = new Dictionary<string, (int Title, int Body)>(StringComparer.Ordinal);
        var termOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = termOf.GetAlternateLookup<ReadOnlySpan<char>>();
        string Term(ReadOnlySpan<char> word)
        {
            if (!lookup.TryGetValue(word, out var term))
            {
                term = DanishText.Term(word);
                lookup[word] = term;
            }

            return term;
        }

        for (var d = 0; d < docs.Length; d++)
        {
            counts.Clear();
            var title = DanishText.Tokenize(docs[d].Title, Term);
            titleLengths[d] = Math.Max(1, title.Count);
            foreach (var token in title)
            {
                var c = counts.GetValueOrDefault(token.Term);
                counts[token.Term] = (c.Title + 1, c.Body);
            }

            foreach (var token in DanishText.Tokenize(docs[d].Text, Term))
            {
                var c = counts.GetValueOrDefault(token.Term);
                counts[token.Term] = (c.Title, c.Body + 1);
            }

            foreach (var (term, c) in counts)
            {
                if (!building.TryGetValue(term, out var list))
                {
                    building[term] = list = [];
                }

                list.Add(new Posting(d, c.Title, c.Body));
            }
        }

        return new SearchIndex(docs, titleLengths, building.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), termOf);
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

    private SearchHit ToHit(SearchDocument document, IReadOnlyList<string> queryTerms) => new(
        document.Title,
        document.Url,
        document.Section,
        Highlight(document.Title, DanishText.Tokenize(document.Title, TermOf), 0, document.Title.Length, queryTerms),
        Snippet(document.Text, queryTerms));

    private string TermOf(ReadOnlySpan<char> word) => _termOf.TryGetValue(word, out var term) ? term : DanishText.Term(word);

    /// <summary>
    /// About <see cref="SnippetLength"/> characters of the text around the densest run of matches,
    /// cut at whole words, encoded, with the matches marked.
    /// </summary>
    private string Snippet(string text, IReadOnlyList<string> queryTerms)
    {
        var tokens = DanishText.Tokenize(text, TermOf);
        var matches = new List<int>();
        for (var i = 0; i < tokens.Count && matches.Count < MaxSnippetMatches; i++)
        {
            if (Matches(tokens[i].Term, queryTerms))
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
            var windowStart = Math.Max(0, tokens[m].Start - SnippetLeadIn);
            seen.Clear();
            foreach (var o in matches)
            {
                if (tokens[o].Start >= windowStart && tokens[o].Start + tokens[o].Length <= windowStart + SnippetLength)
                {
                    seen.Add(tokens[o].Term);
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
            from = tokens.FirstOrDefault(t => t.Start >= from, new Token(text.Length, 0, "")).Start;
        }

        var to = Math.Min(text.Length, from + SnippetLength);
        if (to < text.Length)
        {
            var last = tokens.LastOrDefault(t => t.Start >= from && t.Start + t.Length <= to);
            to = last.Length > 0 ? last.Start + last.Length : to;
        }

        var html = Highlight(text, tokens, from, to, queryTerms);
        return (from > 0 ? "… " : "") + html + (to < text.Length ? " …" : "");
    }

    private static string Highlight(string text, List<Token> tokens, int from, int to, IReadOnlyList<string> queryTerms)
    {
        var builder = new StringBuilder();
        var at = from;
        foreach (var token in tokens)
        {
            if (token.Start < from || token.Start + token.Length > to || !Matches(token.Term, queryTerms))
            {
                continue;
            }

            builder.Append(Encoder.Encode(text[at..token.Start]))
                .Append("<mark>")
                .Append(Encoder.Encode(text.Substring(token.Start, token.Length)))
                .Append("</mark>");
            at = token.Start + token.Length;
        }

        return builder.Append(Encoder.Encode(text[at..to])).ToString();
    }

    private readonly record struct Posting(int Document, int TitleCount, int BodyCount);
}
