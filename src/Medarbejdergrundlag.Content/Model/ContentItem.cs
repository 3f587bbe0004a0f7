namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// A piece of content with a stable identity. Its text lives in <see cref="ContentRevision"/>s:
/// the public site reads only <see cref="PublishedRevision"/>, editors work on the newest one.
/// </summary>
public class ContentItem
{
    public int Id { get; set; }

    public ContentKind Kind { get; set; }

    /// <summary>
    /// Immutable key, also the item's anchor on the charter page. Slugs and titles may change;
    /// the key never does, so permalinks to <c>#key</c> keep working.
    /// </summary>
    public required string Key { get; set; }

    public int SortOrder { get; set; }

    public bool IsArchived { get; set; }

    public int? PublishedRevisionId { get; set; }

    public ContentRevision? PublishedRevision { get; set; }

    /// <summary>The newest revision: equal to the published one unless there is an unpublished draft.</summary>
    public int? CurrentRevisionId { get; set; }

    public ContentRevision? CurrentRevision { get; set; }

    /// <summary>The English translation the public English pages show; null while none is published.</summary>
    public int? PublishedEnglishRevisionId { get; set; }

    public ContentRevision? PublishedEnglishRevision { get; set; }

    /// <summary>The newest English revision: equal to the published one unless there is an unpublished draft.</summary>
    public int? CurrentEnglishRevisionId { get; set; }

    public ContentRevision? CurrentEnglishRevision { get; set; }

    /// <summary>Optimistic concurrency token, bumped by every write; works on every provider.</summary>
    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    /// <summary>The editor who answers for the item (stable subject id and display name); null: nobody yet.</summary>
    public string? OwnerId { get; set; }

    public string? OwnerName { get; set; }

    /// <summary>
    /// "Gennemgås senest": a Copenhagen date. Each publish and each review moves it 12 months on;
    /// editors can set it. Null (items from before review dates): 12 months after <see cref="UpdatedAt"/>.
    /// </summary>
    public DateOnly? ReviewBy { get; set; }

    /// <summary>UTC. When an editor last published or marked the item as reviewed; null: never since seeding.</summary>
    public DateTime? LastReviewedAt { get; set; }

    public string? LastReviewedBy { get; set; }

    /// <summary>
    /// Courses: "Behold efter sidste dato". Off (the default), a published course is archived
    /// automatically once its last date has ended (<see cref="Scheduling.CourseExpiry"/>); on, it stays.
    /// </summary>
    public bool KeepAfterLastDate { get; set; }

    /// <summary>
    /// Courses, UTC: a last date that ends at or before this no longer expires the course. Set to the
    /// last date when the course expires, to the moment when an editor publishes it or brings it back
    /// by hand (so it is not archived again at once for the same date), and to the moment of the
    /// upgrade for courses that existed before expiry did. Null: every last date counts.
    /// </summary>
    public DateTime? ExpiryHandledThrough { get; set; }

    public List<ContentRevision> Revisions { get; } = [];

    public bool HasUnpublishedChanges => CurrentRevisionId != PublishedRevisionId;
}
