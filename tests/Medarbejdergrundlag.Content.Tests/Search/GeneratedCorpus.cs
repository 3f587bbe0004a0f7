using System.Text.RegularExpressions;
using Medarbejdergrundlag.Content.Search;
using Medarbejdergrundlag.Content.Seed;

namespace Medarbejdergrundlag.Content.Tests.Search;

/// <summary>
/// 5,000 generated documents and 400 queries for timing search: the charter's own words plus
/// made-up ones, so the index has a realistic spread of rare and common terms. Seeded, so every
/// run and every engine gets the same documents and queries.
/// </summary>
public sealed partial class GeneratedCorpus
{
    public const int DocumentCount = 5000;
    public const int QueryCount = 400;

    private GeneratedCorpus(IReadOnlyList<SearchDocument> documents, IReadOnlyList<string> queries)
    {
        Documents = documents;
        Queries = queries;
    }

    public IReadOnlyList<SearchDocument> Documents { get; }

    /// <summary>Real words, upper case, two-word queries, part words and misses, plus a few fixed ones.</summary>
    public IReadOnlyList<string> Queries { get; }

    public static GeneratedCorpus Create()
    {
        var random = new Random(20261122);
        var vocabulary = Vocabulary(random);
        var documents = Enumerable.Range(0, DocumentCount).Select(i => new SearchDocument(
            Words(random, vocabulary, random.Next(2, 6)),
            $"/generated/{i}",
            "Genereret",
            Words(random, vocabulary, random.Next(150, 400)))).ToList();

        var queries = new List<string>();
        for (var i = 0; i < QueryCount; i++)
        {
            var word = vocabulary[random.Next(vocabulary.Count)];
            queries.Add((i % 5) switch
            {
                0 => word,
                1 => word.ToUpperInvariant(),
                2 => word + " " + vocabulary[random.Next(vocabulary.Count)],
                3 => word.Length > 4 ? word[..4] : word,
                _ => word.ToLowerInvariant().Replace("æ", "ae").Replace("ø", "oe").Replace("å", "aa") + "x",
            });
        }

        queries.AddRange(["fællesskab", "faellesskab", "FÆLLESSKAB", "samskabelse", "mod og udvikling", "for"]);
        return new GeneratedCorpus(documents, queries);
    }

    private static List<string> Vocabulary(Random random)
    {
        var words = SeedDocument.LoadAll()
            .SelectMany(d => Word().Matches(d.Body).Select(m => m.Value))
            .Distinct()
            .ToList();
        const string letters = "abdefghijklmnoprstuvyæøå";
        for (var i = 0; i < 20000; i++)
        {
            var length = random.Next(4, 13);
            words.Add(string.Concat(Enumerable.Range(0, length).Select(_ => letters[random.Next(letters.Length)])));
        }

        return words;
    }

    private static string Words(Random random, List<string> vocabulary, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Count)]));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
