using System.Globalization;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>
/// What an editor typed. Nothing here is trusted until <see cref="RevisionValidator"/> has looked at it.
/// The course fields are null for every other kind.
/// </summary>
public sealed record RevisionInput(
    string? Title,
    string? Slug,
    string? Lead,
    string? Body,
    string? Points,
    string? ChangeNote,
    string? Audience = null,
    string? Forvaltning = null,
    string? LengthDays = null,
    string? Bearings = null,
    string? SignUp = null,
    string? DialogQuestions = null)
{
    public static RevisionInput From(ContentRevision revision, string? changeNote = null) => new(
        revision.Title,
        revision.Slug,
        revision.LeadMarkdown,
        revision.BodyMarkdown,
        revision.PointsMarkdown,
        changeNote,
        revision.Audience,
        revision.Forvaltning,
        FormatDays(revision.LengthDays),
        revision.BearingKeys,
        revision.SignUp,
        revision.DialogQuestionsMarkdown);

    /// <summary>The one spelling of a number of days the validator produces, so unchanged input compares equal.</summary>
    public static string? FormatDays(decimal? days) => days?.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Bearing keys, from the comma-separated form.</summary>
    public IReadOnlyList<string> BearingKeyList =>
        (Bearings ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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
    public const string Audience = nameof(RevisionInput.Audience);
    public const string Forvaltning = nameof(RevisionInput.Forvaltning);
    public const string LengthDays = nameof(RevisionInput.LengthDays);
    public const string Bearings = nameof(RevisionInput.Bearings);
    public const string SignUp = nameof(RevisionInput.SignUp);
    public const string DialogQuestions = nameof(RevisionInput.DialogQuestions);
}
