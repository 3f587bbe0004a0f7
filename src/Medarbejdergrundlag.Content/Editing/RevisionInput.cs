using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>What an editor typed. Nothing here is trusted until <see cref="RevisionValidator"/> has looked at it.</summary>
public sealed record RevisionInput(
    string? Title,
    string? Slug,
    string? Lead,
    string? Body,
    string? Points,
    string? ChangeNote)
{
    public static RevisionInput From(ContentRevision revision, string? changeNote = null) => new(
        revision.Title, revision.Slug, revision.LeadMarkdown, revision.BodyMarkdown, revision.PointsMarkdown, changeNote);
}

/// <summary>The fields of a revision, for error messages keyed by field.</summary>
public static class RevisionFields
{
    public const string Title = nameof(RevisionInput.Title);
    public const string Slug = nameof(RevisionInput.Slug);
    public const string Lead = nameof(RevisionInput.Lead);
    public const string Body = nameof(RevisionInput.Body);
    public const string Points = nameof(RevisionInput.Points);
    public const string ChangeNote = nameof(RevisionInput.ChangeNote);
}
