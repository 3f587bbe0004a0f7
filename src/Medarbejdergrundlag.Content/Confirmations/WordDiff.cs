using System.Text.RegularExpressions;
using DiffPlex;

namespace Medarbejdergrundlag.Content.Confirmations;

public enum WordChange
{
    Same,
    Added,
    Removed,
}

/// <summary>A run of text that is the same, added or removed.</summary>
public sealed record WordRun(WordChange Change, string Text);

/// <summary>One paragraph (a line of the Markdown) that changed, word by word.</summary>
public sealed record ChangedParagraph(IReadOnlyList<WordRun> Runs);

/// <summary>One field of a revision ("Tekst", "Titel") and its changed paragraphs.</summary>
public sealed record FieldDiff(string Field, IReadOnlyList<ChangedParagraph> Paragraphs);

/// <summary>
/// A reader's diff: paragraphs are matched first (DiffPlex, line by line), then the changed ones
/// word by word, so a reader sees exactly the words that changed and no unchanged paragraph.
/// </summary>
public static partial class WordDiff
{
    private static readonly Differ s_differ = new();

    public static IReadOnlyList<ChangedParagraph> Compare(string older, string newer)
    {
        var lines = s_differ.CreateLineDiffs(Normalize(older), Normalize(newer), ignoreWhitespace: false);
        var paragraphs = new List<ChangedParagraph>();
        foreach (var block in lines.DiffBlocks)
        {
            var removed = string.Join('\n', lines.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA).Where(l => l.Length > 0));
            var added = string.Join('\n', lines.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB).Where(l => l.Length > 0));
            if (removed.Length > 0 || added.Length > 0)
            {
                paragraphs.Add(new ChangedParagraph(Words(removed, added)));
            }
        }

        return paragraphs;
    }

    /// <summary>The changed fields of two revisions' reader-facing text, in the order the page shows them.</summary>
    public static IReadOnlyList<FieldDiff> Compare(RevisionText? older, RevisionText newer)
    {
        older ??= new RevisionText("", "", "", "");
        return new[]
            {
                new FieldDiff("Titel", Compare(older.Title, newer.Title)),
                new FieldDiff("Indledning", Compare(older.Lead, newer.Lead)),
                new FieldDiff("Tekst", Compare(older.Body, newer.Body)),
                new FieldDiff("Det kan vi fordi...", Compare(older.Points, newer.Points)),
            }
            .Where(f => f.Paragraphs.Count > 0)
            .ToList();
    }

    /// <summary>One line against another, word by word: the runs give the newer line back, with the removed words between.</summary>
    public static IReadOnlyList<WordRun> Inline(string older, string newer) => Words(older, newer);

    private static List<WordRun> Words(string older, string newer)
    {
        var diff = s_differ.CreateCustomDiffs(older, newer, ignoreWhiteSpace: false, Tokens);
        var runs = new List<WordRun>();
        var a = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(runs, WordChange.Same, diff.PiecesOld, a, block.DeleteStartA - a);
            Add(runs, WordChange.Removed, diff.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(runs, WordChange.Added, diff.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }

        Add(runs, WordChange.Same, diff.PiecesOld, a, diff.PiecesOld.Length - a);
        return runs;
    }

    private static void Add(List<WordRun> runs, WordChange change, string[] pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(pieces.Skip(start).Take(count));
        if (runs.Count > 0 && runs[^1].Change == change)
        {
            runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
        }
        else
        {
            runs.Add(new WordRun(change, text));
        }
    }

    /// <summary>Words, runs of white space and single marks: joined again they give the text back exactly.</summary>
    private static string[] Tokens(string text) => Token().Matches(text).Select(m => m.Value).ToArray();

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"\w+|\s+|[^\w\s]")]
    private static partial Regex Token();
}

/// <summary>The text of a revision a reader reads, as Markdown.</summary>
public sealed record RevisionText(string Title, string Lead, string Body, string Points);
