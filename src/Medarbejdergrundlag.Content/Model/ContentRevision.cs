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

    /// <summary>Plain text of lead and body, for summaries, meta descriptions and search.</summary>
    public string PlainText { get; set; } = "";

    /// <summary>A bearing's own fields; null for every other kind.</summary>
    public BearingDetails? Bearing { get; set; }

    /// <summary>A course's own fields; null for every other kind.</summary>
    public CourseDetails? Course { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The author's display name at the time.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>The author's stable subject id (the provider's sub, or persona:…).</summary>
    public string CreatedById { get; set; } = "";

    public string? ChangeNote { get; set; }

    /// <summary>The language of the text: "da" (the original) or "en" (a translation).</summary>
    public string Language { get; set; } = PortalCulture.DanishCode;

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

    /// <summary>
    /// The editor's reason for publishing this revision despite blocking content checks (an image
    /// without alt text, a link that leads nowhere); null when it was published without one.
    /// </summary>
    public string? ChecksOverrideReason { get; set; }

    /// <summary>A translation only: the Danish revision it was translated from, to tell when it is outdated.</summary>
    public int? TranslatedFromRevisionId { get; set; }

    public ContentRevision? TranslatedFrom { get; set; }
}
