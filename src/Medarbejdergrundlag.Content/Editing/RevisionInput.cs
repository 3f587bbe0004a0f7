using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>
/// What an editor typed. Nothing here is trusted until <see cref="RevisionValidator"/> has looked at it.
/// The fields every kind has are here; a kind's own fields are in its part (<see cref="Bearing"/>,
/// <see cref="Course"/>), which is null for the other kinds.
/// </summary>
public sealed record RevisionInput(string? Title, string? Slug, string? Lead, string? Body, string? ChangeNote = null)
{
    public BearingInput? Bearing { get; init; }

    public CourseInput? Course { get; init; }

    public static RevisionInput From(ContentRevision revision, string? changeNote = null) =>
        new(revision.Title, revision.Slug, revision.LeadMarkdown, revision.BodyMarkdown, changeNote)
        {
            Bearing = BearingInput.From(revision.Bearing),
            Course = CourseInput.From(revision.Course),
        };
}

/// <summary>A bearing's own fields as typed: one point or question a line.</summary>
public sealed record BearingInput(string? Points, string? DialogQuestions)
{
    public static BearingInput? From(BearingDetails? details) =>
        details is null ? null : new(details.PointsMarkdown, details.DialogQuestionsMarkdown);

    public BearingDetails ToDetails() => new() { PointsMarkdown = Points ?? "", DialogQuestionsMarkdown = DialogQuestions ?? "" };

    /// <summary>The cleaned part for a bearing; null for other kinds, which may not have points or questions.</summary>
    internal static BearingInput? Validate(BearingInput? input, ContentKind kind, Dictionary<string, string> errors)
    {
        var points = Lines(input?.Points);
        var questions = Lines(input?.DialogQuestions);
        if (!ContentKinds.Of(kind).Has(ContentPart.Bearing))
        {
            if (points.Count > 0)
            {
                errors[RevisionFields.Points] = "Kun pejlemærker har punkter under »Det kan vi fordi…«.";
            }

            if (questions.Count > 0)
            {
                errors[RevisionFields.DialogQuestions] = "Kun pejlemærker har spørgsmål til dialog.";
            }

            return null;
        }

        CheckList(points, RevisionFields.Points, "punkter", "Hvert punkt", errors);
        CheckList(questions, RevisionFields.DialogQuestions, "spørgsmål", "Hvert spørgsmål", errors);
        return new BearingInput(string.Join('\n', points), string.Join('\n', questions));
    }

    /// <summary>The lines a diff shows for this part.</summary>
    public IEnumerable<string> Describe()
    {
        foreach (var (heading, lines) in new[] { ("Det kan vi fordi...:", Lines(Points)), ("Spørgsmål til dialog:", Lines(DialogQuestions)) })
        {
            if (lines.Count > 0)
            {
                yield return heading;
                foreach (var line in lines)
                {
                    yield return "- " + line;
                }
            }
        }
    }

    private static void CheckList(List<string> lines, string field, string plural, string each, Dictionary<string, string> errors)
    {
        if (lines.Count > RevisionValidator.PointsMaxCount)
        {
            errors[field] = $"Der må højst være {RevisionValidator.PointsMaxCount} {plural}.";
        }
        else if (lines.FirstOrDefault(p => p.Length > RevisionValidator.PointMax) is { } tooLong)
        {
            errors[field] = $"{each} må højst være {RevisionValidator.PointMax} tegn. »{tooLong[..40]}…« er for langt.";
        }
    }

    /// <summary>One entry a line; a leading "- " (pasted from a list) is dropped, as are empty lines.</summary>
    private static List<string> Lines(string? text) =>
        (text ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.StartsWith("- ", StringComparison.Ordinal) ? p[2..].Trim() : p)
            .Where(p => p.Length > 0)
            .ToList();
}

/// <summary>The fields of a revision, for error messages keyed by field (the form's names below its own prefix).</summary>
public static class RevisionFields
{
    public const string Title = nameof(RevisionInput.Title);
    public const string Slug = nameof(RevisionInput.Slug);
    public const string Lead = nameof(RevisionInput.Lead);
    public const string Body = nameof(RevisionInput.Body);
    public const string ChangeNote = nameof(RevisionInput.ChangeNote);
    public const string Points = nameof(RevisionInput.Bearing) + "." + nameof(BearingInput.Points);
    public const string DialogQuestions = nameof(RevisionInput.Bearing) + "." + nameof(BearingInput.DialogQuestions);
    public const string Audience = nameof(RevisionInput.Course) + "." + nameof(CourseInput.Audience);
    public const string Forvaltning = nameof(RevisionInput.Course) + "." + nameof(CourseInput.Forvaltning);
    public const string LengthDays = nameof(RevisionInput.Course) + "." + nameof(CourseInput.LengthDays);
    public const string Bearings = nameof(RevisionInput.Course) + "." + nameof(CourseInput.Bearings);
    public const string SignUp = nameof(RevisionInput.Course) + "." + nameof(CourseInput.SignUp);
}
