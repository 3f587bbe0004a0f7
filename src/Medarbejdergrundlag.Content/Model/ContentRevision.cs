namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// An immutable snapshot of an item's text. Every save adds one; none is ever changed or deleted.
/// The HTML is rendered from the Markdown when the revision is made, not per request.
/// </summary>
public class ContentRevision
{
    public int Id { get; set; }

    public int ContentItemId { get; set; }

    public ContentItem? ContentItem { get; set; }

    /// <summary>1, 2, 3… within the item, for people to refer to.</summary>
    public int Number { get; set; }

    /// <summary>Short name: "Mod", "Social kapital", "Phønix".</summary>
    public required string Title { get; set; }

    public required string Slug { get; set; }

    /// <summary>Inline Markdown: the bearing's headline ("Lyst til **udvikling**") or a short summary.</summary>
    public string LeadMarkdown { get; set; } = "";

    public string LeadHtml { get; set; } = "";

    public string BodyMarkdown { get; set; } = "";

    public string BodyHtml { get; set; } = "";

    /// <summary>The "Det kan vi fordi…" points, one Markdown line each; empty for items without points.</summary>
    public string PointsMarkdown { get; set; } = "";

    public string PointsHtml { get; set; } = "";

    /// <summary>
    /// Questions a manager can use with a new colleague, one Markdown line each; bearings only.
    /// The seed holds suggestions; HR edits them.
    /// </summary>
    public string DialogQuestionsMarkdown { get; set; } = "";

    public string DialogQuestionsHtml { get; set; } = "";

    /// <summary>Plain text of lead and body, for summaries, meta descriptions and search.</summary>
    public string PlainText { get; set; } = "";

    /// <summary>Courses only (null for other kinds): who the course is for, stored as the <see cref="Courses.Audience"/> name.</summary>
    public string? Audience { get; set; }

    /// <summary>Courses only: the <see cref="Courses.Forvaltning"/> name.</summary>
    public string? Forvaltning { get; set; }

    /// <summary>Courses only: length in days; half days are allowed.</summary>
    public decimal? LengthDays { get; set; }

    /// <summary>Courses only: the keys of the bearings it trains, comma-separated in key order ("faellesskab,mod").</summary>
    public string? BearingKeys { get; set; }

    /// <summary>Courses only: a sign-up link (https://…), an e-mail address, or a contact in words.</summary>
    public string? SignUp { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The author's display name at the time.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>The author's stable subject id (the provider's sub, or persona:…).</summary>
    public string CreatedById { get; set; } = "";

    public string? ChangeNote { get; set; }

    /// <summary>
    /// When this revision became the published one; null while it is (or was only ever) a draft.
    /// Set once, by the publish itself: a revision is published at most once (a restore makes a new one).
    /// </summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>
    /// The editor marked this publish "Væsentlig ændring": readers who confirmed the charter before it
    /// are asked to read it and confirm again. A typo fix is not material (the default).
    /// </summary>
    public bool IsMaterialChange { get; set; }

    public IReadOnlyList<string> Points =>
        PointsMarkdown.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> DialogQuestions =>
        DialogQuestionsMarkdown.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
