using System.Globalization;
using System.Text;

namespace Medarbejdergrundlag.Content.Search;

/// <summary>A word found in a text: where it stands in the original, and its searchable form.</summary>
public readonly record struct Token(int Start, int Length, string Term);

/// <summary>Maps a word as written to its search term; lets the index reuse terms it has already made.</summary>
public delegate string WordToTerm(ReadOnlySpan<char> word);

/// <summary>
/// How Danish text becomes search terms: split into words, folded (case, æ/ae, ø/oe, å/aa,
/// accents) and stemmed by stripping common endings. Text and query go through the same steps,
/// so "FÆLLESSKAB", "faellesskab" and "fællesskaberne" all meet at "faellesskab".
/// </summary>
public static class DanishText
{
    /// <summary>Stems shorter than this are not cut further: "hus" stays "hus", not "hu".</summary>
    public const int MinimumStem = 3;

    // Longest first, so "erne" wins over "er" and "e". Folded spelling.
    private static readonly string[] Suffixes =
    [
        "hedens", "erens", "ernes", "heden", "heder",
        "erne", "enes", "ende", "eren", "eres", "hed",
        "ene", "ere", "ens", "ets", "ers", "er", "en", "et", "es", "e", "s",
    ];

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "af", "alle", "at", "de", "den", "der", "det", "du", "efter", "eller", "en", "er", "et", "for",
        "fra", "har", "hvad", "hvor", "i", "ikke", "jeg", "kan", "med", "men", "og", "om", "os", "paa",
        "sig", "som", "til", "ud", "vi", "vil", "vores", "man", "naar", "ved", "over", "under",
    };

    /// <summary>Lower case, Danish letters spelled out (æ→ae, ø→oe, å→aa), accents dropped.</summary>
    public static string Fold(string word) => Fold(word.AsSpan());

    /// <inheritdoc cref="Fold(string)"/>
    public static string Fold(ReadOnlySpan<char> word)
    {
        // Runs for every word of every document when the index is built, so it avoids
        // intermediate strings: one buffer, one result. A letter becomes at most two.
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length * 2] : new char[word.Length * 2];
        var n = 0;
        foreach (var original in word)
        {
            var c = char.ToLowerInvariant(original);
            switch (c)
            {
                case < '\u0080':
                    buffer[n++] = c;
                    break;
                case 'æ' or 'ä':
                    buffer[n++] = 'a';
                    buffer[n++] = 'e';
                    break;
                case 'ø' or 'ö':
                    buffer[n++] = 'o';
                    buffer[n++] = 'e';
                    break;
                case 'å':
                    buffer[n++] = 'a';
                    buffer[n++] = 'a';
                    break;
                default:
                    // é → e + accent; keep the letter, drop the mark.
                    foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
                    {
                        if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark && n < buffer.Length)
                        {
                            buffer[n++] = part;
                        }
                    }

                    break;
            }
        }

        return new string(buffer[..n]);
    }

    /// <summary>Strips one common Danish ending from a folded word, keeping at least <see cref="MinimumStem"/> letters.</summary>
    public static string Stem(string folded)
    {
        foreach (var suffix in Suffixes)
        {
            if (folded.Length - suffix.Length >= MinimumStem && folded.EndsWith(suffix, StringComparison.Ordinal))
            {
                return folded[..^suffix.Length];
            }
        }

        return folded;
    }

    /// <summary>The search term for one word: folded, then stemmed.</summary>
    public static string Term(string word) => Stem(Fold(word));

    /// <inheritdoc cref="Term(string)"/>
    public static string Term(ReadOnlySpan<char> word) => Stem(Fold(word));

    public static bool IsStopWord(string folded) => StopWords.Contains(folded);

    /// <summary>
    /// Finds the next word (a run of letters and digits) at or after <paramref name="position"/>,
    /// and moves past it. Allocates nothing, for the index build's inner loop.
    /// </summary>
    public static bool NextWord(string text, ref int position, out int start, out int length)
    {
        var i = position;
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }

        start = i;
        while (i < text.Length && IsWordChar(text[i]))
        {
            i++;
        }

        length = i - start;
        position = i;
        return length > 0;
    }

    /// <summary>Every word of <paramref name="text"/> (runs of letters and digits) with its term.</summary>
    public static List<Token> Tokenize(string text) => Tokenize(text, Term);

    /// <inheritdoc cref="Tokenize(string)"/>
    public static List<Token> Tokenize(string text, WordToTerm term)
    {
        var tokens = new List<Token>();
        var position = 0;
        while (NextWord(text, ref position, out var start, out var length))
        {
            tokens.Add(new Token(start, length, term(text.AsSpan(start, length))));
        }

        return tokens;
    }

    /// <summary>The distinct terms of a query, without stop words unless the query has nothing else.</summary>
    public static IReadOnlyList<string> QueryTerms(string query)
    {
        var words = Tokenize(query).Select(t => (Folded: Fold(query.Substring(t.Start, t.Length)), t.Term)).ToList();
        var meaningful = words.Where(w => !IsStopWord(w.Folded)).ToList();
        return (meaningful.Count > 0 ? meaningful : words).Select(w => w.Term).Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}
