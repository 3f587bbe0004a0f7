using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Backup;

/// <summary>An approval request and its decision, kept with its item; the revision by its number. Absent in files from before approvals.</summary>
public sealed record BackupApproval(
    int RevisionNumber,
    bool Material,
    string? Note,
    DateTime RequestedAt,
    string RequestedBy,
    string RequestedById,
    ApprovalState State,
    DateTime? DecidedAt,
    string? DecidedBy,
    string? DecidedById,
    string? DecisionNote)
{
    public static BackupApproval From(ApprovalRequest a, int revisionNumber) => new(
        revisionNumber, a.Material, a.Note, a.RequestedAt, a.RequestedBy, a.RequestedById, a.State, a.DecidedAt, a.DecidedBy, a.DecidedById, a.DecisionNote);

    public ApprovalRequest ToEntity(ContentItem item) => new()
    {
        ContentItemId = item.Id,
        RevisionId = BackupItem.RevisionId(item, RevisionNumber)!.Value,
        Material = Material,
        Note = Note,
        RequestedAt = RequestedAt,
        RequestedBy = RequestedBy,
        RequestedById = RequestedById,
        State = State,
        DecidedAt = DecidedAt,
        DecidedBy = DecidedBy,
        DecidedById = DecidedById,
        DecisionNote = DecisionNote,
    };
}

/// <summary>A consultation link (its token's hash only, never the token) with its opens and comments.</summary>
public sealed record BackupConsultationLink(
    int RevisionNumber,
    string TokenHash,
    DateTime CreatedAt,
    string CreatedBy,
    string CreatedById,
    DateTime ExpiresAt,
    DateTime? RevokedAt,
    string? RevokedBy,
    List<BackupConsultationEntry> Entries)
{
    public static BackupConsultationLink From(ConsultationLink l, int revisionNumber) => new(
        revisionNumber, l.TokenHash, l.CreatedAt, l.CreatedBy, l.CreatedById, l.ExpiresAt, l.RevokedAt, l.RevokedBy,
        l.Entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new BackupConsultationEntry(e.At, e.ReaderId, e.ReaderName, e.Comment)).ToList());

    public ConsultationLink ToEntity(ContentItem item) => new()
    {
        ContentItemId = item.Id,
        RevisionId = BackupItem.RevisionId(item, RevisionNumber)!.Value,
        TokenHash = TokenHash,
        CreatedAt = CreatedAt,
        CreatedBy = CreatedBy,
        CreatedById = CreatedById,
        ExpiresAt = ExpiresAt,
        RevokedAt = RevokedAt,
        RevokedBy = RevokedBy,
        Entries = Entries.Select(e => new ConsultationEntry { At = e.At, ReaderId = e.ReaderId, ReaderName = e.ReaderName, Comment = e.Comment }).ToList(),
    };
}

/// <summary>A reader opened a consultation link (no comment) or commented on it.</summary>
public sealed record BackupConsultationEntry(DateTime At, string ReaderId, string ReaderName, string? Comment);
