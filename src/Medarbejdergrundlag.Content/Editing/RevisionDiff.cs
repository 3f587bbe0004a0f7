using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Editing;

public enum DiffLineKind
{
    Unchanged,
    Added,
    Removed,
}

public sealed record DiffLine(DiffLineKind Kind, string Text);

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
}
