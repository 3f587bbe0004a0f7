namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// A "høringslink" (issue 27): an address that shows one draft revision to signed-in readers without
/// an editor role. Only the SHA-256 hash of its token is stored; the token itself is shown once.
/// </summary>
public class ConsultationLink
{
    public int Id { get; set; }

    public int ContentItemId { get; set; }

    public ContentItem? ContentItem { get; set; }

    public int RevisionId { get; set; }

    public ContentRevision? Revision { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public string CreatedById { get; set; } = "";

    public DateTime ExpiresAt { get; set; }

    /// <summary>"Tilbagekald": when, and by whom.</summary>
    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public List<ConsultationEntry> Entries { get; set; } = [];
}

/// <summary>What a reader of a consultation link did: opened it (no text) or commented (the text).</summary>
public class ConsultationEntry
{
    public int Id { get; set; }

    public int ConsultationLinkId { get; set; }

    public ConsultationLink? Link { get; set; }

    public DateTime At { get; set; }

    public string ReaderId { get; set; } = "";

    /// <summary>The reader's display name at the time, shown to editors.</summary>
    public string ReaderName { get; set; } = "";

    /// <summary>Null: the reader opened the link. Otherwise their comment.</summary>
    public string? Comment { get; set; }
}
