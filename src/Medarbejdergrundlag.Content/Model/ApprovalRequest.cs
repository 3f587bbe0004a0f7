namespace Medarbejdergrundlag.Content.Model;

/// <summary>Where an approval request is. Stored as text.</summary>
public enum ApprovalState
{
    /// <summary>Sent to approval; an approver has not decided yet.</summary>
    Pending,

    /// <summary>Approved: that revision may be published, by hand or by schedule.</summary>
    Approved,

    /// <summary>Sent back to the author with a comment; the revision is not approved.</summary>
    Returned,
}

/// <summary>
/// "Send til godkendelse" and its decision (issue 27). Bound to one exact revision: a later save makes
/// a new revision, to which neither the request nor its approval applies.
/// </summary>
public class ApprovalRequest
{
    public int Id { get; set; }

    public int ContentItemId { get; set; }

    public ContentItem? ContentItem { get; set; }

    public int RevisionId { get; set; }

    public ContentRevision? Revision { get; set; }

    /// <summary>The author called it "Væsentlig ændring": published as material, whoever publishes it.</summary>
    public bool Material { get; set; }

    public string? Note { get; set; }

    public DateTime RequestedAt { get; set; }

    public string RequestedBy { get; set; } = "";

    public string RequestedById { get; set; } = "";

    public ApprovalState State { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecidedById { get; set; }

    /// <summary>"Send tilbage": what the author should change.</summary>
    public string? DecisionNote { get; set; }
}
