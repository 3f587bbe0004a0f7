using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Editing;

public enum DiffLineKind
{
    Unchanged,
    Added,
    Removed,

    /// <summary>A line changed in place: <see cref="DiffLine.Words"/> marks the words (see <see cref="RevisionDiff.ByWords"/>).</summary>
    Changed,
}

/// <summary>A line of the comparison; a changed line carries its words, added, removed or the same.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text, IReadOnlyList<WordRun>? Words = null);

/// <summary>A line-by-line comparison of two revisions, labelled field by field, for people to read.</summary>
public static class RevisionDiff
{
    private static readonly InlineDiffBuilder Builder = new(new Differ());

    public static IReadOnlyList<DiffLine> Compare(RevisionInput older, RevisionInput newer) =>
        Builder.BuildDiffModel(Describe(older), Describe(newer), ignoreWhitespace: false).Lines
            .Where(l => l.Type != ChangeType.Imaginary)
            .Select(l => new DiffLine(
                l.Type switch
                {
                    ChangeType.Inserted => DiffLineKind.Added,
                    ChangeType.Deleted => DiffLineKind.Removed,
                    _ => DiffLineKind.Unchanged,
                },
                l.Text))
            .ToList();

    public static IReadOnlyList<DiffLine> Compare(ContentRevision older, ContentRevision newer) =>
        Compare(RevisionInput.From(older), RevisionInput.From(newer));

    private static string Describe(RevisionInput revision)
    {
        var lines = new List<string>
        {
            $"Titel: {revision.Title}",
            $"Adresse: {revision.Slug}",
            $"Indledning: {revision.Lead}",
            "Tekst:",
        };
        lines.AddRange((revision.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));
        lines.AddRange(revision.Bearing?.Describe() ?? []);
        lines.AddRange(revision.Course?.Describe() ?? []);

        return string.Join('\n', lines);
    }

    /// <summary>
    /// The lines as people read them, as the public pages mark changes: a block of removed lines
    /// followed by as many added lines is changed line by line, each with its words marked; a
    /// blank line added or removed is left out, as it changes nothing a reader sees. A line
    /// rewritten (less than a third of it kept) stays removed and added: marked word by word it
    /// would read as confetti.
    /// </summary>
    public static IReadOnlyList<DiffLine> ByWords(IReadOnlyList<DiffLine> lines)
    {
        var rows = new List<DiffLine>();
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Kind is not (DiffLineKind.Removed or DiffLineKind.Added))
            {
                rows.Add(lines[i++]);
                continue;
            }

            var removed = new List<DiffLine>();
            var added = new List<DiffLine>();
            for (; i < lines.Count && lines[i].Kind == DiffLineKind.Removed; i++)
            {
                removed.Add(lines[i]);
            }

            for (; i < lines.Count && lines[i].Kind == DiffLineKind.Added; i++)
            {
                added.Add(lines[i]);
            }

            removed.RemoveAll(l => string.IsNullOrWhiteSpace(l.Text));
            added.RemoveAll(l => string.IsNullOrWhiteSpace(l.Text));
            if (removed.Count != added.Count)
            {
                rows.AddRange(removed);
                rows.AddRange(added);
                continue;
            }

            foreach (var (old, now) in removed.Zip(added))
            {
                var words = WordDiff.Inline(old.Text, now.Text);
                var kept = words.Where(w => w.Change == WordChange.Same).Sum(w => w.Text.Trim().Length);
                if (kept * 3 >= Math.Max(old.Text.Trim().Length, now.Text.Trim().Length))
                {
                    rows.Add(new DiffLine(DiffLineKind.Changed, now.Text, words));
                }
                else
                {
                    rows.Add(old);
                    rows.Add(now);
                }
            }
        }

        return rows;
    }
}
