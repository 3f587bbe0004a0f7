using System.Globalization;

namespace Medarbejdergrundlag.Content.Checks;

/// <summary>
/// LIX (Björnsson's läsbarhetsindex): words per sentence plus the percentage of long words (more
/// than six letters). Made for Swedish and used for Danish and English alike, since it counts only
/// words, sentences and word length; English texts get LIX as well, so one threshold and one set
/// of bands serve both languages.
/// </summary>
public sealed record ReadabilityScore(
    double Lix,
    int Words,
    int Sentences,
    int LongWords,
    IReadOnlyList<string> LongestSentences)
{
    public static readonly ReadabilityScore Empty = new(0, 0, 0, 0, []);

    /// <summary>The share of long words, 0 to 1.</summary>
    public double LongWordShare => Words == 0 ? 0 : (double)LongWords / Words;

    /// <summary>The Danish band for the score, as Danish readability guides name them.</summary>
    public string Band => BandOf(Lix);

    public static string BandOf(double lix) => lix switch
    {
        < 25 => "meget let",
        < 35 => "let",
        < 45 => "middel",
        < 55 => "svær",
        _ => "meget svær",
    };

    /// <summary>The score as shown and put in data-lix: one decimal, invariant.</summary>
    public string LixText => Lix.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>
/// Splits text into words and sentences for <see cref="ReadabilityScore"/>. A period ends a sentence
/// unless it belongs to an abbreviation (f.eks., bl.a., dvs. …), an ordinal ("1. maj": a number and a
/// period before a word in lower case) or sits inside a number ("1.000", "16.30"). Each block of text
/// (paragraph, list item, heading, cell) ends a sentence too, so a list item without a period is one.
/// </summary>
public static class Readability
{
    /// <summary>Abbreviations that never end a sentence, lower case with their periods.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        // Danish: the list and a few more in common use.
        "f.eks.", "bl.a.", "dvs.", "jf.", "ca.", "kl.", "nr.", "pga.", "evt.", "inkl.", "vedr.", "mht.", "ift.", "iht.",
        "hhv.", "ekskl.", "tlf.", "st.", "gl.", "sml.", "pkt.", "stk.",
        // English.
        "e.g.", "i.e.", "approx.", "no.", "mr.", "mrs.", "ms.", "dr.", "vs.", "cf.",
    };

    /// <summary>Abbreviations that end a sentence when the next word starts with a capital ("… m.fl. Derfor").</summary>
    private static readonly HashSet<string> FinalAbbreviations = new(StringComparer.Ordinal)
    {
        "m.fl.", "mv.", "m.v.", "osv.", "m.m.", "etc.",
    };

    public static ReadabilityScore Score(IEnumerable<string> blocks)
    {
        var words = 0;
        var longWords = 0;
        var sentences = new List<(string Text, int Words)>();
        foreach (var sentence in blocks.SelectMany(Sentences))
        {
            var sentenceWords = sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(Trim)
                .Where(w => w.Any(char.IsLetterOrDigit))
                .ToList();
            if (sentenceWords.Count == 0)
            {
                continue;
            }

            sentences.Add((sentence, sentenceWords.Count));
            words += sentenceWords.Count;
            longWords += sentenceWords.Count(w => w.Count(char.IsLetter) > 6);
        }

        if (words == 0)
        {
            return ReadabilityScore.Empty;
        }

        var lix = (double)words / sentences.Count + 100.0 * longWords / words;
        var longest = sentences
            .Select((s, index) => (s.Text, s.Words, Index: index))
            .OrderByDescending(s => s.Words)
            .ThenBy(s => s.Index)
            .Take(3)
            .Select(s => s.Text)
            .ToList();
        return new ReadabilityScore(lix, words, sentences.Count, longWords, longest);
    }

    /// <summary>The sentences of one block of text, as the score counts them.</summary>
    public static IReadOnlyList<string> Sentences(string block)
    {
        var result = new List<string>();
        var current = new List<string>();
        var tokens = block.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            current.Add(tokens[i]);
            if (EndsSentence(tokens[i], i + 1 < tokens.Length ? tokens[i + 1] : null))
            {
                result.Add(string.Join(' ', current));
                current = [];
            }
        }

        if (current.Count > 0)
        {
            result.Add(string.Join(' ', current));
        }

        return result;
    }

    private static bool EndsSentence(string token, string? next)
    {
        // Closing quotes and brackets after the mark: "… slut.)" ends as "… slut." does.
        var core = token.TrimEnd('"', '\'', ')', ']', '»', '«', '”', '’');
        if (core.Length == 0)
        {
            return false;
        }

        var last = core[^1];
        if (last is '!' or '?')
        {
            return true;
        }

        if (last != '.')
        {
            return false;
        }

        var lower = core.TrimStart('(', '"', '\'', '[', '»', '«', '“', '‘').ToLowerInvariant();
        if (Abbreviations.Contains(lower))
        {
            return false;
        }

        var nextStartsCapital = next is not null && Trim(next) is { Length: > 0 } n && char.IsUpper(n[0]);
        if (FinalAbbreviations.Contains(lower))
        {
            return next is null || nextStartsCapital;
        }

        // An ordinal: "1. maj", "den 3. gang". Before a capital or at the end it is a number ending a sentence.
        if (lower.Length > 1 && lower[..^1].All(char.IsAsciiDigit))
        {
            return next is null || !(Trim(next) is { Length: > 0 } w && char.IsLower(w[0]));
        }

        return true;
    }

    private static string Trim(string token) => token.Trim().Trim(TrimmedPunctuation);

    private static readonly char[] TrimmedPunctuation =
        ['.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '»', '«', '“', '”', '‘', '’', '–', '—', '-', '…'];
}
